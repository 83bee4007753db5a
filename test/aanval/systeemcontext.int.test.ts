import { sql } from 'kysely';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { GeenSysteemVerbindingFout, setContext, systeem, withContext } from '../../src/db/context.ts';
import type { DemoResult } from '../../src/demo/demo.ts';
import { createDemoTestDatabase, type TestDatabase } from '../db.ts';
import { insertGemeente } from '../factories/gemeenten.ts';

/**
 * Security finding of issue 20: the application role could set `app.systeem` itself and then read every social
 * service. The system context now counts only on a connection of the system role (or the owner): an attacker who
 * runs arbitrary SQL as `wederkerig_app` (an injection, a stolen app password) sees nothing of another social
 * service, whatever it sets.
 */

let db: TestDatabase;
let demo: DemoResult;
let eigenDienst: string;

const TABELLEN = ['klant', 'logboek', 'gebruiker', 'dienst', 'gemeente'] as const;

/** Runs `fn` on a connection of its own as `url`'s role, as an attacker with that password would. */
async function als<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Rows of the demo's social service in each table, as `c` sees them now. */
async function demoRijen(c: pg.Client): Promise<Record<string, number>> {
  const uit: Record<string, number> = {};
  for (const t of TABELLEN) {
    const r = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t} WHERE dienst_id = $1`, [
      demo.dienstId,
    ]);
    uit[t] = r.rows[0]?.n ?? -1;
  }
  return uit;
}

const GEEN = Object.fromEntries(TABELLEN.map((t) => [t, 0]));

beforeAll(async () => {
  ({ db, demo } = await createDemoTestDatabase());
  // The attacker's own social service: a tenant of the same database.
  eigenDienst = (await insertGemeente(db.app)).dienstId;
});

describe('the system context and the application role', () => {
  it('the system role sees the demo service in every table (so the attacks below can fail)', async () => {
    const gezien = await withContext(db.app, systeem('test:aanval'), async (tx) => {
      const uit: Record<string, number> = {};
      for (const t of TABELLEN) {
        const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t)}
          WHERE dienst_id = ${demo.dienstId}`.execute(tx);
        uit[t] = r.rows[0]?.n ?? -1;
      }
      return uit;
    });
    for (const t of TABELLEN) expect(gezien[t], t).toBeGreaterThan(0);
  });

  it('withContext(app, systeem(…)) runs on a connection of another role than the application role', async () => {
    const rol = await withContext(db.app, systeem('test:aanval'), (tx) =>
      sql<{ wie: string }>`SELECT session_user::text AS wie`.execute(tx),
    );
    expect(rol.rows[0]?.wie).not.toBe('wederkerig_app');
    const gebruiker = await withContext(
      db.app,
      {
        kind: 'gebruiker',
        dienstId: eigenDienst,
        gebruikerId: demo.dienstId,
        rol: 'klantmanager',
        gemeenten: [],
      },
      (tx) => sql<{ wie: string }>`SELECT session_user::text AS wie`.execute(tx),
    );
    expect(gebruiker.rows[0]?.wie).toBe(decodeURIComponent(new URL(db.appUrl).username));
  });

  it('as wederkerig_app, set_config(app.systeem) for the session shows no row of another service', async () => {
    const gezien = await als(db.appUrl, async (c) => {
      await c.query(`SELECT set_config('app.systeem', 'aan', false), set_config('app.dienst', $1, false)`, [
        eigenDienst,
      ]);
      return demoRijen(c);
    });
    expect(gezien).toEqual(GEEN);
  });

  it('as wederkerig_app, set_config(app.systeem) in a transaction, or SET, or with another service, shows none', async () => {
    const gezien = await als(db.appUrl, async (c) => {
      const uit: Array<Record<string, number>> = [];
      await c.query('BEGIN');
      await c.query(`SELECT set_config('app.systeem', 'aan', true), set_config('app.rol', 'systeem', true)`);
      uit.push(await demoRijen(c));
      await c.query('ROLLBACK');
      await c.query(`SET app.systeem = 'aan'`);
      uit.push(await demoRijen(c));
      // Claiming the demo's own service id still needs a user context with its municipalities.
      await c.query(`SELECT set_config('app.dienst', $1, false)`, [demo.dienstId]);
      uit.push(
        Object.fromEntries(
          Object.entries(await demoRijen(c)).filter(([t]) => ['klant', 'logboek', 'gemeente'].includes(t)),
        ),
      );
      return uit;
    });
    expect(gezien).toEqual([GEEN, GEEN, { klant: 0, logboek: 0, gemeente: 0 }]);
  });

  it('as wederkerig_app, neither SET ROLE to the system role nor writing as the system works', async () => {
    await als(db.appUrl, async (c) => {
      await expect(c.query('SET ROLE wederkerig_systeem')).rejects.toThrow(/permission denied/);
      await c.query(`SELECT set_config('app.systeem', 'aan', false), set_config('app.dienst', $1, false)`, [
        eigenDienst,
      ]);
      await expect(
        c.query(`UPDATE gebruiker SET naam = 'overgenomen' WHERE dienst_id = $1 RETURNING 1`, [
          demo.dienstId,
        ]),
      ).resolves.toMatchObject({ rowCount: 0 });
      await expect(
        c.query(`INSERT INTO gemeente (dienst_id, naam, code) VALUES ($1, 'X', 'GM9999')`, [demo.dienstId]),
      ).rejects.toThrow(/row-level security/);
      const ok = await c.query<{ ok: boolean }>('SELECT app_systeem() AS ok');
      expect(ok.rows[0]?.ok).toBe(false);
    });
  });

  it('setContext(systeem) on an app connection throws and turns nothing on', async () => {
    await db.app.transaction().execute(async (tx) => {
      await expect(setContext(tx, systeem('test:aanval'))).rejects.toBeInstanceOf(GeenSysteemVerbindingFout);
    });
    const aan = await db.app.transaction().execute(async (tx) => {
      await setContext(tx, systeem('test:aanval')).catch(() => {});
      return sql<{ s: string | null }>`SELECT current_setting('app.systeem', true) AS s`.execute(tx);
    });
    expect(aan.rows[0]?.s ?? '').toBe('');
  });

  it('the app role is no member of the system role; the system role has no owner rights and no BYPASSRLS', async () => {
    const r = await sql<{ appLid: boolean; bypass: boolean; superuser: boolean }>`
      SELECT pg_has_role('wederkerig_app', 'wederkerig_systeem', 'MEMBER') AS app_lid,
        rolbypassrls AS bypass, rolsuper AS superuser
      FROM pg_roles WHERE rolname = 'wederkerig_systeem'`.execute(db.owner);
    expect(r.rows).toEqual([{ appLid: false, bypass: false, superuser: false }]);
  });
});
