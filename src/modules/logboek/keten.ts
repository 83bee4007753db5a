import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The pure part of the access log's tamper evidence: canonical forms, hashes, seals and the chain check.
 * No I/O here; the service, the maintenance job and `logboek verify` feed it rows from the database.
 *
 * Scheme (docs/logboek.md): entries form one hash chain per (partition, dienst, gemeente), with a gapless
 * sequence number. `hash = sha256(previous hash || canonical entry)`; the chain starts from a genesis hash
 * derived from the chain's key. The chain head (last sequence number and hash) lives in `logboek_keten`.
 * A closed partition's heads are sealed with HMAC-SHA256 under LOGBOEK_SIGNING_KEY; each seal includes the
 * previous partition's seal, so partitions form a signed chain too.
 */

export const LOGBOEK_ACTIES = ['lezen', 'aanmaken', 'wijzigen', 'verwijderen', 'exporteren'] as const;
export type LogboekActie = (typeof LOGBOEK_ACTIES)[number];

/** Identifies one chain. `gemeenteId` null: entries about service-level subjects (accounts, the register). */
export interface KetenSleutel {
  /** Start of the partition's range (UTC month start). */
  partitie: Date;
  dienstId: string;
  gemeenteId: string | null;
}

/** One entry as stored, the fields covered by its hash. */
export interface LogboekRegelData {
  volgnummer: number;
  tijdstip: Date;
  dienstId: string;
  gemeenteId: string | null;
  /** The user's pseudonymous uuid, or `systeem`. */
  actorId: string;
  /** Why the system acted (`job:logboek-onderhoud`); null for users. */
  actorReden: string | null;
  /** Role id, or `systeem`. */
  rol: string;
  actie: LogboekActie;
  subjectType: string;
  subjectId: string;
  verwerkingsactiviteitId: string;
  traceId: string | null;
}

export interface OpgeslagenRegel extends LogboekRegelData {
  hash: string;
}

