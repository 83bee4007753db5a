import { type Kysely, sql } from 'kysely';
import { beveiligTabel } from './rls.ts';

/**
 * Issue 15, section 3: the measures ordinance (afstemmings-/maatregelenverordening), versioned per municipality by
 * effective date, separate from the tegenprestatie ordinance. A version never changes (append-only for the
 * application); a change is a new version with its own effective date (one per day). The content is the checked
 * `MaatregelVerordening` of `src/modules/dwang/maatregelen.ts` (categories with steps, range, recidivism window,
 * limitation, hearing term). Configuration: keyed by municipality (forced RLS), no client data.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE maatregelverordening (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    ingangsdatum date NOT NULL,
    titel text NOT NULL CHECK (length(titel) BETWEEN 1 AND 300),
    inhoud jsonb NOT NULL CHECK (jsonb_typeof(inhoud) = 'object'),
    vastgelegd_door uuid,
    vastgelegd_door_naam text NOT NULL CHECK (length(vastgelegd_door_naam) <= 200),
    vastgelegd_op timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dienst_id, gemeente_id, id),
    UNIQUE (dienst_id, gemeente_id, ingangsdatum)
  )`.execute(db);
  await beveiligTabel(db, 'maatregelverordening', 'gemeente', 'alleen-toevoegen');
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
