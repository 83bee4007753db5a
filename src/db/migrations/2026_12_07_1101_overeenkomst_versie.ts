import { type Kysely, sql } from 'kysely';
import { beveiligTabel } from './rls.ts';

/**
 * A running agreement changed after an evaluation with the decision `aanpassen` (issue 16): a new version of the
 * agreement.
 *
 * `overeenkomst_versie`: version 2, 3, … of a placement's agreement (version 1 is the accepted agreement of the
 * `overeenkomst` table). Per version the evaluation it follows, the day it takes effect, the new hours, day parts
 * and end date, what held before (`vorige`: the items of the version it replaces, so every earlier version's PDF
 * prints what it said), an extension in months (null when it is none), the ordinance check of the new items with
 * the version it ran against, who proposed it; then the three parties' confirmation (the date on the new version,
 * the dates the client and — when there is one — the host signed it) or its withdrawal. Where the checked version
 * imposes, the college's change decision (date, sending date, signatory): the version takes effect no earlier than
 * its sending date.
 *
 * At most one open proposal per placement (partial unique index). Client data of a municipality (forced RLS), out
 * of the privacy officer's reach like the agreement, deleted with the design (and so with the client).
 */

const DAGDELEN = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'].flatMap((d) =>
  ['ochtend', 'middag', 'avond'].map((t) => `${d}-${t}`),
);
const lijst = sql.raw(`ARRAY[${DAGDELEN.map((w) => `'${w}'`).join(', ')}]::text[]`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE overeenkomst_versie (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    tegenprestatie_id uuid NOT NULL,
    nummer integer NOT NULL CHECK (nummer >= 2),
    evaluatie_id uuid NOT NULL,
    ingangsdatum date NOT NULL,
    uren_per_week numeric(4,1) NOT NULL CHECK (uren_per_week > 0 AND uren_per_week <= 40),
    dagdelen text[] NOT NULL CHECK (dagdelen <@ ${lijst} AND cardinality(dagdelen) > 0),
    einddatum date,
    vorige jsonb NOT NULL CHECK (jsonb_typeof(vorige) = 'object'),
    verlenging_maanden integer CHECK (verlenging_maanden > 0),
    toelichting text NOT NULL CHECK (length(toelichting) BETWEEN 1 AND 2000),
    versie jsonb NOT NULL CHECK (jsonb_typeof(versie) = 'object'),
    uitkomsten jsonb NOT NULL CHECK (jsonb_typeof(uitkomsten) = 'array'),
    door uuid,
    door_naam text NOT NULL CHECK (length(door_naam) <= 200),
    voorgesteld_op timestamptz NOT NULL DEFAULT now(),
    besluit_datum date,
    verzenddatum date,
    besluit_ondertekenaar text CHECK (length(besluit_ondertekenaar) <= 300),
    overeenkomst_datum date,
    klant_getekend_op date,
    organisatie_getekend_op date,
    bevestiging_door uuid,
    bevestiging_door_naam text CHECK (length(bevestiging_door_naam) <= 200),
    bevestigd_op timestamptz,
    ingetrokken_op timestamptz,
    ingetrokken_reden text CHECK (length(ingetrokken_reden) <= 2000),
    PRIMARY KEY (dienst_id, gemeente_id, id),
    UNIQUE (dienst_id, gemeente_id, tegenprestatie_id, nummer),
    CHECK (einddatum IS NULL OR einddatum >= ingangsdatum),
    CHECK ((besluit_datum IS NULL) = (verzenddatum IS NULL) AND (besluit_datum IS NULL) = (besluit_ondertekenaar IS NULL)),
    CHECK (bevestigd_op IS NULL OR (overeenkomst_datum IS NOT NULL AND klant_getekend_op IS NOT NULL)),
    CHECK (bevestigd_op IS NULL OR ingetrokken_op IS NULL),
    FOREIGN KEY (dienst_id, gemeente_id, tegenprestatie_id)
      REFERENCES tegenprestatie (dienst_id, gemeente_id, id) ON DELETE CASCADE,
    FOREIGN KEY (dienst_id, gemeente_id, evaluatie_id)
      REFERENCES evaluatie (dienst_id, gemeente_id, id) ON DELETE CASCADE
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX overeenkomst_versie_een_open ON overeenkomst_versie (dienst_id, gemeente_id, tegenprestatie_id)
    WHERE bevestigd_op IS NULL AND ingetrokken_op IS NULL`.execute(db);
  await beveiligTabel(db, 'overeenkomst_versie', 'gemeente');
  await sql`CREATE POLICY overeenkomst_versie_geen_privacy_officer ON overeenkomst_versie AS RESTRICTIVE
    USING (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')
    WITH CHECK (app_systeem() OR app_rol() IS DISTINCT FROM 'privacy-officer')`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
