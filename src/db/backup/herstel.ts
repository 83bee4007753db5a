/**
 * `wederkerig restore FILE`: loads a backup (backup.ts) into an empty database, all or nothing.
 *
 * 1. The file is decrypted and checked chunk by chunk while it is read; a wrong key, a damaged or cut-off file
 *    stops the restore and the transaction rolls back (nothing half loaded).
 * 2. The database must be empty: no rows outside what the migrations themselves write.
 * 3. The migrations run up to the backup's (never down: a database already further along is refused).
 * 4. One transaction as the owner, system context: the access log's partitions are made as in the backup, every
 *    table is emptied and loaded with `COPY … FROM` in foreign-key order. For the load only, and undone before
 *    the commit: user triggers are disabled (they would count, version or refuse rows that are already
 *    consistent: the backup is one snapshot), row-level security is not forced on the owner (COPY FROM refuses
 *    tables under row-level security), and the seal of closed access-log months (CHECK (false)) is lifted.
 *    Sequences are set to the backup's values.
 * 5. The remaining migrations of this version run; the caller then verifies the access log (`logboek verify`).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { Migrator } from 'kysely';
import type pg from 'pg';
import { type CopyStreamQuery, from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../database.ts';
import { migrateToLatest } from '../migrate.ts';
import { migrationProvider } from '../migrations/index.ts';
import { APP_ROLE } from '../migrations/rls.ts';
import { BACKUP_FORMAAT, type BackupKop, leesSchema, type TabelKop } from './backup.ts';
import { andereSleutels, BackupFout, ontsleutelStroom } from './versleuteling.ts';

/** Tables the migrations fill themselves: a freshly migrated database has rows there and still counts as empty. */
export const DOOR_MIGRATIES_GEVULD = ['logboek_instelling', 'logboek_partitie'];

/** A restore that is refused before anything changed; the message is Dutch. */
export class HerstelFout extends Error {}

export interface HerstelVerslag {
  gemaakt: string;
  tabellen: number;
  rijen: number;
}

/** Lines (without their newline) of the decrypted, decompressed backup. */
async function* regels(bestand: string, sleutel: Buffer): AsyncGenerator<Buffer> {
  const gunzip = createGunzip();
  const klaar = pipeline(createReadStream(bestand), ontsleutelStroom(sleutel), gunzip);
  klaar.catch(() => {}); // the error also reaches the loop below, through the destroyed gunzip stream
  let rest = Buffer.alloc(0);
  try {
    for await (const deel of gunzip) {
      let data = rest.length > 0 ? Buffer.concat([rest, deel as Buffer]) : (deel as Buffer);
      for (let i = data.indexOf(10); i >= 0; i = data.indexOf(10)) {
        yield data.subarray(0, i);
        data = data.subarray(i + 1);
      }
      rest = Buffer.from(data);
    }
    await klaar;
  } catch (e) {
    if (e instanceof BackupFout) throw e;
    // gzip errors after authenticated decryption cannot come from tampering; still: refuse, in Dutch.
    throw new BackupFout('beschadigd', `De backup kan niet worden gelezen: ${(e as Error).message}`);
  }
  if (rest.length > 0) throw new BackupFout('onvolledig', 'De backup is onvolledig. Er is niets hersteld.');
}

function json<T>(regel: Buffer | undefined): T {
  if (regel === undefined)
    throw new BackupFout('onvolledig', 'De backup is onvolledig. Er is niets hersteld.');
  try {
    return JSON.parse(regel.toString('utf8')) as T;
  } catch {
    throw new BackupFout('beschadigd', 'De backup is beschadigd: een regel is geen geldige JSON.');
  }
}

async function zetSysteemContext(client: pg.Client): Promise<void> {
  await client.query(`SELECT set_config('app.systeem', 'aan', true), set_config('app.dienst', '', true),
    set_config('app.gemeenten', '', true), set_config('app.rol', 'systeem', true), set_config('app.gebruiker', '', true)`);
}

async function toegepasteMigraties(client: pg.Client): Promise<string[]> {
  const bestaat = await client.query<{ ok: boolean }>(
    `SELECT to_regclass('public.kysely_migratie') IS NOT NULL AS ok`,
  );
  if (!bestaat.rows[0]?.ok) return [];
  return (await client.query<{ name: string }>('SELECT name FROM kysely_migratie ORDER BY name')).rows.map(
    (r) => r.name,
  );
}

