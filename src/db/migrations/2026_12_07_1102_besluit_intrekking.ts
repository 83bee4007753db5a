import { type Kysely, sql } from 'kysely';

/**
 * The college's revocation of an imposed decision (issue 16): where the ordinance imposes and the decision was sent,
 * a back-step, an early end before the start or an early end of a running placement (work found, …) is a new
 * decision that revokes it, sent to the client. Kept on the decision's own row of `overeenkomst` (one per check run):
 * its date, sending date, signatory, the reason (the step it goes with), who recorded it and when. All or none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE overeenkomst
    ADD COLUMN intrekking_datum date,
    ADD COLUMN intrekking_verzenddatum date,
    ADD COLUMN intrekking_ondertekenaar text CHECK (length(intrekking_ondertekenaar) <= 300),
    ADD COLUMN intrekking_reden text CHECK (length(intrekking_reden) <= 2000),
    ADD COLUMN intrekking_door_naam text CHECK (length(intrekking_door_naam) <= 200),
    ADD COLUMN intrekking_vastgelegd_op timestamptz,
    ADD CONSTRAINT overeenkomst_intrekking_volledig CHECK (
      (intrekking_datum IS NULL) = (intrekking_verzenddatum IS NULL)
      AND (intrekking_datum IS NULL) = (intrekking_ondertekenaar IS NULL)
      AND (intrekking_datum IS NULL) = (intrekking_vastgelegd_op IS NULL)
      AND (intrekking_verzenddatum IS NULL OR intrekking_verzenddatum >= intrekking_datum)
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
