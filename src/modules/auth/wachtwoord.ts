import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
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

/**
 * Checks a new password against all rules: the length rules, then its strength (zxcvbn score 3 or more, with the
 * person's own name and e-mail address counted as easy to guess). Returns the Dutch message to show (with what
 * makes it weak), or undefined when the password is acceptable.
 */
export function controleerWachtwoord(
  wachtwoord: string,
  persoon: { email?: string; naam?: string } = {},
): string | undefined {
  return controleerLengte(wachtwoord) ?? sterkteMelding(wachtwoord, persoonlijkeWoorden(persoon));
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
