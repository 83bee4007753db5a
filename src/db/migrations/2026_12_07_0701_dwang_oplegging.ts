import { type Kysely, sql } from 'kysely';
import { beveiligTabel } from './rls.ts';

/**
 * Issue 15, section 1: imposing a tailored design the client does not want, instead of the dead end
 * `geen-medewerking`.
 *
 * - `oplegging`: one round of imposing per design — the client's reasons with the caseworker's judgment of each,
 *   the alternative offered or advice asked, the client's view (zienswijze: form, date, content) or the Awb 4:11
 *   ground with reasons, the answer the decision's reasons give, and the team lead's approval (a second person).
 *   Keyed by municipality (forced RLS), no privacy officer, deleted with the design.
 * - `tegenprestatie.status`: `geen-medewerking` goes, `opleggen` (the intention, before any decision) comes. Every
 *   design in `geen-medewerking` moves to `ontwerp` — a state before any decision, never a measure — with a history
 *   row that says why; its substantiation stays on the record. The history (`tegenprestatie_overgang`) keeps the old
 *   value and learns the new one.
 * - The signal kind `oplegging-wacht` (an intention waits for the team lead), appended to the CHECK on
 *   `signaal.soort` as migration 0402 does.
 */

const STATUSSEN = [
  'verkenning',
  'ontwerp',
  'toetsing',
  'opleggen',
  'overeengekomen',
  'lopend',
  'afgerond',
  'beeindigd',
];
const HISTORIE = [...STATUSSEN, 'geen-medewerking'];
const inLijst = (waarden: string[]) => sql.raw(`(${waarden.map((w) => `'${w}'`).join(', ')})`);
const tekst = (kolom: string, max: number) => sql.raw(`CHECK (length(${kolom}) <= ${max})`);

