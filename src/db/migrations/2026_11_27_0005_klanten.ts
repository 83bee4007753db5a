import { type Kysely, sql } from 'kysely';
import { APP_ROLE, beveiligTabel } from './rls.ts';

/**
 * The client file (klantdossier): clients per municipality with their obligations and exemptions, the catalogues
 * the functioneel beheerder keeps (skills, interests, local exemption grounds) and the municipality's settings.
 *
 * Every client table carries `dienst_id` and `gemeente_id` in its keys (Citus distribution column first) and is
 * under forced row-level security by municipality. Special-category data — functional limitations
 * (`klant_belastbaarheid`) and exemptions with their reasons (`klant_ontheffing`) — lives in tables whose policy
 * also requires the klantmanager or teamleider role (or the logged system context): RLS filters rows, not
 * columns, so other roles must not reach these tables at all.
 */

const DAGDELEN = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'].flatMap((d) =>
  ['ochtend', 'middag', 'avond'].map((t) => `${d}-${t}`),
);
const BEPERKINGEN = [
  'persoonlijk-functioneren',
  'sociaal-functioneren',
  'aanpassing-fysieke-omgeving',
  'dynamische-handelingen',
  'statische-houdingen',
  'werktijden',
];
const MOBILITEIT = ['lopen', 'fiets', 'ov', 'auto'];
const OPLEIDINGSNIVEAUS = [
  'geen',
  'basisonderwijs',
  'praktijkonderwijs',
  'vmbo',
  'mbo-1',
  'mbo-2',
  'mbo-3',
  'mbo-4',
  'havo',
  'vwo',
  'hbo',
  'wo',
];
const TAALNIVEAUS = ['a0', 'a1', 'a2', 'b1', 'b2', 'c1', 'c2'];
const ONTHEFFING_TYPES = [
  'dringende-redenen',
  'volledig-arbeidsongeschikt',
  'alleenstaande-ouder-kind-onder-5',
  'lokaal',
];

const lijst = (waarden: string[]) => sql.raw(`ARRAY[${waarden.map((w) => `'${w}'`).join(', ')}]::text[]`);
const inLijst = (waarden: string[]) => sql.raw(`(${waarden.map((w) => `'${w}'`).join(', ')})`);
/** Free text: what was sent is kept, only a length limit (PostgreSQL itself refuses NUL). */
const tekst = (kolom: string, max: number) => sql.raw(`CHECK (length(${kolom}) <= ${max})`);

