import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.ts';
import { systeem, withContext } from './context.ts';
import {
  binnenVerbindingScope,
  buitenVerbindingScope,
  isPoolBezet,
  TweedeVerbindingFout,
  type VerbindingScope,
} from './verbindingen.ts';

const weiger = (): VerbindingScope => ({
  inGebruik: 0,
  tweede: (f) => {
    throw f;
  },
});
const ctx = systeem('test:verbindingen');

describe('one connection per request (the connection account)', () => {
  it('refuses a second acquire while the scope holds a connection: inside a transaction, or two at once', async () => {
    const db = await createTestDatabase({ max: 3 });
    await expect(
      binnenVerbindingScope(weiger(), () =>
        withContext(db.app, ctx, async () => {
          await sql`SELECT 1`.execute(db.app);
        }),
      ),
    ).rejects.toBeInstanceOf(TweedeVerbindingFout);
    await expect(
      binnenVerbindingScope(weiger(), () =>
        Promise.all([
          withContext(db.app, ctx, (tx) => sql`SELECT 1`.execute(tx)),
          withContext(db.app, ctx, (tx) => sql`SELECT 1`.execute(tx)),
        ]),
      ),
    ).rejects.toBeInstanceOf(TweedeVerbindingFout);
  });

  it('lets a scope use one connection after the other, and work outside any scope or started outside it', async () => {
    const db = await createTestDatabase({ max: 3 });
    const scope = weiger();
    await binnenVerbindingScope(scope, async () => {
      for (let i = 0; i < 3; i++) await withContext(db.app, ctx, (tx) => sql`SELECT 1`.execute(tx));
      await sql`SELECT 1`.execute(db.app);
      await withContext(db.app, ctx, () =>
        buitenVerbindingScope(() => withContext(db.app, ctx, (tx) => sql`SELECT 1`.execute(tx))),
      );
    });
    expect(scope.inGebruik).toBe(0);
    await Promise.all([sql`SELECT 1`.execute(db.app), sql`SELECT 1`.execute(db.app)]);
  });

  it('gives every connection the configured statement and idle-in-transaction timeouts', async () => {
    const db = await createTestDatabase({
      max: 1,
      limieten: { acquireTimeoutMs: 5_000, statementTimeoutMs: 150, idleInTransactionTimeoutMs: 4_321 },
    });
    const { rows } = await sql<{
      s: string;
      i: string;
    }>`SELECT current_setting('statement_timeout') AS s, current_setting('idle_in_transaction_session_timeout') AS i`.execute(
      db.app,
    );
    expect(rows[0]).toEqual({ s: '150ms', i: '4321ms' });
    await expect(sql`SELECT pg_sleep(5)`.execute(db.app)).rejects.toMatchObject({ code: '57014' });
  });

  it('turns a full pool into PoolBezetFout after the acquire timeout instead of waiting for ever', async () => {
    const db = await createTestDatabase({
      max: 1,
      limieten: { acquireTimeoutMs: 1_000, statementTimeoutMs: 30_000, idleInTransactionTimeoutMs: 60_000 },
    });
    // The one connection is made first (connecting counts against the same timeout), then held.
    await sql`SELECT 1`.execute(db.app);
    let fout: unknown;
    // A user context: its transaction holds the app pool's one connection (the system context has a pool of its own).
    const gebruiker = {
      kind: 'gebruiker' as const,
      dienstId: '00000000-0000-4000-8000-000000000001',
      gebruikerId: '00000000-0000-4000-8000-000000000002',
      rol: 'klantmanager' as const,
      gemeenten: [],
    };
    await withContext(db.app, gebruiker, async () => {
      fout = await sql`SELECT 1`.execute(db.app).catch((e: unknown) => e);
    });
    expect(isPoolBezet(fout)).toBe(true);
    expect(db.appStand.inGebruik()).toBe(0);
    // The pool works again once the connection is back.
    await expect(sql`SELECT 1`.execute(db.app)).resolves.toBeDefined();
  });
});