async function vervangCheck(db: Kysely<unknown>, tabel: string, kolom: string, waarden: string[]) {
  const { rows } = await sql<{ naam: string }>`
    SELECT conname AS naam FROM pg_constraint
    WHERE conrelid = ${tabel}::regclass AND contype = 'c'
      AND pg_get_constraintdef(oid) LIKE ${`%(${kolom} = ANY%`}`.execute(db);
  for (const r of rows)
    await sql`ALTER TABLE ${sql.table(tabel)} DROP CONSTRAINT ${sql.id(r.naam)}`.execute(db);
  await sql`ALTER TABLE ${sql.table(tabel)} ADD CONSTRAINT ${sql.id(`${tabel}_${kolom}_check`)}
    CHECK (${sql.id(kolom)} IN ${inLijst(waarden)})`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  // The history first learns the new status; then the designs move, each with a history row.
  await vervangCheck(db, 'tegenprestatie_overgang', 'naar', HISTORIE);
  await vervangCheck(db, 'tegenprestatie_overgang', 'van', HISTORIE);
  await verplaatsGeenMedewerking(db);

  await sql`CREATE TABLE oplegging (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    tegenprestatie_id uuid NOT NULL,
    klant_id uuid NOT NULL,
    status text NOT NULL DEFAULT 'voornemen'
      CHECK (status IN ('voornemen', 'akkoord', 'teruggezet', 'vervallen')),
    redenen jsonb NOT NULL CHECK (jsonb_typeof(redenen) = 'array' AND jsonb_array_length(redenen) BETWEEN 1 AND 20),
    alternatief_soort text NOT NULL CHECK (alternatief_soort IN ('alternatief-aangeboden', 'advies-teamleider')),
    alternatief_toelichting text ${tekst('alternatief_toelichting', 2000)},
    voornemen_door uuid,
    voornemen_door_naam text NOT NULL CHECK (length(voornemen_door_naam) <= 200),
    voornemen_op timestamptz NOT NULL DEFAULT now(),
    zienswijze_vorm text CHECK (zienswijze_vorm IN ('schriftelijk', 'telefonisch', 'gesprek')),
    zienswijze_datum date,
    zienswijze_inhoud text ${tekst('zienswijze_inhoud', 4000)},
    awb_grond text CHECK (awb_grond IN ('spoed', 'eerder-gehoord', 'doel-vereist-onwetendheid')),
    awb_motivering text ${tekst('awb_motivering', 2000)},
    beantwoording text ${tekst('beantwoording', 4000)},
    zienswijze_door uuid,
    zienswijze_door_naam text CHECK (length(zienswijze_door_naam) <= 200),
    zienswijze_vastgelegd_op timestamptz,
    beoordeling_door uuid,
    beoordeling_door_naam text CHECK (length(beoordeling_door_naam) <= 200),
    beoordeling_op timestamptz,
    beoordeling_toelichting text ${tekst('beoordeling_toelichting', 2000)},
    -- A view or a ground, never both; a view has its form, date, content and answer; a ground its reasons.
    CHECK (zienswijze_vorm IS NULL OR awb_grond IS NULL),
    CHECK (zienswijze_vorm IS NULL OR (zienswijze_datum IS NOT NULL AND zienswijze_inhoud IS NOT NULL AND beantwoording IS NOT NULL)),
    CHECK (awb_grond IS NULL OR awb_motivering IS NOT NULL),
    -- Approved only with a view or a ground, by someone who recorded neither the intention nor the view.
    CHECK (status <> 'akkoord' OR ((zienswijze_vorm IS NOT NULL OR awb_grond IS NOT NULL)
      AND beoordeling_door IS NOT NULL
      AND beoordeling_door IS DISTINCT FROM voornemen_door
      AND beoordeling_door IS DISTINCT FROM zienswijze_door)),
    PRIMARY KEY (dienst_id, gemeente_id, id),
    FOREIGN KEY (dienst_id, gemeente_id, tegenprestatie_id)
      REFERENCES tegenprestatie (dienst_id, gemeente_id, id) ON DELETE CASCADE
  )`.execute(db);
  await sql`CREATE INDEX oplegging_tp ON oplegging (dienst_id, gemeente_id, tegenprestatie_id, voornemen_op)`.execute(
    db,
  );
  // At most one open or approved round per design.
  await sql`CREATE UNIQUE INDEX oplegging_een_lopend ON oplegging (dienst_id, gemeente_id, tegenprestatie_id)
    WHERE status IN ('voornemen', 'akkoord')`.execute(db);
  await beveiligTabel(db, 'oplegging', 'gemeente');
  await sql`CREATE POLICY oplegging_geen_privacy_officer ON oplegging AS RESTRICTIVE
    USING (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')
    WITH CHECK (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')`.execute(db);

  await voegSignaalSoortToe(db, 'oplegging-wacht');
}

/**
 * Every design in `geen-medewerking` to `ontwerp` with a history row that says why (its substantiation stays), then
 * the status CHECK without the old value. Exported for its test (which puts a design back in the old state first).
 * Row-level security is forced, also for the owner: the move runs under the system context, set for the running
 * transaction only (the migrator runs migrations in one transaction) and cleared after.
 */
export async function verplaatsGeenMedewerking(db: Kysely<unknown>): Promise<void> {
  await sql`SELECT set_config('app.systeem', 'aan', true)`.execute(db);
  await sql`INSERT INTO tegenprestatie_overgang (dienst_id, gemeente_id, tegenprestatie_id, van, naar, door, door_naam, reden)
    SELECT dienst_id, gemeente_id, id, 'geen-medewerking', 'ontwerp', NULL, 'Systeem (migratie dwangkader)',
      'De status "geen medewerking" bestaat niet meer: er was geen besluit, dus er kon niets uit volgen. '
      || 'Het ontwerp staat weer op ontwerp. Waar de gemeente de tegenprestatie oplegt, legt de klantmanager zo nodig '
      || 'een voornemen tot opleggen vast (met de redenen van de klant, de zienswijze en het akkoord van de teamleider). '
      || 'De eerdere onderbouwing blijft bewaard.'
    FROM tegenprestatie WHERE status = 'geen-medewerking'`.execute(db);
  await sql`UPDATE tegenprestatie SET status = 'ontwerp', versie = versie + 1, gewijzigd_op = now()
    WHERE status = 'geen-medewerking'`.execute(db);
  await sql`SELECT set_config('app.systeem', '', true)`.execute(db);
  await vervangCheck(db, 'tegenprestatie', 'status', STATUSSEN);
}

/** Appends a kind to the CHECK on `signaal.soort` (reads the current list, as migration 0402 does). */
export async function voegSignaalSoortToe(db: Kysely<unknown>, nieuw: string): Promise<void> {
  const { rows } = await sql<{ naam: string; def: string }>`
    SELECT conname AS naam, pg_get_constraintdef(oid) AS def FROM pg_constraint
    WHERE conrelid = 'signaal'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%soort%'`.execute(
    db,
  );
  const bestaand = rows[0];
  if (!bestaand) throw new Error('signaal has no CHECK on soort');
  const waarden = [...bestaand.def.matchAll(/'([a-z0-9-]+)'/g)].map((m) => m[1] as string);
  if (waarden.length === 0) throw new Error(`unexpected CHECK on signaal.soort: ${bestaand.def}`);
  if (waarden.includes(nieuw)) return;
  const lijst = sql.join([...waarden, nieuw].map((w) => sql.lit(w)));
  await sql`ALTER TABLE signaal DROP CONSTRAINT ${sql.id(bestaand.naam)}`.execute(db);
  await sql`ALTER TABLE signaal ADD CONSTRAINT ${sql.id(bestaand.naam)} CHECK (soort IN (${lijst}))`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
