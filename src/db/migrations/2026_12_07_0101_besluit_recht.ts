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
/** The new signal kind. The kinds are a CHECK on `signaal.soort`; other work adds kinds too, so this migration does
 * not restate the list: it reads the current constraint's values and adds its own, whatever ran before it. */
const NIEUW = 'opnieuw-besluiten';

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

  const { rows } = await sql<{ naam: string; def: string }>`
    SELECT conname AS naam, pg_get_constraintdef(oid) AS def FROM pg_constraint
    WHERE conrelid = 'signaal'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%soort%'`.execute(
    db,
  );
  const bestaand = rows[0];
  if (!bestaand) throw new Error('signaal has no CHECK on soort');
  const waarden = [...bestaand.def.matchAll(/'([a-z0-9-]+)'/g)].map((m) => m[1] as string);
  if (waarden.length === 0) throw new Error(`unexpected CHECK on signaal.soort: ${bestaand.def}`);
  if (waarden.includes(NIEUW)) return;
  const lijst = sql.join([...waarden, NIEUW].map((w) => sql.lit(w)));
  await sql`ALTER TABLE signaal DROP CONSTRAINT ${sql.id(bestaand.naam)}`.execute(db);
  await sql`ALTER TABLE signaal ADD CONSTRAINT ${sql.id(bestaand.naam)} CHECK (soort IN (${lijst}))`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
