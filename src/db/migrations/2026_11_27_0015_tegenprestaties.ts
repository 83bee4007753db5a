import { type Kysely, sql } from 'kysely';
import { beveiligTabel } from './rls.ts';

/**
 * The tegenprestatie (design, part 1 of its life) and its status history.
 *
 * `tegenprestatie`: one design for one client — status, the chosen activity (catalogue or maatwerk; null during
 * `verkenning`), the conversation and matching suggestion it came from, hours, day parts, dates, follow-up, the
 * maatwerk motivation, the host's reciprocity for this placement, the three "convinced of the added value"
 * statements, the team lead's advice, the reasons to deviate from WENSELIJK items, the substantiation of
 * `geen-medewerking`, and a version for optimistic concurrency. `tegenprestatie_overgang`: every status change
 * (from, to, who, when, why), append-only for the application.
 *
 * Client data: keyed by municipality (forced RLS), out of the privacy officer's reach like the other client
 * tables, and deleted with the client. `gesprek_id` has no foreign key: the conversation belongs to the gesprekken
 * module (its own migration); the service checks it.
 */

const STATUSSEN = [
  'verkenning',
  'ontwerp',
  'toetsing',
  'geen-medewerking',
  'overeengekomen',
  'lopend',
  'afgerond',
  'beeindigd',
];
const VERVOLG = [
  'verlengen',
  're-integratie',
  'betaald-werk',
  'vrijwilligerswerk-eigen-titel',
  'stoppen',
  'anders',
];
const WEDERKERIGHEID = [
  'begeleiding',
  'training',
  'certificaat',
  'referentie',
  'netwerk',
  'werkervaringsverklaring',
  'anders',
];
const DAGDELEN = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'].flatMap((d) =>
  ['ochtend', 'middag', 'avond'].map((t) => `${d}-${t}`),
);

