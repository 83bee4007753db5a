/**
 * The encrypted container of a backup: AES-256-GCM in chunks, so a backup of any size is written and read as a
 * stream and every chunk is authenticated before anything of it is used.
 *
 * Layout:
 *   kop (57 bytes): "WKBACKUP" (8) · format version 1 (1) · key id (16) · salt (32)
 *   chunks:         length of the ciphertext (4, big-endian) · last-chunk flag (1) · ciphertext · GCM tag (16)
 *
 * The file key is HKDF-SHA256(BACKUP_ENCRYPTION_KEY, salt): a fresh key per backup, so the nonce can be the chunk
 * number. Every chunk authenticates the whole header, its own number and its flag (additional data): chunks cannot
 * be reordered, dropped, moved between backups or cut off (the last chunk carries the flag, nothing may follow
 * it, and a file that ends without it is refused). The key id (HMAC of the key) tells "wrong key" apart from "damaged
 * file"; it reveals nothing about the key.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

const MAGIE = Buffer.from('WKBACKUP', 'ascii');
const VERSIE = 1;
const SLEUTEL_ID_LENGTE = 16;
const SALT_LENGTE = 32;
export const KOP_LENGTE = MAGIE.length + 1 + SLEUTEL_ID_LENGTE + SALT_LENGTE;
const TAG_LENGTE = 16;
const CHUNK_KOP = 5;
/** Plaintext per chunk when writing. */
export const STANDAARD_CHUNK = 64 * 1024;
/** The largest chunk a reader accepts (a damaged length field must not make it allocate gigabytes). */
const MAX_CHUNK = 16 * 1024 * 1024;

export type BackupFoutSoort = 'geen-backup' | 'versie' | 'sleutel' | 'beschadigd' | 'onvolledig';

/** A backup that cannot be read; the message is Dutch and says what to do. */
export class BackupFout extends Error {
  constructor(
    readonly soort: BackupFoutSoort,
    message: string,
  ) {
    super(message);
    this.name = 'BackupFout';
  }
}

const MELDING: Record<BackupFoutSoort, string> = {
  'geen-backup': 'Dit bestand is geen backup van Wederkerig.',
  versie: 'Deze backup heeft een onbekende opmaakversie: gebruik een nieuwere versie van Wederkerig.',
  sleutel:
    'Deze backup is met een andere sleutel versleuteld: BACKUP_ENCRYPTION_KEY is niet de sleutel van deze backup.',
  beschadigd:
    'De backup is beschadigd of gewijzigd: de controle van de versleuteling klopt niet. Er is niets hersteld.',
  onvolledig: 'De backup is onvolledig (het bestand houdt te vroeg op). Er is niets hersteld.',
};

function fout(soort: BackupFoutSoort): BackupFout {
  return new BackupFout(soort, MELDING[soort]);
}

/** Reads BACKUP_ENCRYPTION_KEY: 64 hexadecimal characters (32 bytes). */
export function parseBackupSleutel(waarde: string | undefined): Buffer {
  if (!waarde) {
    throw new BackupFout(
      'sleutel',
      'BACKUP_ENCRYPTION_KEY ontbreekt: stel een sleutel van 64 hexadecimale tekens in (bijvoorbeeld met ' +
        '`openssl rand -hex 32`) en bewaar hem buiten de datamap en buiten de backups.',
    );
  }
  if (!/^[0-9a-fA-F]{64}$/.test(waarde)) {
    throw new BackupFout('sleutel', 'BACKUP_ENCRYPTION_KEY moet uit precies 64 hexadecimale tekens bestaan.');
  }
  return Buffer.from(waarde, 'hex');
}

function sleutelId(sleutel: Buffer): Buffer {
  return createHmac('sha256', sleutel)
    .update('wederkerig-backup-sleutel-id')
    .digest()
    .subarray(0, SLEUTEL_ID_LENGTE);
}

function bestandSleutel(sleutel: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', sleutel, salt, 'wederkerig-backup v1', 32));
}

function nonce(nummer: number): Buffer {
  const n = Buffer.alloc(12);
  n.writeBigUInt64BE(BigInt(nummer), 4);
  return n;
}

function extraData(kop: Buffer, nummer: number, laatste: boolean): Buffer {
  const d = Buffer.alloc(9);
  d.writeBigUInt64BE(BigInt(nummer), 0);
  d[8] = laatste ? 1 : 0;
  return Buffer.concat([kop, d]);
}

