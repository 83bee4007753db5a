import { type Kysely, sql } from 'kysely';
import { voegSignaalSoortToe } from './2026_12_07_0701_dwang_oplegging.ts';
import { beveiligTabel } from './rls.ts';

/**
 * Issue 15, section 2: incidents on a placement under an imposed decision (no-show, late, refusal, behaviour; date,
 * description, source), and the signal kind `incident-patroon` (a configured pattern was reached; a signal never
 * starts a measure).
 *
 * `incident` is append-only for the application (a wrong one is corrected by a new one that says so), keyed by
 * municipality (forced RLS), out of the privacy officer's reach, deleted with the design (and so with the client).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE incident (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    tegenprestatie_id uuid NOT NULL,
    klant_id uuid NOT NULL,
    soort text NOT NULL CHECK (soort IN ('niet-verschenen', 'te-laat', 'weigering', 'gedrag')),
    datum date NOT NULL,
    omschrijving text NOT NULL CHECK (length(omschrijving) BETWEEN 1 AND 2000),
    bron text NOT NULL CHECK (bron IN ('organisatie', 'klantmanager', 'klant', 'anders')),
    bron_naam text CHECK (length(bron_naam) <= 200),
    vastgelegd_door uuid,
    vastgelegd_door_naam text NOT NULL CHECK (length(vastgelegd_door_naam) <= 200),
    vastgelegd_op timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dienst_id, gemeente_id, id),
    FOREIGN KEY (dienst_id, gemeente_id, tegenprestatie_id)
      REFERENCES tegenprestatie (dienst_id, gemeente_id, id) ON DELETE CASCADE
  )`.execute(db);
  await sql`CREATE INDEX incident_tp ON incident (dienst_id, gemeente_id, tegenprestatie_id, datum)`.execute(
    db,
  );
  await beveiligTabel(db, 'incident', 'gemeente', 'alleen-toevoegen');
  await sql`CREATE POLICY incident_geen_privacy_officer ON incident AS RESTRICTIVE
    USING (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')
    WITH CHECK (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')`.execute(db);
  await voegSignaalSoortToe(db, 'incident-patroon');
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
