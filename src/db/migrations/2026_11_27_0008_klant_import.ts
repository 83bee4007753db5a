import { type Kysely, sql } from 'kysely';
import { beveiligTabel } from './rls.ts';

/**
 * The CSV import of clients: one row per uploaded file (its dry run, then the real run as a background job with
 * its progress) and one row per line of the file with what the dry run and the real run did with it.
 *
 * The report holds only row numbers, klantnummers and field messages (never cell values): that is all the
 * functioneel beheerder may see. The uploaded file itself is kept only until the import has run, compressed and
 * encrypted (AES-256-GCM with the BSN key: it may hold BSNs), and is cleared when the import is done or expires.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE klant_import (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    gestart_door uuid,
    gestart_door_naam text NOT NULL CHECK (length(gestart_door_naam) <= 200),
    bestandsnaam text NOT NULL CHECK (length(bestandsnaam) <= 255),
    status text NOT NULL DEFAULT 'proefrun'
      CHECK (status IN ('proefrun', 'wachtend', 'bezig', 'klaar', 'mislukt', 'verlopen')),
    codering text NOT NULL CHECK (codering IN ('utf-8', 'windows-1252')),
    scheidingsteken text NOT NULL CHECK (scheidingsteken IN (';', ',')),
    kolommen text[] NOT NULL,
    onbekende_kolommen text[] NOT NULL,
    totaal integer NOT NULL CHECK (totaal >= 0),
    proef_aanmaken integer NOT NULL DEFAULT 0,
    proef_bijwerken integer NOT NULL DEFAULT 0,
    proef_afgewezen integer NOT NULL DEFAULT 0,
    verwerkt integer NOT NULL DEFAULT 0,
    aangemaakt integer NOT NULL DEFAULT 0,
    bijgewerkt integer NOT NULL DEFAULT 0,
    afgewezen integer NOT NULL DEFAULT 0,
    bestand bytea,
    foutmelding text CHECK (length(foutmelding) <= 500),
    aangemaakt_op timestamptz NOT NULL DEFAULT now(),
    gestart_op timestamptz,
    klaar_op timestamptz,
    PRIMARY KEY (dienst_id, gemeente_id, id),
    FOREIGN KEY (dienst_id, gemeente_id) REFERENCES gemeente (dienst_id, gemeente_id)
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX klant_import_id ON klant_import (dienst_id, id)`.execute(db);
  await sql`CREATE INDEX klant_import_recent ON klant_import (dienst_id, gemeente_id, aangemaakt_op DESC)`.execute(
    db,
  );
  await beveiligTabel(db, 'klant_import', 'gemeente');

  await sql`CREATE TABLE klant_import_rij (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    import_id uuid NOT NULL,
    rij integer NOT NULL CHECK (rij > 0),
    klantnummer text CHECK (length(klantnummer) <= 40),
    proef text NOT NULL CHECK (proef IN ('aanmaken', 'bijwerken', 'afgewezen')),
    uitkomst text CHECK (uitkomst IN ('aangemaakt', 'bijgewerkt', 'afgewezen')),
    fouten jsonb,
    PRIMARY KEY (dienst_id, gemeente_id, import_id, rij),
    FOREIGN KEY (dienst_id, gemeente_id, import_id) REFERENCES klant_import (dienst_id, gemeente_id, id)
      ON DELETE CASCADE
  )`.execute(db);
  await beveiligTabel(db, 'klant_import_rij', 'gemeente');
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
