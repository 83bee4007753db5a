import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.ts';

/**
 * The schema can be distributed with Citus by `dienst_id` (docs/deploy.md, "A national service"): every table that
 * holds a social service's data carries `dienst_id`, and every primary key, unique constraint and foreign key
 * includes it — a foreign key between two such tables pairs `dienst_id` with `dienst_id` — so that each key can be
 * checked on one worker node. The few tables without it are named here with the reason: they become Citus
 * reference tables (copied to every node) or stay on the coordinator. A new table fails this test until it follows
 * the rule or is named here.
 */
const ZONDER_DIENST: Record<string, string> = {
  inlogpoging:
    'the login throttle counts attempts per address and account before anyone is known: no tenant yet; coordinator',
  kysely_migratie: 'the migration journal of the schema itself; coordinator',
  kysely_migration_lock: 'the migration lock; coordinator',
  logboek_instelling:
    "the access log's own retention and signed anchor, one row for the installation; reference",
  logboek_partitie: "the access log's monthly partitions and their seals, shared by all services; reference",
  logboek_tussenstand:
    'signed checkpoints of all chain heads of a month, made by the nightly job; coordinator',
};

interface Sleutel {
  tabel: string;
  naam: string;
  soort: 'p' | 'u' | 'f';
  kolommen: string[];
  doel: string | null;
  doelkolommen: string[] | null;
}

let t: TestDatabase;
let tabellen: Array<{ tabel: string; heeftDienst: boolean }>;
let sleutels: Sleutel[];

beforeAll(async () => {
  t = await createTestDatabase();
  tabellen = (
    await sql<{ tabel: string; heeftDienst: boolean }>`
      SELECT c.relname AS tabel,
             EXISTS (SELECT 1 FROM pg_attribute a
                      WHERE a.attrelid = c.oid AND a.attname = 'dienst_id' AND NOT a.attisdropped) AS "heeftDienst"
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
       ORDER BY 1`.execute(t.owner)
  ).rows;
  sleutels = (
    await sql<Sleutel>`
      SELECT c.relname AS tabel, con.conname AS naam, con.contype AS soort,
             ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i) AS kolommen,
             f.relname AS doel,
             CASE WHEN con.contype = 'f' THEN
               ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
                       JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i)
             END AS doelkolommen
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class f ON f.oid = con.confrelid
       WHERE n.nspname = 'public' AND con.contype IN ('p', 'u', 'f') AND NOT c.relispartition
         AND con.conparentid = 0
       ORDER BY 1, 2`.execute(t.owner)
  ).rows;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the schema can be distributed by dienst_id (Citus)', () => {
  it('every table carries dienst_id, or is named with its reason', () => {
    const zonder = tabellen.filter((r) => !r.heeftDienst).map((r) => r.tabel);
    expect(zonder).toEqual(Object.keys(ZONDER_DIENST).sort());
    // A table on the list that gained dienst_id should leave it.
    const metDienst = new Set(tabellen.filter((r) => r.heeftDienst).map((r) => r.tabel));
    expect(Object.keys(ZONDER_DIENST).filter((n) => metDienst.has(n))).toEqual([]);
  });

  it('every primary key and unique constraint of a distributed table includes dienst_id', () => {
    const verdeeld = new Set(tabellen.filter((r) => r.heeftDienst).map((r) => r.tabel));
    const fout = sleutels
      .filter((s) => s.soort !== 'f' && verdeeld.has(s.tabel) && !s.kolommen.includes('dienst_id'))
      .map((s) => `${s.tabel}.${s.naam} (${s.kolommen.join(', ')})`);
    expect(fout).toEqual([]);
    expect(sleutels.filter((s) => s.soort === 'p' && verdeeld.has(s.tabel)).length).toBeGreaterThan(20);
  });

  it('every foreign key between distributed tables pairs dienst_id with dienst_id', () => {
    const verdeeld = new Set(tabellen.filter((r) => r.heeftDienst).map((r) => r.tabel));
    const fout: string[] = [];
    expect(
      sleutels.filter(
        (k) => k.soort === 'f' && verdeeld.has(k.tabel) && k.doel !== null && verdeeld.has(k.doel),
      ).length,
    ).toBeGreaterThan(20);
    for (const s of sleutels.filter((k) => k.soort === 'f' && verdeeld.has(k.tabel))) {
      if (s.doel === null || s.doelkolommen === null) continue;
      if (!verdeeld.has(s.doel)) {
        // A distributed table may point at a reference table (copied to every node).
        if (!(s.doel in ZONDER_DIENST))
          fout.push(`${s.tabel}.${s.naam} → ${s.doel}: not a named reference table`);
        continue;
      }
      const i = s.kolommen.indexOf('dienst_id');
      if (i < 0 || s.doelkolommen[i] !== 'dienst_id')
        fout.push(
          `${s.tabel}.${s.naam} (${s.kolommen.join(', ')}) → ${s.doel} (${s.doelkolommen.join(', ')})`,
        );
    }
    expect(fout).toEqual([]);
  });
});
