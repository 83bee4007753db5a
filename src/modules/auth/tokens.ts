import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 as hex: how session ids, API tokens, invitation tokens and recovery codes are stored. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** A 256-bit random value, base64url, with a short prefix so a leaked token is recognisable (`wkt_…`). */
export function nieuwToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

// No 0/o, 1/l/i: easy to read aloud and to type from paper.
const HERSTEL_ALFABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A recovery code like `k7mq-x2ta-9pwe` (12 characters from 31: about 59 bits). */
export function nieuweHerstelcode(): string {
  const bytes = randomBytes(12);
  let code = '';
  for (let i = 0; i < 12; i++) {
    // 256 % 31 is small; the bias (≤ 1/256 per character) does not matter for a rate-limited code.
    code += HERSTEL_ALFABET[bytes[i]! % HERSTEL_ALFABET.length];
    if (i === 3 || i === 7) code += '-';
  }
  return code;
}
