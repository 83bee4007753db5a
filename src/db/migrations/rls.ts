import { type Kysely, sql } from 'kysely';

/** The application role's name. Production: the login role in DATABASE_URL is this role or a member of it. */
export const APP_ROLE = 'wederkerig_app';

/**
 * The system role: the only role (with the owner, a member of it) on whose connections the system context
 * (`app.systeem`) counts. A member of the app role, so it has the app's grants. Production: DATABASE_SYSTEM_URL.
 */
export const SYSTEEM_ROLE = 'wederkerig_systeem';

type Scope =
  /** Rows of one social service (the tenant). */
  | 'dienst'
  /** Rows of one municipality: the caller must have it in `app.gemeenten`. */
  | 'gemeente';

/**
 * Turns on forced row-level security for a table and grants the application role what it may do.
 * A caller without context (no `app.dienst`, no system context) sees nothing.
 */
export async function beveiligTabel(
  db: Kysely<unknown>,
  table: string,
  scope: Scope,
  privileges: 'lezen-schrijven' | 'alleen-toevoegen' = 'lezen-schrijven',
): Promise<void> {
  const t = sql.table(table);
  await sql`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`.execute(db);
  const condition =
    scope === 'dienst'
      ? sql`app_systeem() OR dienst_id = app_dienst()`
      : sql`app_systeem() OR (dienst_id = app_dienst() AND gemeente_id = ANY (app_gemeenten()))`;
  await sql`CREATE POLICY ${sql.id(`${table}_toegang`)} ON ${t} USING (${condition}) WITH CHECK (${condition})`.execute(
    db,
  );
  const grant =
    privileges === 'alleen-toevoegen' ? sql.raw('SELECT, INSERT') : sql.raw('SELECT, INSERT, UPDATE, DELETE');
  await sql`GRANT ${grant} ON ${t} TO ${sql.id(APP_ROLE)}`.execute(db);
}
