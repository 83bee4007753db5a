import { type Kysely, sql } from 'kysely';
import { beveiligTabel } from './rls.ts';

/**
 * The running tegenprestatie (part 2 of its life) and the signals inbox.
 *
 * `uren_registratie`: hours (or an absence) per date of one placement, with who registered them; one row per
 * placement and date (a week form stores seven). `evaluatie`: each evaluation (the client's voice, the host's view,
 * the caseworker's conclusion and decision); the final one also holds the actual follow-up and how it ended.
 * Both are client data: keyed by municipality (forced RLS), out of the privacy officer's reach, deleted with the
 * design (and so with the client).
 *
 * `signaal`: one row per recipient and cause (idempotent: the unique key is the cause), read/done marks. Only the
 * recipient sees their own signals (a restrictive policy on `app_gebruiker()`); deleted with the client it names.
 */

const AFWEZIG = ['ziek', 'vakantie', 'anders'];
const BESLUIT = ['voortzetten', 'aanpassen', 'beeindigen'];
const VERVOLG = [
  'verlengen',
  're-integratie',
  'betaald-werk',
  'vrijwilligerswerk-eigen-titel',
  'stoppen',
  'anders',
];
const REDENEN = [
  'werk-gevonden',
  're-integratie-gestart',
  'gezondheid',
  'verhuisd',
  'geen-medewerking',
  'anders',
];
const SOORTEN = [
  'evaluatie-nadert',
  'einde-nadert',
  'geen-uren',
  'ontheffing-eindigt',
  'intervisie-wacht',
  'toetsing-blijft-liggen',
  'geen-medewerking',
];

const inLijst = (waarden: string[]) => sql.raw(`(${waarden.map((w) => `'${w}'`).join(', ')})`);
const tekst = (kolom: string, max: number) => sql.raw(`CHECK (length(${kolom}) <= ${max})`);

async function geenPrivacyOfficer(db: Kysely<unknown>, tabel: string): Promise<void> {
  await sql`CREATE POLICY ${sql.id(`${tabel}_geen_privacy_officer`)} ON ${sql.table(tabel)} AS RESTRICTIVE
    USING (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')
    WITH CHECK (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE uren_registratie (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    tegenprestatie_id uuid NOT NULL,
    klant_id uuid NOT NULL,
    datum date NOT NULL,
    uren numeric(4,2) NOT NULL DEFAULT 0 CHECK (uren >= 0 AND uren <= 24),
    afwezig text CHECK (afwezig IN ${inLijst(AFWEZIG)}),
    toelichting text ${tekst('toelichting', 500)},
    geregistreerd_door uuid,
    geregistreerd_door_naam text NOT NULL CHECK (length(geregistreerd_door_naam) <= 200),
    geregistreerd_op timestamptz NOT NULL DEFAULT now(),
    CHECK (afwezig IS NULL OR uren = 0),
    PRIMARY KEY (dienst_id, gemeente_id, id),
    UNIQUE (dienst_id, gemeente_id, tegenprestatie_id, datum),
    FOREIGN KEY (dienst_id, gemeente_id, tegenprestatie_id)
      REFERENCES tegenprestatie (dienst_id, gemeente_id, id) ON DELETE CASCADE
  )`.execute(db);
  await sql`CREATE INDEX uren_registratie_maand ON uren_registratie (dienst_id, gemeente_id, datum)`.execute(
    db,
  );
  await beveiligTabel(db, 'uren_registratie', 'gemeente');
  await geenPrivacyOfficer(db, 'uren_registratie');

  await sql`CREATE TABLE evaluatie (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    tegenprestatie_id uuid NOT NULL,
    klant_id uuid NOT NULL,
    datum date NOT NULL,
    stem_klant text NOT NULL ${tekst('stem_klant', 4000)},
    visie_organisatie text ${tekst('visie_organisatie', 4000)},
    conclusie text NOT NULL ${tekst('conclusie', 4000)},
    besluit text NOT NULL CHECK (besluit IN ${inLijst(BESLUIT)}),
    eind boolean NOT NULL DEFAULT false,
    vervolg text CHECK (vervolg IN ${inLijst(VERVOLG)}),
    vervolg_toelichting text ${tekst('vervolg_toelichting', 2000)},
    afloop text CHECK (afloop IN ('afgerond', 'beeindigd')),
    beeindiging_reden text CHECK (beeindiging_reden IN ${inLijst(REDENEN)}),
    door uuid,
    door_naam text NOT NULL CHECK (length(door_naam) <= 200),
    op timestamptz NOT NULL DEFAULT now(),
    CHECK (NOT eind OR (vervolg IS NOT NULL AND afloop IS NOT NULL)),
    CHECK ((afloop = 'beeindigd') = (beeindiging_reden IS NOT NULL)),
    PRIMARY KEY (dienst_id, gemeente_id, id),
    FOREIGN KEY (dienst_id, gemeente_id, tegenprestatie_id)
      REFERENCES tegenprestatie (dienst_id, gemeente_id, id) ON DELETE CASCADE
  )`.execute(db);
  await sql`CREATE INDEX evaluatie_tp ON evaluatie (dienst_id, gemeente_id, tegenprestatie_id, datum)`.execute(
    db,
  );
  await beveiligTabel(db, 'evaluatie', 'gemeente');
  await geenPrivacyOfficer(db, 'evaluatie');

  await sql`CREATE TABLE signaal (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    gebruiker_id uuid NOT NULL,
    soort text NOT NULL CHECK (soort IN ${inLijst(SOORTEN)}),
    -- The cause: one signal per recipient, kind and cause (e.g. the design and the evaluation date).
    oorzaak text NOT NULL CHECK (length(oorzaak) <= 200),
    klant_id uuid,
    tekst text NOT NULL ${tekst('tekst', 500)},
    link text NOT NULL ${tekst('link', 300)},
    datum date,
    aangemaakt_op timestamptz NOT NULL DEFAULT now(),
    gelezen_op timestamptz,
    afgehandeld_op timestamptz,
    PRIMARY KEY (dienst_id, gemeente_id, id),
    UNIQUE (dienst_id, gemeente_id, gebruiker_id, soort, oorzaak),
    FOREIGN KEY (dienst_id, gemeente_id, klant_id) REFERENCES klant (dienst_id, gemeente_id, id) ON DELETE CASCADE
  )`.execute(db);
  await sql`CREATE INDEX signaal_inbox ON signaal (dienst_id, gebruiker_id, afgehandeld_op, aangemaakt_op)`.execute(
    db,
  );
  await beveiligTabel(db, 'signaal', 'gemeente');
  // Everyone sees only their own inbox; jobs (system) write all of them.
  await sql`CREATE POLICY signaal_eigen ON signaal AS RESTRICTIVE
    USING (app_systeem() OR gebruiker_id = app_gebruiker())
    WITH CHECK (app_systeem() OR gebruiker_id = app_gebruiker())`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
