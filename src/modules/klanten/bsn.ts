import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * The burgerservicenummer (BSN): validation (elfproef), encryption at rest (AES-256-GCM with a key id so keys can
 * rotate), a keyed hash for exact search, and masking for display. The BSN never appears in logs, URLs or error
 * messages: nothing here puts it in an Error. Rotation: docs/bsn.md.
 */

/** Removes the separators people type (spaces, dots, hyphens); the rest must be 9 digits. */
export function normaliseerBsn(invoer: string): string {
  return invoer.replace(/[\s.-]/g, '');
}

/**
 * The elfproef for a BSN: 9 digits d1…d9 with 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11, and not all zeros.
 * Takes the normalised form (see `normaliseerBsn`).
 */
export function isGeldigBsn(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn) || bsn === '000000000') return false;
  let som = 0;
  for (let i = 0; i < 8; i++) som += (9 - i) * Number(bsn[i]);
  som -= Number(bsn[8]);
  return som % 11 === 0;
}

/** `*****1234`: only the last four digits, as screens show it until someone explicitly reveals it. */
export function maskeerBsn(bsn: string): string {
  return `*****${bsn.slice(-4)}`;
}

export interface BsnSleutels {
  /** Encryption keys by id; `huidig` encrypts, every key decrypts what it encrypted. */
  versleuteling: ReadonlyMap<string, Buffer>;
  huidig: string;
  /** Key of the HMAC-SHA256 used for exact search. */
  hash: Buffer;
}

export class BsnSleutelFout extends Error {}

const KEY_ID = /^[a-z0-9]{1,16}$/;

/**
 * Parses `BSN_ENCRYPTION_KEYS` (`v1:<64 hex>[,v2:<64 hex>…]`, the last one encrypts) and `BSN_HASH_KEY`
 * (64 hex). The messages name the variable, never a key.
 */
export function parseBsnSleutels(encryptionKeys: string, hashKey: string): BsnSleutels {
  const versleuteling = new Map<string, Buffer>();
  let huidig = '';
  for (const deel of encryptionKeys.split(',')) {
    const [id, hex, ...rest] = deel.trim().split(':');
    if (!id || !KEY_ID.test(id) || !hex || rest.length > 0 || !/^[0-9a-fA-F]{64}$/.test(hex)) {
      throw new BsnSleutelFout(
        'BSN_ENCRYPTION_KEYS moet de vorm v1:<64 hex-tekens>[,v2:<64 hex-tekens>] hebben (sleutel-id: kleine letters en cijfers).',
      );
    }
    if (versleuteling.has(id))
      throw new BsnSleutelFout(`BSN_ENCRYPTION_KEYS noemt sleutel-id ${id} twee keer.`);
    versleuteling.set(id, Buffer.from(hex, 'hex'));
    huidig = id;
  }
  if (!/^[0-9a-fA-F]{64}$/.test(hashKey)) throw new BsnSleutelFout('BSN_HASH_KEY moet 64 hex-tekens zijn.');
  return { versleuteling, huidig, hash: Buffer.from(hashKey, 'hex') };
}

/** Fresh keys in the configuration format (for the embedded default and for `docs/bsn.md`). */
export function genereerBsnSleutels(id = 'v1'): { encryptionKeys: string; hashKey: string } {
  return {
    encryptionKeys: `${id}:${randomBytes(32).toString('hex')}`,
    hashKey: randomBytes(32).toString('hex'),
  };
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
// Binds the ciphertext to its purpose and key id: a ciphertext cannot be replayed under another key id.
const aad = (keyId: string) => Buffer.from(`wederkerig:bsn:${keyId}`, 'utf8');

/** Encrypts a (valid, normalised) BSN: `<key id>:<base64url(iv ‖ tag ‖ ciphertext)>`. A fresh IV every time. */
export function versleutelBsn(sleutels: BsnSleutels, bsn: string): string {
  const key = sleutels.versleuteling.get(sleutels.huidig);
  if (!key) throw new BsnSleutelFout('De huidige BSN-sleutel ontbreekt.');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(sleutels.huidig));
  const ct = Buffer.concat([cipher.update(bsn, 'utf8'), cipher.final()]);
  return `${sleutels.huidig}:${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64url')}`;
}

/** The key id a stored value was encrypted with (for re-encryption after a rotation). */
export function sleutelIdVan(versleuteld: string): string | undefined {
  const i = versleuteld.indexOf(':');
  return i > 0 ? versleuteld.slice(0, i) : undefined;
}

/** Decrypts with the key the value names. Throws `BsnSleutelFout` (without the value) on an unknown key or tampering. */
export function ontsleutelBsn(sleutels: BsnSleutels, versleuteld: string): string {
  const keyId = sleutelIdVan(versleuteld);
  const key = keyId ? sleutels.versleuteling.get(keyId) : undefined;
  if (!keyId || !key) throw new BsnSleutelFout(`Onbekende BSN-sleutel-id ${keyId ?? '(geen)'}.`);
  const data = Buffer.from(versleuteld.slice(keyId.length + 1), 'base64url');
  if (data.length <= IV_BYTES + TAG_BYTES) throw new BsnSleutelFout('Versleutelde BSN is te kort.');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
    decipher.setAAD(aad(keyId));
    decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  } catch (e) {
    throw new BsnSleutelFout('Versleutelde BSN is beschadigd of hoort bij een andere sleutel.', { cause: e });
  }
}

/** Keyed hash (HMAC-SHA256, hex) for exact search: equal BSNs give equal hashes; without the key it reveals nothing. */
export function hashBsn(sleutels: BsnSleutels, bsn: string): string {
  return createHmac('sha256', sleutels.hash).update(`bsn:${bsn}`, 'utf8').digest('hex');
}
