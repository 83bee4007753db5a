import { type Kysely, sql } from 'kysely';

/**
 * Destruction leaves no trace outside the access log (AVG retention, issue 9). Two references to a client are not
 * foreign keys, so the cascade from `klant` did not reach them:
 *
 * - `activiteit_plaats`: the place a design holds (`houder_type = 'tegenprestatie'`). When the design goes (with its
 *   client, or otherwise), its place is released; the count on `activiteit` follows through its own trigger.
 * - `cohort_run.invoer.klantIds`: the clients chosen for a cohort run. When a client is deleted, its id is taken out
 *   of every run's input (the run's counts stay).
 *
 * Both run inside the deleting transaction, under its row-level security context (the destruction runs as the
 * system).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE FUNCTION tegenprestatie_plaats_vrij() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM activiteit_plaats
        WHERE dienst_id = OLD.dienst_id AND houder_type = 'tegenprestatie' AND houder_id = OLD.id;
      RETURN OLD;
    END $$`.execute(db);
  await sql`CREATE TRIGGER tegenprestatie_plaats_vrij AFTER DELETE ON tegenprestatie
    FOR EACH ROW EXECUTE FUNCTION tegenprestatie_plaats_vrij()`.execute(db);

  await sql`CREATE FUNCTION klant_uit_cohort_invoer() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE cohort_run
        SET invoer = jsonb_set(invoer, '{klantIds}', (invoer -> 'klantIds') - OLD.id::text)
        WHERE dienst_id = OLD.dienst_id AND gemeente_id = OLD.gemeente_id
          AND jsonb_typeof(invoer -> 'klantIds') = 'array' AND (invoer -> 'klantIds') ? OLD.id::text;
      RETURN OLD;
    END $$`.execute(db);
  await sql`CREATE TRIGGER klant_uit_cohort_invoer AFTER DELETE ON klant
    FOR EACH ROW EXECUTE FUNCTION klant_uit_cohort_invoer()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
