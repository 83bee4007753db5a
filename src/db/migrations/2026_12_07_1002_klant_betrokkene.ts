import { type Kysely, sql } from 'kysely';
import { beveiligTabel } from './rls.ts';

/**
 * Issue 15, "who receives" (docs/dwang.md, docs/klanten.md): the people around a client who receive letters.
 * - `klant_betrokkene`: a representative — bewindvoerder, mentor or curator — who receives a copy of the intention
 *   and the decision; or the partner with whom the client receives joint bijstand (art. 11 lid 4 Pw), whom a measure
 *   on that bijstand also concerns (art. 18 lid 12). From a date, until an end date (a change is an end and a new
 *   record). At most one partner at a time. Forced row-level security per municipality, no privacy officer, deleted
 *   with the client.
 * - `maatregel.gezamenlijk_met`: the partner recorded on the conduct date, stored with the intention (the measure is
 *   then on joint bijstand: its letters name both, the export says so).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE klant_betrokkene (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    klant_id uuid NOT NULL,
    soort text NOT NULL CHECK (soort IN ('bewindvoerder', 'mentor', 'curator', 'partner')),
    naam text NOT NULL CHECK (length(trim(naam)) BETWEEN 1 AND 200),
    adres text CHECK (length(adres) <= 300),
    vanaf date NOT NULL,
    tot date CHECK (tot IS NULL OR tot >= vanaf),
    vastgelegd_door_naam text NOT NULL CHECK (length(vastgelegd_door_naam) <= 200),
    vastgelegd_op timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dienst_id, gemeente_id, id),
    FOREIGN KEY (dienst_id, gemeente_id, klant_id) REFERENCES klant (dienst_id, gemeente_id, id) ON DELETE CASCADE,
    -- A representative receives copies by post: an address is required.
    CHECK (soort = 'partner' OR coalesce(length(trim(adres)), 0) > 0)
  )`.execute(db);
  // At most one partner at a time: partner periods of a client do not overlap.
  await sql`CREATE FUNCTION klant_betrokkene_een_partner() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.soort = 'partner' AND EXISTS (SELECT 1 FROM klant_betrokkene b
          WHERE b.dienst_id = NEW.dienst_id AND b.klant_id = NEW.klant_id AND b.soort = 'partner' AND b.id <> NEW.id
            AND daterange(b.vanaf, b.tot, '[]') && daterange(NEW.vanaf, NEW.tot, '[]')) THEN
        RAISE EXCEPTION 'een klant heeft hoogstens één partner tegelijk' USING ERRCODE = 'exclusion_violation';
      END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER klant_betrokkene_een_partner BEFORE INSERT OR UPDATE ON klant_betrokkene
    FOR EACH ROW EXECUTE FUNCTION klant_betrokkene_een_partner()`.execute(db);
  await sql`CREATE INDEX klant_betrokkene_klant ON klant_betrokkene (dienst_id, gemeente_id, klant_id)`.execute(
    db,
  );
  await beveiligTabel(db, 'klant_betrokkene', 'gemeente');
  await sql`CREATE POLICY klant_betrokkene_geen_privacy_officer ON klant_betrokkene AS RESTRICTIVE
    USING (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')
    WITH CHECK (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')`.execute(db);
  await sql`ALTER TABLE maatregel ADD COLUMN gezamenlijk_met text CHECK (length(gezamenlijk_met) <= 200)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
