import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { VEELGEBRUIKTE_WACHTWOORDEN } from './veelgebruikte-wachtwoorden.ts';
import { beoordeelSterkte, MIN_SCORE, persoonlijkeWoorden, sterkteMelding } from './wachtwoordsterkte.ts';

/** Argon2id with the OWASP minimum (m=19 MiB, t=2, p=1). `algorithm: 2` is Argon2id: the const enum is `{}` at runtime. */
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const WACHTWOORD_MIN = 12;
/** An upper bound keeps hashing cheap for absurd input; passphrases fit easily. */
export const WACHTWOORD_MAX = 256;

/**
 * The length rules of a new password (at least 12 characters, at most 256, not only spaces). Returns the Dutch
 * message to show, or undefined when the length is acceptable.
 */
export function controleerLengte(wachtwoord: string): string | undefined {
  const lengte = [...wachtwoord].length;
  if (lengte === 0) return 'Vul een wachtwoord in.';
  if (wachtwoord.trim().length === 0) return 'Een wachtwoord kan niet alleen uit spaties bestaan.';
  if (lengte < WACHTWOORD_MIN)
    return `Kies een wachtwoord van minstens ${WACHTWOORD_MIN} tekens. Een zin van een paar woorden werkt goed.`;
  if (lengte > WACHTWOORD_MAX) return `Kies een wachtwoord van hoogstens ${WACHTWOORD_MAX} tekens.`;
  return undefined;
}

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

/** The shortest string whose repetition is `s` (`welkomwelkom` → `welkom`; `abc` → `abc`). */
function wortel(s: string): string {
  for (let p = 1; p <= s.length / 2; p++)
    if (s.length % p === 0 && s.slice(0, p).repeat(s.length / p) === s) return s.slice(0, p);
  return s;
}

export const BEKEND_MELDING =
  'Dit wachtwoord is te makkelijk te raden. Het staat op een lijst van veelgebruikte of uitgelekte wachtwoorden, ' +
  'of het is er een kleine variatie op (een bekend woord met cijfers of tekens erbij, of herhaald). Kies iets ' +
  'anders, bijvoorbeeld een zin van een paar gewone woorden.';

/**
 * Is the password on the bundled list of common and breached passwords (`veelgebruikte-wachtwoorden.ts`), or a
 * small variation of one: as typed without signs, its letters alone (`Welkom2026!` → `welkom`), with digits read
 * as letters (`W4chtw00rd-2026`), or any of these repeated (`welkom123welkom` → `welkomwelkom` → `welkom`)? A short
 * pattern repeated (`abcabcabcabc`) counts too. Returns the Dutch message, or undefined.
 */
export function controleerBekend(wachtwoord: string): string | undefined {
  const klein = wachtwoord.toLowerCase();
  const varianten = [
    klein.replace(/[^a-z0-9]/g, ''),
    klein.replace(/[^a-z]/g, ''),
    [...klein.replace(/^[^a-z]+|[^a-z]+$/g, '')]
      .map((c) => LEET[c] ?? c)
      .join('')
      .replace(/[^a-z]/g, ''),
  ];
  for (const v of varianten) {
    if (v === '') continue;
    const w = wortel(v);
    if (VEELGEBRUIKTE_WACHTWOORDEN.has(v) || VEELGEBRUIKTE_WACHTWOORDEN.has(w)) return BEKEND_MELDING;
    if (w !== v && w.length <= 4) return BEKEND_MELDING;
  }
  return undefined;
}

/**
 * Checks a new password against all rules: the length rules, then its strength (zxcvbn score 3 or more, with the
 * person's own name and e-mail address counted as easy to guess), then the list of common and breached passwords
 * with their small variations (`controleerBekend`). Returns the Dutch message to show (with what
 * makes it weak), or undefined when the password is acceptable.
 */
export function controleerWachtwoord(
  wachtwoord: string,
  persoon: { email?: string; naam?: string } = {},
): string | undefined {
  return (
    controleerLengte(wachtwoord) ??
    sterkteMelding(wachtwoord, persoonlijkeWoorden(persoon)) ??
    controleerBekend(wachtwoord)
  );
}

/**
 * For the strength meter while typing: the score (0–4) and the message the form would give, or a confirmation
 * when the password is acceptable.
 */
export function beoordeelNieuwWachtwoord(
  wachtwoord: string,
  persoon: { email?: string; naam?: string } = {},
): { score: number; voldoende: boolean; melding: string } {
  const fout = controleerWachtwoord(wachtwoord, persoon);
  const { score } = beoordeelSterkte(wachtwoord, persoonlijkeWoorden(persoon));
  return {
    score: fout ? Math.min(score, MIN_SCORE - 1) : score,
    voldoende: fout === undefined,
    melding: fout ?? 'Dit wachtwoord is sterk genoeg.',
  };
}

/** The same rules as a zod schema, for form and CLI input. */
export const NieuwWachtwoord = z.string().superRefine((value, ctx) => {
  const fout = controleerWachtwoord(value);
  if (fout) ctx.addIssue({ code: 'custom', message: fout });
});

/** Hashes a password with Argon2id (PHC string, salt included). Does not check the rules: call `controleerWachtwoord` first. */
export async function hashWachtwoord(wachtwoord: string): Promise<string> {
  return hash(wachtwoord, ARGON2_OPTIONS);
}

/** Checks a password against a stored hash; false (never an exception) on a malformed hash. */
export async function verifieerWachtwoord(opgeslagenHash: string, wachtwoord: string): Promise<boolean> {
  if (wachtwoord.length > WACHTWOORD_MAX * 4) return false;
  try {
    return await verify(opgeslagenHash, wachtwoord);
  } catch {
    return false;
  }
}
