import { type Kysely, sql } from 'kysely';
import { APP_ROLE, beveiligTabel } from './rls.ts';

/** Identity and access: teams, users (staff), their assignments, sessions, invitations, API tokens, throttling. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE team (
    dienst_id uuid NOT NULL REFERENCES dienst (dienst_id),
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    naam text NOT NULL CHECK (length(naam) BETWEEN 1 AND 200),
    aangemaakt_op timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dienst_id, id),
    UNIQUE (dienst_id, naam)
  )`.execute(db);
  await beveiligTabel(db, 'team', 'dienst');

  await sql`CREATE TABLE team_gemeente (
    dienst_id uuid NOT NULL,
    team_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    PRIMARY KEY (dienst_id, team_id, gemeente_id),
    FOREIGN KEY (dienst_id, team_id) REFERENCES team (dienst_id, id) ON DELETE CASCADE,
    FOREIGN KEY (dienst_id, gemeente_id) REFERENCES gemeente (dienst_id, gemeente_id)
  )`.execute(db);
  await beveiligTabel(db, 'team_gemeente', 'gemeente');

  await sql`CREATE TABLE gebruiker (
    dienst_id uuid NOT NULL REFERENCES dienst (dienst_id),
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    email text NOT NULL CHECK (email = lower(email) AND email ~ '^[^@\\s]+@[^@\\s]+$'),
    naam text NOT NULL CHECK (length(naam) BETWEEN 1 AND 200),
    rol text NOT NULL CHECK (rol IN ('klantmanager', 'teamleider', 'netwerkmakelaar', 'functioneel-beheerder', 'privacy-officer')),
    wachtwoord_hash text,
    totp_geheim text,
    totp_actief_sinds timestamptz,
    is_demo boolean NOT NULL DEFAULT false,
    is_actief boolean NOT NULL DEFAULT true,
    aangemaakt_op timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dienst_id, id)
  )`.execute(db);
  // Login is by e-mail address before the service is known, so the address is unique across services.
  await sql`CREATE UNIQUE INDEX gebruiker_email_uniek ON gebruiker (email)`.execute(db);
  await beveiligTabel(db, 'gebruiker', 'dienst');

  await sql`CREATE TABLE gebruiker_team (
    dienst_id uuid NOT NULL,
    gebruiker_id uuid NOT NULL,
    team_id uuid NOT NULL,
    PRIMARY KEY (dienst_id, gebruiker_id, team_id),
    FOREIGN KEY (dienst_id, gebruiker_id) REFERENCES gebruiker (dienst_id, id) ON DELETE CASCADE,
    FOREIGN KEY (dienst_id, team_id) REFERENCES team (dienst_id, id) ON DELETE CASCADE
  )`.execute(db);
  await beveiligTabel(db, 'gebruiker_team', 'dienst');

  await sql`CREATE TABLE gebruiker_gemeente (
    dienst_id uuid NOT NULL,
    gebruiker_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    PRIMARY KEY (dienst_id, gebruiker_id, gemeente_id),
    FOREIGN KEY (dienst_id, gebruiker_id) REFERENCES gebruiker (dienst_id, id) ON DELETE CASCADE,
    FOREIGN KEY (dienst_id, gemeente_id) REFERENCES gemeente (dienst_id, gemeente_id)
  )`.execute(db);
  await beveiligTabel(db, 'gebruiker_gemeente', 'gemeente');

  await sql`CREATE TABLE herstelcode (
    dienst_id uuid NOT NULL,
    gebruiker_id uuid NOT NULL,
    code_hash text NOT NULL,
    gebruikt_op timestamptz,
    PRIMARY KEY (dienst_id, gebruiker_id, code_hash),
    FOREIGN KEY (dienst_id, gebruiker_id) REFERENCES gebruiker (dienst_id, id) ON DELETE CASCADE
  )`.execute(db);
  await beveiligTabel(db, 'herstelcode', 'dienst');

  await sql`CREATE TABLE sessie (
    dienst_id uuid NOT NULL,
    id text NOT NULL,
    gebruiker_id uuid NOT NULL,
    aangemaakt_op timestamptz NOT NULL DEFAULT now(),
    laatst_actief_op timestamptz NOT NULL DEFAULT now(),
    verloopt_op timestamptz NOT NULL,
    is_mfa_voldaan boolean NOT NULL DEFAULT false,
    omschrijving text NOT NULL DEFAULT '',
    PRIMARY KEY (dienst_id, id),
    FOREIGN KEY (dienst_id, gebruiker_id) REFERENCES gebruiker (dienst_id, id) ON DELETE CASCADE
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX sessie_id ON sessie (id)`.execute(db);
  await beveiligTabel(db, 'sessie', 'dienst');

  await sql`CREATE TABLE uitnodiging (
    dienst_id uuid NOT NULL,
    token_hash text NOT NULL,
    gebruiker_id uuid NOT NULL,
    verloopt_op timestamptz NOT NULL,
    gebruikt_op timestamptz,
    PRIMARY KEY (dienst_id, token_hash),
    FOREIGN KEY (dienst_id, gebruiker_id) REFERENCES gebruiker (dienst_id, id) ON DELETE CASCADE
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX uitnodiging_token ON uitnodiging (token_hash)`.execute(db);
  await beveiligTabel(db, 'uitnodiging', 'dienst');

  await sql`CREATE TABLE api_token (
    dienst_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    gebruiker_id uuid NOT NULL,
    naam text NOT NULL CHECK (length(naam) BETWEEN 1 AND 100),
    token_hash text NOT NULL,
    aangemaakt_op timestamptz NOT NULL DEFAULT now(),
    laatst_gebruikt_op timestamptz,
    ingetrokken_op timestamptz,
    PRIMARY KEY (dienst_id, id),
    FOREIGN KEY (dienst_id, gebruiker_id) REFERENCES gebruiker (dienst_id, id) ON DELETE CASCADE
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX api_token_hash ON api_token (token_hash)`.execute(db);
  await beveiligTabel(db, 'api_token', 'dienst');

  // Failed logins, counted in PostgreSQL so that every instance shares them. Keys are hashed (no e-mail or IP).
  await sql`CREATE TABLE inlogpoging (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sleutel text NOT NULL,
    tijdstip timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX inlogpoging_sleutel ON inlogpoging (sleutel, tijdstip)`.execute(db);
  await sql`GRANT SELECT, INSERT, DELETE ON inlogpoging TO ${sql.id(APP_ROLE)}`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
