import { type Kysely, sql } from 'kysely';
import { beveiligTabel } from './rls.ts';

/**
 * Issue 15, section 3: the measure path — intention (voornemen), hearing (Awb 4:8, or an Awb 4:11 / 4:12 ground),
 * culpability (art. 18 lid 9 Pw) and urgent reasons (lid 10), "afzien" as its own outcome, the final proposal and
 * the team lead's approval (four eyes), the measure decision.
 *
 * One row per measure path. The database enforces the guard next to the service (`maatregelpad.ts`): an intention
 * only with the imposed decision it enforces (sent, and the conduct not before sending nor outside its period);
 * a view or a ground, never both; a proposal or decision only with a hearing (a view, or a ground with reasons),
 * a culpability assessment that found culpability and no urgent reasons, a proposal within the ordinance's range;
 * a decision only with a team lead's approval by someone other than the proposer, and only after the hearing
 * term unless the view came in or a ground was recorded. Forced RLS per municipality, no privacy officer, deleted
 * with the design.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE maatregel (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    tegenprestatie_id uuid NOT NULL,
    klant_id uuid NOT NULL,
    status text NOT NULL DEFAULT 'voornemen'
      CHECK (status IN ('voornemen', 'ter-beoordeling', 'besloten', 'afgezien')),
    gedraging text NOT NULL CHECK (gedraging IN ('tegenprestatie-niet-nagekomen', 'medewerking-geweigerd')),
    gedrag_datum date NOT NULL,
    gedrag_omschrijving text NOT NULL CHECK (length(gedrag_omschrijving) BETWEEN 1 AND 4000),
    incident_id uuid,
    ontdekt_op date NOT NULL CHECK (ontdekt_op >= gedrag_datum),
    besluit_datum date NOT NULL,
    besluit_verzenddatum date NOT NULL,
    besluit_startdatum date NOT NULL,
    besluit_einddatum date,
    besluit_titel text NOT NULL CHECK (length(besluit_titel) <= 300),
    verordening_id uuid NOT NULL,
    verordening jsonb NOT NULL,
    categorie integer NOT NULL CHECK (categorie BETWEEN 1 AND 20),
    herhaling integer NOT NULL CHECK (herhaling >= 0),
    percentage integer NOT NULL CHECK (percentage BETWEEN 1 AND 100),
    maanden integer NOT NULL CHECK (maanden BETWEEN 1 AND 3),
    verzonden_op date NOT NULL,
    hoortermijn_einde date NOT NULL CHECK (hoortermijn_einde > verzonden_op),
    voornemen_door uuid,
    voornemen_door_naam text NOT NULL CHECK (length(voornemen_door_naam) <= 200),
    voornemen_op timestamptz NOT NULL DEFAULT now(),
    zienswijze_vorm text CHECK (zienswijze_vorm IN ('brief', 'gesprek', 'portaal')),
    zienswijze_datum date,
    zienswijze_inhoud text CHECK (length(zienswijze_inhoud) <= 4000),
    zienswijze_antwoord text CHECK (length(zienswijze_antwoord) <= 4000),
    hoor_grond text CHECK (hoor_grond IN ('awb-4-11-a', 'awb-4-11-b', 'awb-4-11-c', 'awb-4-12')),
    hoor_motivering text CHECK (length(hoor_motivering) <= 2000),
    voorwaarden412 boolean NOT NULL DEFAULT false,
    horing_door_naam text CHECK (length(horing_door_naam) <= 200),
    verwijtbaar boolean,
    verwijtbaarheid_motivering text CHECK (length(verwijtbaarheid_motivering) <= 4000),
    dringende_redenen boolean,
    dringende_redenen_motivering text CHECK (length(dringende_redenen_motivering) <= 4000),
    beoordeling_door_naam text CHECK (length(beoordeling_door_naam) <= 200),
    afzien_grond text CHECK (afzien_grond IN ('geen-verwijtbaarheid', 'dringende-redenen', 'verjaard', 'schriftelijke-waarschuwing')),
    afzien_motivering text CHECK (length(afzien_motivering) <= 4000),
    voorstel_percentage integer,
    voorstel_maanden integer CHECK (voorstel_maanden BETWEEN 1 AND 3),
    voorstel_ingangsdatum date,
    voorstel_motivering text CHECK (length(voorstel_motivering) <= 4000),
    opnieuw_gehoord_datum date,
    opnieuw_gehoord_inhoud text CHECK (length(opnieuw_gehoord_inhoud) <= 4000),
    voorstel_door uuid,
    voorstel_door_naam text CHECK (length(voorstel_door_naam) <= 200),
    voorstel_op timestamptz,
    teruggestuurd_toelichting text CHECK (length(teruggestuurd_toelichting) <= 2000),
    akkoord_door uuid,
    akkoord_door_naam text CHECK (length(akkoord_door_naam) <= 200),
    akkoord_rol text CHECK (akkoord_rol = 'teamleider'),
    akkoord_op timestamptz,
    akkoord_toelichting text CHECK (length(akkoord_toelichting) <= 2000),
    PRIMARY KEY (dienst_id, gemeente_id, id),
    FOREIGN KEY (dienst_id, gemeente_id, tegenprestatie_id)
      REFERENCES tegenprestatie (dienst_id, gemeente_id, id) ON DELETE CASCADE,
    -- The intention enforces a decision that was sent: the conduct lies in its period and not before sending.
    CHECK (gedrag_datum >= besluit_verzenddatum AND gedrag_datum >= besluit_startdatum
      AND (besluit_einddatum IS NULL OR gedrag_datum <= besluit_einddatum)),
    -- A view or a ground, never both; each complete.
    CHECK (zienswijze_vorm IS NULL OR hoor_grond IS NULL),
    CHECK ((zienswijze_vorm IS NULL) = (zienswijze_datum IS NULL)
      AND (zienswijze_vorm IS NULL) = (zienswijze_inhoud IS NULL)
      AND (zienswijze_vorm IS NULL) = (zienswijze_antwoord IS NULL)),
    CHECK (zienswijze_datum IS NULL OR zienswijze_datum >= verzonden_op),
    -- NULL never satisfies a condition below: each is written so that unknown fails (IS TRUE / coalesce).
    CHECK (hoor_grond IS NULL OR coalesce(length(trim(hoor_motivering)), 0) > 0),
    CHECK (hoor_grond IS DISTINCT FROM 'awb-4-12' OR voorwaarden412),
    CHECK ((verwijtbaar IS NULL) = (verwijtbaarheid_motivering IS NULL)),
    CHECK ((dringende_redenen IS NULL) = (dringende_redenen_motivering IS NULL)),
    -- Afzien is its own outcome, with a ground and reasons.
    CHECK ((status = 'afgezien') = (afzien_grond IS NOT NULL)),
    CHECK (afzien_grond IS NULL OR coalesce(length(trim(afzien_motivering)), 0) > 0),
    CHECK (afzien_grond IS DISTINCT FROM 'geen-verwijtbaarheid' OR verwijtbaar IS FALSE),
    CHECK (afzien_grond IS DISTINCT FROM 'dringende-redenen' OR dringende_redenen IS TRUE),
    -- A proposal (and so a decision): heard or a ground, culpable, no urgent reasons, within 1–100 %.
    CHECK (status NOT IN ('ter-beoordeling', 'besloten') OR (
      voorstel_percentage BETWEEN 1 AND 100 AND voorstel_maanden IS NOT NULL AND voorstel_ingangsdatum IS NOT NULL
      AND coalesce(length(trim(voorstel_motivering)), 0) > 0 AND voorstel_door_naam IS NOT NULL AND voorstel_op IS NOT NULL
      AND (zienswijze_vorm IS NOT NULL OR hoor_grond IS NOT NULL)
      AND verwijtbaar = true AND dringende_redenen = false) IS TRUE),
    -- Higher or longer than the intention only after a new hearing.
    CHECK ((voorstel_percentage IS NULL OR (voorstel_percentage <= percentage AND voorstel_maanden <= maanden)
      OR opnieuw_gehoord_datum IS NOT NULL) IS TRUE),
    -- The decision: a team lead's approval by a second person, after the term unless heard or a ground.
    CHECK ((status = 'besloten') = (akkoord_op IS NOT NULL)),
    CHECK (status <> 'besloten' OR (
      akkoord_door IS NOT NULL AND akkoord_rol = 'teamleider' AND akkoord_door_naam IS NOT NULL
      AND voorstel_door IS NOT NULL AND akkoord_door <> voorstel_door
      AND (zienswijze_vorm IS NOT NULL OR hoor_grond IS NOT NULL
        OR (akkoord_op AT TIME ZONE 'Europe/Amsterdam')::date > hoortermijn_einde)) IS TRUE)
  )`.execute(db);
  await sql`CREATE INDEX maatregel_tp ON maatregel (dienst_id, gemeente_id, tegenprestatie_id)`.execute(db);
  // One path per conduct: the same conduct on the same day never gets a second measure (an afgezien one may be
  // reconsidered by a new intention).
  await sql`CREATE UNIQUE INDEX maatregel_een_per_gedraging ON maatregel
    (dienst_id, gemeente_id, tegenprestatie_id, gedraging, gedrag_datum) WHERE status <> 'afgezien'`.execute(
    db,
  );
  await sql`CREATE INDEX maatregel_klant ON maatregel (dienst_id, klant_id)`.execute(db);
  await beveiligTabel(db, 'maatregel', 'gemeente');
  await sql`CREATE POLICY maatregel_geen_privacy_officer ON maatregel AS RESTRICTIVE
    USING (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')
    WITH CHECK (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')`.execute(db);
  // A decided measure or an afzien never changes (a correction is a new decision; objection comes later).
  await sql`CREATE FUNCTION maatregel_vast() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.status IN ('besloten', 'afgezien') THEN
        RAISE EXCEPTION 'een besloten maatregel of afzien verandert niet' USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER maatregel_vast BEFORE UPDATE ON maatregel
    FOR EACH ROW EXECUTE FUNCTION maatregel_vast()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
