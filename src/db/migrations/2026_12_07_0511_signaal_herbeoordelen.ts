import { type Kysely, sql } from 'kysely';

/**
 * The signal kinds `herbeoordelen-verdringing` (the activity of an agreed or running placement is newly judged
 * verdringing, or its assessment lapsed or was not allowed after intervision) and `herbeoordelen-werk` (the client
 * of such a placement starts paid work or re-integration during it). Issue 14 part B; see docs/recht.md §9–10.
 *
 * The kinds are a CHECK on `signaal.soort`. Other work adds kinds too, so this migration does not restate the
 * list: it reads the current constraint's values and appends its own, whatever ran before it.
 */

const NIEUW = ['herbeoordelen-verdringing', 'herbeoordelen-werk'];

export async function up(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ naam: string; def: string }>`
    SELECT conname AS naam, pg_get_constraintdef(oid) AS def FROM pg_constraint
    WHERE conrelid = 'signaal'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%soort%'`.execute(
    db,
  );
  const bestaand = rows[0];
  if (!bestaand) throw new Error('signaal has no CHECK on soort');
  const waarden = [...bestaand.def.matchAll(/'([a-z0-9-]+)'/g)].map((m) => m[1] as string);
  if (waarden.length === 0) throw new Error(`unexpected CHECK on signaal.soort: ${bestaand.def}`);
  const erbij = NIEUW.filter((w) => !waarden.includes(w));
  if (erbij.length === 0) return;
  const lijst = sql.join([...waarden, ...erbij].map((w) => sql.lit(w)));
  await sql`ALTER TABLE signaal DROP CONSTRAINT ${sql.id(bestaand.naam)}`.execute(db);
  await sql`ALTER TABLE signaal ADD CONSTRAINT ${sql.id(bestaand.naam)} CHECK (soort IN (${lijst}))`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
