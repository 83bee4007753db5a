import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VEELGEBRUIKTE_WACHTWOORDEN } from './veelgebruikte-wachtwoorden.ts';
import {
  BEKEND_MELDING,
  controleerBekend,
  controleerLengte,
  controleerWachtwoord,
  hashWachtwoord,
  NieuwWachtwoord,
  verifieerWachtwoord,
} from './wachtwoord.ts';
import { beoordeelSterkte, MIN_SCORE, persoonlijkeWoorden } from './wachtwoordsterkte.ts';

describe('controleerLengte', () => {
  it.each([
    ['', 'Vul een wachtwoord in.'],
    ['            ', 'alleen uit spaties'],
    ['kort', 'minstens 12 tekens'],
    ['elf-tekens!', 'minstens 12 tekens'],
    ['x'.repeat(257), 'hoogstens 256 tekens'],
  ])('rejects %j', (pw, message) => {
    expect(controleerLengte(pw)).toContain(message);
    expect(controleerWachtwoord(pw)).toContain(message);
  });

  it.each([['twaalf-teken'], ['Wederkerig-demo-2026'], ['een zin van een paar woorden'], ['x'.repeat(256)]])(
    'accepts the length of %j',
    (pw) => {
      expect(controleerLengte(pw)).toBeUndefined();
    },
  );

  it('counts characters, not UTF-16 units (12 emoji are 12 characters)', () => {
    expect(controleerLengte('🔑'.repeat(11))).toBeDefined();
    expect(controleerLengte('🔑'.repeat(12))).toBeUndefined();
  });

  it('accepts every password of 12–256 characters with a non-space character', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 11, maxLength: 255, unit: 'grapheme-ascii' }).map((s) => `${s}a`),
        (pw) => {
          fc.pre([...pw].length >= 12);
          expect(controleerLengte(pw)).toBeUndefined();
        },
      ),
    );
  });

  it('rejects every password shorter than 12 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 11 }), (pw) => {
        fc.pre([...pw].length < 12);
        expect(controleerWachtwoord(pw)).toBeDefined();
      }),
    );
  });
});

describe('controleerWachtwoord: length and strength', () => {
  it.each([
    ['Wachtwoord1234', 'hoofdletters'],
    ['aaaaaaaaaaaaaaaa', 'Herhaalde tekens'],
    ['qwertyuiopasdf', 'vaak wordt gebruikt'],
    ['asdfghjkl;123', 'toetsenbord'],
    ['wederkerig2026!', 'Wederkerig'],
    ['123456789012', 'makkelijk te raden'],
  ])('refuses the easily guessed %j with Dutch advice', (pw, uitleg) => {
    const melding = controleerWachtwoord(pw);
    expect(melding).toMatch(/^Dit wachtwoord is te makkelijk te raden\./);
    expect(melding).toContain(uitleg);
  });

  it("refuses a password made of the person's own name and e-mail address", () => {
    const persoon = { email: 'janneke.bosma@aardam.nl', naam: 'Janneke Bosma' };
    expect(controleerWachtwoord('janneke.bosma2026', persoon)).toContain('gegevens van uzelf');
    expect(controleerWachtwoord('janneke.bosma2026')).toBeUndefined();
  });

  it.each([
    ['Wederkerig-demo-2026'],
    ['paarse olifant fietst langzaam'],
    ['Tafel-Regen-Knoop-47'],
    ['een zin van een paar woorden'],
  ])('accepts the strong %j', (pw) => {
    expect(controleerWachtwoord(pw)).toBeUndefined();
    expect(beoordeelSterkte(pw).score).toBeGreaterThanOrEqual(MIN_SCORE);
  });

  it("lists the person's words an attacker tries first", () => {
    expect(persoonlijkeWoorden({ email: 'j.de-vries@gemeente.nl', naam: 'Jan de Vries' })).toEqual(
      expect.arrayContaining(['wederkerig', 'j.de-vries@gemeente.nl', 'vries', 'jan', 'gemeente']),
    );
  });

  it('agrees with the zod schema', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (pw) => {
        expect(NieuwWachtwoord.safeParse(pw).success).toBe(controleerWachtwoord(pw) === undefined);
      }),
      { numRuns: 50 },
    );
  });
});

describe('controleerBekend: common and breached passwords and their small variations', () => {
  it.each([
    ['welkom123welkom'],
    ['Welkom123welkom!'],
    ['Welkom01welkom01'],
    ['Zomer2026!Zomer'],
    ['Wachtwoord2026!'],
    ['W4chtw00rd-2026'],
    ['Februari2027!!'],
    ['Feyenoord1908!'],
    ['iloveyou1234'],
    ['abcabcabcabc'],
    ['Password123!'],
  ])('refuses %j with the Dutch explanation (in the whole check too)', (pw) => {
    expect(controleerBekend(pw)).toBe(BEKEND_MELDING);
    const melding = controleerWachtwoord(pw);
    expect(melding).toMatch(/^Dit wachtwoord is te makkelijk te raden\./);
  });

  it('refuses what zxcvbn alone let through (the security test’s administrator password)', () => {
    expect(controleerWachtwoord('welkom123welkom')).toBe(BEKEND_MELDING);
  });

  it.each([
    ['Wederkerig-demo-2026'],
    ['Paarse-olifant-fietst-langzaam'],
    ['Tafel-Regen-Knoop-47'],
    ['een zin van een paar woorden'],
    ['Een-lang-wachtwoord-9'],
  ])('accepts %j (words combined, not one known word varied)', (pw) => {
    expect(controleerBekend(pw)).toBeUndefined();
  });

  it('bundles the common passwords and the Dutch words', () => {
    for (const w of ['123456', 'password', 'qwerty', 'iloveyou', 'welkom', 'wachtwoord', 'zomer'])
      expect(VEELGEBRUIKTE_WACHTWOORDEN.has(w), w).toBe(true);
  });

  it('refuses every known word with digits and signs after it, or repeated', () => {
    const woorden = [...VEELGEBRUIKTE_WACHTWOORDEN].filter((w) => /^[a-z]+$/.test(w));
    fc.assert(
      fc.property(
        fc.constantFrom(...woorden),
        fc.stringMatching(/^[0-9!?#.-]{0,6}$/),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        (woord, rest, keer, hoofdletter) => {
          const w = hoofdletter ? woord.charAt(0).toUpperCase() + woord.slice(1) : woord;
          expect(controleerBekend(`${w}${rest}`.repeat(keer))).toBe(BEKEND_MELDING);
        },
      ),
    );
  });
});

describe('hashWachtwoord', () => {
  it('produces an Argon2id hash that verifies only the same password', async () => {
    const h = await hashWachtwoord('Wederkerig-demo-2026');
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifieerWachtwoord(h, 'Wederkerig-demo-2026')).toBe(true);
    expect(await verifieerWachtwoord(h, 'Wederkerig-demo-2027')).toBe(false);
    expect(await verifieerWachtwoord('geen-hash', 'Wederkerig-demo-2026')).toBe(false);
  });
});
