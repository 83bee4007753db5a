import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * A keyring for encrypting small secrets at rest with AES-256-GCM: keys carry an id so they can rotate (the
 * last key encrypts, every key decrypts what it encrypted), and every ciphertext is bound to its purpose through
 * the additional authenticated data (AAD), so a value cannot be moved to another column, another row or another
 * key id without failing to decrypt. Stored form: `<key id>:<base64url(iv ‖ tag ‖ ciphertext)>`.
 *
 * Configuration format (as `BSN_ENCRYPTION_KEYS`): `v1:<64 hex>[,v2:<64 hex>…]`. Error messages name the
 * variable, never a key or a value.
 */

export interface Sleutelring {
  /** Keys by id; `huidig` encrypts, every key decrypts what it encrypted. */
  sleutels: ReadonlyMap<string, Buffer>;
  huidig: string;
  /** The configuration variable, for messages (`TOTP_ENCRYPTION_KEYS`). */
  variabele: string;
}

export class SleutelringFout extends Error {}

const KEY_ID = /^[a-z0-9]{1,16}$/;
/** A value that starts with a key id and a colon is encrypted; anything else is treated as plain text. */
const VERSLEUTELD = /^[a-z0-9]{1,16}:[A-Za-z0-9_-]+$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The format of the configuration value, for a zod regex. */
export const SLEUTELRING_VORM = /^[a-z0-9]{1,16}:[0-9a-fA-F]{64}(,[a-z0-9]{1,16}:[0-9a-fA-F]{64})*$/;

/** Parses `v1:<64 hex>[,v2:<64 hex>…]`; the last key encrypts. */
export function parseSleutelring(waarde: string, variabele: string): Sleutelring {
  const sleutels = new Map<string, Buffer>();
  let huidig = '';
  for (const deel of waarde.split(',')) {
    const [id, hex, ...rest] = deel.trim().split(':');
    if (!id || !KEY_ID.test(id) || !hex || rest.length > 0 || !/^[0-9a-fA-F]{64}$/.test(hex)) {
      throw new SleutelringFout(
        `${variabele} moet de vorm v1:<64 hex-tekens>[,v2:<64 hex-tekens>] hebben (sleutel-id: kleine letters en cijfers).`,
      );
    }
    if (sleutels.has(id)) throw new SleutelringFout(`${variabele} noemt sleutel-id ${id} twee keer.`);
    sleutels.set(id, Buffer.from(hex, 'hex'));
    huidig = id;
  }
  return { sleutels, huidig, variabele };
}

/** A fresh keyring value in the configuration format (embedded default, documentation). */
export function genereerSleutelring(id = 'v1'): string {
  return `${id}:${randomBytes(32).toString('hex')}`;
}

const aad = (doel: string, keyId: string) => Buffer.from(`wederkerig:${doel}:${keyId}`, 'utf8');

/** Is this stored value in the encrypted form (a key id prefix)? Plain values (e.g. from before encryption) are not. */
export function isVersleuteld(waarde: string): boolean {
  return VERSLEUTELD.test(waarde);
}

/** The key id a stored value was encrypted with (for re-encryption after a rotation). */
export function sleutelIdVan(versleuteld: string): string | undefined {
  return isVersleuteld(versleuteld) ? versleuteld.slice(0, versleuteld.indexOf(':')) : undefined;
}

/**
 * Encrypts `klaartekst` for `doel` (the purpose and owner, e.g. `totp-geheim:<user id>`) with the current key and
 * a fresh IV.
 */
export function versleutel(ring: Sleutelring, doel: string, klaartekst: string): string {
  const key = ring.sleutels.get(ring.huidig);
  if (!key) throw new SleutelringFout(`De huidige sleutel van ${ring.variabele} ontbreekt.`);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(doel, ring.huidig));
  const ct = Buffer.concat([cipher.update(klaartekst, 'utf8'), cipher.final()]);
  return `${ring.huidig}:${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64url')}`;
}

/**
 * Decrypts a value for `doel` with the key it names. Throws `SleutelringFout` (without the value) on an unknown
 * key id, a different purpose, or tampering.
 */
export function ontsleutel(ring: Sleutelring, doel: string, versleuteld: string): string {
  const keyId = sleutelIdVan(versleuteld);
  const key = keyId ? ring.sleutels.get(keyId) : undefined;
  if (!keyId || !key)
    throw new SleutelringFout(`Onbekende sleutel-id ${keyId ?? '(geen)'} voor ${ring.variabele}.`);
  const data = Buffer.from(versleuteld.slice(keyId.length + 1), 'base64url');
  if (data.length <= IV_BYTES + TAG_BYTES) throw new SleutelringFout('De versleutelde waarde is te kort.');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
    decipher.setAAD(aad(doel, keyId));
    decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  } catch (e) {
    throw new SleutelringFout(
      `De versleutelde waarde is beschadigd, hoort bij een ander doel of bij een andere sleutel (${ring.variabele}).`,
      { cause: e },
    );
  }
}