/** Encrypts a stream of bytes into the chunked format; feed it with `schrijf`, close it with `einde`. */
export class Versleutelaar {
  private readonly kop: Buffer;
  private readonly sleutel: Buffer;
  private buffer: Buffer[] = [];
  private gebufferd = 0;
  private nummer = 0;
  private kopGeschreven = false;
  private klaar = false;

  constructor(
    sleutel: Buffer,
    private readonly chunkGrootte = STANDAARD_CHUNK,
    salt: Buffer = randomBytes(SALT_LENGTE),
  ) {
    if (sleutel.length !== 32) throw new Error('backup key must be 32 bytes');
    if (!Number.isInteger(chunkGrootte) || chunkGrootte < 1 || chunkGrootte > MAX_CHUNK) {
      throw new Error('invalid chunk size');
    }
    this.kop = Buffer.concat([MAGIE, Buffer.from([VERSIE]), sleutelId(sleutel), salt]);
    this.sleutel = bestandSleutel(sleutel, salt);
  }

  /** Returns the bytes ready to be written (the header first, then every full chunk). */
  schrijf(data: Uint8Array): Buffer[] {
    if (this.klaar) throw new Error('Versleutelaar already finished');
    const uit = this.kopOnce();
    if (data.length > 0) {
      this.buffer.push(Buffer.from(data));
      this.gebufferd += data.length;
    }
    // Keep at least one byte back: the last chunk is only known at `einde`.
    if (this.gebufferd > this.chunkGrootte) {
      let alles = Buffer.concat(this.buffer);
      while (alles.length > this.chunkGrootte) {
        uit.push(this.chunk(alles.subarray(0, this.chunkGrootte), false));
        alles = alles.subarray(this.chunkGrootte);
      }
      this.buffer = [alles];
      this.gebufferd = alles.length;
    }
    return uit;
  }

  /** Writes what is left as the last chunk (possibly empty). */
  einde(): Buffer[] {
    if (this.klaar) throw new Error('Versleutelaar already finished');
    const uit = this.kopOnce();
    uit.push(this.chunk(Buffer.concat(this.buffer), true));
    this.buffer = [];
    this.gebufferd = 0;
    this.klaar = true;
    return uit;
  }

  private kopOnce(): Buffer[] {
    if (this.kopGeschreven) return [];
    this.kopGeschreven = true;
    return [this.kop];
  }

  private chunk(klaretekst: Buffer, laatste: boolean): Buffer {
    const cipher = createCipheriv('aes-256-gcm', this.sleutel, nonce(this.nummer));
    cipher.setAAD(extraData(this.kop, this.nummer, laatste));
    const geheim = Buffer.concat([cipher.update(klaretekst), cipher.final()]);
    const kop = Buffer.alloc(CHUNK_KOP);
    kop.writeUInt32BE(geheim.length, 0);
    kop[4] = laatste ? 1 : 0;
    this.nummer++;
    return Buffer.concat([kop, geheim, cipher.getAuthTag()]);
  }
}

/** Decrypts the chunked format; gives plaintext only of chunks that authenticated. */
export class Ontsleutelaar {
  private binnen = Buffer.alloc(0);
  private kop: Buffer | undefined;
  private bestandsleutel: Buffer | undefined;
  private nummer = 0;
  private klaar = false;

  constructor(private readonly sleutel: Buffer) {}

