import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { controleerWachtwoord, hashWachtwoord, NieuwWachtwoord, verifieerWachtwoord } from './wachtwoord.ts';

describe('controleerWachtwoord', () => {
  it.each([
    ['', 'Vul een wachtwoord in.'],
    ['            ', 'alleen uit spaties'],
    ['kort', 'minstens 12 tekens'],
    ['elf-tekens!', 'minstens 12 tekens'],
    ['x'.repeat(257), 'hoogstens 256 tekens'],
  ])('rejects %j', (pw, message) => {
    expect(controleerWachtwoord(pw)).toContain(message);
  });

  it.each([['twaalf-teken'], ['Wederkerig-demo-2026'], ['een zin van een paar woorden'], ['x'.repeat(256)]])(
    'accepts %j',
    (pw) => {
      expect(controleerWachtwoord(pw)).toBeUndefined();
    },
  );

  it('counts characters, not UTF-16 units (12 emoji are 12 characters)', () => {
    expect(controleerWachtwoord('🔑'.repeat(11))).toBeDefined();
    expect(controleerWachtwoord('🔑'.repeat(12))).toBeUndefined();
  });

  it('accepts every password of 12–256 characters with a non-space character', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 11, maxLength: 255, unit: 'grapheme-ascii' }).map((s) => `${s}a`),
        (pw) => {
          fc.pre([...pw].length >= 12);
          expect(controleerWachtwoord(pw)).toBeUndefined();
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

  it('agrees with the zod schema', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (pw) => {
        expect(NieuwWachtwoord.safeParse(pw).success).toBe(controleerWachtwoord(pw) === undefined);
      }),
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
