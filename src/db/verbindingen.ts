import { AsyncLocalStorage } from 'node:async_hooks';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/**
 * Connection accounting for the app pool. A request that holds a connection and then waits for another can wedge
 * the whole pool under load (every connection held by a request that waits for the next one). One request uses
 * one connection at a time: a request runs in a scope (`binnenVerbindingScope`), and a second acquire while the
 * first is still held is reported to the scope, which may refuse it (tests) or log it (production).
 */
export interface VerbindingScope {
  /** Connections this scope holds or is waiting for right now. */
  inGebruik: number;
  /** Called before a second acquire while one is held; throwing refuses the acquire. */
  tweede: (fout: TweedeVerbindingFout) => void;
}

const scopes = new AsyncLocalStorage<VerbindingScope>();

/** Runs `fn` (and everything it starts) in a scope of its own. */
export function binnenVerbindingScope<T>(scope: VerbindingScope, fn: () => T): T {
  return scopes.run(scope, fn);
}

/** Runs `fn` outside any scope: for work a request starts but does not wait for (a cache rebuilt in the background). */
export function buitenVerbindingScope<T>(fn: () => T): T {
  return scopes.exit(fn);
}

/** A request asked for a second connection while holding one: the stack says where. */
export class TweedeVerbindingFout extends Error {
  constructor() {
    super('a second database connection was asked for while this request holds one');
    this.name = 'TweedeVerbindingFout';
  }
}

/** No connection became free within the acquire timeout: the app is busy (answer 503, never hang). */
export class PoolBezetFout extends Error {
  constructor(cause: unknown) {
    super('no database connection free within the acquire timeout', { cause });
    this.name = 'PoolBezetFout';
  }
}

const VERBINDING_WEG_CODES = new Set(['57P01', '57P02', '57P03', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE']);
const VERBINDING_WEG_MELDINGEN = [
  'Connection terminated',
  'terminating connection',
  'Client has encountered a connection error',
];

/**
 * Is `e` (or one of its causes) a lost or refused database connection: PostgreSQL shutting down or gone (its
 * postmaster killed), a connection reset? Work in flight then fails; that is no reason to crash the process.
 */
export function isVerbindingWeg(e: unknown): boolean {
  for (let x: unknown = e, n = 0; x instanceof Error && n < 10; x = x.cause, n++) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === 'string' && VERBINDING_WEG_CODES.has(code)) return true;
    if (VERBINDING_WEG_MELDINGEN.some((m) => x instanceof Error && x.message.includes(m))) return true;
  }
  return false;
}

/** Is `e` (or one of its causes) a full pool? */
export function isPoolBezet(e: unknown): boolean {
  for (let x: unknown = e, n = 0; x instanceof Error && n < 10; x = x.cause, n++)
    if (x instanceof PoolBezetFout) return true;
  return false;
}

/** The app pool's state and acquire times, for /metrics and /healthz. */
export interface PoolStand {
  max: number;
  /** Connections checked out now. */
  inGebruik(): number;
  /** Callers waiting for a connection now. */
  wachtend(): number;
  /** Registers a listener for every acquire: seconds waited and whether a connection came. */
  bijAcquire(luisteraar: (seconden: number, gelukt: boolean) => void): void;
}

const TIMEOUT_MELDINGEN = ['timeout exceeded when trying to connect', 'due to connection timeout'];

/**
 * Wraps a pg pool for Kysely: measures every acquire, turns the acquire timeout into `PoolBezetFout`, and keeps
 * the scope's count of held connections (released exactly once, whatever path the client takes back).
 */
export function bewaakPool(pool: pg.Pool, max: number): { pool: PostgresPool; stand: PoolStand } {
  const luisteraars: Array<(seconden: number, gelukt: boolean) => void> = [];
  const meld = (start: bigint, gelukt: boolean) => {
    const seconden = Number(process.hrtime.bigint() - start) / 1e9;
    for (const l of luisteraars) l(seconden, gelukt);
  };
  const bewaakt: PostgresPool = {
    async connect(): Promise<PostgresPoolClient> {
      const scope = scopes.getStore();
      if (scope && scope.inGebruik > 0) scope.tweede(new TweedeVerbindingFout());
      if (scope) scope.inGebruik++;
      const start = process.hrtime.bigint();
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (e) {
        if (scope) scope.inGebruik--;
        meld(start, false);
        const bericht = e instanceof Error ? e.message : '';
        if (TIMEOUT_MELDINGEN.some((m) => bericht.includes(m))) throw new PoolBezetFout(e);
        throw e;
      }
      meld(start, true);
      if (!scope) return client;
      const release = client.release.bind(client);
      let terug = false;
      client.release = (err?: Error | boolean) => {
        if (!terug) {
          terug = true;
          scope.inGebruik--;
        }
        release(err);
      };
      return client;
    },
    end: () => pool.end(),
  };
  return {
    pool: bewaakt,
    stand: {
      max,
      inGebruik: () => pool.totalCount - pool.idleCount,
      wachtend: () => pool.waitingCount,
      bijAcquire: (l) => {
        luisteraars.push(l);
      },
    },
  };
}