export interface KetenKop {
  volgnummer: number;
  hash: string;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** The chain's starting hash: binds sequence number 1 to this partition, service and municipality. */
export function genesisHash(sleutel: KetenSleutel): string {
  return sha256(
    `wederkerig-logboek-genesis-v1|${sleutel.partitie.toISOString()}|${sleutel.dienstId}|${sleutel.gemeenteId ?? '-'}`,
  );
}

/**
 * The canonical form of an entry: a JSON array in a fixed order (JSON.stringify of strings, numbers and null is
 * deterministic). Adding a field means a new version tag, never a silent change.
 */
export function canoniekeRegel(r: LogboekRegelData): string {
  return JSON.stringify([
    'wederkerig-logboek-regel-v1',
    r.volgnummer,
    r.tijdstip.toISOString(),
    r.dienstId,
    r.gemeenteId,
    r.actorId,
    r.actorReden,
    r.rol,
    r.actie,
    r.subjectType,
    r.subjectId,
    r.verwerkingsactiviteitId,
    r.traceId,
  ]);
}

/** `sha256(previous hash bytes || canonical entry as UTF-8)`, hex. */
export function regelHash(vorigeHash: string, r: LogboekRegelData): string {
  return sha256(Buffer.concat([Buffer.from(vorigeHash, 'hex'), Buffer.from(canoniekeRegel(r), 'utf8')]));
}

// ---------------------------------------------------------------------------------------------------------
// Seals (HMAC-SHA256). The key is 32 bytes given as 64 hex characters; it never enters the database.

function hmac(sleutelHex: string, data: string): string {
  return createHmac('sha256', Buffer.from(sleutelHex, 'hex')).update(data, 'utf8').digest('hex');
}

/** A short public id of a key (not secret), stored with each seal so a rotation can be recognised. */
export function sleutelId(sleutelHex: string): string {
  return sha256(Buffer.from(sleutelHex, 'hex')).slice(0, 16);
}

/** Constant-time comparison of two hex strings. */
export function gelijk(a: string | null | undefined, b: string | null | undefined): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export interface KetenKopMetSleutel extends KetenKop {
  dienstId: string;
  gemeenteId: string | null;
}

export interface ZegelInhoud {
  van: Date;
  tot: Date;
  /** The previous partition's seal; null only for the first partition (the anchor). */
  vorigeZegel: string | null;
  koppen: readonly KetenKopMetSleutel[];
}

const kopVolgorde = (a: KetenKopMetSleutel, b: KetenKopMetSleutel) =>
  a.dienstId.localeCompare(b.dienstId) || (a.gemeenteId ?? '').localeCompare(b.gemeenteId ?? '');

/** Canonical form of a partition seal: range, previous seal and every chain head, sorted. */
export function canoniekeZegel(z: ZegelInhoud): string {
  return JSON.stringify([
    'wederkerig-logboek-zegel-v1',
    z.van.toISOString(),
    z.tot.toISOString(),
    z.vorigeZegel,
    [...z.koppen].sort(kopVolgorde).map((k) => [k.dienstId, k.gemeenteId, k.volgnummer, k.hash]),
  ]);
}

export const maakZegel = (sleutelHex: string, z: ZegelInhoud): string => hmac(sleutelHex, canoniekeZegel(z));

export interface VerwijderInhoud {
  van: Date;
  tot: Date;
  zegel: string;
  verwijderdOp: Date;
  bewaartermijnMaanden: number;
}

export interface TussenstandInhoud {
  van: Date;
  gemaaktOp: Date;
  koppen: readonly KetenKopMetSleutel[];
}

/** The chain heads as stored in a checkpoint: sorted `[dienst, gemeente, volgnummer, hash]` tuples. */
export const koppenAlsTupels = (koppen: readonly KetenKopMetSleutel[]) =>
  [...koppen].sort(kopVolgorde).map((k) => [k.dienstId, k.gemeenteId, k.volgnummer, k.hash] as const);

/** The signature on a checkpoint (tussenstand) of a month that is still open. */
export const maakTussenstandZegel = (sleutelHex: string, t: TussenstandInhoud): string =>
  hmac(
    sleutelHex,
    JSON.stringify([
      'wederkerig-logboek-tussenstand-v1',
      t.van.toISOString(),
      t.gemaaktOp.toISOString(),
      koppenAlsTupels(t.koppen),
    ]),
  );

/** The signature on the record of a dropped partition: only the maintenance job (holding the key) can make it. */
export const maakVerwijderZegel = (sleutelHex: string, v: VerwijderInhoud): string =>
  hmac(
    sleutelHex,
    JSON.stringify([
      'wederkerig-logboek-verwijderd-v1',
      v.van.toISOString(),
      v.tot.toISOString(),
      v.zegel,
      v.verwijderdOp.toISOString(),
      v.bewaartermijnMaanden,
    ]),
  );

/** The signature on the anchor: where the log begins, so that removing the oldest partitions is detected. */
export const maakAnkerZegel = (sleutelHex: string, eerstePartitie: Date): string =>
  hmac(sleutelHex, JSON.stringify(['wederkerig-logboek-anker-v1', eerstePartitie.toISOString()]));

// ---------------------------------------------------------------------------------------------------------
// Months (partitions are calendar months in UTC).

export const maandBegin = (d: Date): Date => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));

/** `d` plus `n` calendar months (UTC); the day is clamped to the target month's length (31 Dec - 1 = 30 Nov). */
export function plusMaanden(d: Date, n: number): Date {
  const maand = d.getUTCMonth() + n;
  const laatsteDag = new Date(Date.UTC(d.getUTCFullYear(), maand + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      d.getUTCFullYear(),
      maand,
      Math.min(d.getUTCDate(), laatsteDag),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
    ),
  );
}

/** Partition table name for a month: `logboek_p202611`. */
export const partitieNaam = (van: Date): string =>
  `logboek_p${van.getUTCFullYear()}${String(van.getUTCMonth() + 1).padStart(2, '0')}`;

/** `2026-11` for messages. */
export const maandLabel = (van: Date): string => van.toISOString().slice(0, 7);

