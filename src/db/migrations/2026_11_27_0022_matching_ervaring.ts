import { type Kysely, sql } from 'kysely';
import { APP_ROLE } from './rls.ts';

/**
 * Matching, second step (issue 8): the host's track record, and faster reads of a client's features and wishes.
 *
 * - `matching_ervaring` (view, `security_invoker`): per host organisation the placements that ended (as the
 *   final evaluation says) — `geslaagd`
 *   (completed as agreed, or ended early because paid work or re-integration started), of which `doorstroom` (paid
 *   work or re-integration followed), and `voortijdig` (ended early for another reason the host may have a part in:
 *   `geen-medewerking`, `anders`). Ends for health or a move are not counted for or against a host.
 *   Counts only, no client: the matching's activity cache reads it under the system context of one social
 *   service; row-level security of `tegenprestatie` applies to anyone else.
 * - A placement that ends (status `afgerond` or `beeindigd`) raises the matching's change counter, so the activity
 *   cache picks up the new track record.
 * - `matching_klant_met_context(dienst, klant)`: one client's features (view `matching_klant`) with the network's
 *   change counter and the municipality's weights — the ranking's per-request read — as a PL/pgSQL function, so
 *   each connection plans it once and reuses the plan (planning the view with its subqueries and row-level
 *   security cost more than running it). Security invoker: the caller's row-level security applies.
 * - `gesprek_klant_datum`: the latest conversation of a client by (dienst, klant) — the matching's wishes lookup
 *   names clients, not their municipality; without it that lookup walked every conversation of the service.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const app = sql.id(APP_ROLE);

  // The actual follow-up and reason are on the final evaluation (the design's `vervolg` is the planned one).
  await sql`CREATE VIEW matching_ervaring WITH (security_invoker = true) AS
    SELECT a.dienst_id, a.organisatie_id,
      count(*) FILTER (WHERE t.status = 'afgerond'
        OR coalesce(e.beeindiging_reden, t.beeindiging_reden) IN ('werk-gevonden', 're-integratie-gestart'))::int
        AS geslaagd,
      count(*) FILTER (WHERE e.vervolg IN ('betaald-werk', 're-integratie')
        OR coalesce(e.beeindiging_reden, t.beeindiging_reden) IN ('werk-gevonden', 're-integratie-gestart'))::int
        AS doorstroom,
      count(*) FILTER (WHERE t.status = 'beeindigd'
        AND coalesce(e.beeindiging_reden, t.beeindiging_reden, 'anders') NOT IN
          ('werk-gevonden', 're-integratie-gestart', 'gezondheid', 'verhuisd'))::int AS voortijdig
    FROM tegenprestatie t
    JOIN activiteit a ON a.dienst_id = t.dienst_id AND a.id = t.activiteit_id
    LEFT JOIN LATERAL (
      SELECT ev.vervolg, ev.beeindiging_reden FROM evaluatie ev
      WHERE ev.dienst_id = t.dienst_id AND ev.gemeente_id = t.gemeente_id AND ev.tegenprestatie_id = t.id AND ev.eind
      ORDER BY ev.datum DESC, ev.op DESC LIMIT 1
    ) e ON true
    WHERE t.status IN ('afgerond', 'beeindigd') AND a.organisatie_id IS NOT NULL
    GROUP BY a.dienst_id, a.organisatie_id`.execute(db);
  await sql`GRANT SELECT ON matching_ervaring TO ${app}`.execute(db);

  await sql`CREATE TRIGGER tegenprestatie_matching_versie
    AFTER UPDATE OF status ON tegenprestatie
    FOR EACH ROW WHEN (NEW.status IN ('afgerond', 'beeindigd') AND OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION matching_versie_ophogen()`.execute(db);

  await sql`CREATE VIEW matching_klant_met_context WITH (security_invoker = true) AS
    SELECT k.*,
      (SELECT v.versie::text FROM matching_versie v WHERE v.dienst_id = k.dienst_id) AS versie,
      (SELECT json_build_object('vaardigheden', g.vaardigheden, 'tekst', g.tekst, 'afstand', g.afstand,
          'eigenNetwerk', g.eigen_netwerk, 'organisatieType', g.organisatie_type, 'ervaring', g.ervaring,
          'verordening', g.verordening)
        FROM matching_gewichten g WHERE g.dienst_id = k.dienst_id AND g.gemeente_id = k.gemeente_id) AS gewichten
    FROM matching_klant k`.execute(db);
  await sql`CREATE FUNCTION matching_klant_met_context(p_dienst uuid, p_klant uuid)
    RETURNS SETOF matching_klant_met_context LANGUAGE plpgsql STABLE AS $$
    BEGIN
      RETURN QUERY SELECT * FROM matching_klant_met_context WHERE dienst_id = p_dienst AND id = p_klant;
    END $$`.execute(db);
  await sql`GRANT SELECT ON matching_klant_met_context TO ${app}`.execute(db);
  await sql`GRANT EXECUTE ON FUNCTION matching_klant_met_context(uuid, uuid) TO ${app}`.execute(db);

  await sql`CREATE INDEX gesprek_klant_datum ON gesprek (dienst_id, klant_id, datum DESC, aangemaakt_op DESC)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
