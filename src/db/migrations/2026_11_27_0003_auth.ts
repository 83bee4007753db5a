import { type Kysely, sql } from 'kysely';

/** Authentication details: TOTP replay protection and lookup indexes for a user's sessions, tokens and invitations. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // The last accepted TOTP time step: a code is accepted once, even within its 30-second window.
  await sql`ALTER TABLE gebruiker ADD COLUMN totp_laatste_stap bigint`.execute(db);
  await sql`CREATE INDEX sessie_gebruiker ON sessie (dienst_id, gebruiker_id)`.execute(db);
  await sql`CREATE INDEX api_token_gebruiker ON api_token (dienst_id, gebruiker_id)`.execute(db);
  await sql`CREATE INDEX uitnodiging_gebruiker ON uitnodiging (dienst_id, gebruiker_id)`.execute(db);
  await sql`CREATE INDEX inlogpoging_tijdstip ON inlogpoging (tijdstip)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
