import { type Kysely, sql } from 'kysely';
import { APP_ROLE } from './rls.ts';

/**
 * Planner statistics for `klant` during a bulk import. A fresh or fast-growing client table has no (or stale)
 * statistics until autovacuum gets to it (a minute or more). Without them the planner cannot tell the primary key
 * from the other indexes that start with (dienst_id, gemeente_id): the foreign-key checks of every child row
 * (`klant_werk`, `klant_belastbaarheid`, ...) and the updates by id then scan a whole municipality's clients through
 * `klant_achternaam` — quadratic in the size of the import (40,000 rows: over a minute).
 *
 * The application role may not ANALYZE (it does not own the table), so this SECURITY DEFINER function does it for
 * `klant` only, and only when the rows changed since the last ANALYZE outnumber the rows it knew then (at least
 * 500): an import of n rows analyses about log2(n) times. It reads no data and returns only whether it ran.
 * Call it outside a long transaction: ANALYZE holds its lock until commit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE FUNCTION klant_statistieken_bijwerken() RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    DECLARE
      gewijzigd bigint;
      bekend real;
    BEGIN
      SELECT coalesce(s.n_mod_since_analyze, 0), greatest(c.reltuples, 0)
        INTO gewijzigd, bekend
        FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
        WHERE c.oid = 'public.klant'::regclass;
      IF gewijzigd < 500 OR gewijzigd < bekend THEN
        RETURN false;
      END IF;
      ANALYZE public.klant;
      RETURN true;
    END $$`.execute(db);
  await sql`REVOKE ALL ON FUNCTION klant_statistieken_bijwerken() FROM PUBLIC`.execute(db);
  await sql`GRANT EXECUTE ON FUNCTION klant_statistieken_bijwerken() TO ${sql.id(APP_ROLE)}`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
