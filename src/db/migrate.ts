import { Migrator } from 'kysely';
import type { Database } from './database.ts';
import { migrationProvider } from './migrations/index.ts';

/** Runs all pending migrations as the owner role; throws with the failing migration's name. */
export async function migrateToLatest(owner: Database): Promise<string[]> {
  const migrator = new Migrator({
    db: owner,
    provider: migrationProvider,
    migrationTableName: 'kysely_migratie',
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${reason}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
