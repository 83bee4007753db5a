import { type Kysely, sql } from 'kysely';
import { voegSignaalSoortToe } from './2026_12_07_0701_dwang_oplegging.ts';
import { beveiligTabel } from './rls.ts';

/**
 * Issue 15, "Afterwards" and the hand-over (docs/dwang.md):
 * - `maatregel_wijziging`: a decided measure looked at again — its reconsideration (art. 18 lid 3 Pw: continued,
 *   adjusted or ended), urgent reasons (lid 10), a decision on objection or a provisional ruling — proposed by one
 *   person and determined by a team lead who is someone else (four eyes, like the decision). Never heavier than
 *   the measure (a higher percentage or a longer period is a new decision): checked on insert against the
 *   measure. Determined or sent back, it never changes.
 * - `maatregel_rechtsmiddel`: objection (bezwaar) and a provisional ruling (voorlopige voorziening), against the
 *   imposing decision of the placement or against a measure decision, with the decision on it. Decided, it never
 *   changes.
 * - `maatregel_export` and `maatregel_export_correctie`: each run of the monthly export to the benefits system with
 *   its lines, and which determined change went out in which run — each exactly once, in the first run after it
 *   (that is "since the last export"). Append-only for the application.
 * - The signal kind `maatregel-heroverwegen`.
 * Forced row-level security per municipality; the privacy officer has no access; deleted with the measure (and so
 * with the design and the client).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE maatregel_wijziging (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    maatregel_id uuid NOT NULL,
    klant_id uuid NOT NULL,
    aanleiding text NOT NULL
      CHECK (aanleiding IN ('heroverweging', 'dringende-redenen', 'bezwaar', 'voorlopige-voorziening')),
    uitkomst text NOT NULL CHECK (uitkomst IN ('voortgezet', 'aangepast', 'beeindigd')),
    ingangsdatum date,
    percentage integer CHECK (percentage BETWEEN 1 AND 100),
    einddatum date,
    motivering text NOT NULL CHECK (length(trim(motivering)) BETWEEN 1 AND 4000),
    status text NOT NULL DEFAULT 'ter-beoordeling' CHECK (status IN ('ter-beoordeling', 'vastgesteld', 'teruggestuurd')),
    voorgesteld_door uuid,
    voorgesteld_door_naam text NOT NULL CHECK (length(voorgesteld_door_naam) <= 200),
    voorgesteld_op timestamptz NOT NULL DEFAULT now(),
    beoordeeld_door uuid,
    beoordeeld_door_naam text CHECK (length(beoordeeld_door_naam) <= 200),
    beoordeeld_rol text CHECK (beoordeeld_rol = 'teamleider'),
    beoordeeld_op timestamptz,
    beoordeling_toelichting text CHECK (length(beoordeling_toelichting) <= 2000),
    PRIMARY KEY (dienst_id, gemeente_id, id),
    FOREIGN KEY (dienst_id, gemeente_id, maatregel_id)
      REFERENCES maatregel (dienst_id, gemeente_id, id) ON DELETE CASCADE,
    CHECK ((uitkomst = 'voortgezet') = (ingangsdatum IS NULL)),
    CHECK ((uitkomst = 'aangepast') = (percentage IS NOT NULL)),
    CHECK ((uitkomst = 'aangepast') = (einddatum IS NOT NULL)),
    CHECK (einddatum IS NULL OR einddatum >= ingangsdatum),
    -- Urgent reasons adjust or end (lid 10); "continued" is a reconsideration's outcome.
    CHECK (aanleiding <> 'dringende-redenen' OR uitkomst <> 'voortgezet'),
    CHECK ((status = 'ter-beoordeling') = (beoordeeld_op IS NULL)),
    -- Four eyes: determined by a team lead who did not propose it (NULL never passes).
    CHECK (status <> 'vastgesteld' OR (beoordeeld_door IS NOT NULL AND beoordeeld_rol = 'teamleider'
      AND beoordeeld_door_naam IS NOT NULL AND voorgesteld_door IS NOT NULL
      AND beoordeeld_door <> voorgesteld_door) IS TRUE),
    CHECK (status <> 'teruggestuurd' OR coalesce(length(trim(beoordeling_toelichting)), 0) > 0)
  )`.execute(db);
  await sql`CREATE INDEX maatregel_wijziging_maatregel ON maatregel_wijziging (dienst_id, gemeente_id, maatregel_id)`.execute(
    db,
  );
  // One proposal at a time per measure.
  await sql`CREATE UNIQUE INDEX maatregel_wijziging_een_open ON maatregel_wijziging (dienst_id, gemeente_id, maatregel_id)
    WHERE status = 'ter-beoordeling'`.execute(db);
  await beveiligTabel(db, 'maatregel_wijziging', 'gemeente');
  await sql`CREATE POLICY maatregel_wijziging_geen_privacy_officer ON maatregel_wijziging AS RESTRICTIVE
    USING (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')
    WITH CHECK (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')`.execute(db);
  // Only on a decided measure, within its period, never heavier than decided; determined or sent back, fixed.
  await sql`CREATE FUNCTION maatregel_wijziging_toets() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE m maatregel%ROWTYPE; einde date;
    BEGIN
      IF TG_OP = 'UPDATE' THEN
        IF OLD.status <> 'ter-beoordeling' THEN
          RAISE EXCEPTION 'een vastgestelde of teruggestuurde wijziging verandert niet' USING ERRCODE = 'check_violation';
        END IF;
        IF (NEW.maatregel_id, NEW.aanleiding, NEW.uitkomst, NEW.ingangsdatum, NEW.percentage, NEW.einddatum, NEW.motivering,
            NEW.voorgesteld_door) IS DISTINCT FROM (OLD.maatregel_id, OLD.aanleiding, OLD.uitkomst, OLD.ingangsdatum,
            OLD.percentage, OLD.einddatum, OLD.motivering, OLD.voorgesteld_door) THEN
          RAISE EXCEPTION 'een voorstel tot wijziging wordt beoordeeld, niet veranderd' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END IF;
      SELECT * INTO m FROM maatregel
        WHERE dienst_id = NEW.dienst_id AND gemeente_id = NEW.gemeente_id AND id = NEW.maatregel_id;
      IF m.status IS DISTINCT FROM 'besloten' THEN
        RAISE EXCEPTION 'alleen een besloten maatregel kan worden gewijzigd' USING ERRCODE = 'check_violation';
      END IF;
      IF NEW.klant_id IS DISTINCT FROM m.klant_id THEN
        RAISE EXCEPTION 'de wijziging hoort bij de klant van de maatregel' USING ERRCODE = 'check_violation';
      END IF;
      einde := (m.voorstel_ingangsdatum + make_interval(months => m.voorstel_maanden))::date - 1;
      IF NEW.ingangsdatum IS NOT NULL AND (NEW.ingangsdatum < m.voorstel_ingangsdatum OR NEW.ingangsdatum > einde
          OR NEW.percentage > m.voorstel_percentage OR NEW.einddatum > einde) THEN
        RAISE EXCEPTION 'een wijziging ligt in de periode van de maatregel en is nooit zwaarder' USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER maatregel_wijziging_toets BEFORE INSERT OR UPDATE ON maatregel_wijziging
    FOR EACH ROW EXECUTE FUNCTION maatregel_wijziging_toets()`.execute(db);

  await sql`CREATE TABLE maatregel_rechtsmiddel (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    tegenprestatie_id uuid NOT NULL,
    klant_id uuid NOT NULL,
    betreft text NOT NULL CHECK (betreft IN ('opleggend-besluit', 'maatregel')),
    maatregel_id uuid,
    besluit_datum date NOT NULL,
    besluit_verzenddatum date NOT NULL CHECK (besluit_verzenddatum >= besluit_datum),
    soort text NOT NULL CHECK (soort IN ('bezwaar', 'voorlopige-voorziening')),
    ontvangen_op date NOT NULL CHECK (ontvangen_op >= besluit_datum),
    toelichting text NOT NULL CHECK (length(trim(toelichting)) BETWEEN 1 AND 4000),
    vastgelegd_door_naam text NOT NULL CHECK (length(vastgelegd_door_naam) <= 200),
    vastgelegd_op timestamptz NOT NULL DEFAULT now(),
    beslist_op date,
    uitkomst text CHECK (uitkomst IN ('gegrond', 'ongegrond', 'niet-ontvankelijk', 'ingetrokken', 'toegewezen', 'afgewezen')),
    beslissing_toelichting text CHECK (length(beslissing_toelichting) <= 4000),
    beslissing_door_naam text CHECK (length(beslissing_door_naam) <= 200),
    PRIMARY KEY (dienst_id, gemeente_id, id),
    FOREIGN KEY (dienst_id, gemeente_id, tegenprestatie_id)
      REFERENCES tegenprestatie (dienst_id, gemeente_id, id) ON DELETE CASCADE,
    FOREIGN KEY (dienst_id, gemeente_id, maatregel_id)
      REFERENCES maatregel (dienst_id, gemeente_id, id) ON DELETE CASCADE,
    CHECK ((betreft = 'maatregel') = (maatregel_id IS NOT NULL)),
    CHECK ((beslist_op IS NULL) = (uitkomst IS NULL)),
    CHECK ((beslist_op IS NULL) = (beslissing_door_naam IS NULL)),
    CHECK (beslist_op IS NULL OR beslist_op >= ontvangen_op),
    CHECK (uitkomst IS NULL OR (soort = 'bezwaar' AND uitkomst IN ('gegrond', 'ongegrond', 'niet-ontvankelijk', 'ingetrokken'))
      OR (soort = 'voorlopige-voorziening' AND uitkomst IN ('toegewezen', 'afgewezen', 'ingetrokken')))
  )`.execute(db);
  await sql`CREATE INDEX maatregel_rechtsmiddel_tp ON maatregel_rechtsmiddel (dienst_id, gemeente_id, tegenprestatie_id)`.execute(
    db,
  );
  await sql`CREATE INDEX maatregel_rechtsmiddel_klant ON maatregel_rechtsmiddel (dienst_id, klant_id)`.execute(
    db,
  );
  await beveiligTabel(db, 'maatregel_rechtsmiddel', 'gemeente');
  await sql`CREATE POLICY maatregel_rechtsmiddel_geen_privacy_officer ON maatregel_rechtsmiddel AS RESTRICTIVE
    USING (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')
    WITH CHECK (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')`.execute(db);
  // Once decided, an objection or ruling never changes; only the decision may be added.
  await sql`CREATE FUNCTION maatregel_rechtsmiddel_vast() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.uitkomst IS NOT NULL THEN
        RAISE EXCEPTION 'een beslist bezwaar of verzoek verandert niet' USING ERRCODE = 'check_violation';
      END IF;
      IF (NEW.tegenprestatie_id, NEW.betreft, NEW.maatregel_id, NEW.besluit_datum, NEW.soort, NEW.ontvangen_op, NEW.toelichting)
          IS DISTINCT FROM (OLD.tegenprestatie_id, OLD.betreft, OLD.maatregel_id, OLD.besluit_datum, OLD.soort,
          OLD.ontvangen_op, OLD.toelichting) THEN
        RAISE EXCEPTION 'alleen de beslissing wordt toegevoegd' USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER maatregel_rechtsmiddel_vast BEFORE UPDATE ON maatregel_rechtsmiddel
    FOR EACH ROW EXECUTE FUNCTION maatregel_rechtsmiddel_vast()`.execute(db);

  await sql`CREATE TABLE maatregel_export (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    maand text NOT NULL CHECK (maand ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    uitgevoerd_op timestamptz NOT NULL DEFAULT now(),
    door uuid,
    door_naam text NOT NULL CHECK (length(door_naam) <= 200),
    regels jsonb NOT NULL,
    aantal integer NOT NULL CHECK (aantal >= 0),
    aantal_correcties integer NOT NULL CHECK (aantal_correcties BETWEEN 0 AND aantal),
    PRIMARY KEY (dienst_id, gemeente_id, id)
  )`.execute(db);
  await sql`CREATE INDEX maatregel_export_op ON maatregel_export (dienst_id, gemeente_id, uitgevoerd_op)`.execute(
    db,
  );
  // Which determined change went out in which run: each exactly once, in the first run after it ("since the last
  // export" without depending on clocks).
  await sql`CREATE TABLE maatregel_export_correctie (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    export_id uuid NOT NULL,
    wijziging_id uuid NOT NULL,
    PRIMARY KEY (dienst_id, gemeente_id, wijziging_id),
    FOREIGN KEY (dienst_id, gemeente_id, export_id)
      REFERENCES maatregel_export (dienst_id, gemeente_id, id) ON DELETE CASCADE,
    FOREIGN KEY (dienst_id, gemeente_id, wijziging_id)
      REFERENCES maatregel_wijziging (dienst_id, gemeente_id, id) ON DELETE CASCADE
  )`.execute(db);
  for (const tabel of ['maatregel_export', 'maatregel_export_correctie']) {
    await beveiligTabel(db, tabel, 'gemeente', 'alleen-toevoegen');
    await sql`CREATE POLICY ${sql.id(`${tabel}_geen_privacy_officer`)} ON ${sql.table(tabel)} AS RESTRICTIVE
      USING (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')
      WITH CHECK (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')`.execute(db);
  }

  await voegSignaalSoortToe(db, 'maatregel-heroverwegen');
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
