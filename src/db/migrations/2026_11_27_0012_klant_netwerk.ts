import { type Kysely, sql } from 'kysely';
import { beveiligTabel } from './rls.ts';

/**
 * A client's own network linked to organisations of the network (`klant_netwerk_organisatie`): which host
 * organisations the client already knows, with an optional note. Client data: keyed and secured by municipality
 * (forced RLS), kept out of the privacy officer's reach like the other client tables (migration 0009), and deleted
 * with the client (destruction after the retention period).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE klant_netwerk_organisatie (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    klant_id uuid NOT NULL,
    organisatie_id uuid NOT NULL,
    toelichting text CHECK (length(toelichting) <= 500),
    gekoppeld_op timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dienst_id, gemeente_id, klant_id, organisatie_id),
    FOREIGN KEY (dienst_id, gemeente_id, klant_id) REFERENCES klant (dienst_id, gemeente_id, id) ON DELETE CASCADE,
    FOREIGN KEY (dienst_id, organisatie_id) REFERENCES organisatie (dienst_id, id) ON DELETE CASCADE
  )`.execute(db);
  await sql`CREATE INDEX klant_netwerk_organisatie_organisatie
    ON klant_netwerk_organisatie (dienst_id, organisatie_id)`.execute(db);
  await beveiligTabel(db, 'klant_netwerk_organisatie', 'gemeente');
  await sql`CREATE POLICY klant_netwerk_organisatie_geen_privacy_officer ON klant_netwerk_organisatie AS RESTRICTIVE
    USING (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')
    WITH CHECK (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
