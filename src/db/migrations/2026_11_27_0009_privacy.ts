import { type Kysely, sql } from 'kysely';
import { beveiligTabel } from './rls.ts';

/**
 * Privacy: retention of client files and the destruction list; and the privacy officer kept out of client data.
 *
 * - `bewaartermijn`: per municipality, how many months a closed client file is kept (counted from
 *   `klant.dossier_gesloten_op`) and where that period comes from. No row: nothing is destroyed (no default is
 *   invented; the period follows from the municipality's selectielijst).
 * - `vernietigingslijst` + `vernietigingslijst_klant`: a proposed list of files past their period, for the
 *   functioneel beheerder to approve. The lines hold the pseudonymous client id (to destroy it), the klantnummer and
 *   dates; they are deleted with the client's data when the list is approved, so only the counts remain.
 * - The privacy officer searches the access log and produces the article 15 export, but may not browse files: a
 *   RESTRICTIVE policy on every client table refuses that role (the special-category tables already allow only
 *   klantmanager and teamleider). Finding a client for the log and collecting the export run under an explicit,
 *   logged system context instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE bewaartermijn (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    klantdossier_maanden integer NOT NULL CHECK (klantdossier_maanden BETWEEN 1 AND 1200),
    grondslag text NOT NULL CHECK (length(grondslag) BETWEEN 1 AND 500),
    gewijzigd_op timestamptz NOT NULL DEFAULT now(),
    gewijzigd_door uuid,
    PRIMARY KEY (dienst_id, gemeente_id),
    FOREIGN KEY (dienst_id, gemeente_id) REFERENCES gemeente (dienst_id, gemeente_id)
  )`.execute(db);
  await beveiligTabel(db, 'bewaartermijn', 'gemeente');

  await sql`CREATE TABLE vernietigingslijst (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    status text NOT NULL DEFAULT 'voorgesteld' CHECK (status IN ('voorgesteld', 'goedgekeurd', 'vervallen')),
    peildatum date NOT NULL,
    bewaartermijn_maanden integer NOT NULL CHECK (bewaartermijn_maanden BETWEEN 1 AND 1200),
    aantal integer NOT NULL CHECK (aantal >= 0),
    aangemaakt_op timestamptz NOT NULL DEFAULT now(),
    afgehandeld_op timestamptz,
    afgehandeld_door uuid,
    aantal_vernietigd integer CHECK (aantal_vernietigd >= 0),
    PRIMARY KEY (dienst_id, gemeente_id, id),
    FOREIGN KEY (dienst_id, gemeente_id) REFERENCES gemeente (dienst_id, gemeente_id),
    CHECK ((status = 'voorgesteld') = (afgehandeld_op IS NULL))
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX vernietigingslijst_id ON vernietigingslijst (dienst_id, id)`.execute(db);
  // At most one open proposal per municipality: a new one replaces it.
  await sql`CREATE UNIQUE INDEX vernietigingslijst_open ON vernietigingslijst (dienst_id, gemeente_id)
    WHERE status = 'voorgesteld'`.execute(db);
  await beveiligTabel(db, 'vernietigingslijst', 'gemeente');

  await sql`CREATE TABLE vernietigingslijst_klant (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    lijst_id uuid NOT NULL,
    klant_id uuid NOT NULL,
    klantnummer text CHECK (length(klantnummer) <= 40),
    dossier_gesloten_op timestamptz NOT NULL,
    vernietigen_vanaf date NOT NULL,
    PRIMARY KEY (dienst_id, gemeente_id, lijst_id, klant_id),
    FOREIGN KEY (dienst_id, gemeente_id, lijst_id) REFERENCES vernietigingslijst (dienst_id, gemeente_id, id)
      ON DELETE CASCADE
  )`.execute(db);
  await beveiligTabel(db, 'vernietigingslijst_klant', 'gemeente');

  // The retention query: closed files per municipality.
  await sql`CREATE INDEX klant_dossier_gesloten ON klant (dienst_id, gemeente_id, dossier_gesloten_op)
    WHERE dossier_gesloten_op IS NOT NULL`.execute(db);

  for (const tabel of ['klant', 'klant_werk', 'klant_reintegratie', 'klant_vaardigheid', 'klant_interesse']) {
    await sql`CREATE POLICY ${sql.id(`${tabel}_geen_privacy_officer`)} ON ${sql.table(tabel)} AS RESTRICTIVE
      USING (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')
      WITH CHECK (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
