import { type Kysely, sql } from 'kysely';
import { APP_ROLE, SYSTEEM_ROLE } from './rls.ts';

/**
 * The system context only on a system connection (issue 20, security finding). `app_systeem()` used to trust the
 * transaction setting `app.systeem`, which any session of the application role can set itself (`set_config`), and
 * then every policy let it read every social service. Now:
 *
 * - a role `wederkerig_systeem` (NOBYPASSRLS) carries the system context. It is a member of `wederkerig_app` (so it
 *   has exactly the app's grants, also of tables added later); the owner role is a member of it (migrations, the
 *   access-log commands, backup and restore run as the owner with the system context); `wederkerig_app` is **not** a
 *   member, so it cannot `SET ROLE` to it;
 * - `app_systeem()` is true only when the setting is on **and** both the login role (`session_user`) and the role in
 *   effect (`current_user`) are members of `wederkerig_systeem`: a `SECURITY DEFINER` function owned by the owner,
 *   called from an app session, does not turn the context on either.
 *
 * Creating the role and the two memberships needs a superuser (or `CREATEROLE` with admin rights): the embedded
 * server and CI make them before the migrations run (as the README asks a DBA to); this migration makes what it may
 * and otherwise stops with what to ask the DBA.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const systeem = sql.lit(SYSTEEM_ROLE);
  const app = sql.lit(APP_ROLE);
  await sql`DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${systeem}) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I NOLOGIN NOSUPERUSER NOBYPASSRLS', ${systeem});
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'De rol % ontbreekt en de eigenaar mag hem niet maken. Laat een DBA uitvoeren: CREATE ROLE % LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD ''…''; GRANT % TO %; GRANT % TO %;',
          ${systeem}, ${systeem}, ${app}, ${systeem}, ${systeem}, current_user;
      END;
    END IF;
    IF NOT pg_has_role(${systeem}, ${app}, 'MEMBER') THEN
      BEGIN
        EXECUTE format('GRANT %I TO %I', ${app}, ${systeem});
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'De rol % moet lid zijn van %. Laat een DBA uitvoeren: GRANT % TO %;',
          ${systeem}, ${app}, ${app}, ${systeem};
      END;
    END IF;
    IF NOT pg_has_role(current_user, ${systeem}, 'MEMBER') THEN
      BEGIN
        EXECUTE format('GRANT %I TO %I', ${systeem}, current_user);
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'De eigenaar % moet lid zijn van %. Laat een DBA uitvoeren: GRANT % TO %;',
          current_user, ${systeem}, ${systeem}, current_user;
      END;
    END IF;
    IF pg_has_role(${app}, ${systeem}, 'MEMBER') THEN
      RAISE EXCEPTION 'De rol % is lid van %: dan kan de app de systeemcontext zelf aanzetten. Laat een DBA uitvoeren: REVOKE % FROM %;',
        ${app}, ${systeem}, ${systeem}, ${app};
    END IF;
  END $$`.execute(db);
  await sql`CREATE OR REPLACE FUNCTION app_systeem() RETURNS boolean LANGUAGE sql STABLE AS
    $$ SELECT coalesce(current_setting('app.systeem', true), '') = 'aan'
        AND pg_has_role(session_user, ${systeem}, 'MEMBER')
        AND pg_has_role(current_user, ${systeem}, 'MEMBER') $$`.execute(db);
}
