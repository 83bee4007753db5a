import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { TEST_LOGBOEK_KEY } from '../../../test/app.ts';
import { createDemoTestDatabase, createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { withDatabase } from '../../../test/global-setup.ts';
import { dbContext } from '../../modules/auth/index.ts';
import { logboekCommand, record, VA, voerOnderhoudUit } from '../../modules/logboek/index.ts';
import { withContext } from '../context.ts';
import { createPools, type Pools } from '../database.ts';
import { maakBackup } from './backup.ts';
import { HerstelFout, herstelBackup } from './herstel.ts';
import { BackupFout } from './versleuteling.ts';

const SLEUTEL = randomBytes(32);
const SYSTEEM = { kind: 'systeem', reden: 'test:backup' } as const;

let bron: TestDatabase;
let map: string;
let bestand: string;
let klantId: string;

async function metClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A fingerprint of every table's rows (as the owner with the system context: row-level security sees all). */
async function vingerafdruk(db: Pools): Promise<Record<string, string>> {
  return withContext(db.owner, SYSTEEM, async (tx) => {
    const tabellen = await sql<{ naam: string }>`SELECT relname AS naam FROM pg_class
      WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND NOT relispartition
        AND relname NOT LIKE 'kysely_migra%' ORDER BY relname`.execute(tx);
    const uit: Record<string, string> = {};
    for (const { naam } of tabellen.rows) {
      const r = await sql<{ n: number; h: string }>`SELECT count(*)::int AS n,
          md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${sql.table(naam)} t`.execute(
        tx,
      );
      uit[naam] = `${r.rows[0]?.n}:${r.rows[0]?.h}`;
    }
    return uit;
  });
}

async function verify(db: Pools): Promise<{ code: number; uit: string }> {
  const regels: string[] = [];
  const code = await logboekCommand(
    ['verify'],
    { owner: db.owner, sleutel: TEST_LOGBOEK_KEY },
    (l) => regels.push(l),
    (l) => regels.push(l),
  );
  return { code, uit: regels.join('\n') };
}

/** A database that does not even have the schema yet (as a fresh embedded data dir has). */
async function legeDatabase(): Promise<{ db: Pools; ownerUrl: string }> {
  const naam = `wk_test_herstel_${randomBytes(5).toString('hex')}`;
  const owner = decodeURIComponent(new URL(inject('testOwnerUrl')).username);
  await metClient(inject('testAdminUrl'), (a) =>
    a.query(`CREATE DATABASE ${naam} OWNER ${a.escapeIdentifier(owner)}`),
  );
  const ownerUrl = withDatabase(inject('testOwnerUrl'), naam);
  const db = createPools({ appUrl: withDatabase(inject('testAppUrl'), naam), ownerUrl, max: 2 });
  afterAll(async () => {
    await db.close();
    await metClient(inject('testAdminUrl'), (a) => a.query(`DROP DATABASE IF EXISTS ${naam} WITH (FORCE)`));
  });
  return { db, ownerUrl };
}

beforeAll(async () => {
  map = await mkdtemp(join(tmpdir(), 'wk-backup-'));
  bestand = join(map, 'wederkerig.backup');
  ({ db: bron } = await createDemoTestDatabase());
  // A client of the demo, and fresh access-log entries about it.
  const k = await withContext(bron.owner, SYSTEEM, (tx) =>
    tx
      .selectFrom('klant')
      .select(['id', 'dienstId', 'gemeenteId'])
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow(),
  );
  klantId = k.id;
  const km = actorVan(
    { dienstId: k.dienstId, gebruikerId: randomUUID(), rol: 'klantmanager' },
    { gemeenten: [k.gemeenteId] },
  );
  for (let i = 0; i < 3; i++) {
    await withContext(bron.app, dbContext(km), (tx) =>
      record(tx, {
        actor: km,
        actie: 'lezen',
        subject: { type: 'klant', id: k.id },
        verwerkingsactiviteit: VA.klantdossierTegenprestatie,
        gemeenteId: k.gemeenteId,
      }),
    );
  }
  // Maintenance signs the log (anchor, interim seal): the source verifies before the backup is made.
  await voerOnderhoudUit(bron.owner, { sleutel: TEST_LOGBOEK_KEY });
  expect((await verify(bron)).code).toBe(0);
  await metClient(bron.ownerUrl, (c) => maakBackup(c, bestand, SLEUTEL));
});

afterAll(async () => {
  await rm(map, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('the backup file is encrypted: no client data readable in it', async () => {
    const naam = await withContext(bron.owner, SYSTEEM, (tx) =>
      tx.selectFrom('klant').select('achternaam').where('id', '=', klantId).executeTakeFirstOrThrow(),
    );
    const inhoud = await readFile(bestand);
    expect(inhoud.subarray(0, 8).toString()).toBe('WKBACKUP');
    expect(inhoud.includes(Buffer.from(String(naam.achternaam)))).toBe(false);
    expect(inhoud.includes(Buffer.from(klantId))).toBe(false);
  });

  it('restores into an empty database: every table equal, the client, its documents and the access log verify', async () => {
    const { db: doel, ownerUrl } = await legeDatabase();
    const verslag = await metClient(ownerUrl, (c) => herstelBackup(c, doel.owner, bestand, SLEUTEL));
    expect(verslag.rijen).toBeGreaterThan(0);

    const voor = await vingerafdruk(bron);
    const na = await vingerafdruk(doel);
    expect(na).toEqual(voor);
    // Spelled out: the client, a document (agreement) and the log entries about the client are there.
    expect(Number(voor.klant?.split(':')[0])).toBeGreaterThan(0);
    expect(Number(voor.overeenkomst?.split(':')[0])).toBeGreaterThan(0);
    const terug = await withContext(doel.owner, SYSTEEM, async (tx) => ({
      klant: await tx.selectFrom('klant').select('id').where('id', '=', klantId).executeTakeFirst(),
      logregels: await tx
        .selectFrom('logboek')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('subjectId', '=', klantId)
        .executeTakeFirstOrThrow(),
    }));
    expect(terug.klant?.id).toBe(klantId);
    expect(Number(terug.logregels.n)).toBeGreaterThanOrEqual(3);

    const v = await verify(doel);
    expect(v.uit).toMatch(/1[0-9]* regels|regels/);
    expect(v.code, v.uit).toBe(0);

    // The restored database works for the app: row-level security is forced again, triggers are back.
    const rls = await withContext(doel.owner, SYSTEEM, (tx) =>
      sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM pg_class WHERE relname = 'klant' AND relforcerowsecurity`.execute(tx),
    );
    expect(rls.rows[0]?.n).toBe(1);
    const uitgezet = await withContext(doel.owner, SYSTEEM, (tx) =>
      sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal AND t.tgenabled = 'D'`.execute(
        tx,
      ),
    );
    expect(uitgezet.rows[0]?.n).toBe(0);

    // A second restore into it is refused: it is no longer empty.
    await expect(metClient(ownerUrl, (c) => herstelBackup(c, doel.owner, bestand, SLEUTEL))).rejects.toThrow(
      /De database is niet leeg/,
    );
  });

  it('restores into a database that is migrated but empty', async () => {
    const doel = await createTestDatabase();
    await metClient(doel.ownerUrl, (c) => herstelBackup(c, doel.owner, bestand, SLEUTEL));
    expect(await vingerafdruk(doel)).toEqual(await vingerafdruk(bron));
    expect((await verify(doel)).code).toBe(0);
  });

  it('refuses a wrong key, a damaged or cut-off file and a missing file, and leaves the database empty', async () => {
    const doel = await createTestDatabase();
    const herstel = (f: string, s = SLEUTEL) =>
      metClient(doel.ownerUrl, (c) => herstelBackup(c, doel.owner, f, s));
    await expect(herstel(bestand, randomBytes(32))).rejects.toThrow(/andere sleutel/);

    const inhoud = await readFile(bestand);
    const kapot = Buffer.from(inhoud);
    const plek = Math.floor(kapot.length * 0.7);
    kapot[plek] = (kapot[plek] as number) ^ 1;
    await writeFile(join(map, 'kapot.backup'), kapot);
    await expect(herstel(join(map, 'kapot.backup'))).rejects.toThrow(BackupFout);

    await writeFile(join(map, 'half.backup'), inhoud.subarray(0, Math.floor(inhoud.length * 0.8)));
    await expect(herstel(join(map, 'half.backup'))).rejects.toThrow(/onvolledig/);

    await expect(herstel(join(map, 'bestaat-niet.backup'))).rejects.toThrow(HerstelFout);
    await expect(herstel(join(map, 'bestaat-niet.backup'))).rejects.toThrow(/bestaat niet/);

    // Nothing of the failed restores stayed behind.
    const leeg = await withContext(doel.owner, SYSTEEM, (tx) =>
      tx
        .selectFrom('klant')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    );
    expect(Number(leeg.n)).toBe(0);
  });

  it('refuses to restore into a database with data', async () => {
    await expect(
      metClient(bron.ownerUrl, (c) => herstelBackup(c, bron.owner, bestand, SLEUTEL)),
    ).rejects.toThrow(/De database is niet leeg \(er staan al gegevens in/);
  });
});
