import { type Kysely, sql } from 'kysely';
import { beveiligTabel } from './rls.ts';

/**
 * Hours are never overwritten silently (issue 16).
 *
 * `uren_registratie` gets a `versie` (optimistic concurrency: a change names the version it replaces, so a stale
 * or empty form cannot overwrite what someone else stored) and `bron`, how the current value came in (`formulier`,
 * `api`, `import`, `organisatie`, `klant`; null for rows stored before this migration).
 *
 * `uren_wijziging`: every new, changed and removed registration with the previous and the new value, who, when and
 * how. Client data of a municipality (forced RLS), out of the privacy officer's reach like the hours themselves,
 * append-only for the application role (SELECT, INSERT), deleted with the design (and so with the client).
 */

const AFWEZIG = "('ziek', 'vakantie', 'anders')";
const BRONNEN = "('formulier', 'api', 'import', 'organisatie', 'klant')";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE uren_registratie
    ADD COLUMN versie integer NOT NULL DEFAULT 1 CHECK (versie >= 1),
    ADD COLUMN bron text CHECK (bron IN ${sql.raw(BRONNEN)})`.execute(db);

  await sql`CREATE TABLE uren_wijziging (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    tegenprestatie_id uuid NOT NULL,
    klant_id uuid NOT NULL,
    datum date NOT NULL,
    soort text NOT NULL CHECK (soort IN ('nieuw', 'gewijzigd', 'verwijderd')),
    vorige_uren numeric(4,2) CHECK (vorige_uren >= 0 AND vorige_uren <= 24),
    vorige_afwezig text CHECK (vorige_afwezig IN ${sql.raw(AFWEZIG)}),
    vorige_toelichting text CHECK (length(vorige_toelichting) <= 500),
    uren numeric(4,2) CHECK (uren >= 0 AND uren <= 24),
    afwezig text CHECK (afwezig IN ${sql.raw(AFWEZIG)}),
    toelichting text CHECK (length(toelichting) <= 500),
    bron text NOT NULL CHECK (bron IN ${sql.raw(BRONNEN)}),
    door uuid,
    door_naam text NOT NULL CHECK (length(door_naam) <= 200),
    op timestamptz NOT NULL DEFAULT now(),
    CHECK ((soort = 'nieuw') = (vorige_uren IS NULL)),
    CHECK ((soort = 'verwijderd') = (uren IS NULL)),
    PRIMARY KEY (dienst_id, gemeente_id, id),
    FOREIGN KEY (dienst_id, gemeente_id, tegenprestatie_id)
      REFERENCES tegenprestatie (dienst_id, gemeente_id, id) ON DELETE CASCADE
  )`.execute(db);
  await sql`CREATE INDEX uren_wijziging_tp ON uren_wijziging (dienst_id, gemeente_id, tegenprestatie_id, op)`.execute(
    db,
  );
  await beveiligTabel(db, 'uren_wijziging', 'gemeente', 'alleen-toevoegen');
  await sql`CREATE POLICY uren_wijziging_geen_privacy_officer ON uren_wijziging AS RESTRICTIVE
    USING (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')
    WITH CHECK (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
