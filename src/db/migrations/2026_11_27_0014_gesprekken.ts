import { type Kysely, sql } from 'kysely';
import { beveiligTabel } from './rls.ts';

const tekst = (kolom: string, max: number) => sql.raw(`CHECK (length(${kolom}) <= ${max})`);

/**
 * The guideline's conversation (`gesprek`) with a client — its four parts (kracht en bekwaamheid; wensen, ambities
 * en kwaliteiten; eigen voorstel; eigen sociale omgeving), notes and agreed next steps — and the client's own
 * proposal (`eigen_voorstel`) with the caseworker's judgment of its social usefulness and the maatwerk activity it
 * became. Client data: keyed and secured by municipality (forced RLS), kept out of the privacy officer's reach like
 * the other client tables, and deleted with the client (destruction after the retention period).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE gesprek (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    klant_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    datum date NOT NULL,
    deelnemers text[] NOT NULL DEFAULT '{}'
      CHECK (cardinality(deelnemers) <= 20 AND array_position(deelnemers, NULL) IS NULL),
    kracht_en_bekwaamheid text ${tekst('kracht_en_bekwaamheid', 8000)},
    wensen text ${tekst('wensen', 8000)},
    eigen_voorstel text ${tekst('eigen_voorstel', 8000)},
    sociale_omgeving text ${tekst('sociale_omgeving', 8000)},
    notities text ${tekst('notities', 8000)},
    afspraken text ${tekst('afspraken', 8000)},
    aangemaakt_op timestamptz NOT NULL DEFAULT now(),
    aangemaakt_door uuid,
    gewijzigd_op timestamptz NOT NULL DEFAULT now(),
    gewijzigd_door uuid,
    PRIMARY KEY (dienst_id, gemeente_id, id),
    FOREIGN KEY (dienst_id, gemeente_id, klant_id) REFERENCES klant (dienst_id, gemeente_id, id) ON DELETE CASCADE
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX gesprek_id ON gesprek (dienst_id, id)`.execute(db);
  await sql`CREATE INDEX gesprek_klant ON gesprek (dienst_id, gemeente_id, klant_id, datum DESC, aangemaakt_op DESC)`.execute(
    db,
  );

  await sql`CREATE TABLE eigen_voorstel (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    klant_id uuid NOT NULL,
    gesprek_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    titel text NOT NULL CHECK (length(btrim(titel)) BETWEEN 1 AND 200),
    omschrijving text NOT NULL CHECK (length(btrim(omschrijving)) BETWEEN 1 AND 4000),
    soort text NOT NULL CHECK (soort IN ('bestaande-organisatie', 'nieuwe-organisatie', 'zonder-organisatie')),
    organisatie_id uuid,
    -- The name of a new organisation as proposed (kept also when no organisation was created).
    nieuwe_organisatie_naam text CHECK (length(nieuwe_organisatie_naam) <= 200),
    maatschappelijk_nut boolean NOT NULL,
    nut_motivering text NOT NULL CHECK (length(btrim(nut_motivering)) BETWEEN 1 AND 4000),
    activiteit_id uuid,
    aangemaakt_op timestamptz NOT NULL DEFAULT now(),
    aangemaakt_door uuid,
    PRIMARY KEY (dienst_id, gemeente_id, id),
    FOREIGN KEY (dienst_id, gemeente_id, gesprek_id) REFERENCES gesprek (dienst_id, gemeente_id, id) ON DELETE CASCADE,
    FOREIGN KEY (dienst_id, organisatie_id) REFERENCES organisatie (dienst_id, id) ON DELETE SET NULL (organisatie_id),
    FOREIGN KEY (dienst_id, activiteit_id) REFERENCES activiteit (dienst_id, id) ON DELETE SET NULL (activiteit_id),
    CHECK (soort <> 'zonder-organisatie' OR organisatie_id IS NULL),
    CHECK (activiteit_id IS NULL OR maatschappelijk_nut)
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX eigen_voorstel_id ON eigen_voorstel (dienst_id, id)`.execute(db);
  await sql`CREATE INDEX eigen_voorstel_gesprek ON eigen_voorstel (dienst_id, gemeente_id, gesprek_id)`.execute(
    db,
  );

  for (const tabel of ['gesprek', 'eigen_voorstel']) {
    await beveiligTabel(db, tabel, 'gemeente');
    await sql`CREATE POLICY ${sql.id(`${tabel}_geen_privacy_officer`)} ON ${sql.table(tabel)} AS RESTRICTIVE
      USING (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')
      WITH CHECK (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
