import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { withContext } from '../src/db/context.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { insertGemeente } from './factories/gemeenten.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});

describe('row-level security', () => {
  it('is forced, with a policy, on every table that holds municipality or service data', async () => {
    const rows = await sql<{ table: string; forced: boolean; enabled: boolean; policies: number }>`
      SELECT c.relname AS table, c.relforcerowsecurity AS forced, c.relrowsecurity AS enabled,
        (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
        AND NOT c.relispartition
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname IN ('gemeente_id', 'dienst_id') AND NOT a.attisdropped)
      ORDER BY 1`.execute(db.owner);
    expect(rows.rows.length).toBeGreaterThan(5);
    const unprotected = rows.rows
      .filter((r) => !r.forced || !r.enabled || r.policies === 0)
      .map((r) => r.table);
    expect(unprotected).toEqual([]);
  });

  it('shows nothing to a query without context, even for the application role', async () => {
    await insertGemeente(db.app);
    const plain = await db.app.selectFrom('gemeente').selectAll().execute();
    expect(plain).toEqual([]);
    const diensten = await db.app.selectFrom('dienst').selectAll().execute();
    expect(diensten).toEqual([]);
  });

  it("hides another municipality's rows even when the code's own check is bypassed", async () => {
    const a = await insertGemeente(db.app);
    const b = await insertGemeente(db.app, { dienstId: a.dienstId });
    const ctx = {
      kind: 'gebruiker' as const,
      dienstId: a.dienstId,
      gebruikerId: '00000000-0000-4000-8000-000000000001',
      rol: 'klantmanager' as const,
      gemeenten: [a.gemeenteId],
    };
    const seen = await withContext(db.app, ctx, (tx) =>
      tx.selectFrom('gemeente').select('gemeenteId').execute(),
    );
    expect(seen.map((r) => r.gemeenteId)).toEqual([a.gemeenteId]);
    // A direct lookup of the other municipality's id, as a buggy query would do, still returns nothing.
    const direct = await withContext(db.app, ctx, (tx) =>
      tx.selectFrom('gemeente').select('gemeenteId').where('gemeenteId', '=', b.gemeenteId).execute(),
    );
    expect(direct).toEqual([]);
    // Writing a row into a municipality outside the context is refused by the policy.
    await expect(
      withContext(db.app, ctx, (tx) =>
        tx
          .insertInto('wijk')
          .values({ dienstId: a.dienstId, gemeenteId: b.gemeenteId, naam: 'Indringer' })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('hides the rows of another social service', async () => {
    const a = await insertGemeente(db.app);
    const other = await insertGemeente(db.app);
    const ctx = {
      kind: 'gebruiker' as const,
      dienstId: a.dienstId,
      gebruikerId: '00000000-0000-4000-8000-000000000001',
      rol: 'functioneel-beheerder' as const,
      gemeenten: [a.gemeenteId, other.gemeenteId],
    };
    const seen = await withContext(db.app, ctx, (tx) =>
      tx.selectFrom('gemeente').select('gemeenteId').execute(),
    );
    expect(seen.map((r) => r.gemeenteId)).toEqual([a.gemeenteId]);
  });

  it('runs the application as a role that is neither owner nor superuser and cannot bypass RLS', async () => {
    const r = await sql<{ rolsuper: boolean; rolbypassrls: boolean; owner: string; me: string }>`
      SELECT r.rolsuper, r.rolbypassrls, (SELECT tableowner FROM pg_tables WHERE tablename = 'gemeente') AS owner,
        current_user AS me
      FROM pg_roles r WHERE r.rolname = current_user`.execute(db.app);
    const row = r.rows[0]!;
    expect(row.rolsuper).toBe(false);
    expect(row.rolbypassrls).toBe(false);
    expect(row.owner).not.toBe(row.me);
  });
});
