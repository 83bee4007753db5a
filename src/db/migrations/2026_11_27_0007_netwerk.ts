import { type Kysely, type RawBuilder, sql } from 'kysely';
import { APP_ROLE } from './rls.ts';

/**
 * The network (netwerk): host organisations with their contact persons and standing reciprocity offer, their
 * activities with places and place claims, the displacement assessments (verdringingstoets) of activities and
 * the intervision requests that a `twijfel` opens.
 *
 * Organisations and activities belong to the social service (dienst), not to one municipality: each lists the
 * municipalities it serves in a `gemeenten uuid[]` column. A row is visible when that list overlaps the caller's
 * `app_gemeenten()` (`&&`, GIN-indexed). The array was chosen over a link table because every list, search and
 * policy needs it and an overlap test on one column is both the simplest policy and the fastest filter; the
 * service checks that every id is a municipality of the service (an array cannot carry a foreign key). The child
 * tables (contact persons, offer, claims, assessments, intervision) are visible through their parent: their
 * policies test with EXISTS on the parent, whose own policy then applies.
 *
 * Every key starts with `dienst_id` (the Citus distribution column).
 */

const ORGANISATIE_TYPES = [
  'maatschappelijke-instelling',
  'vereniging',
  'stichting',
  'commercieel-bedrijf',
  'overheid',
];
const ORGANISATIE_STATUSSEN = ['voorgesteld', 'actief', 'gepauzeerd', 'beeindigd'];
const WEDERKERIGHEID = [
  'begeleiding',
  'training',
  'certificaat',
  'referentie',
  'netwerk',
  'werkervaringsverklaring',
  'anders',
];
const CATEGORIEEN = [
  'zorg-en-welzijn',
  'sport',
  'natuur-en-dieren',
  'buurt-en-wijk',
  'cultuur',
  'onderwijs',
  'techniek-en-klussen',
  'administratie',
  'voedsel-en-kringloop',
  'schoonmaak-en-onderhoud',
  'vervoer',
  'anders',
];
const ACTIVITEIT_STATUSSEN = ['voorgesteld', 'actief', 'gepauzeerd', 'beeindigd'];
const BELASTING = ['laag', 'midden', 'hoog'];
const TAALNIVEAUS = ['a0', 'a1', 'a2', 'b1', 'b2', 'c1', 'c2'];
const DAGDELEN = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'].flatMap((d) =>
  ['ochtend', 'middag', 'avond'].map((t) => `${d}-${t}`),
);
const CONCLUSIES = ['geen-risico', 'twijfel', 'verdringing'];
const BESLUITEN = ['toegestaan', 'toegestaan-onder-voorwaarden', 'niet-toegestaan'];

const inLijst = (waarden: string[]) => sql.raw(`(${waarden.map((w) => `'${w}'`).join(', ')})`);
const lijst = (waarden: string[]) => sql.raw(`ARRAY[${waarden.map((w) => `'${w}'`).join(', ')}]::text[]`);
const tekst = (kolom: string, max: number) => sql.raw(`CHECK (length(${kolom}) <= ${max})`);
const verplicht = (kolom: string, max: number) => sql.raw(`CHECK (length(${kolom}) BETWEEN 1 AND ${max})`);

