import { type Kysely, sql } from 'kysely';
import { APP_ROLE } from './rls.ts';

/**
 * Art. 9a Participatiewet modelled as one exemption per parent with its course (docs/klanten.md, "Art. 9a"):
 *
 * - `klant_ontheffing` gains the day the request was received (lid 7: plan van aanpak within six months of it),
 *   the day the plan van aanpak was made and the latest re-examination (lid 8: every six months);
 * - `klant_ontheffing_gebeurtenis` holds the suspensions (lid 5 onder b and c) and resumptions (lid 6) of an
 *   exemption; the suspension on the youngest child's 5th birthday (lid 5 onder a) follows from the dates;
 * - one art. 9a exemption per client (lid 2: granted once); periods in previous municipalities stay separate
 *   rows (`eerder_gebruikt`).
 *
 * The events are special-category data like the exemption itself: the same role-checking policy. Two signal
 * kinds join the list of `signaal.soort`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE klant_ontheffing
    ADD COLUMN verzoekdatum date,
    ADD COLUMN plan_van_aanpak_op date,
    ADD COLUMN laatste_heronderzoek_op date,
    ADD CONSTRAINT klant_ontheffing_negen_a_data CHECK (
      type = 'alleenstaande-ouder-kind-onder-5'
      OR (verzoekdatum IS NULL AND plan_van_aanpak_op IS NULL AND laatste_heronderzoek_op IS NULL))`.execute(
    db,
  );

  await sql`CREATE UNIQUE INDEX klant_ontheffing_negen_a_eenmalig ON klant_ontheffing (dienst_id, gemeente_id, klant_id)
    WHERE type = 'alleenstaande-ouder-kind-onder-5' AND NOT eerder_gebruikt`.execute(db);

  await sql`CREATE TABLE klant_ontheffing_gebeurtenis (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    klant_id uuid NOT NULL,
    ontheffing_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    soort text NOT NULL CHECK (soort IN ('opschorting-verzoek', 'einde-bijstand', 'hervatting')),
    datum date NOT NULL,
    geboortedatum_kind date CHECK (geboortedatum_kind IS NULL OR soort = 'hervatting'),
    toelichting text CHECK (length(toelichting) <= 2000),
    aangemaakt_op timestamptz NOT NULL DEFAULT now(),
    aangemaakt_door uuid,
    PRIMARY KEY (dienst_id, gemeente_id, klant_id, ontheffing_id, id),
    FOREIGN KEY (dienst_id, gemeente_id, klant_id, ontheffing_id)
      REFERENCES klant_ontheffing (dienst_id, gemeente_id, klant_id, id) ON DELETE CASCADE
  )`.execute(db);
  const t = sql.table('klant_ontheffing_gebeurtenis');
  await sql`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`.execute(db);
  const voorwaarde = sql`app_systeem() OR (dienst_id = app_dienst() AND gemeente_id = ANY (app_gemeenten())
      AND app_rol() IN ('klantmanager', 'teamleider'))`;
  await sql`CREATE POLICY klant_ontheffing_gebeurtenis_bijzonder ON ${t} USING (${voorwaarde}) WITH CHECK (${voorwaarde})`.execute(
    db,
  );
  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ${t} TO ${sql.id(APP_ROLE)}`.execute(db);

  // Two signal kinds (lid 7: plan van aanpak; lid 8: re-examination). Other work adds kinds too, so the list is
  // not restated: the current CHECK's values are read and these two added, whatever ran before.
  const { rows } = await sql<{ naam: string; def: string }>`
    SELECT conname AS naam, pg_get_constraintdef(oid) AS def FROM pg_constraint
    WHERE conrelid = 'signaal'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%soort%'`.execute(
    db,
  );
  const bestaand = rows[0];
  if (!bestaand) throw new Error('signaal has no CHECK on soort');
  const waarden = [...bestaand.def.matchAll(/'([a-z0-9-]+)'/g)].map((m) => m[1] as string);
  if (waarden.length === 0) throw new Error(`unexpected CHECK on signaal.soort: ${bestaand.def}`);
  const nieuw = ['plan-van-aanpak-9a', 'heronderzoek-9a'].filter((w) => !waarden.includes(w));
  if (nieuw.length === 0) return;
  const lijst = sql.join([...waarden, ...nieuw].map((w) => sql.lit(w)));
  await sql`ALTER TABLE signaal DROP CONSTRAINT ${sql.id(bestaand.naam)}`.execute(db);
  await sql`ALTER TABLE signaal ADD CONSTRAINT ${sql.id(bestaand.naam)} CHECK (soort IN (${lijst}))`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