/** May a partition be dropped? Only when its whole range lies at least the retention period before `op`. */
export function magVerwijderd(tot: Date, op: Date, bewaartermijnMaanden: number): boolean {
  return tot.getTime() <= plusMaanden(op, -bewaartermijnMaanden).getTime();
}

// ---------------------------------------------------------------------------------------------------------
// Findings and the chain check.

export type BevindingSoort =
  /** An entry's content no longer matches its hash, or the chain is broken after it. */
  | 'gewijzigd'
  /** An entry that is not part of the chain: duplicate sequence number, beyond the head, or without a head. */
  | 'ingevoegd'
  /** A gap in the sequence numbers. */
  | 'verwijderd'
  /** Entries missing at the end: the head (or seal) says there were more. */
  | 'afgekapt'
  /** A partition seal, anchor or drop record whose signature does not match. */
  | 'zegel'
  /** A partition missing, unknown, out of order, or dropped before its retention ended. */
  | 'partitie'
  /** A closed partition that has not been sealed (the maintenance job did not run). */
  | 'niet-verzegeld';

export interface Bevinding {
  soort: BevindingSoort;
  /** `2026-11` */
  partitie?: string;
  /** `dienst/gemeente` */
  keten?: string;
  volgnummer?: number;
  /** Dutch, for the console and the page. */
  melding: string;
}

export const ketenLabel = (dienstId: string, gemeenteId: string | null): string =>
  `${dienstId}/${gemeenteId ?? 'dienstbreed'}`;

/**
 * Checks one chain fed in order of sequence number (rows with the same number may come in any order).
 * Call `voegToe` for every row, then `sluitAf` with the chain head (or undefined when there is none).
 */
export class KetenControle {
  private vorigeHash: string;
  private laatste = 0;
  private groep: OpgeslagenRegel[] = [];
  readonly bevindingen: Bevinding[] = [];
  aantal = 0;

  /**
   * @param ijkpunt the head of this chain in the last signed checkpoint (tussenstand), if any: the chain must
   *   still contain that entry with that hash.
   */
  constructor(
    private readonly sleutel: KetenSleutel,
    private readonly ijkpunt?: KetenKop,
    private readonly maxBevindingen = 20,
  ) {
    this.vorigeHash = genesisHash(sleutel);
  }

  private toetsIjkpunt(n: number, hash: string): void {
    if (this.ijkpunt && this.ijkpunt.volgnummer === n && !gelijk(hash, this.ijkpunt.hash)) {
      this.meld('gewijzigd', `Regel ${n} verschilt van de ondertekende tussenstand.`, n);
    }
  }

  private meld(soort: BevindingSoort, melding: string, volgnummer?: number): void {
    if (this.bevindingen.length >= this.maxBevindingen) return;
    this.bevindingen.push({
      soort,
      partitie: maandLabel(this.sleutel.partitie),
      keten: ketenLabel(this.sleutel.dienstId, this.sleutel.gemeenteId),
      ...(volgnummer === undefined ? {} : { volgnummer }),
      melding,
    });
  }

  voegToe(regel: OpgeslagenRegel): void {
    this.aantal += 1;
    const huidige = this.groep[0];
    if (huidige && huidige.volgnummer !== regel.volgnummer) this.verwerkGroep();
    if (huidige && regel.volgnummer < huidige.volgnummer) {
      throw new Error('KetenControle: rows must be fed in order of sequence number');
    }
    this.groep.push(regel);
  }