  schrijf(data: Uint8Array): Buffer[] {
    this.binnen = this.binnen.length === 0 ? Buffer.from(data) : Buffer.concat([this.binnen, data]);
    const uit: Buffer[] = [];
    if (!this.kop) {
      // A file that does not even start like a backup is told as such, also when it is short.
      const magie = this.binnen.subarray(0, Math.min(MAGIE.length, this.binnen.length));
      if (!magie.equals(MAGIE.subarray(0, magie.length))) throw fout('geen-backup');
      if (this.binnen.length < KOP_LENGTE) return uit;
      const kop = this.binnen.subarray(0, KOP_LENGTE);
      if (kop[MAGIE.length] !== VERSIE) throw fout('versie');
      const id = kop.subarray(MAGIE.length + 1, MAGIE.length + 1 + SLEUTEL_ID_LENGTE);
      if (!timingSafeEqual(id, sleutelId(this.sleutel))) throw fout('sleutel');
      this.kop = Buffer.from(kop);
      this.bestandsleutel = bestandSleutel(this.sleutel, kop.subarray(MAGIE.length + 1 + SLEUTEL_ID_LENGTE));
      this.binnen = this.binnen.subarray(KOP_LENGTE);
    }
    while (this.binnen.length > 0) {
      if (this.klaar) throw fout('beschadigd');
      if (this.binnen.length < CHUNK_KOP) break;
      const lengte = this.binnen.readUInt32BE(0);
      const vlag = this.binnen[4];
      if (lengte > MAX_CHUNK || (vlag !== 0 && vlag !== 1)) throw fout('beschadigd');
      const totaal = CHUNK_KOP + lengte + TAG_LENGTE;
      if (this.binnen.length < totaal) break;
      const laatste = vlag === 1;
      const decipher = createDecipheriv('aes-256-gcm', this.bestandsleutel as Buffer, nonce(this.nummer));
      decipher.setAAD(extraData(this.kop, this.nummer, laatste));
      decipher.setAuthTag(this.binnen.subarray(CHUNK_KOP + lengte, totaal));
      let klaretekst: Buffer;
      try {
        klaretekst = Buffer.concat([
          decipher.update(this.binnen.subarray(CHUNK_KOP, CHUNK_KOP + lengte)),
          decipher.final(),
        ]);
      } catch {
        throw fout('beschadigd');
      }
      this.binnen = this.binnen.subarray(totaal);
      this.nummer++;
      if (klaretekst.length > 0) uit.push(klaretekst);
      if (laatste) this.klaar = true;
    }
    return uit;
  }

  /** The input has ended: it must have ended exactly after the last chunk. */
  einde(): void {
    if (!this.kop && this.binnen.length === 0) throw fout('geen-backup');
    if (!this.kop) throw fout('onvolledig');
    if (!this.klaar || this.binnen.length > 0) throw fout(this.klaar ? 'beschadigd' : 'onvolledig');
  }
}

/**
 * Fingerprints of the data's keys (BSN, TOTP, access-log signing), keyed with the backup key: the backup records
 * which keys its data needs without holding them, and a restore with other keys configured is refused up front.
 */
export function sleutelVingerafdrukken(
  backupSleutel: Buffer,
  sleutels: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const uit: Record<string, string> = {};
  for (const [naam, waarde] of Object.entries(sleutels)) {
    if (!waarde) continue;
    uit[naam] = createHmac('sha256', backupSleutel).update(`${naam}\n${waarde}`).digest('hex').slice(0, 32);
  }
  return uit;
}

/** The names of the keys whose fingerprint differs between the backup and the configuration. */
export function andereSleutels(
  inBackup: Readonly<Record<string, string>>,
  nu: Readonly<Record<string, string>>,
): string[] {
  return Object.keys(inBackup)
    .filter((naam) => nu[naam] !== inBackup[naam])
    .sort();
}

/** Encrypts a whole buffer (tests, small data). */
export function versleutel(data: Uint8Array, sleutel: Buffer, chunkGrootte = STANDAARD_CHUNK): Buffer {
  const v = new Versleutelaar(sleutel, chunkGrootte);
  return Buffer.concat([...v.schrijf(data), ...v.einde()]);
}

/** Decrypts a whole buffer; throws BackupFout when it is not intact. */
export function ontsleutel(data: Uint8Array, sleutel: Buffer): Buffer {
  const o = new Ontsleutelaar(sleutel);
  const uit = o.schrijf(data);
  o.einde();
  return Buffer.concat(uit);
}

/** A stream that encrypts what flows through it. */
export function versleutelStroom(sleutel: Buffer): Transform {
  const v = new Versleutelaar(sleutel);
  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      for (const b of v.schrijf(chunk)) this.push(b);
      cb();
    },
    flush(cb: TransformCallback) {
      for (const b of v.einde()) this.push(b);
      cb();
    },
  });
}

/** A stream that decrypts what flows through it; errors with a BackupFout when the backup is not intact. */
export function ontsleutelStroom(sleutel: Buffer): Transform {
  const o = new Ontsleutelaar(sleutel);
  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      try {
        for (const b of o.schrijf(chunk)) this.push(b);
        cb();
      } catch (e) {
        cb(e as Error);
      }
    },
    flush(cb: TransformCallback) {
      try {
        o.einde();
        cb();
      } catch (e) {
        cb(e as Error);
      }
    },
  });
}
