import { type Kysely, sql } from 'kysely';

/**
 * Naar vermogen (art. 9 lid 1 onder c Participatiewet): without a recorded capacity the checklist no longer assumes
 * the municipality's regular-work threshold. The caseworker records a capacity (`max_uren_per_week`) or states,
 * with a reason, that no limits are known (`geen_beperkingen_reden`); the two exclude each other. Same table, so
 * the same special-category policy (klantmanager and teamleider only).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE klant_belastbaarheid
    ADD COLUMN geen_beperkingen_reden text CHECK (length(geen_beperkingen_reden) BETWEEN 1 AND 1000),
    ADD CONSTRAINT klant_belastbaarheid_geen_beperkingen CHECK (
      geen_beperkingen_reden IS NULL OR (max_uren_per_week IS NULL AND beperkingen = '{}'))`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