  private verwerkGroep(): void {
    const groep = this.groep;
    this.groep = [];
    const eerste = groep[0];
    if (!eerste) return;
    const n = eerste.volgnummer;
    const verwacht = this.laatste + 1;
    if (n < verwacht || n < 1) {
      for (const _ of groep)
        this.meld('ingevoegd', `Regel ${n} hoort niet in de keten (ongeldig volgnummer).`, n);
      return;
    }
    if (n > verwacht) {
      this.meld(
        'verwijderd',
        n - verwacht === 1
          ? `Regel ${verwacht} ontbreekt (verwijderd).`
          : `Regels ${verwacht} tot en met ${n - 1} ontbreken (verwijderd).`,
        verwacht,
      );
    }
    // Among rows with the same number, the one that fits the chain is the original; the rest were inserted.
    const past =
      n === verwacht ? groep.find((r) => gelijk(regelHash(this.vorigeHash, r), r.hash)) : undefined;
    this.toetsIjkpunt(n, (past ?? groep[0]!).hash);
    if (past) {
      for (let i = 1; i < groep.length; i++)
        this.meld('ingevoegd', `Regel ${n} komt dubbel voor (ingevoegd).`, n);
      this.vorigeHash = past.hash;
    } else {
      if (n === verwacht) {
        this.meld(
          'gewijzigd',
          `Regel ${n} klopt niet met de keten: de regel of de regel ervoor is gewijzigd.`,
          n,
        );
      }
      for (const _ of groep.slice(1)) this.meld('ingevoegd', `Regel ${n} komt dubbel voor (ingevoegd).`, n);
      // Continue from the stored hash, so that one change is reported once and the rest is still checked.
      this.vorigeHash = groep[0]!.hash;
    }
    this.laatste = n;
  }

  /** Compares the end of the chain with its head. */
  sluitAf(kop: KetenKop | undefined): Bevinding[] {
    this.verwerkGroep();
    if (this.ijkpunt && this.laatste < this.ijkpunt.volgnummer) {
      this.meld(
        'afgekapt',
        `De ondertekende tussenstand kende regel ${this.ijkpunt.volgnummer}, maar de keten eindigt bij ${this.laatste}: regels zijn verwijderd.`,
        this.laatste + 1,
      );
    }
    if (!kop) {
      if (this.aantal > 0)
        this.meld(
          'ingevoegd',
          `${this.aantal} regel(s) zonder ketenkop: deze keten is er buiten de app om bij gekomen.`,
        );
      return this.bevindingen;
    }
    if (this.laatste < kop.volgnummer) {
      this.meld(
        'afgekapt',
        `De keten eindigt bij regel ${this.laatste}, maar de ketenkop zegt ${kop.volgnummer}: regels aan het eind zijn verwijderd.`,
        this.laatste + 1,
      );
    } else if (this.laatste > kop.volgnummer) {
      this.meld(
        'ingevoegd',
        `Er staan regels na de ketenkop (${kop.volgnummer}): regel ${kop.volgnummer + 1} en verder zijn ingevoegd.`,
        kop.volgnummer + 1,
      );
    } else if (this.laatste > 0 && !gelijk(this.vorigeHash, kop.hash)) {
      this.meld(
        'gewijzigd',
        `De laatste regel (${this.laatste}) komt niet overeen met de ketenkop.`,
        this.laatste,
      );
    } else if (this.laatste === 0 && !gelijk(genesisHash(this.sleutel), kop.hash)) {
      this.meld('gewijzigd', 'De lege ketenkop is gewijzigd.');
    }
    return this.bevindingen;
  }
}

/** Checks a whole chain at once (tests and small partitions). */
export function controleerKeten(
  sleutel: KetenSleutel,
  regels: readonly OpgeslagenRegel[],
  kop: KetenKop | undefined,
  ijkpunt?: KetenKop,
): Bevinding[] {
  const controle = new KetenControle(sleutel, ijkpunt);
  for (const r of [...regels].sort((a, b) => a.volgnummer - b.volgnummer)) controle.voegToe(r);
  return controle.sluitAf(kop);
}

/** Builds a valid chain (tests, and to show the scheme in the docs). */
export function bouwKeten(sleutel: KetenSleutel, regels: readonly Omit<LogboekRegelData, 'volgnummer'>[]) {
  let vorige = genesisHash(sleutel);
  const uit: OpgeslagenRegel[] = [];
  regels.forEach((r, i) => {
    const data = { ...r, volgnummer: i + 1 };
    const hash = regelHash(vorige, data);
    uit.push({ ...data, hash });
    vorige = hash;
  });
  return { regels: uit, kop: { volgnummer: uit.length, hash: vorige } };
}