export async function up(db: Kysely<unknown>): Promise<void> {
  const app = sql.id(APP_ROLE);

  // ---- Municipality settings and catalogues -------------------------------------------------------------------

  await sql`CREATE TABLE gemeente_instelling (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    regulier_werk_uren numeric(4,1) NOT NULL DEFAULT 28 CHECK (regulier_werk_uren > 0 AND regulier_werk_uren <= 60),
    gewijzigd_op timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dienst_id, gemeente_id),
    FOREIGN KEY (dienst_id, gemeente_id) REFERENCES gemeente (dienst_id, gemeente_id)
  )`.execute(db);
  await beveiligTabel(db, 'gemeente_instelling', 'gemeente');

  for (const catalogus of ['vaardigheid', 'interesse']) {
    await sql`CREATE TABLE ${sql.table(catalogus)} (
      dienst_id uuid NOT NULL REFERENCES dienst (dienst_id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      naam text NOT NULL CHECK (length(naam) BETWEEN 1 AND 100),
      is_actief boolean NOT NULL DEFAULT true,
      aangemaakt_op timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (dienst_id, id)
    )`.execute(db);
    await sql`CREATE UNIQUE INDEX ${sql.id(`${catalogus}_naam`)} ON ${sql.table(catalogus)} (dienst_id, lower(naam))`.execute(
      db,
    );
    await beveiligTabel(db, catalogus, 'dienst');
  }

  await sql`CREATE TABLE lokale_ontheffingsgrond (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    code text NOT NULL CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(code) <= 60),
    naam text NOT NULL CHECK (length(naam) BETWEEN 1 AND 200),
    grondslag text NOT NULL CHECK (length(grondslag) BETWEEN 1 AND 500),
    is_actief boolean NOT NULL DEFAULT true,
    aangemaakt_op timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dienst_id, gemeente_id, id),
    UNIQUE (dienst_id, gemeente_id, code),
    FOREIGN KEY (dienst_id, gemeente_id) REFERENCES gemeente (dienst_id, gemeente_id)
  )`.execute(db);
  await beveiligTabel(db, 'lokale_ontheffingsgrond', 'gemeente');

  // ---- The client -----------------------------------------------------------------------------------------------

  await sql`CREATE TABLE klant (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    -- The core system's number; null until the client is registered there (unique per municipality when set).
    klantnummer text CHECK (klantnummer ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$'),
    bsn_versleuteld text CHECK (length(bsn_versleuteld) <= 200),
    bsn_hash text CHECK (bsn_hash ~ '^[0-9a-f]{64}$'),
    voornamen text ${tekst('voornamen', 200)},
    roepnaam text ${tekst('roepnaam', 100)},
    voorvoegsel text ${tekst('voorvoegsel', 20)},
    achternaam text NOT NULL CHECK (length(achternaam) BETWEEN 1 AND 200),
    geboortedatum date NOT NULL CHECK (geboortedatum >= '1900-01-01'),
    straat text ${tekst('straat', 200)},
    huisnummer text ${tekst('huisnummer', 20)},
    postcode text CHECK (postcode ~ '^[1-9][0-9]{3} [A-Z]{2}$' AND substr(postcode, 6, 2) NOT IN ('SA', 'SD', 'SS')),
    woonplaats text ${tekst('woonplaats', 100)},
    wijk_id uuid,
    wijk_handmatig boolean NOT NULL DEFAULT false,
    telefoon text ${tekst('telefoon', 40)},
    email text CHECK (length(email) <= 254),
    taal text CHECK (taal ~ '^[a-z]{2,3}$'),
    taalniveau text CHECK (taalniveau IN ${inLijst(TAALNIVEAUS)}),
    opleidingsniveau text CHECK (opleidingsniveau IN ${inLijst(OPLEIDINGSNIVEAUS)}),
    werkervaring jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(werkervaring) = 'array'),
    beschikbaarheid text[] NOT NULL DEFAULT '{}' CHECK (beschikbaarheid <@ ${lijst(DAGDELEN)}),
    zorgtaken text ${tekst('zorgtaken', 2000)},
    mobiliteit text[] NOT NULL DEFAULT '{}' CHECK (mobiliteit <@ ${lijst(MOBILITEIT)}),
    max_reistijd_minuten integer CHECK (max_reistijd_minuten BETWEEN 0 AND 240),
    eigen_netwerk text ${tekst('eigen_netwerk', 4000)},
    klantmanager_id uuid,
    -- Derived (bepaalToepasselijkheid), stored so lists can filter on it; recomputed on every change and when
    -- the date passes toepasselijkheid_geldig_tot (the next day on which the outcome may change).
    toepasselijkheid text CHECK (toepasselijkheid IN ('van-toepassing', 'niet-van-toepassing', 'ontheffing-verloopt')),
    toepasselijkheid_geldig_tot date,
    dossier_gesloten_op timestamptz,
    aangemaakt_op timestamptz NOT NULL DEFAULT now(),
    gewijzigd_op timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dienst_id, gemeente_id, id),
    UNIQUE (dienst_id, gemeente_id, klantnummer),
    CHECK ((bsn_versleuteld IS NULL) = (bsn_hash IS NULL)),
    FOREIGN KEY (dienst_id, gemeente_id) REFERENCES gemeente (dienst_id, gemeente_id),
    FOREIGN KEY (dienst_id, wijk_id) REFERENCES wijk (dienst_id, id) ON DELETE SET NULL (wijk_id),
    FOREIGN KEY (dienst_id, klantmanager_id) REFERENCES gebruiker (dienst_id, id) ON DELETE SET NULL (klantmanager_id)
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX klant_id ON klant (dienst_id, id)`.execute(db);
  await sql`CREATE INDEX klant_bsn_hash ON klant (dienst_id, bsn_hash) WHERE bsn_hash IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX klant_klantmanager ON klant (dienst_id, gemeente_id, klantmanager_id)`.execute(db);
  await sql`CREATE INDEX klant_achternaam ON klant (dienst_id, gemeente_id, lower(achternaam))`.execute(db);
  await sql`CREATE INDEX klant_toepasselijkheid_geldig_tot ON klant (dienst_id, toepasselijkheid_geldig_tot)`.execute(
    db,
  );
  await beveiligTabel(db, 'klant', 'gemeente');

  const klantKind = (extra = '') =>
    sql.raw(`dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    klant_id uuid NOT NULL,${extra}
    FOREIGN KEY (dienst_id, gemeente_id, klant_id) REFERENCES klant (dienst_id, gemeente_id, id) ON DELETE CASCADE`);

  await sql`CREATE TABLE klant_werk (
    ${klantKind()},
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    omschrijving text ${tekst('omschrijving', 200)},
    uren_per_week numeric(4,1) NOT NULL CHECK (uren_per_week > 0 AND uren_per_week <= 80),
    dagdelen text[] NOT NULL DEFAULT '{}' CHECK (dagdelen <@ ${lijst(DAGDELEN)}),
    begindatum date,
    einddatum date,
    CHECK (einddatum IS NULL OR begindatum IS NULL OR einddatum > begindatum),
    PRIMARY KEY (dienst_id, gemeente_id, klant_id, id)
  )`.execute(db);
  await beveiligTabel(db, 'klant_werk', 'gemeente');

  await sql`CREATE TABLE klant_reintegratie (
    ${klantKind()},
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    omschrijving text ${tekst('omschrijving', 200)},
    begindatum date NOT NULL,
    einddatum date CHECK (einddatum IS NULL OR einddatum > begindatum),
    dagdelen text[] NOT NULL DEFAULT '{}' CHECK (dagdelen <@ ${lijst(DAGDELEN)}),
    PRIMARY KEY (dienst_id, gemeente_id, klant_id, id)
  )`.execute(db);
  await beveiligTabel(db, 'klant_reintegratie', 'gemeente');

  for (const [tabel, catalogus] of [
    ['klant_vaardigheid', 'vaardigheid'],
    ['klant_interesse', 'interesse'],
  ] as const) {
    await sql`CREATE TABLE ${sql.table(tabel)} (
      ${klantKind()},
      ${sql.id(`${catalogus}_id`)} uuid NOT NULL,
      PRIMARY KEY (dienst_id, gemeente_id, klant_id, ${sql.id(`${catalogus}_id`)}),
      FOREIGN KEY (dienst_id, ${sql.id(`${catalogus}_id`)}) REFERENCES ${sql.table(catalogus)} (dienst_id, id)
    )`.execute(db);
    await beveiligTabel(db, tabel, 'gemeente');
  }

  // ---- Special-category data: klantmanager and teamleider only ------------------------------------------------

  await sql`CREATE TABLE klant_belastbaarheid (
    ${klantKind()},
    max_uren_per_week numeric(4,1) CHECK (max_uren_per_week >= 0 AND max_uren_per_week <= 60),
    -- Functional limitations as categories (the six sections of the UWV Functionele Mogelijkhedenlijst), never
    -- diagnoses: deliberately no free-text column.
    beperkingen text[] NOT NULL DEFAULT '{}' CHECK (beperkingen <@ ${lijst(BEPERKINGEN)}),
    gewijzigd_op timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dienst_id, gemeente_id, klant_id)
  )`.execute(db);

  await sql`CREATE TABLE klant_ontheffing (
    ${klantKind()},
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    type text NOT NULL CHECK (type IN ${inLijst(ONTHEFFING_TYPES)}),
    lokale_grond_id uuid,
    reden text ${tekst('reden', 2000)},
    begindatum date NOT NULL,
    einddatum date CHECK (einddatum IS NULL OR einddatum > begindatum),
    herbeoordelingsdatum date,
    geboortedatum_kind date,
    eerder_gebruikt boolean NOT NULL DEFAULT false,
    eerdere_gemeente text ${tekst('eerdere_gemeente', 200)},
    aangemaakt_op timestamptz NOT NULL DEFAULT now(),
    aangemaakt_door uuid,
    PRIMARY KEY (dienst_id, gemeente_id, klant_id, id),
    FOREIGN KEY (dienst_id, gemeente_id, lokale_grond_id) REFERENCES lokale_ontheffingsgrond (dienst_id, gemeente_id, id),
    CHECK (type <> 'dringende-redenen' OR (einddatum IS NOT NULL AND length(btrim(reden)) > 0)),
    CHECK (type <> 'alleenstaande-ouder-kind-onder-5' OR geboortedatum_kind IS NOT NULL),
    CHECK ((type = 'lokaal') = (lokale_grond_id IS NOT NULL)),
    CHECK (NOT eerder_gebruikt OR (type = 'alleenstaande-ouder-kind-onder-5' AND einddatum IS NOT NULL))
  )`.execute(db);

  for (const tabel of ['klant_belastbaarheid', 'klant_ontheffing']) {
    const t = sql.table(tabel);
    await sql`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`.execute(db);
    await sql`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`.execute(db);
    const voorwaarde = sql`app_systeem() OR (dienst_id = app_dienst() AND gemeente_id = ANY (app_gemeenten())
      AND app_rol() IN ('klantmanager', 'teamleider'))`;
    await sql`CREATE POLICY ${sql.id(`${tabel}_bijzonder`)} ON ${t} USING (${voorwaarde}) WITH CHECK (${voorwaarde})`.execute(
      db,
    );
    await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ${t} TO ${app}`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
