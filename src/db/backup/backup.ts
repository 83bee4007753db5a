/**
 * `wederkerig backup FILE`: a logical backup made by the app itself (the embedded PostgreSQL 18 ships no pg_dump).
 *
 * One `REPEATABLE READ READ ONLY` transaction as the owner role with the system context (one snapshot: the backup
 * is consistent while the app keeps running) writes, gzip-compressed and encrypted (versleuteling.ts):
 *   line 1: the header as JSON (format, time, migrations applied, sequences, the access log's partitions);
 *   per table, in foreign-key order: a JSON line {tabel, kolommen}, the rows as `COPY … TO STDOUT` (text format),
 *   and the end-of-data line `\.` (a data line can never be exactly that: COPY escapes every backslash);
 *   last line: {"einde": true, "tabellen": N}.
 * The encryption keys of the data (BSN, TOTP, access-log signing) are configuration and are not in the backup; the
 * backup key is configuration too and is never written anywhere.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { PassThrough, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { laadVolgorde } from './volgorde.ts';
import { versleutelStroom } from './versleuteling.ts';

export const BACKUP_FORMAAT = 1;
/** Kysely's own bookkeeping: the header carries the migrations instead. */
const MIGRATIE_TABELLEN = ['kysely_migratie', 'kysely_migration_lock', 'kysely_migratie_lock'];

export interface Partitie {
  naam: string;
  van: string;
  tot: string;
  verzegeld: boolean;
}

export interface BackupKop {
  formaat: number;
  gemaakt: string;
  migraties: string[];
  reeksen: Array<{ naam: string; waarde: string | null }>;
  logboekPartities: Partitie[];
  /** Fingerprints of the keys the data needs (never the keys): versleuteling.ts `sleutelVingerafdrukken`. */
  sleutelIds?: Record<string, string>;
}

export interface TabelKop {
  tabel: string;
  kolommen: string[];
}

export interface BackupVerslag {
  tabellen: number;
  rijen: number;
  gemaakt: string;
}

/** The tables of the public schema (partitions through their parent), their columns and load order. */
export async function leesSchema(client: pg.Client): Promise<TabelKop[]> {
  const tabellen = await client.query<{ naam: string }>(
    `SELECT relname AS naam FROM pg_class
      WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND NOT relispartition
        AND relname <> ALL($1::text[])`,
    [MIGRATIE_TABELLEN],
  );
  const verwijzingen = await client.query<{ van: string; naar: string }>(
    `SELECT DISTINCT coalesce(pv.relname, v.relname) AS van, coalesce(pn.relname, n.relname) AS naar
       FROM pg_constraint c
       JOIN pg_class v ON v.oid = c.conrelid
       JOIN pg_class n ON n.oid = c.confrelid
       LEFT JOIN pg_inherits iv ON iv.inhrelid = v.oid LEFT JOIN pg_class pv ON pv.oid = iv.inhparent
       LEFT JOIN pg_inherits inn ON inn.inhrelid = n.oid LEFT JOIN pg_class pn ON pn.oid = inn.inhparent
      WHERE c.contype = 'f' AND v.relnamespace = 'public'::regnamespace`,
  );
  const kolommen = await client.query<{ tabel: string; kolom: string }>(
    `SELECT c.relname AS tabel, a.attname AS kolom FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY c.relname, a.attnum`,
  );
  const perTabel = new Map<string, string[]>();
  for (const r of kolommen.rows) perTabel.set(r.tabel, [...(perTabel.get(r.tabel) ?? []), r.kolom]);
  return laadVolgorde(
    tabellen.rows.map((r) => r.naam),
    verwijzingen.rows,
  ).map((tabel) => ({ tabel, kolommen: perTabel.get(tabel) ?? [] }));
}

function id(client: pg.Client, naam: string): string {
  return client.escapeIdentifier(naam);
}

async function schrijf(uit: Writable, data: string | Buffer): Promise<void> {
  if (!uit.write(data)) await once(uit, 'drain');
}

/** Writes the backup of the database behind `client` (the owner role) to `bestand`; atomic (temp file, rename). */
export async function maakBackup(
  client: pg.Client,
  bestand: string,
  sleutel: Buffer,
  opties: { sleutelIds?: Record<string, string> } = {},
): Promise<BackupVerslag> {
  const tijdelijk = `${bestand}.${process.pid}.tmp`;
  const stroom = new PassThrough();
  const klaar = pipeline(
    stroom,
    createGzip(),
    versleutelStroom(sleutel),
    createWriteStream(tijdelijk, { flags: 'wx', mode: 0o600 }),
  );
  let rijen = 0;
  let tabellen = 0;
  const gemaakt = new Date().toISOString();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      // The first query takes the snapshot; sequences read after it are at least as far as every row it sees.
      await client.query(`SELECT set_config('app.systeem', 'aan', true), set_config('app.dienst', '', true),
        set_config('app.gemeenten', '', true), set_config('app.rol', 'systeem', true),
        set_config('app.gebruiker', '', true)`);
      const migraties = await client.query<{ name: string }>(
        'SELECT name FROM kysely_migratie ORDER BY name',
      );
      const reeksen = await client.query<{ naam: string; waarde: string | null }>(
        `SELECT sequencename AS naam, last_value::text AS waarde FROM pg_sequences
          WHERE schemaname = 'public' ORDER BY sequencename`,
      );
      const partities = await client.query<Partitie>(
        `SELECT p.naam, p.van::text AS van, p.tot::text AS tot,
                EXISTS (SELECT 1 FROM pg_constraint c
                         WHERE c.conrelid = to_regclass(p.naam) AND c.conname = 'logboek_verzegeld') AS verzegeld
           FROM logboek_partitie p WHERE p.verwijderd_op IS NULL ORDER BY p.van`,
      );
      const kop: BackupKop = {
        formaat: BACKUP_FORMAAT,
        gemaakt,
        migraties: migraties.rows.map((r) => r.name),
        reeksen: reeksen.rows,
        logboekPartities: partities.rows,
        ...(opties.sleutelIds ? { sleutelIds: opties.sleutelIds } : {}),
      };
      await schrijf(stroom, `${JSON.stringify(kop)}\n`);
      for (const t of await leesSchema(client)) {
        await schrijf(stroom, `${JSON.stringify(t)}\n`);
        const kolommen = t.kolommen.map((k) => id(client, k)).join(', ');
        const copy = client.query(copyTo(`COPY (SELECT ${kolommen} FROM ${id(client, t.tabel)}) TO STDOUT`));
        for await (const deel of copy) await schrijf(stroom, deel as Buffer);
        rijen += copy.rowCount ?? 0;
        await schrijf(stroom, '\\.\n');
        tabellen++;
      }
      await schrijf(stroom, `${JSON.stringify({ einde: true, tabellen })}\n`);
    } finally {
      await client.query('ROLLBACK');
    }
    stroom.end();
    await klaar;
    await rename(tijdelijk, bestand);
  } catch (e) {
    stroom.destroy();
    await klaar.catch(() => {});
    await rm(tijdelijk, { force: true });
    throw e;
  }
  return { tabellen, rijen, gemaakt };
}
