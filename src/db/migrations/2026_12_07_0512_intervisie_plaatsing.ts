import { type Kysely, sql } from 'kysely';

/**
 * A caseworker's doubt about one placement goes to intervision like an activity's doubt (issue 14 part B;
 * docs/recht.md §9). The least invasive change to `intervisie`, which was keyed on the assessment:
 *
 * - `verdringingstoets_id` becomes nullable and `tegenprestatie_id` (with the placement's `gemeente_id`, as the
 *   placement's key is `(dienst_id, gemeente_id, id)`) is added; a CHECK says exactly one subject is set.
 * - The placement's doubt carries its own question and who asked (`vraag`, `aangevraagd_door*`); an activity's
 *   doubt keeps taking both from its assessment.
 * - `activiteit_id` stays required (the placement's activity), so the existing row-level security through the
 *   activity holds for both kinds; a restrictive policy adds that a placement's doubt is only visible in the
 *   placement's own municipality (as the placement itself).
 * - At most one open doubt per placement.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE intervisie ALTER COLUMN verdringingstoets_id DROP NOT NULL`.execute(db);
  await sql`ALTER TABLE intervisie
    ADD COLUMN gemeente_id uuid,
    ADD COLUMN tegenprestatie_id uuid,
    ADD COLUMN vraag text CHECK (vraag IS NULL OR (length(btrim(vraag)) > 0 AND length(vraag) <= 4000)),
    ADD COLUMN aangevraagd_door uuid,
    ADD COLUMN aangevraagd_door_naam text CHECK (aangevraagd_door_naam IS NULL OR length(aangevraagd_door_naam) <= 200),
    ADD CONSTRAINT intervisie_een_onderwerp CHECK ((verdringingstoets_id IS NULL) <> (tegenprestatie_id IS NULL)),
    ADD CONSTRAINT intervisie_plaatsing_compleet CHECK (
      tegenprestatie_id IS NULL OR (gemeente_id IS NOT NULL AND vraag IS NOT NULL AND aangevraagd_door_naam IS NOT NULL)),
    ADD CONSTRAINT intervisie_tegenprestatie_fk FOREIGN KEY (dienst_id, gemeente_id, tegenprestatie_id)
      REFERENCES tegenprestatie (dienst_id, gemeente_id, id)`.execute(db);
  await sql`CREATE UNIQUE INDEX intervisie_plaatsing_open ON intervisie (dienst_id, tegenprestatie_id)
    WHERE tegenprestatie_id IS NOT NULL AND besluit IS NULL`.execute(db);
  await sql`CREATE INDEX intervisie_plaatsing ON intervisie (dienst_id, tegenprestatie_id)
    WHERE tegenprestatie_id IS NOT NULL`.execute(db);
  await sql`CREATE POLICY intervisie_plaatsing_gemeente ON intervisie AS RESTRICTIVE
    USING (app_systeem() OR tegenprestatie_id IS NULL OR gemeente_id = ANY (app_gemeenten()))
    WITH CHECK (app_systeem() OR tegenprestatie_id IS NULL OR gemeente_id = ANY (app_gemeenten()))`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
