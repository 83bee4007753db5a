import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';
import { bewaakPool, type PoolStand } from './verbindingen.ts';

export type Database = Kysely<DB>;

// int8 (counts, sequence numbers) as JS numbers: our values stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// `date` columns stay ISO strings (YYYY-MM-DD): no time zone shifts.
pg.types.setTypeParser(1082, (v) => v);

export interface Pools {
  /** Application role: row-level security applies. */
  app: Database;
  /** Owner role: migrations and maintenance only. */
  owner: Database;
  /**
   * System role: the system context (`withContext(app, systeem(…))` takes its connection here, see
   * `systeemPoolVan`). Row-level security applies; `app.systeem` counts only on this role's (and the owner's)
   * connections.
   */
  systeem: Database;
  /** The app pool's state (in use, waiting, acquire times) for /metrics and /healthz. */
  appStand: PoolStand;
  /** The system pool's state, likewise. */
  systeemStand: PoolStand;
  /**
   * Is the database up? Asked over a connection of its own (not the app pool), so a busy pool is told apart from
   * a database that is down.
   */
  bereikbaar: () => Promise<boolean>;
  close(): Promise<void>;
}

/** Limits on the app role's connections: a stuck request or statement is cut off, never held for ever. */
export interface VerbindingLimieten {
  /** Wait at most this long for a free connection (then the request answers 503). */
  acquireTimeoutMs: number;
  /** PostgreSQL `statement_timeout` of every app connection. */
  statementTimeoutMs: number;
  /** PostgreSQL `idle_in_transaction_session_timeout` of every app connection. */
  idleInTransactionTimeoutMs: number;
}

export const STANDAARD_LIMIETEN: VerbindingLimieten = {
  acquireTimeoutMs: 5_000,
  statementTimeoutMs: 30_000,
  idleInTransactionTimeoutMs: 60_000,
};

export interface PoolOptions {
  appUrl: string;
  ownerUrl: string;
  /** The system role's connection (DATABASE_SYSTEM_URL). Unset: the owner's (a member of the system role). */
  systeemUrl?: string;
  max?: number;
  limieten?: VerbindingLimieten;
  onError?: (err: Error) => void;
}

function nieuwePool(config: pg.PoolConfig, onError?: (err: Error) => void): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on('error', (err) => onError?.(err));
  pool.on('connect', (client) => client.on('error', (err) => onError?.(err)));
  return pool;
}

/**
 * Creates a Kysely instance over a pg pool that never crashes the process on a connection error: idle clients
 * report to the pool's handler, and a client that is checked out (a transaction or a job holding a session)
 * gets its own listener too, because pg-pool removes its handler while a client is in use and an unhandled
 * 'error' event (PostgreSQL shutting down between two queries) would end the process. The query in progress
 * still fails with the error.
 */
export function createDatabase(url: string, max = 10, onError?: (err: Error) => void): Database {
  const pool = nieuwePool({ connectionString: url, max }, onError);
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
}

/**
 * The app role's pool: acquire timeout, statement and idle-in-transaction timeouts on every connection, and the
 * connection accounting of `verbindingen.ts` (one connection per request, acquire times).
 */
function createAppDatabase(
  url: string,
  max: number,
  limieten: VerbindingLimieten,
  onError?: (err: Error) => void,
): { db: Database; stand: PoolStand } {
  const pool = nieuwePool(
    {
      connectionString: url,
      max,
      connectionTimeoutMillis: limieten.acquireTimeoutMs,
      statement_timeout: limieten.statementTimeoutMs,
      idle_in_transaction_session_timeout: limieten.idleInTransactionTimeoutMs,
    },
    onError,
  );
  const { pool: bewaakt, stand } = bewaakPool(pool, max);
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: bewaakt }),
    plugins: [new CamelCasePlugin()],
  });
  return { db, stand };
}

const systeemPools = new WeakMap<Database, Database>();

/**
 * The system pool that belongs to an app pool (made by the same `createPools`), or `db` itself: the owner and the
 * system pool are their own. `withContext(db, systeem(…))` asks this, so that call sites pass the app pool for
 * every context and a system transaction still runs on a system connection.
 */
export function systeemPoolVan(db: Database): Database {
  return systeemPools.get(db) ?? db;
}

/**
 * The connections of the app: application role, system role (same size and limits, counted in the same connection
 * scope: a request holds one connection of either at a time), owner role, and one for the health check.
 */
export function createPools(opts: PoolOptions): Pools {
  const limieten = opts.limieten ?? STANDAARD_LIMIETEN;
  const max = opts.max ?? 10;
  const { db: app, stand } = createAppDatabase(opts.appUrl, max, limieten, opts.onError);
  const { db: systeem, stand: systeemStand } = createAppDatabase(
    opts.systeemUrl ?? opts.ownerUrl,
    max,
    limieten,
    opts.onError,
  );
  systeemPools.set(app, systeem);
  const owner = createDatabase(opts.ownerUrl, 2, opts.onError);
  const gezondheid = nieuwePool(
    { connectionString: opts.appUrl, max: 1, connectionTimeoutMillis: 2_000, statement_timeout: 2_000 },
    opts.onError,
  );
  return {
    app,
    owner,
    systeem,
    appStand: stand,
    systeemStand,
    bereikbaar: async () => {
      try {
        await gezondheid.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      await Promise.all([app.destroy(), systeem.destroy(), owner.destroy(), gezondheid.end()]);
    },
  };
}
