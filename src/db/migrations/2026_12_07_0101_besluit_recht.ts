import { type Kysely, sql } from 'kysely';

/**
 * The college's decision right in law (issue 14, part A).
 *
 * - `verordening_rechtsgrond.omschrijving`: the short text of the statutory basis of a regime, beside its citation
 *   (`artikel`). A regime without a citation has no recorded basis: an imposing decision over it is refused.
 * - `verordening_versie.min_dagen_verzending_start` (ordinance setting, default 5): fewer days between sending a
 *   decision and the start of the obligation give a warning. `artikel_maatregel`: the article of the
 *   municipality's measures ordinance (afstemmingsverordening) the decision's consequences clause cites with
 *   art. 18 lid 2 Pw. Both are added with defaults: adding a column is not an UPDATE, so the versions stay
 *   immutable (the trigger of migration 0016 still refuses every UPDATE).
 * - `overeenkomst.verzenddatum`: the day the decision was sent (Awb 3:40–3:41: it takes effect once made known;
 *   the objection term starts the day after, Awb 6:8); `besluit_grondslag`: what the decision printed about its
 *   legal basis (per regime, the measures clause), kept so that the document never changes after sending;
 *   `bevestigingsreden`: why a voluntary agreement confirms a placement that already ran before its date.
 * - `signaal.soort` gains `opnieuw-besluiten`: a period ended on the day before a regime without a recorded basis
 *   asks the caseworker to decide again.
 */
const SOORTEN = [
  'evaluatie-nadert',
  'einde-nadert',
  'geen-uren',
  'ontheffing-eindigt',
  'intervisie-wacht',
  'toetsing-blijft-liggen',
  'geen-medewerking',
  'opnieuw-besluiten',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE verordening_rechtsgrond
    ADD COLUMN omschrijving text CHECK (length(omschrijving) BETWEEN 1 AND 1000)`.execute(db);

  await sql`ALTER TABLE verordening_versie
    ADD COLUMN min_dagen_verzending_start integer NOT NULL DEFAULT 5
      CHECK (min_dagen_verzending_start BETWEEN 0 AND 90),
    ADD COLUMN artikel_maatregel text NOT NULL DEFAULT '' CHECK (length(artikel_maatregel) <= 300)`.execute(
    db,
  );

  await sql`ALTER TABLE overeenkomst
    ADD COLUMN verzenddatum date,
    ADD COLUMN besluit_grondslag jsonb CHECK (besluit_grondslag IS NULL OR jsonb_typeof(besluit_grondslag) = 'object'),
    ADD COLUMN bevestigingsreden text CHECK (length(bevestigingsreden) BETWEEN 1 AND 1000),
    ADD CONSTRAINT overeenkomst_verzending_na_besluit CHECK (verzenddatum IS NULL OR verzenddatum >= besluit_datum)`.execute(
    db,
  );

  await sql`ALTER TABLE signaal DROP CONSTRAINT IF EXISTS signaal_soort_check`.execute(db);
  await sql`ALTER TABLE signaal ADD CONSTRAINT signaal_soort_check
    CHECK (soort IN (${sql.raw(SOORTEN.map((s) => `'${s}'`).join(', '))}))`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