const inLijst = (waarden: string[]) => sql.raw(`(${waarden.map((w) => `'${w}'`).join(', ')})`);
const lijst = (waarden: string[]) => sql.raw(`ARRAY[${waarden.map((w) => `'${w}'`).join(', ')}]::text[]`);
const tekst = (kolom: string, max: number) => sql.raw(`CHECK (length(${kolom}) <= ${max})`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE tegenprestatie (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    klant_id uuid NOT NULL,
    -- The caseworker responsible for the design (who started it).
    klantmanager_id uuid,
    status text NOT NULL DEFAULT 'verkenning' CHECK (status IN ${inLijst(STATUSSEN)}),
    activiteit_id uuid,
    gesprek_id uuid,
    suggestie jsonb CHECK (suggestie IS NULL OR jsonb_typeof(suggestie) = 'object'),
    uren_per_week numeric(4,1) CHECK (uren_per_week > 0 AND uren_per_week <= 40),
    dagdelen text[] NOT NULL DEFAULT '{}' CHECK (dagdelen <@ ${lijst(DAGDELEN)}),
    startdatum date,
    einddatum date CHECK (einddatum IS NULL OR startdatum IS NULL OR einddatum >= startdatum),
    evaluatiedata date[] NOT NULL DEFAULT '{}' CHECK (cardinality(evaluatiedata) <= 12),
    vervolg text CHECK (vervolg IN ${inLijst(VERVOLG)}),
    vervolg_toelichting text ${tekst('vervolg_toelichting', 2000)},
    maatwerk_leeftijd text ${tekst('maatwerk_leeftijd', 2000)},
    maatwerk_opleiding text ${tekst('maatwerk_opleiding', 2000)},
    maatwerk_werkervaring text ${tekst('maatwerk_werkervaring', 2000)},
    maatwerk_omstandigheden text ${tekst('maatwerk_omstandigheden', 2000)},
    wederkerigheid_categorie text CHECK (wederkerigheid_categorie IN ${inLijst(WEDERKERIGHEID)}),
    wederkerigheid_omschrijving text ${tekst('wederkerigheid_omschrijving', 2000)},
    overtuigd_klantmanager boolean,
    overtuigd_klantmanager_motivering text ${tekst('overtuigd_klantmanager_motivering', 2000)},
    overtuigd_klant boolean,
    -- The client's own view (zienswijze), in their words.
    overtuigd_klant_zienswijze text ${tekst('overtuigd_klant_zienswijze', 2000)},
    overtuigd_organisatie boolean,
    overtuigd_organisatie_motivering text ${tekst('overtuigd_organisatie_motivering', 2000)},
    advies_vraag text ${tekst('advies_vraag', 2000)},
    advies_gevraagd_op timestamptz,
    advies_gevraagd_door_naam text ${tekst('advies_gevraagd_door_naam', 200)},
    advies text ${tekst('advies', 4000)},
    advies_op timestamptz,
    advies_door uuid,
    advies_door_naam text ${tekst('advies_door_naam', 200)},
    -- Reasons to proceed despite a WENSELIJK item: { gesprek?, vervolg?, evaluatie? }.
    afwijkingen jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(afwijkingen) = 'object'),
    geen_medewerking_onderbouwing text ${tekst('geen_medewerking_onderbouwing', 4000)},
    beeindiging_reden text ${tekst('beeindiging_reden', 60)},
    versie integer NOT NULL DEFAULT 1,
    aangemaakt_op timestamptz NOT NULL DEFAULT now(),
    gewijzigd_op timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dienst_id, gemeente_id, id),
    FOREIGN KEY (dienst_id, gemeente_id, klant_id) REFERENCES klant (dienst_id, gemeente_id, id) ON DELETE CASCADE,
    FOREIGN KEY (dienst_id, activiteit_id) REFERENCES activiteit (dienst_id, id)
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX tegenprestatie_id ON tegenprestatie (dienst_id, id)`.execute(db);
  await sql`CREATE INDEX tegenprestatie_klant ON tegenprestatie (dienst_id, gemeente_id, klant_id)`.execute(
    db,
  );
  await sql`CREATE INDEX tegenprestatie_status ON tegenprestatie (dienst_id, gemeente_id, status)`.execute(
    db,
  );
  await sql`CREATE INDEX tegenprestatie_activiteit ON tegenprestatie (dienst_id, activiteit_id)`.execute(db);
  await beveiligTabel(db, 'tegenprestatie', 'gemeente');
  await sql`CREATE POLICY tegenprestatie_geen_privacy_officer ON tegenprestatie AS RESTRICTIVE
    USING (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')
    WITH CHECK (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')`.execute(db);

  await sql`CREATE TABLE tegenprestatie_overgang (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    tegenprestatie_id uuid NOT NULL,
    van text CHECK (van IN ${inLijst(STATUSSEN)}),
    naar text NOT NULL CHECK (naar IN ${inLijst(STATUSSEN)}),
    door uuid,
    door_naam text NOT NULL CHECK (length(door_naam) <= 200),
    op timestamptz NOT NULL DEFAULT now(),
    reden text ${tekst('reden', 4000)},
    PRIMARY KEY (dienst_id, gemeente_id, id),
    FOREIGN KEY (dienst_id, gemeente_id, tegenprestatie_id)
      REFERENCES tegenprestatie (dienst_id, gemeente_id, id) ON DELETE CASCADE
  )`.execute(db);
  await sql`CREATE INDEX tegenprestatie_overgang_tp
    ON tegenprestatie_overgang (dienst_id, gemeente_id, tegenprestatie_id, op)`.execute(db);
  // Append-only for the application: history is never rewritten (destruction cascades as the owner's FK).
  await beveiligTabel(db, 'tegenprestatie_overgang', 'gemeente', 'alleen-toevoegen');
  await sql`CREATE POLICY tegenprestatie_overgang_geen_privacy_officer ON tegenprestatie_overgang AS RESTRICTIVE
    USING (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')
    WITH CHECK (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
