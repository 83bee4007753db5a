import { type Kysely, sql } from 'kysely';
import { APP_ROLE } from './rls.ts';

/**
 * Naar vermogen in matching and the cohort (issue 14 part B): the read model `matching_klant` gets three columns
 * at its end, so the ranking judges the client's capacity as the checklist does.
 *
 * - `geen_beperkingen_reden`: the caseworker's statement that no limits are known (then the municipality's
 *   regular-work threshold is the ceiling); without it and without `max_uren_per_week` no capacity is assumed.
 * - `regulier_werk_uren`: the municipality's threshold (`gemeente_instelling`, default 28).
 * - `afgesproken_uren`: the client's designs that are agreed or running (`overeengekomen`, `lopend`) with hours and
 *   a start date, as `[{ urenPerWeek, startdatum, einddatum }]`; the service counts them with the checklist's
 *   `urenElders`.
 *
 * `matching_klant_met_context` selects `k.*`, which PostgreSQL expands when the view is made: it and its function
 * are made again so they carry the new columns. Row-level security of the underlying tables still applies
 * (`security_invoker`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const app = sql.id(APP_ROLE);
  await sql`DROP FUNCTION matching_klant_met_context(uuid, uuid)`.execute(db);
  await sql`DROP VIEW matching_klant_met_context`.execute(db);
  await sql`CREATE OR REPLACE VIEW matching_klant WITH (security_invoker = true) AS
    SELECT k.dienst_id, k.gemeente_id, k.id, k.klantnummer, k.voornamen, k.roepnaam, k.voorvoegsel, k.achternaam,
      k.postcode, k.wijk_id, k.taalniveau, k.beschikbaarheid, k.mobiliteit, k.max_reistijd_minuten,
      k.klantmanager_id, k.toepasselijkheid, k.toepasselijkheid_geldig_tot, k.dossier_gesloten_op,
      b.max_uren_per_week, coalesce(b.beperkingen, '{}') AS beperkingen,
      coalesce((SELECT sum(kw.uren_per_week) FROM klant_werk kw
        WHERE kw.dienst_id = k.dienst_id AND kw.gemeente_id = k.gemeente_id AND kw.klant_id = k.id
          AND (kw.begindatum IS NULL OR kw.begindatum <= current_date)
          AND (kw.einddatum IS NULL OR kw.einddatum > current_date)), 0) AS werk_uren,
      coalesce((SELECT array_agg(DISTINCT d) FROM klant_werk kw, unnest(kw.dagdelen) d
        WHERE kw.dienst_id = k.dienst_id AND kw.gemeente_id = k.gemeente_id AND kw.klant_id = k.id
          AND (kw.begindatum IS NULL OR kw.begindatum <= current_date)
          AND (kw.einddatum IS NULL OR kw.einddatum > current_date)), '{}') AS werk_dagdelen,
      coalesce((SELECT array_agg(DISTINCT d) FROM klant_reintegratie kr, unnest(kr.dagdelen) d
        WHERE kr.dienst_id = k.dienst_id AND kr.gemeente_id = k.gemeente_id AND kr.klant_id = k.id
          AND kr.begindatum <= current_date
          AND (kr.einddatum IS NULL OR kr.einddatum > current_date)), '{}') AS reintegratie_dagdelen,
      coalesce((SELECT array_agg(v.naam ORDER BY v.naam) FROM klant_vaardigheid kv
        JOIN vaardigheid v ON v.dienst_id = kv.dienst_id AND v.id = kv.vaardigheid_id
        WHERE kv.dienst_id = k.dienst_id AND kv.gemeente_id = k.gemeente_id AND kv.klant_id = k.id), '{}')
        AS vaardigheden,
      coalesce((SELECT array_agg(it.naam ORDER BY it.naam) FROM klant_interesse ki
        JOIN interesse it ON it.dienst_id = ki.dienst_id AND it.id = ki.interesse_id
        WHERE ki.dienst_id = k.dienst_id AND ki.gemeente_id = k.gemeente_id AND ki.klant_id = k.id), '{}')
        AS interesses,
      coalesce((SELECT array_agg(kn.organisatie_id) FROM klant_netwerk_organisatie kn
        WHERE kn.dienst_id = k.dienst_id AND kn.gemeente_id = k.gemeente_id AND kn.klant_id = k.id), '{}')
        AS netwerk_organisaties,
      b.geen_beperkingen_reden,
      coalesce((SELECT gi.regulier_werk_uren FROM gemeente_instelling gi
        WHERE gi.dienst_id = k.dienst_id AND gi.gemeente_id = k.gemeente_id), 28) AS regulier_werk_uren,
      coalesce((SELECT jsonb_agg(jsonb_build_object('urenPerWeek', t.uren_per_week,
          'startdatum', to_char(t.startdatum, 'YYYY-MM-DD'), 'einddatum', to_char(t.einddatum, 'YYYY-MM-DD'))
          ORDER BY t.startdatum, t.id)
        FROM tegenprestatie t
        WHERE t.dienst_id = k.dienst_id AND t.gemeente_id = k.gemeente_id AND t.klant_id = k.id
          AND t.status IN ('overeengekomen', 'lopend') AND t.startdatum IS NOT NULL
          AND t.uren_per_week IS NOT NULL), '[]'::jsonb) AS afgesproken_uren
    FROM klant k
    LEFT JOIN klant_belastbaarheid b ON b.dienst_id = k.dienst_id AND b.gemeente_id = k.gemeente_id
      AND b.klant_id = k.id`.execute(db);

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
  await sql`GRANT SELECT ON matching_klant, matching_klant_met_context TO ${app}`.execute(db);
  await sql`GRANT EXECUTE ON FUNCTION matching_klant_met_context(uuid, uuid) TO ${app}`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
