import { type Kysely, sql } from 'kysely';

/**
 * Signed checkpoints (tussenstanden) of the open months of the access log. The nightly maintenance signs the
 * chain heads of every month that is not sealed yet, so that rewriting recent entries (and their heads) is
 * detected too, not only after the month is sealed. Owner-only, like the seals. See docs/logboek.md.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE logboek_tussenstand (
    partitie timestamptz PRIMARY KEY REFERENCES logboek_partitie (van),
    gemaakt_op timestamptz NOT NULL,
    koppen jsonb NOT NULL CHECK (jsonb_typeof(koppen) = 'array'),
    zegel text NOT NULL CHECK (zegel ~ '^[0-9a-f]{64}$'),
    sleutel_id text NOT NULL
  )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
