import { type Kysely, sql } from 'kysely';
import { APP_ROLE } from './rls.ts';

/**
 * The caseworker's work list (issue 16, "Home = work list"): one row per open client file with the state of the
 * client's current tegenprestatie, the next evaluation date and the number of open signals — the read model of the
 * home module (docs/werklijst.md).
 *
 * - `werklijst_klant` (view, `security_invoker`): the caller's row-level security applies to every table it reads
 *   (`klant`, `tegenprestatie`, `evaluatie` per municipality; `signaal` only the caller's own signals).
 * - The current tegenprestatie is the newest one that has not ended (`afgerond`, `beeindigd`); without one, the
 *   newest that ended. `fase` is its status, or `geen` when there is none or it ended.
 * - `volgende_evaluatie`: for a running placement, the first planned evaluation date later than 14 days after the
 *   latest recorded evaluation (an evaluation held up to 14 days early counts for that date); null otherwise.
 * - Indexes for the lookups per client: the current tegenprestatie and the open signals.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX tegenprestatie_klant_recent
    ON tegenprestatie (dienst_id, gemeente_id, klant_id, aangemaakt_op DESC)`.execute(db);
  await sql`CREATE INDEX signaal_klant_open ON signaal (dienst_id, klant_id)
    WHERE afgehandeld_op IS NULL AND klant_id IS NOT NULL`.execute(db);

  await sql`CREATE VIEW werklijst_klant WITH (security_invoker = true) AS
    SELECT k.dienst_id, k.gemeente_id, k.id AS klant_id, k.klantnummer, k.voornamen, k.roepnaam, k.voorvoegsel,
      k.achternaam, k.klantmanager_id,
      t.id AS tegenprestatie_id, t.status AS tegenprestatie_status, t.startdatum, t.einddatum,
      CASE WHEN t.id IS NULL OR t.status IN ('afgerond', 'beeindigd') THEN 'geen' ELSE t.status END AS fase,
      CASE WHEN t.status = 'lopend' THEN (
        SELECT min(d)::text FROM unnest(t.evaluatiedata) AS d
        WHERE d > coalesce((
          SELECT max(e.datum) + 14 FROM evaluatie e
          WHERE e.dienst_id = t.dienst_id AND e.gemeente_id = t.gemeente_id AND e.tegenprestatie_id = t.id
        ), '-infinity'::date)
      ) END AS volgende_evaluatie,
      (SELECT count(*) FROM signaal s
        WHERE s.dienst_id = k.dienst_id AND s.klant_id = k.id AND s.afgehandeld_op IS NULL)::int AS open_signalen
    FROM klant k
    LEFT JOIN LATERAL (
      SELECT tp.id, tp.status, tp.startdatum::text AS startdatum, tp.einddatum::text AS einddatum,
        tp.evaluatiedata, tp.dienst_id, tp.gemeente_id
      FROM tegenprestatie tp
      WHERE tp.dienst_id = k.dienst_id AND tp.gemeente_id = k.gemeente_id AND tp.klant_id = k.id
      ORDER BY tp.status IN ('afgerond', 'beeindigd'), tp.aangemaakt_op DESC, tp.id
      LIMIT 1
    ) t ON true
    WHERE k.dossier_gesloten_op IS NULL`.execute(db);
  await sql`GRANT SELECT ON werklijst_klant TO ${sql.id(APP_ROLE)}`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
