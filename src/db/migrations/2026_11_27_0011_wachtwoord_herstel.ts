import { type Kysely, sql } from 'kysely';
import { beveiligTabel } from './rls.ts';

/**
 * Password reset: single-use links sent by e-mail. Only the SHA-256 of the token is stored (like invitations);
 * a link is valid for one hour and can be used once. Lookups by token run before the social service is known,
 * under the explicit system context.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE wachtwoord_herstel (
    dienst_id uuid NOT NULL,
    token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    gebruiker_id uuid NOT NULL,
    aangemaakt_op timestamptz NOT NULL DEFAULT now(),
    verloopt_op timestamptz NOT NULL,
    gebruikt_op timestamptz,
    PRIMARY KEY (dienst_id, token_hash),
    FOREIGN KEY (dienst_id, gebruiker_id) REFERENCES gebruiker (dienst_id, id) ON DELETE CASCADE,
    CHECK (verloopt_op > aangemaakt_op)
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX wachtwoord_herstel_token ON wachtwoord_herstel (token_hash)`.execute(db);
  await sql`CREATE INDEX wachtwoord_herstel_gebruiker ON wachtwoord_herstel (dienst_id, gebruiker_id)`.execute(
    db,
  );
  await beveiligTabel(db, 'wachtwoord_herstel', 'dienst');
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
