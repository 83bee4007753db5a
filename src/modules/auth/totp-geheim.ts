import {
  isVersleuteld,
  ontsleutel,
  type Sleutelring,
  SleutelringFout,
  sleutelIdVan,
  versleutel,
} from '../../lib/sleutelring.ts';

/**
 * TOTP secrets at rest: AES-256-GCM under `TOTP_ENCRYPTION_KEYS`, bound to the user (the AAD names the purpose
 * and the user id), so a secret copied into another user's row does not decrypt.
 *
 * Secrets stored before encryption existed are plain base32 (no key-id prefix). They still work and are
 * encrypted the next time they are used (`moetOpnieuw`), and `serve` encrypts all remaining ones at start
 * (`versleutelOudeTotpGeheimen`). The same flag asks for re-encryption after a key rotation.
 */

const doel = (gebruikerId: string) => `totp-geheim:${gebruikerId.toLowerCase()}`;

/** Encrypts a base32 secret for this user with the current key. */
export function versleutelTotpGeheim(ring: Sleutelring, gebruikerId: string, geheim: string): string {
  return versleutel(ring, doel(gebruikerId), geheim);
}

/**
 * The base32 secret from its stored form, and whether it should be stored again (plain, or under an older key).
 * Without a keyring only plain secrets can be read.
 */
export function leesTotpGeheim(
  ring: Sleutelring | undefined,
  gebruikerId: string,
  opgeslagen: string,
): { geheim: string; moetOpnieuw: boolean } {
  if (!isVersleuteld(opgeslagen)) return { geheim: opgeslagen, moetOpnieuw: ring !== undefined };
  if (!ring)
    throw new SleutelringFout(
      'TOTP_ENCRYPTION_KEYS ontbreekt: een versleuteld TOTP-geheim kan niet worden gelezen.',
    );
  return {
    geheim: ontsleutel(ring, doel(gebruikerId), opgeslagen),
    moetOpnieuw: sleutelIdVan(opgeslagen) !== ring.huidig,
  };
}