/** Forced row-level security with one policy (read and write) and the app role's grants. */
async function beveilig(
  db: Kysely<unknown>,
  table: string,
  condition: RawBuilder<unknown>,
  grant = 'SELECT, INSERT, UPDATE, DELETE',
): Promise<void> {
  const t = sql.table(table);
  await sql`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`CREATE POLICY ${sql.id(`${table}_toegang`)} ON ${t} USING (${condition}) WITH CHECK (${condition})`.execute(
    db,
  );
  await sql`GRANT ${sql.raw(grant)} ON ${t} TO ${sql.id(APP_ROLE)}`.execute(db);
}

/** Visible when the row's municipalities overlap the caller's. */
const bediendeGemeenten = sql`app_systeem() OR (dienst_id = app_dienst() AND gemeenten && app_gemeenten())`;

/** Visible when the parent row (itself under RLS) is visible. */
const viaOuder = (tabel: string, ouder: string, kolom: string) =>
  sql`app_systeem() OR (dienst_id = app_dienst() AND EXISTS (SELECT 1 FROM ${sql.table(ouder)} o
    WHERE o.dienst_id = ${sql.ref(`${tabel}.dienst_id`)} AND o.id = ${sql.ref(`${tabel}.${kolom}`)}))`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // ---- Organisations --------------------------------------------------------------------------------------------
  await sql`CREATE TABLE organisatie (
    dienst_id uuid NOT NULL REFERENCES dienst (dienst_id),
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    naam text NOT NULL ${verplicht('naam', 200)},
    type text NOT NULL CHECK (type IN ${inLijst(ORGANISATIE_TYPES)}),
    kvk_nummer text CHECK (kvk_nummer ~ '^[0-9]{8}$'),
    straat text ${tekst('straat', 200)},
    huisnummer text ${tekst('huisnummer', 20)},
    postcode text CHECK (postcode ~ '^[1-9][0-9]{3} [A-Z]{2}$'),
    plaats text ${tekst('plaats', 100)},
    wijk_id uuid,
    gemeenten uuid[] NOT NULL CHECK (cardinality(gemeenten) BETWEEN 1 AND 100 AND array_position(gemeenten, NULL) IS NULL),
    website text ${tekst('website', 300)},
    status text NOT NULL DEFAULT 'actief' CHECK (status IN ${inLijst(ORGANISATIE_STATUSSEN)}),
    notities text ${tekst('notities', 4000)},
    -- Raised on every material change (type, status, address); assessments record the version they judged.
    materiele_versie integer NOT NULL DEFAULT 1,
    zoektekst tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('dutch', naam), 'A') ||
      setweight(to_tsvector('dutch', coalesce(plaats, '') || ' ' || coalesce(straat, '') || ' ' || coalesce(kvk_nummer, '')), 'B') ||
      setweight(to_tsvector('dutch', coalesce(notities, '')), 'C')
    ) STORED,
    aangemaakt_op timestamptz NOT NULL DEFAULT now(),
    gewijzigd_op timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dienst_id, id),
    FOREIGN KEY (dienst_id, wijk_id) REFERENCES wijk (dienst_id, id) ON DELETE SET NULL (wijk_id)
  )`.execute(db);
  // The natural key of the CSV import: the KvK number where there is one, else name + postcode.
  await sql`CREATE UNIQUE INDEX organisatie_kvk ON organisatie (dienst_id, kvk_nummer) WHERE kvk_nummer IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX organisatie_naam_postcode ON organisatie (dienst_id, lower(naam), postcode)`.execute(
    db,
  );
  await sql`CREATE INDEX organisatie_gemeenten ON organisatie USING gin (gemeenten)`.execute(db);
  await sql`CREATE INDEX organisatie_zoektekst ON organisatie USING gin (zoektekst)`.execute(db);
  await beveilig(db, 'organisatie', bediendeGemeenten);

  await sql`CREATE TABLE organisatie_contactpersoon (
    dienst_id uuid NOT NULL,
    organisatie_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    naam text NOT NULL ${verplicht('naam', 200)},
    functie text ${tekst('functie', 200)},
    email text CHECK (email = lower(email) AND email ~ '^[^@\\s]+@[^@\\s]+$' AND length(email) <= 254),
    telefoon text ${tekst('telefoon', 40)},
    volgorde smallint NOT NULL DEFAULT 0,
    PRIMARY KEY (dienst_id, id),
    FOREIGN KEY (dienst_id, organisatie_id) REFERENCES organisatie (dienst_id, id) ON DELETE CASCADE
  )`.execute(db);
  await sql`CREATE INDEX organisatie_contactpersoon_organisatie ON organisatie_contactpersoon (dienst_id, organisatie_id)`.execute(
    db,
  );
  await beveilig(
    db,
    'organisatie_contactpersoon',
    viaOuder('organisatie_contactpersoon', 'organisatie', 'organisatie_id'),
  );

  // The standing reciprocity offer: what the organisation gives back, per category, in its own words.
  await sql`CREATE TABLE organisatie_wederkerigheid (
    dienst_id uuid NOT NULL,
    organisatie_id uuid NOT NULL,
    categorie text NOT NULL CHECK (categorie IN ${inLijst(WEDERKERIGHEID)}),
    omschrijving text NOT NULL ${verplicht('omschrijving', 2000)},
    PRIMARY KEY (dienst_id, organisatie_id, categorie),
    FOREIGN KEY (dienst_id, organisatie_id) REFERENCES organisatie (dienst_id, id) ON DELETE CASCADE
  )`.execute(db);
  await beveilig(
    db,
    'organisatie_wederkerigheid',
    viaOuder('organisatie_wederkerigheid', 'organisatie', 'organisatie_id'),
  );

  // ---- Activities -----------------------------------------------------------------------------------------------
  await sql`CREATE TABLE activiteit (
    dienst_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    -- Null only for a custom activity without a host (informal care, help in the neighbourhood).
    organisatie_id uuid,
    titel text NOT NULL ${verplicht('titel', 200)},
    omschrijving text NOT NULL ${verplicht('omschrijving', 4000)},
    taken text ${tekst('taken', 4000)},
    categorie text NOT NULL CHECK (categorie IN ${inLijst(CATEGORIEEN)}),
    vaardigheden text[] NOT NULL DEFAULT '{}' CHECK (cardinality(vaardigheden) <= 30),
    fysieke_belasting text NOT NULL CHECK (fysieke_belasting IN ${inLijst(BELASTING)}),
    belasting_toelichting text ${tekst('belasting_toelichting', 1000)},
    taalniveau_min text CHECK (taalniveau_min IN ${inLijst(TAALNIVEAUS)}),
    uren_min numeric(4,1) NOT NULL CHECK (uren_min > 0),
    uren_max numeric(4,1) NOT NULL CHECK (uren_max >= uren_min AND uren_max <= 40),
    dagdelen text[] NOT NULL DEFAULT '{}' CHECK (dagdelen <@ ${lijst(DAGDELEN)}),
    locatie text ${tekst('locatie', 300)},
    postcode text CHECK (postcode ~ '^[1-9][0-9]{3} [A-Z]{2}$'),
    wijk_id uuid,
    gemeenten uuid[] NOT NULL CHECK (cardinality(gemeenten) BETWEEN 1 AND 100 AND array_position(gemeenten, NULL) IS NULL),
    plaatsen integer NOT NULL CHECK (plaatsen BETWEEN 0 AND 1000),
    -- Kept by the trigger on activiteit_plaats: the last place can never be taken twice.
    plaatsen_bezet integer NOT NULL DEFAULT 0,
    mentor text ${tekst('mentor', 200)},
    startdatum date,
    einddatum date,
    status text NOT NULL DEFAULT 'actief' CHECK (status IN ${inLijst(ACTIVITEIT_STATUSSEN)}),
    is_maatwerk boolean NOT NULL DEFAULT false,
    materiele_versie integer NOT NULL DEFAULT 1,
    zoektekst tsvector NOT NULL DEFAULT ''::tsvector,
    aangemaakt_op timestamptz NOT NULL DEFAULT now(),
    gewijzigd_op timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dienst_id, id),
    CONSTRAINT activiteit_plaatsen_vrij CHECK (plaatsen_bezet >= 0 AND plaatsen_bezet <= plaatsen),
    CHECK (einddatum IS NULL OR startdatum IS NULL OR einddatum >= startdatum),
    CHECK (organisatie_id IS NOT NULL OR is_maatwerk),
    FOREIGN KEY (dienst_id, organisatie_id) REFERENCES organisatie (dienst_id, id),
    FOREIGN KEY (dienst_id, wijk_id) REFERENCES wijk (dienst_id, id) ON DELETE SET NULL (wijk_id)
  )`.execute(db);
  // array_to_string is not immutable, so the search text is kept by a trigger rather than a generated column.
  await sql`CREATE FUNCTION activiteit_zoektekst() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.zoektekst :=
        setweight(to_tsvector('dutch', NEW.titel), 'A') ||
        setweight(to_tsvector('dutch', NEW.omschrijving || ' ' || coalesce(NEW.taken, '') || ' ' ||
          array_to_string(NEW.vaardigheden, ' ')), 'B') ||
        setweight(to_tsvector('dutch', coalesce(NEW.locatie, '') || ' ' || coalesce(NEW.mentor, '')), 'C');
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER activiteit_zoektekst BEFORE INSERT OR UPDATE OF titel, omschrijving, taken, vaardigheden, locatie, mentor ON activiteit
    FOR EACH ROW EXECUTE FUNCTION activiteit_zoektekst()`.execute(db);
  await sql`CREATE INDEX activiteit_organisatie ON activiteit (dienst_id, organisatie_id)`.execute(db);
  await sql`CREATE INDEX activiteit_gemeenten ON activiteit USING gin (gemeenten)`.execute(db);
  await sql`CREATE INDEX activiteit_zoektekst_idx ON activiteit USING gin (zoektekst)`.execute(db);
  await beveilig(db, 'activiteit', bediendeGemeenten);

  // A place held by a design (or any later holder): one row per holder; the trigger counts them on the activity,
  // whose CHECK refuses more than `plaatsen`. Concurrent claims serialise on the activity's row lock.
  await sql`CREATE TABLE activiteit_plaats (
    dienst_id uuid NOT NULL,
    activiteit_id uuid NOT NULL,
    houder_type text NOT NULL CHECK (houder_type ~ '^[a-z]+(-[a-z]+)*$' AND length(houder_type) <= 60),
    houder_id uuid NOT NULL,
    geclaimd_op timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dienst_id, activiteit_id, houder_type, houder_id),
    FOREIGN KEY (dienst_id, activiteit_id) REFERENCES activiteit (dienst_id, id)
  )`.execute(db);
  await sql`CREATE FUNCTION activiteit_plaats_tel() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        UPDATE activiteit SET plaatsen_bezet = plaatsen_bezet + 1
          WHERE dienst_id = NEW.dienst_id AND id = NEW.activiteit_id;
        IF NOT FOUND THEN RAISE EXCEPTION 'activiteit % niet zichtbaar', NEW.activiteit_id USING ERRCODE = '42501'; END IF;
        RETURN NEW;
      END IF;
      UPDATE activiteit SET plaatsen_bezet = plaatsen_bezet - 1
        WHERE dienst_id = OLD.dienst_id AND id = OLD.activiteit_id;
      RETURN OLD;
    END $$`.execute(db);
  await sql`CREATE TRIGGER activiteit_plaats_tel AFTER INSERT OR DELETE ON activiteit_plaats
    FOR EACH ROW EXECUTE FUNCTION activiteit_plaats_tel()`.execute(db);
  await beveilig(
    db,
    'activiteit_plaats',
    viaOuder('activiteit_plaats', 'activiteit', 'activiteit_id'),
    'SELECT, INSERT, DELETE',
  );

  // ---- Displacement assessment and intervision -------------------------------------------------------------------
  await sql`CREATE TABLE verdringingstoets (
    dienst_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    activiteit_id uuid NOT NULL,
    -- [{ vraag, antwoord, toelichting }] for the questions of the checklist (see verdringing.ts).
    antwoorden jsonb NOT NULL CHECK (jsonb_typeof(antwoorden) = 'array'),
    advies text NOT NULL CHECK (advies IN ${inLijst(CONCLUSIES)}),
    conclusie text NOT NULL CHECK (conclusie IN ${inLijst(CONCLUSIES)}),
    motivering text NOT NULL ${verplicht('motivering', 4000)},
    beoordeeld_door uuid,
    beoordeeld_door_naam text NOT NULL ${verplicht('beoordeeld_door_naam', 200)},
    beoordeeld_op timestamptz NOT NULL DEFAULT now(),
    geldig_tot date NOT NULL,
    activiteit_versie integer NOT NULL,
    organisatie_versie integer,
    -- Set when the activity or organisation changes materially after the assessment.
    vervallen_op timestamptz,
    vervallen_reden text ${tekst('vervallen_reden', 500)},
    PRIMARY KEY (dienst_id, id),
    FOREIGN KEY (dienst_id, activiteit_id) REFERENCES activiteit (dienst_id, id)
  )`.execute(db);
  await sql`CREATE INDEX verdringingstoets_activiteit ON verdringingstoets (dienst_id, activiteit_id, beoordeeld_op DESC)`.execute(
    db,
  );
  await beveilig(
    db,
    'verdringingstoets',
    viaOuder('verdringingstoets', 'activiteit', 'activiteit_id'),
    'SELECT, INSERT, UPDATE',
  );

  await sql`CREATE TABLE intervisie (
    dienst_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    verdringingstoets_id uuid NOT NULL,
    activiteit_id uuid NOT NULL,
    aangevraagd_op timestamptz NOT NULL DEFAULT now(),
    deelnemers text[] NOT NULL DEFAULT '{}' CHECK (cardinality(deelnemers) <= 30),
    besluit text CHECK (besluit IN ${inLijst(BESLUITEN)}),
    voorwaarden text ${tekst('voorwaarden', 4000)},
    motivering text ${tekst('motivering', 4000)},
    besloten_door uuid,
    besloten_door_naam text ${tekst('besloten_door_naam', 200)},
    besloten_op timestamptz,
    PRIMARY KEY (dienst_id, id),
    UNIQUE (dienst_id, verdringingstoets_id),
    FOREIGN KEY (dienst_id, verdringingstoets_id) REFERENCES verdringingstoets (dienst_id, id),
    FOREIGN KEY (dienst_id, activiteit_id) REFERENCES activiteit (dienst_id, id),
    CHECK ((besluit IS NULL) = (besloten_op IS NULL)),
    CHECK (besluit IS NULL OR (length(motivering) > 0 AND cardinality(deelnemers) > 0)),
    CHECK (besluit IS DISTINCT FROM 'toegestaan-onder-voorwaarden' OR length(voorwaarden) > 0)
  )`.execute(db);
  await sql`CREATE INDEX intervisie_open ON intervisie (dienst_id, aangevraagd_op) WHERE besluit IS NULL`.execute(
    db,
  );
  await beveilig(
    db,
    'intervisie',
    viaOuder('intervisie', 'activiteit', 'activiteit_id'),
    'SELECT, INSERT, UPDATE',
  );
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
