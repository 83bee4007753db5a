import { type Kysely, sql } from 'kysely';

/**
 * The network CSV import's dry run as a background job (issue 20): the upload only reads the file's header and
 * stores it; the dry run then works through the file in blocks, like the real run, and stores its progress.
 *
 * - status `proefbezig`: the dry run is queued or running (then `proefrun`: done, waiting to be started; a dry run
 *   that fails ends in `mislukt`);
 * - `proef_verwerkt`: the rows the dry run has done (a restarted job continues after them). Imports made before this
 *   migration did their dry run in the upload: all their rows are done.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE netwerk_import DROP CONSTRAINT netwerk_import_status_check`.execute(db);
  await sql`ALTER TABLE netwerk_import ADD CONSTRAINT netwerk_import_status_check
    CHECK (status IN ('proefbezig', 'proefrun', 'wachtend', 'bezig', 'klaar', 'mislukt'))`.execute(db);
  await sql`ALTER TABLE netwerk_import ADD COLUMN proef_verwerkt integer NOT NULL DEFAULT 0
    CHECK (proef_verwerkt >= 0)`.execute(db);
  await sql`SELECT set_config('app.systeem', 'aan', true)`.execute(db);
  await sql`UPDATE netwerk_import SET proef_verwerkt = totaal`.execute(db);
  await sql`SELECT set_config('app.systeem', '', true)`.execute(db);
}
