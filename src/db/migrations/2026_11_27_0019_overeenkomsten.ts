import { type Kysely, sql } from 'kysely';
import { beveiligTabel } from './rls.ts';

/**
 * The ordinance check of a design, the college's decision and the agreement (tegenprestatie, part 2).
 *
 * `verordeningstoetsing`: one run of the check of a design in `toetsing` against the version of the ordinance in
 * force on its start date — the version's id and a snapshot of what documents cite (date, title, form, name,
 * articles), the start date checked, the outcome per rule (`[{ regel, uitkomst, uitleg, artikel }]`), who ran it.
 * Append-only for the application: a later run is a new row, earlier runs stay.
 *
 * `overeenkomst`: per check run (at most one), the college's decision where the version imposes the
 * tegenprestatie (date, signatory, who recorded it) and the acceptance of the agreement (the date printed on it,
 * "getekend ontvangen op" for client and host, who recorded it), the start date the background job moves the
 * design to `lopend` on, and when it did.
 *
 * Client data: keyed by municipality (forced RLS), out of the privacy officer's reach like the other client tables,
 * deleted with the design (and so with the client). `versie_id` has no foreign key: the version belongs to the
 * verordening module; versions are immutable, and the snapshot keeps what the documents print.
 */

const UITKOMSTEN_CHECK = sql.raw(`CHECK (jsonb_typeof(uitkomsten) = 'array')`);
const tekst = (kolom: string, max: number) => sql.raw(`CHECK (length(${kolom}) <= ${max})`);
const geenPrivacyOfficer = async (db: Kysely<unknown>, tabel: string) =>
  sql`CREATE POLICY ${sql.id(`${tabel}_geen_privacy_officer`)} ON ${sql.table(tabel)} AS RESTRICTIVE
    USING (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')
    WITH CHECK (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')`.execute(db);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE verordeningstoetsing (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    tegenprestatie_id uuid NOT NULL,
    versie_id uuid NOT NULL,
    versie jsonb NOT NULL CHECK (jsonb_typeof(versie) = 'object'),
    startdatum date NOT NULL,
    uitkomsten jsonb NOT NULL ${UITKOMSTEN_CHECK},
    voldoet boolean NOT NULL,
    door uuid,
    door_naam text NOT NULL ${tekst('door_naam', 200)},
    uitgevoerd_op timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dienst_id, gemeente_id, id),
    FOREIGN KEY (dienst_id, gemeente_id, tegenprestatie_id)
      REFERENCES tegenprestatie (dienst_id, gemeente_id, id) ON DELETE CASCADE
  )`.execute(db);
  await sql`CREATE INDEX verordeningstoetsing_tp
    ON verordeningstoetsing (dienst_id, gemeente_id, tegenprestatie_id, uitgevoerd_op)`.execute(db);
  await beveiligTabel(db, 'verordeningstoetsing', 'gemeente', 'alleen-toevoegen');
  await geenPrivacyOfficer(db, 'verordeningstoetsing');

  await sql`CREATE TABLE overeenkomst (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    toetsing_id uuid NOT NULL,
    tegenprestatie_id uuid NOT NULL,
    besluit_datum date,
    besluit_ondertekenaar text ${tekst('besluit_ondertekenaar', 300)},
    besluit_door uuid,
    besluit_door_naam text ${tekst('besluit_door_naam', 200)},
    besluit_vastgelegd_op timestamptz,
    overeenkomst_datum date,
    klant_getekend_op date,
    organisatie_getekend_op date,
    acceptatie_door uuid,
    acceptatie_door_naam text ${tekst('acceptatie_door_naam', 200)},
    acceptatie_vastgelegd_op timestamptz,
    startdatum date,
    gestart_op timestamptz,
    PRIMARY KEY (dienst_id, gemeente_id, toetsing_id),
    CHECK ((besluit_datum IS NULL) = (besluit_ondertekenaar IS NULL)),
    CHECK (acceptatie_vastgelegd_op IS NULL OR (klant_getekend_op IS NOT NULL AND startdatum IS NOT NULL)),
    FOREIGN KEY (dienst_id, gemeente_id, toetsing_id)
      REFERENCES verordeningstoetsing (dienst_id, gemeente_id, id) ON DELETE CASCADE,
    FOREIGN KEY (dienst_id, gemeente_id, tegenprestatie_id)
      REFERENCES tegenprestatie (dienst_id, gemeente_id, id) ON DELETE CASCADE
  )`.execute(db);
  await sql`CREATE INDEX overeenkomst_tp ON overeenkomst (dienst_id, gemeente_id, tegenprestatie_id)`.execute(
    db,
  );
  // The daily job looks for accepted agreements whose start date has come.
  await sql`CREATE INDEX overeenkomst_te_starten ON overeenkomst (startdatum)
    WHERE acceptatie_vastgelegd_op IS NOT NULL AND gestart_op IS NULL`.execute(db);
  await beveiligTabel(db, 'overeenkomst', 'gemeente');
  await geenPrivacyOfficer(db, 'overeenkomst');
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
