import { type Kysely, sql } from 'kysely';
import { APP_ROLE } from './rls.ts';

/**
 * The CSV import of the network (organisations or activities): one row per uploaded file — its dry run, then the
 * real run as a background job with its progress — and one row per line of the file with what the dry run and the
 * real run did with it. The file itself is kept only until the import has run. Visible, like the network itself,
 * to callers whose municipalities overlap the uploader's (`gemeenten`, the uploader's municipalities at upload).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE netwerk_import (
    dienst_id uuid NOT NULL REFERENCES dienst (dienst_id),
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    soort text NOT NULL CHECK (soort IN ('organisaties', 'activiteiten')),
    gemeenten uuid[] NOT NULL CHECK (cardinality(gemeenten) BETWEEN 1 AND 100),
    gestart_door uuid,
    gestart_door_naam text NOT NULL CHECK (length(gestart_door_naam) <= 200),
    bestandsnaam text NOT NULL CHECK (length(bestandsnaam) <= 255),
    status text NOT NULL DEFAULT 'proefrun' CHECK (status IN ('proefrun', 'wachtend', 'bezig', 'klaar', 'mislukt')),
    codering text NOT NULL CHECK (codering IN ('utf-8', 'windows-1252')),
    scheidingsteken text NOT NULL CHECK (scheidingsteken IN (';', ',')),
    totaal integer NOT NULL CHECK (totaal >= 0),
    proef jsonb NOT NULL DEFAULT '{}',
    verwerkt integer NOT NULL DEFAULT 0,
    uitkomst jsonb NOT NULL DEFAULT '{}',
    bestand bytea,
    foutmelding text CHECK (length(foutmelding) <= 500),
    aangemaakt_op timestamptz NOT NULL DEFAULT now(),
    gestart_op timestamptz,
    klaar_op timestamptz,
    PRIMARY KEY (dienst_id, id)
  )`.execute(db);
  await sql`CREATE INDEX netwerk_import_recent ON netwerk_import (dienst_id, aangemaakt_op DESC)`.execute(db);

  await sql`CREATE TABLE netwerk_import_rij (
    dienst_id uuid NOT NULL,
    import_id uuid NOT NULL,
    rij integer NOT NULL CHECK (rij > 0),
    naam text NOT NULL CHECK (length(naam) <= 200),
    proef text NOT NULL CHECK (proef IN ('aanmaken', 'bijwerken', 'ongewijzigd', 'weigeren')),
    uitkomst text CHECK (uitkomst IN ('aanmaken', 'bijwerken', 'ongewijzigd', 'weigeren')),
    redenen text[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (dienst_id, import_id, rij),
    FOREIGN KEY (dienst_id, import_id) REFERENCES netwerk_import (dienst_id, id) ON DELETE CASCADE
  )`.execute(db);

  const app = sql.id(APP_ROLE);
  const eigen = sql`app_systeem() OR (dienst_id = app_dienst() AND gemeenten && app_gemeenten())`;
  const viaImport = sql`app_systeem() OR (dienst_id = app_dienst() AND EXISTS (SELECT 1 FROM netwerk_import i
    WHERE i.dienst_id = netwerk_import_rij.dienst_id AND i.id = netwerk_import_rij.import_id))`;
  for (const [tabel, conditie] of [
    ['netwerk_import', eigen],
    ['netwerk_import_rij', viaImport],
  ] as const) {
    const t = sql.table(tabel);
    await sql`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`.execute(db);
    await sql`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`.execute(db);
    await sql`CREATE POLICY ${sql.id(`${tabel}_toegang`)} ON ${t} USING (${conditie}) WITH CHECK (${conditie})`.execute(
      db,
    );
    await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ${t} TO ${app}`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
