import { sql, type Transaction } from 'kysely';
import { type Database, systeemPoolVan } from './database.ts';
import type { DB } from './schema.ts';

export type Tx = Transaction<DB>;

/** The roles a staff member can have (ids are ASCII kebab-case; display names live in the auth module). */
export const ROLLEN = [
  'klantmanager',
  'teamleider',
  'netwerkmakelaar',
  'functioneel-beheerder',
  'privacy-officer',
] as const;
export type Rol = (typeof ROLLEN)[number];

/** Who is acting, as the database sees it. Set per transaction; a query without context sees nothing. */
export type DbContext =
  | {
      kind: 'gebruiker';
      dienstId: string;
      gebruikerId: string;
      rol: Rol;
      /** The municipalities this actor may see. */
      gemeenten: readonly string[];
    }
  | {
      kind: 'systeem';
      /** Why system rights are needed (logged): e.g. `cli:gemeente-create`, `job:logboek-onderhoud`. */
      reden: string;
      /** Limit to one social service when known. */
      dienstId?: string;
    };

type SystemContextListener = (reden: string) => void;
let onSystemContext: SystemContextListener = () => {};

/** Every use of the system context is reported here (the app logs it). */
export function setSystemContextListener(listener: SystemContextListener): void {
  onSystemContext = listener;
}

/**
 * Runs `fn` in one transaction with the actor's context set through `set_config(…, true)` (transaction-local),
 * so row-level security filters every query in it. A system context runs on a connection of the system pool that
 * belongs to `db` (`systeemPoolVan`): the application role cannot turn the system context on.
 */
export async function withContext<T>(db: Database, ctx: DbContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const pool = ctx.kind === 'systeem' ? systeemPoolVan(db) : db;
  return pool.transaction().execute(async (tx) => {
    taken.set(tx, []);
    await setContext(tx, ctx);
    const uitkomst = await fn(tx);
    await voerTakenUit(tx);
    return uitkomst;
  });
}

const taken = new WeakMap<Tx, Array<() => Promise<void>>>();

/**
 * Registers work that must happen in this transaction after everything else: just before it commits, or before its
 * context changes (`setContext`), whichever comes first. The access log writes its entries this way, so that the
 * chain heads are locked last, all at once and in one order (never a deadlock between two transactions), and held
 * for the shortest time. Returns false (and registers nothing) for a transaction `withContext` did not open.
 */
export function voorCommit(tx: Tx, taak: () => Promise<void>): boolean {
  const lijst = taken.get(tx);
  if (!lijst) return false;
  lijst.push(taak);
  return true;
}

async function voerTakenUit(tx: Tx): Promise<void> {
  const lijst = taken.get(tx);
  for (let taak = lijst?.shift(); taak; taak = lijst?.shift()) await taak();
}

/** The system context was asked for on a connection whose role may not have it (the application role). */
export class GeenSysteemVerbindingFout extends Error {
  constructor() {
    super('the system context needs a connection of the system (or owner) role, not of the application role');
    this.name = 'GeenSysteemVerbindingFout';
  }
}

/**
 * Sets the context on a transaction that is already open (work registered with `voorCommit` runs first). A system
 * context only on a system or owner connection: on an app connection it throws (the database would not honour it
 * anyway, `app_systeem()`), and nothing is set.
 */
export async function setContext(tx: Tx, ctx: DbContext): Promise<void> {
  await voerTakenUit(tx);
  if (ctx.kind === 'systeem') {
    onSystemContext(ctx.reden);
    const { rows } = await sql<{
      mag: boolean;
    }>`SELECT r.mag, CASE WHEN r.mag THEN set_config('app.systeem', 'aan', true) END,
        set_config('app.dienst', ${ctx.dienstId ?? ''}, true), set_config('app.gemeenten', '', true),
        set_config('app.rol', 'systeem', true), set_config('app.gebruiker', '', true)
      FROM (SELECT pg_has_role(session_user, 'wederkerig_systeem', 'MEMBER')
        AND pg_has_role(current_user, 'wederkerig_systeem', 'MEMBER') AS mag) r`.execute(tx);
    if (!rows[0]?.mag) throw new GeenSysteemVerbindingFout();
    return;
  }
  await sql`SELECT set_config('app.systeem', '', true), set_config('app.dienst', ${ctx.dienstId}, true),
    set_config('app.gemeenten', ${`{${ctx.gemeenten.join(',')}}`}, true), set_config('app.rol', ${ctx.rol}, true),
    set_config('app.gebruiker', ${ctx.gebruikerId}, true)`.execute(tx);
}

/** Shorthand for an explicit system context. */
export function systeem(reden: string, dienstId?: string): DbContext {
  return dienstId === undefined ? { kind: 'systeem', reden } : { kind: 'systeem', reden, dienstId };
}
