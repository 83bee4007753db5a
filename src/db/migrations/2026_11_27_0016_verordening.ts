import { type Kysely, sql } from 'kysely';
import { beveiligTabel } from './rls.ts';

/**
 * The ordinance engine (verordening tegenprestatie): per municipality, versions with an effective date, and per
 * social service the legal basis of the instrument per date.
 *
 * A version is immutable once saved — a change is a new version — so that a design keeps the version it was
 * checked against: the application role may only read and add (`alleen-toevoegen`), and a trigger refuses every
 * UPDATE (also by the owner). One version per municipality per effective date.
 *
 * The legal basis (`verordening_rechtsgrond`) is configuration per date over built-in defaults (art. 9 lid 1
 * onder c Pw until 2026; from 2027 empty until the new article is known); a row replaces the default of the same
 * start date.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE verordening_versie (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    ingangsdatum date NOT NULL,
    titel text NOT NULL CHECK (length(titel) BETWEEN 1 AND 200),
    vorm text NOT NULL CHECK (vorm IN ('opleggen', 'aanbieden')),
    weergavenaam text NOT NULL CHECK (weergavenaam IN ('tegenprestatie', 'maatschappelijke-participatie')),
    min_uren_per_week numeric(4,1) CHECK (min_uren_per_week >= 0 AND min_uren_per_week <= 40),
    max_uren_per_week numeric(4,1) CHECK (max_uren_per_week > 0 AND max_uren_per_week <= 40),
    max_duur_maanden integer CHECK (max_duur_maanden BETWEEN 1 AND 120),
    verlenging_toegestaan boolean NOT NULL,
    max_verlenging_maanden integer CHECK (max_verlenging_maanden BETWEEN 1 AND 120),
    lokale_grond_ids uuid[] NOT NULL DEFAULT '{}',
    schriftelijke_overeenkomst_verplicht boolean NOT NULL,
    artikel_vorm text NOT NULL DEFAULT '' CHECK (length(artikel_vorm) <= 200),
    artikel_uren text NOT NULL DEFAULT '' CHECK (length(artikel_uren) <= 200),
    artikel_duur text NOT NULL DEFAULT '' CHECK (length(artikel_duur) <= 200),
    artikel_verlenging text NOT NULL DEFAULT '' CHECK (length(artikel_verlenging) <= 200),
    artikel_ontheffingen text NOT NULL DEFAULT '' CHECK (length(artikel_ontheffingen) <= 200),
    artikel_overeenkomst text NOT NULL DEFAULT '' CHECK (length(artikel_overeenkomst) <= 200),
    toelichting text CHECK (length(toelichting) <= 2000),
    aangemaakt_op timestamptz NOT NULL DEFAULT now(),
    aangemaakt_door uuid,
    PRIMARY KEY (dienst_id, gemeente_id, id),
    UNIQUE (dienst_id, gemeente_id, ingangsdatum),
    FOREIGN KEY (dienst_id, gemeente_id) REFERENCES gemeente (dienst_id, gemeente_id),
    CHECK (min_uren_per_week IS NULL OR max_uren_per_week IS NULL OR min_uren_per_week <= max_uren_per_week),
    CHECK (verlenging_toegestaan OR max_verlenging_maanden IS NULL)
  )`.execute(db);
  await beveiligTabel(db, 'verordening_versie', 'gemeente', 'alleen-toevoegen');
  await sql`CREATE FUNCTION verordening_versie_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'Een versie van de verordening verandert niet meer: leg een nieuwe versie vast.';
    END $$`.execute(db);
  await sql`CREATE TRIGGER verordening_versie_onveranderlijk BEFORE UPDATE ON verordening_versie
    FOR EACH ROW EXECUTE FUNCTION verordening_versie_onveranderlijk()`.execute(db);

  await sql`CREATE TABLE verordening_rechtsgrond (
    dienst_id uuid NOT NULL REFERENCES dienst (dienst_id),
    vanaf date NOT NULL,
    artikel text CHECK (length(artikel) BETWEEN 1 AND 300),
    gewijzigd_op timestamptz NOT NULL DEFAULT now(),
    gewijzigd_door uuid,
    PRIMARY KEY (dienst_id, vanaf)
  )`.execute(db);
  await beveiligTabel(db, 'verordening_rechtsgrond', 'dienst');
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
