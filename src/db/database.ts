import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';

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
  close(): Promise<void>;
}

export interface PoolOptions {
  appUrl: string;
  ownerUrl: string;
  max?: number;
  onError?: (err: Error) => void;
}

/**
 * Creates a Kysely instance over a pg pool that never crashes the process on a connection error: idle clients
 * report to the pool's handler, and a client that is checked out (a transaction or a job holding a session)
 * gets its own listener too, because pg-pool removes its handler while a client is in use and an unhandled
 * 'error' event (PostgreSQL shutting down between two queries) would end the process. The query in progress
 * still fails with the error.
 */
export function createDatabase(url: string, max = 10, onError?: (err: Error) => void): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', (err) => onError?.(err));
  pool.on('connect', (client) => client.on('error', (err) => onError?.(err)));
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
}

/** The two connections of the app: application role and owner role. */
export function createPools(opts: PoolOptions): Pools {
  const app = createDatabase(opts.appUrl, opts.max ?? 10, opts.onError);
  const owner = createDatabase(opts.ownerUrl, 2, opts.onError);
  return {
    app,
    owner,
    close: async () => {
      await Promise.all([app.destroy(), owner.destroy()]);
    },
  };
}
