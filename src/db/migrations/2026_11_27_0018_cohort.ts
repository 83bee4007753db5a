import { type Kysely, sql } from 'kysely';
import { beveiligTabel } from './rls.ts';

/**
 * Cohort assignment (issue 8): a run (`cohort_run`: who started it, the chosen clients and activities, status and
 * progress of the background job, the outcome) and its proposal, one row per client (`cohort_voorstel`: the
 * assigned activity with score and reasons, or why the client was left unassigned; whether the team lead accepted
 * the pair and the design (verkenning) it opened). Client data: keyed and secured by municipality (forced RLS),
 * kept out of the privacy officer's reach like the other client tables, deleted with the client.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE cohort_run (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    status text NOT NULL DEFAULT 'wachtrij' CHECK (status IN ('wachtrij', 'bezig', 'klaar', 'mislukt')),
    voortgang integer NOT NULL DEFAULT 0 CHECK (voortgang BETWEEN 0 AND 100),
    stap text CHECK (length(stap) <= 200),
    k integer NOT NULL CHECK (k BETWEEN 1 AND 200),
    -- What was chosen: { klantIds?, activiteitIds?, selectie?: { wijkId?, klantmanagerId?, toepasselijkheid? } }
    invoer jsonb NOT NULL,
    aantal_klanten integer,
    aantal_activiteiten integer,
    aantal_plaatsen integer,
    aantal_paren integer,
    aantal_toegewezen integer,
    doelwaarde bigint,
    fout text CHECK (length(fout) <= 2000),
    gestart_door uuid NOT NULL,
    aangemaakt_op timestamptz NOT NULL DEFAULT now(),
    klaar_op timestamptz,
    PRIMARY KEY (dienst_id, gemeente_id, id)
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX cohort_run_id ON cohort_run (dienst_id, id)`.execute(db);
  await sql`CREATE INDEX cohort_run_recent ON cohort_run (dienst_id, gemeente_id, aangemaakt_op DESC)`.execute(
    db,
  );

  await sql`CREATE TABLE cohort_voorstel (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    run_id uuid NOT NULL,
    klant_id uuid NOT NULL,
    activiteit_id uuid,
    score integer,
    redenen jsonb NOT NULL DEFAULT '[]',
    -- Why the client has no activity in the proposal (null when assigned).
    reden text CHECK (length(reden) <= 2000),
    -- The client's first choice when it went to someone else (for the explanation).
    eerste_keus_id uuid,
    status text NOT NULL CHECK (status IN ('voorgesteld', 'niet-toegewezen', 'geaccepteerd', 'afgewezen')),
    tegenprestatie_id uuid,
    gewijzigd_op timestamptz NOT NULL DEFAULT now(),
    gewijzigd_door uuid,
    PRIMARY KEY (dienst_id, gemeente_id, run_id, klant_id),
    FOREIGN KEY (dienst_id, gemeente_id, run_id) REFERENCES cohort_run (dienst_id, gemeente_id, id) ON DELETE CASCADE,
    FOREIGN KEY (dienst_id, gemeente_id, klant_id) REFERENCES klant (dienst_id, gemeente_id, id) ON DELETE CASCADE,
    FOREIGN KEY (dienst_id, activiteit_id) REFERENCES activiteit (dienst_id, id) ON DELETE CASCADE,
    CHECK ((activiteit_id IS NULL) = (status = 'niet-toegewezen')),
    CHECK (status <> 'geaccepteerd' OR tegenprestatie_id IS NOT NULL)
  )`.execute(db);
  await sql`CREATE INDEX cohort_voorstel_klant ON cohort_voorstel (dienst_id, gemeente_id, klant_id)`.execute(
    db,
  );

  for (const tabel of ['cohort_run', 'cohort_voorstel']) {
    await beveiligTabel(db, tabel, 'gemeente');
    await sql`CREATE POLICY ${sql.id(`${tabel}_geen_privacy_officer`)} ON ${sql.table(tabel)} AS RESTRICTIVE
      USING (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')
      WITH CHECK (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