/** The tables that hold rows the migrations did not write (the database is empty when there are none). */
export async function nietLegeTabellen(client: pg.Client): Promise<string[]> {
  if ((await toegepasteMigraties(client)).length === 0) return [];
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    await zetSysteemContext(client);
    const gevuld: string[] = [];
    for (const t of await leesSchema(client)) {
      if (DOOR_MIGRATIES_GEVULD.includes(t.tabel)) continue;
      const r = await client.query<{ ja: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM ${client.escapeIdentifier(t.tabel)}) AS ja`,
      );
      if (r.rows[0]?.ja) gevuld.push(t.tabel);
    }
    return gevuld;
  } finally {
    await client.query('ROLLBACK');
  }
}

async function migreerTot(client: pg.Client, owner: Database, kop: BackupKop): Promise<void> {
  const bekend = new Set(Object.keys(await migrationProvider.getMigrations()));
  const onbekend = kop.migraties.filter((m) => !bekend.has(m));
  if (onbekend.length > 0) {
    throw new HerstelFout(
      `Deze backup is gemaakt met een nieuwere versie van Wederkerig (migratie ${onbekend[0]} is hier onbekend). ` +
        'Herstel met dezelfde of een nieuwere versie.',
    );
  }
  const laatste = kop.migraties.at(-1);
  if (laatste === undefined)
    throw new BackupFout('beschadigd', 'De backup is beschadigd: er staan geen migraties in.');
  const vooruit = (await toegepasteMigraties(client)).filter((m) => !kop.migraties.includes(m));
  if (vooruit.length > 0) {
    throw new HerstelFout(
      'De database is al verder gemigreerd dan de backup: herstel in een lege datamap of een nieuwe, lege database.',
    );
  }
  const migrator = new Migrator({
    db: owner,
    provider: migrationProvider,
    migrationTableName: 'kysely_migratie',
  });
  const { error } = await migrator.migrateTo(laatste);
  if (error) throw error instanceof Error ? error : new Error(String(error));
  const nu = await toegepasteMigraties(client);
  if (nu.join('\n') !== kop.migraties.join('\n')) {
    throw new HerstelFout(
      'De migraties van de database passen niet bij die van de backup: er is niets hersteld.',
    );
  }
}

/** Makes the access log's partitions exactly those of the backup (all still empty here), seals lifted. */
async function zetPartities(client: pg.Client, kop: BackupKop): Promise<void> {
  const id = (n: string) => client.escapeIdentifier(n);
  const bestaand = await client.query<{ naam: string }>(
    `SELECT c.relname AS naam FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'logboek'::regclass`,
  );
  const gewenst = new Set(kop.logboekPartities.map((p) => p.naam));
  for (const { naam } of bestaand.rows) {
    if (!gewenst.has(naam)) await client.query(`DROP TABLE ${id(naam)}`);
    else await client.query(`ALTER TABLE ${id(naam)} DROP CONSTRAINT IF EXISTS logboek_verzegeld`);
  }
  const aanwezig = new Set(bestaand.rows.map((r) => r.naam));
  for (const p of kop.logboekPartities) {
    if (!/^logboek_p[0-9]{6}$/.test(p.naam)) throw new BackupFout('beschadigd', 'De backup is beschadigd.');
    if (aanwezig.has(p.naam)) continue;
    await client.query(
      `CREATE TABLE ${id(p.naam)} PARTITION OF logboek FOR VALUES FROM (${client.escapeLiteral(p.van)})
         TO (${client.escapeLiteral(p.tot)})`,
    );
    await client.query(`REVOKE ALL ON ${id(p.naam)} FROM PUBLIC, ${id(APP_ROLE)}`);
    await client.query(`ALTER TABLE ${id(p.naam)} ENABLE ROW LEVEL SECURITY`);
    await client.query(`ALTER TABLE ${id(p.naam)} FORCE ROW LEVEL SECURITY`);
  }
}

/**
 * Restores `bestand` into the (empty) database behind `client` (owner role; `owner` is the same role through
 * Kysely, for the migrations). Throws HerstelFout or BackupFout with a Dutch message; nothing is loaded then.
 */
export async function herstelBackup(
  client: pg.Client,
  owner: Database,
  bestand: string,
  sleutel: Buffer,
  opties: { sleutelIds?: Record<string, string> } = {},
): Promise<HerstelVerslag> {
  try {
    if (!(await stat(bestand)).isFile()) throw new HerstelFout(`${bestand} is geen bestand.`);
  } catch (e) {
    if (e instanceof HerstelFout) throw e;
    throw new HerstelFout(`Het backupbestand ${bestand} bestaat niet of kan niet worden gelezen.`);
  }
  const gevuld = await nietLegeTabellen(client);
  if (gevuld.length > 0) {
    throw new HerstelFout(
      `De database is niet leeg (er staan al gegevens in ${gevuld.slice(0, 3).join(', ')}${gevuld.length > 3 ? ', …' : ''}). ` +
        'Herstellen kan alleen in een lege datamap of een nieuwe, lege database; er is niets veranderd.',
    );
  }
  const lijnen = regels(bestand, sleutel);
  const volgende = async () => {
    const r = await lijnen.next();
    return r.done ? undefined : r.value;
  };
  try {
    const kop = json<BackupKop>(await volgende());
    if (kop.formaat !== BACKUP_FORMAAT || !Array.isArray(kop.migraties)) {
      throw new BackupFout(
        'versie',
        'Deze backup heeft een onbekende opmaak: gebruik een nieuwere versie van Wederkerig.',
      );
    }
    const anders = andereSleutels(kop.sleutelIds ?? {}, opties.sleutelIds ?? {});
    if (anders.length > 0) {
      throw new HerstelFout(
        `De geconfigureerde sleutels passen niet bij deze backup: ${anders.join(', ')} verschil(t/len). ` +
          'Stel dezelfde sleutels in als bij het maken van de backup; er is niets hersteld.',
      );
    }
    await migreerTot(client, owner, kop);
    const verslag = await laad(client, kop, volgende);
    await migrateToLatest(owner);
    return verslag;
  } finally {
    await lijnen.return(undefined);
  }
}

/** Feeds one table's lines to its COPY; on any failure the COPY is aborted (CopyFail) before the error goes on. */
async function laadTabel(copy: CopyStreamQuery, volgende: () => Promise<Buffer | undefined>): Promise<void> {
  let fout: Error | undefined;
  const gesloten = new Promise<void>((resolve) => {
    copy.once('close', resolve);
  });
  copy.on('error', (e: Error) => {
    fout ??= e;
  });
  try {
    for (;;) {
      const data = await volgende();
      if (data === undefined)
        throw new BackupFout('onvolledig', 'De backup is onvolledig. Er is niets hersteld.');
      if (data.length === 2 && data[0] === 0x5c && data[1] === 0x2e) break;
      if (fout) throw fout;
      if (!copy.write(Buffer.concat([data, NL]))) {
        await new Promise<void>((resolve) => {
          copy.once('drain', resolve);
          copy.once('error', () => resolve());
        });
      }
    }
    if (fout) throw fout;
    await new Promise<void>((resolve, reject) => {
      copy.once('finish', resolve);
      copy.once('error', reject);
      copy.end();
    });
  } catch (e) {
    if (!copy.destroyed) copy.destroy(e instanceof Error ? e : new Error(String(e)));
    await gesloten;
    throw e;
  }
}

const NL = Buffer.from('\n');

async function laad(
  client: pg.Client,
  kop: BackupKop,
  volgende: () => Promise<Buffer | undefined>,
): Promise<HerstelVerslag> {
  const id = (n: string) => client.escapeIdentifier(n);
  await client.query('BEGIN');
  try {
    await zetSysteemContext(client);
    await zetPartities(client, kop);
    const schema = new Map((await leesSchema(client)).map((t) => [t.tabel, t.kolommen]));
    await client.query(`TRUNCATE ${[...schema.keys()].map(id).join(', ')}`);
    const relaties = await client.query<{ naam: string; geforceerd: boolean }>(
      `SELECT relname AS naam, relforcerowsecurity AS geforceerd FROM pg_class
        WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')`,
    );
    const geforceerd = relaties.rows.filter((r) => r.geforceerd).map((r) => r.naam);
    for (const r of relaties.rows) await client.query(`ALTER TABLE ${id(r.naam)} DISABLE TRIGGER USER`);
    for (const t of geforceerd) await client.query(`ALTER TABLE ${id(t)} NO FORCE ROW LEVEL SECURITY`);

    let tabellen = 0;
    let rijen = 0;
    for (;;) {
      const regel = await volgende();
      const t = json<TabelKop & { einde?: boolean; tabellen?: number }>(regel);
      if (t.einde === true) {
        if (t.tabellen !== tabellen)
          throw new BackupFout('beschadigd', 'De backup is beschadigd (tabellen ontbreken).');
        break;
      }
      const doel = schema.get(t.tabel);
      if (!doel || !t.kolommen.every((k) => doel.includes(k))) {
        throw new BackupFout('beschadigd', `De backup past niet bij het schema (tabel ${t.tabel}).`);
      }
      const copy = client.query(
        copyFrom(`COPY ${id(t.tabel)} (${t.kolommen.map(id).join(', ')}) FROM STDIN`),
      );
      await laadTabel(copy, volgende);
      rijen += copy.rowCount;
      tabellen++;
    }
    if (await volgende())
      throw new BackupFout('beschadigd', 'De backup is beschadigd (gegevens na het einde).');

    for (const r of kop.reeksen) {
      if (r.waarde === null) continue;
      await client.query('SELECT setval($1::regclass, $2::bigint, true)', [id(r.naam), r.waarde]);
    }
    for (const t of geforceerd) await client.query(`ALTER TABLE ${id(t)} FORCE ROW LEVEL SECURITY`);
    for (const r of relaties.rows) await client.query(`ALTER TABLE ${id(r.naam)} ENABLE TRIGGER USER`);
    for (const p of kop.logboekPartities) {
      if (!p.verzegeld) continue;
      await client.query(
        `ALTER TABLE ${id(p.naam)} ADD CONSTRAINT logboek_verzegeld CHECK (false) NOT VALID`,
      );
    }
    await client.query('COMMIT');
    return { gemaakt: kop.gemaakt, tabellen, rijen };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  }
}
