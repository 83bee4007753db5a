import { type Kysely, sql } from 'kysely';
import { APP_ROLE, beveiligTabel } from './rls.ts';

/**
 * The access log (logboek) and the register of processing activities (verwerkingsactiviteiten).
 *
 * - `verwerkingsactiviteit`: the register, data per social service; entries are never deleted (log entries
 *   refer to them).
 * - `logboek`: one row per processing, partitioned by month (UTC) on `tijdstip`. The application role may only
 *   SELECT and INSERT through the parent (row-level security applies there); partitions are owner-only.
 * - `logboek_keten`: the head (last sequence number and hash) of each chain (partition, dienst, gemeente).
 * - `logboek_partitie`: every partition ever created, with its seal, and a signed tombstone once dropped.
 * - `logboek_instelling`: the log's own retention and the signed anchor (first partition). Owner-maintained.
 * See docs/logboek.md.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const app = sql.id(APP_ROLE);

  await sql`CREATE TABLE verwerkingsactiviteit (
    dienst_id uuid NOT NULL REFERENCES dienst (dienst_id),
    id text NOT NULL CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(id) <= 60),
    naam text NOT NULL CHECK (length(naam) BETWEEN 1 AND 200),
    doel text NOT NULL CHECK (length(doel) BETWEEN 1 AND 2000),
    grondslag text NOT NULL CHECK (length(grondslag) BETWEEN 1 AND 1000),
    aangemaakt_op timestamptz NOT NULL DEFAULT now(),
    gewijzigd_op timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dienst_id, id)
  )`.execute(db);
  await beveiligTabel(db, 'verwerkingsactiviteit', 'dienst');
  // Log entries keep referring to an activity: it can be renamed, never removed.
  await sql`REVOKE DELETE ON verwerkingsactiviteit FROM ${app}`.execute(db);

  await sql`CREATE TABLE logboek_instelling (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    bewaartermijn_maanden integer CHECK (bewaartermijn_maanden BETWEEN 1 AND 1200),
    eerste_partitie timestamptz,
    anker_zegel text,
    sleutel_id text,
    gewijzigd_op timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`INSERT INTO logboek_instelling DEFAULT VALUES`.execute(db);
  await sql`GRANT SELECT ON logboek_instelling TO ${app}`.execute(db);

  await sql`CREATE TABLE logboek_partitie (
    van timestamptz PRIMARY KEY,
    tot timestamptz NOT NULL UNIQUE CHECK (tot > van),
    naam text NOT NULL UNIQUE CHECK (naam ~ '^logboek_p[0-9]{6}$'),
    aangemaakt_op timestamptz NOT NULL DEFAULT now(),
    verzegeld_op timestamptz,
    aantal_regels bigint,
    zegel text CHECK (zegel ~ '^[0-9a-f]{64}$'),
    sleutel_id text,
    verwijderd_op timestamptz,
    bewaartermijn_maanden integer,
    verwijder_zegel text CHECK (verwijder_zegel ~ '^[0-9a-f]{64}$'),
    CHECK (verwijderd_op IS NULL OR (zegel IS NOT NULL AND verwijder_zegel IS NOT NULL))
  )`.execute(db);

  await sql`CREATE TABLE logboek_keten (
    partitie timestamptz NOT NULL REFERENCES logboek_partitie (van),
    dienst_id uuid NOT NULL REFERENCES dienst (dienst_id),
    gemeente_id uuid,
    volgnummer bigint NOT NULL CHECK (volgnummer >= 0),
    hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    UNIQUE NULLS NOT DISTINCT (partitie, dienst_id, gemeente_id),
    FOREIGN KEY (dienst_id, gemeente_id) REFERENCES gemeente (dienst_id, gemeente_id)
  )`.execute(db);
  const ketenScope = sql`app_systeem() OR (dienst_id = app_dienst()
    AND (gemeente_id IS NULL OR gemeente_id = ANY (app_gemeenten())))`;
  await sql`ALTER TABLE logboek_keten ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE logboek_keten FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`CREATE POLICY logboek_keten_toegang ON logboek_keten USING (${ketenScope}) WITH CHECK (${ketenScope})`.execute(
    db,
  );
  // The app advances a head; it cannot move it to another chain.
  await sql`GRANT SELECT, INSERT ON logboek_keten TO ${app}`.execute(db);
  await sql`GRANT UPDATE (volgnummer, hash) ON logboek_keten TO ${app}`.execute(db);

  await sql`CREATE TABLE logboek (
    tijdstip timestamptz NOT NULL,
    dienst_id uuid NOT NULL REFERENCES dienst (dienst_id),
    gemeente_id uuid,
    volgnummer bigint NOT NULL CHECK (volgnummer >= 1),
    actor_id text NOT NULL CHECK (actor_id = 'systeem' OR actor_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    actor_reden text CHECK (length(actor_reden) <= 200),
    rol text NOT NULL CHECK (rol ~ '^[a-z]+(-[a-z]+)*$'),
    actie text NOT NULL CHECK (actie IN ('lezen', 'aanmaken', 'wijzigen', 'verwijderen', 'exporteren')),
    subject_type text NOT NULL CHECK (subject_type ~ '^[a-z]+(-[a-z]+)*$' AND length(subject_type) <= 60),
    subject_id text NOT NULL CHECK (subject_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$' AND subject_id !~ '^[0-9]{8,9}$'),
    verwerkingsactiviteit_id text NOT NULL,
    trace_id text CHECK (length(trace_id) <= 100),
    hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    CHECK ((actor_id = 'systeem') = (rol = 'systeem')),
    CHECK ((actor_id = 'systeem') = (actor_reden IS NOT NULL)),
    FOREIGN KEY (dienst_id, verwerkingsactiviteit_id) REFERENCES verwerkingsactiviteit (dienst_id, id),
    FOREIGN KEY (dienst_id, gemeente_id) REFERENCES gemeente (dienst_id, gemeente_id)
  ) PARTITION BY RANGE (tijdstip)`.execute(db);
  await sql`CREATE INDEX logboek_keten_volgorde ON logboek (dienst_id, gemeente_id, volgnummer)`.execute(db);
  await sql`CREATE INDEX logboek_subject ON logboek (dienst_id, subject_type, subject_id, tijdstip)`.execute(
    db,
  );
  await sql`ALTER TABLE logboek ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE logboek FORCE ROW LEVEL SECURITY`.execute(db);
  // Writing: within the caller's service and municipalities, and only in the caller's own name and role.
  await sql`CREATE POLICY logboek_toevoegen ON logboek FOR INSERT WITH CHECK (
    (app_systeem() AND actor_id = 'systeem')
    OR (dienst_id = app_dienst() AND (gemeente_id IS NULL OR gemeente_id = ANY (app_gemeenten()))
        AND actor_id = app_gebruiker()::text AND rol = app_rol())
  )`.execute(db);
  // Reading: the privacy officer and the functioneel beheerder of the service, within their municipalities.
  await sql`CREATE POLICY logboek_lezen ON logboek FOR SELECT USING (
    app_systeem()
    OR (dienst_id = app_dienst() AND app_rol() IN ('privacy-officer', 'functioneel-beheerder')
        AND (gemeente_id IS NULL OR gemeente_id = ANY (app_gemeenten())))
  )`.execute(db);
  // Append-only for the application: no UPDATE, DELETE or TRUNCATE.
  await sql`GRANT SELECT, INSERT ON logboek TO ${app}`.execute(db);

  // The partitions for this month and the next two; the maintenance job keeps creating them ahead.
  const now = new Date();
  for (let i = 0; i < 3; i++) {
    const van = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1));
    const tot = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i + 1, 1));
    const naam = `logboek_p${van.getUTCFullYear()}${String(van.getUTCMonth() + 1).padStart(2, '0')}`;
    await sql`CREATE TABLE ${sql.id(naam)} PARTITION OF logboek
      FOR VALUES FROM (${sql.lit(van.toISOString())}) TO (${sql.lit(tot.toISOString())})`.execute(db);
    await sql`REVOKE ALL ON ${sql.id(naam)} FROM PUBLIC, ${app}`.execute(db);
    await sql`ALTER TABLE ${sql.id(naam)} ENABLE ROW LEVEL SECURITY`.execute(db);
    await sql`ALTER TABLE ${sql.id(naam)} FORCE ROW LEVEL SECURITY`.execute(db);
    await sql`INSERT INTO logboek_partitie (van, tot, naam) VALUES (${van}, ${tot}, ${naam})`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
