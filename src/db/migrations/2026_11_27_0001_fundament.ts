import { type Kysely, sql } from 'kysely';
import { APP_ROLE, beveiligTabel } from './rls.ts';

/**
 * The foundation: the application role, the context functions row-level security reads, the social service
 * (dienst, the tenant), its municipalities and their wijken with postcodes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${sql.lit(APP_ROLE)}) THEN
      CREATE ROLE ${sql.id(APP_ROLE)} NOLOGIN;
    END IF;
  END $$`.execute(db);
  await sql`REVOKE CREATE ON SCHEMA public FROM PUBLIC`.execute(db);
  await sql`GRANT USAGE ON SCHEMA public TO ${sql.id(APP_ROLE)}`.execute(db);

  // The caller's context, set per transaction with set_config(…, true). Missing or empty means: nothing.
  await sql`CREATE FUNCTION app_dienst() RETURNS uuid LANGUAGE sql STABLE AS
    $$ SELECT nullif(current_setting('app.dienst', true), '')::uuid $$`.execute(db);
  await sql`CREATE FUNCTION app_gemeenten() RETURNS uuid[] LANGUAGE sql STABLE AS
    $$ SELECT coalesce(nullif(current_setting('app.gemeenten', true), '')::uuid[], '{}'::uuid[]) $$`.execute(
    db,
  );
  await sql`CREATE FUNCTION app_rol() RETURNS text LANGUAGE sql STABLE AS
    $$ SELECT nullif(current_setting('app.rol', true), '') $$`.execute(db);
  await sql`CREATE FUNCTION app_gebruiker() RETURNS uuid LANGUAGE sql STABLE AS
    $$ SELECT nullif(current_setting('app.gebruiker', true), '')::uuid $$`.execute(db);
  await sql`CREATE FUNCTION app_systeem() RETURNS boolean LANGUAGE sql STABLE AS
    $$ SELECT coalesce(current_setting('app.systeem', true), '') = 'aan' $$`.execute(db);

  await sql`CREATE TABLE dienst (
    dienst_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    naam text NOT NULL CHECK (length(naam) BETWEEN 1 AND 200),
    aangemaakt_op timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await beveiligTabel(db, 'dienst', 'dienst');

  await sql`CREATE TABLE gemeente (
    dienst_id uuid NOT NULL REFERENCES dienst (dienst_id),
    gemeente_id uuid NOT NULL DEFAULT gen_random_uuid(),
    naam text NOT NULL CHECK (length(naam) BETWEEN 1 AND 200),
    code text NOT NULL CHECK (code ~ '^GM[0-9]{4}$'),
    aangemaakt_op timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dienst_id, gemeente_id),
    UNIQUE (dienst_id, code)
  )`.execute(db);
  await beveiligTabel(db, 'gemeente', 'gemeente');

  await sql`CREATE TABLE wijk (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    naam text NOT NULL CHECK (length(naam) BETWEEN 1 AND 200),
    PRIMARY KEY (dienst_id, id),
    UNIQUE (dienst_id, gemeente_id, naam),
    FOREIGN KEY (dienst_id, gemeente_id) REFERENCES gemeente (dienst_id, gemeente_id)
  )`.execute(db);
  await beveiligTabel(db, 'wijk', 'gemeente');

  await sql`CREATE TABLE wijk_postcode (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    postcode4 char(4) NOT NULL CHECK (postcode4 ~ '^[1-9][0-9]{3}$'),
    wijk_id uuid NOT NULL,
    PRIMARY KEY (dienst_id, gemeente_id, postcode4),
    FOREIGN KEY (dienst_id, wijk_id) REFERENCES wijk (dienst_id, id) ON DELETE CASCADE,
    FOREIGN KEY (dienst_id, gemeente_id) REFERENCES gemeente (dienst_id, gemeente_id)
  )`.execute(db);
  await beveiligTabel(db, 'wijk_postcode', 'gemeente');
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
