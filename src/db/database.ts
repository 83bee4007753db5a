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
  /** The app pool's state (in use, waiting, acquire times) for /metrics and /healthz. */
  appStand: PoolStand;
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

/** The connections of the app: application role, owner role, and one for the health check. */
export function createPools(opts: PoolOptions): Pools {
  const limieten = opts.limieten ?? STANDAARD_LIMIETEN;
  const { db: app, stand } = createAppDatabase(opts.appUrl, opts.max ?? 10, limieten, opts.onError);
  const owner = createDatabase(opts.ownerUrl, 2, opts.onError);
  const gezondheid = nieuwePool(
    { connectionString: opts.appUrl, max: 1, connectionTimeoutMillis: 2_000, statement_timeout: 2_000 },
    opts.onError,
  );
  return {
    app,
    owner,
    appStand: stand,
    bereikbaar: async () => {
      try {
        await gezondheid.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      await Promise.all([app.destroy(), owner.destroy(), gezondheid.end()]);
    },
  };
}
