import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { BsnSleutels } from '../bsn.ts';

/**
 * The uploaded file waits in the database between the dry run and the background job. It may hold BSNs, so it is
 * stored like one: AES-256-GCM with the current BSN encryption key (compressed first), bound to its import's id
 * so a stored file cannot be moved to another import. Layout: key-id length (1 byte) ‖ key id ‖ IV (12) ‖ tag (16)
 * ‖ ciphertext. Rotation: a file encrypted under an older key still decrypts while that key is configured.
 */

const aad = (importId: string) => Buffer.from(`wederkerig:klant-import:${importId}`, 'utf8');

export function versleutelBestand(sleutels: BsnSleutels, importId: string, bytes: Uint8Array): Buffer {
  const sleutel = sleutels.versleuteling.get(sleutels.huidig);
  if (!sleutel) throw new Error('current BSN key missing');
  const id = Buffer.from(sleutels.huidig, 'utf8');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sleutel, iv);
  cipher.setAAD(aad(importId));
  const versleuteld = Buffer.concat([cipher.update(gzipSync(bytes)), cipher.final()]);
  return Buffer.concat([Buffer.from([id.length]), id, iv, cipher.getAuthTag(), versleuteld]);
}

export function ontsleutelBestand(sleutels: BsnSleutels, importId: string, opgeslagen: Uint8Array): Buffer {
  const data = Buffer.from(opgeslagen);
  const idLengte = data[0] ?? 0;
  const id = data.subarray(1, 1 + idLengte).toString('utf8');
  const sleutel = sleutels.versleuteling.get(id);
  if (!sleutel) throw new Error('the key of this import file is no longer configured');
  const iv = data.subarray(1 + idLengte, 13 + idLengte);
  const tag = data.subarray(13 + idLengte, 29 + idLengte);
  const decipher = createDecipheriv('aes-256-gcm', sleutel, iv);
  decipher.setAAD(aad(importId));
  decipher.setAuthTag(tag);
  return gunzipSync(Buffer.concat([decipher.update(data.subarray(29 + idLengte)), decipher.final()]));
}
