import { type Kysely, sql } from 'kysely';
import { APP_ROLE, beveiligTabel } from './rls.ts';

/**
 * Matching (issue 8).
 *
 * - `matching_gewichten`: the weights of the ranking per municipality (points 0–1000 per factor), set by the
 *   functioneel beheerder. No row = the standard weights.
 * - `matching_versie`: a counter per social service, raised by triggers whenever an activity, organisation,
 *   assessment or intervision changes (also a claimed place). The app's in-process activity cache compares it to
 *   the version it was built from and rebuilds when it moved: the database stays out of the ranking's hot loop.
 *   Transactional (a row, not a sequence), so a cache never sees the new number before the change is visible.
 * - Two read-only views for the matching's repository, `security_invoker`, so the row-level security of the
 *   underlying tables applies to whoever reads them (a netwerkmakelaar sees no limitations, the privacy officer no
 *   client): `matching_activiteit` (an activity with its host, wijk and latest assessment) and `matching_klant`
 *   (a client's matching features: capacity, current work and re-integration day parts, skills and interests by
 *   name, own network). They are the matching module's read model over the klanten and netwerk tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const app = sql.id(APP_ROLE);
  const punten = (kolom: string, standaard: number) =>
    sql`${sql.id(kolom)} integer NOT NULL DEFAULT ${sql.lit(standaard)} CHECK (${sql.id(kolom)} BETWEEN 0 AND 1000)`;

  await sql`CREATE TABLE matching_gewichten (
    dienst_id uuid NOT NULL,
    gemeente_id uuid NOT NULL,
    ${punten('vaardigheden', 250)},
    ${punten('tekst', 250)},
    ${punten('afstand', 200)},
    ${punten('eigen_netwerk', 100)},
    ${punten('organisatie_type', 100)},
    ${punten('ervaring', 50)},
    ${punten('verordening', 50)},
    gewijzigd_op timestamptz NOT NULL DEFAULT now(),
    gewijzigd_door uuid,
    PRIMARY KEY (dienst_id, gemeente_id),
    FOREIGN KEY (dienst_id, gemeente_id) REFERENCES gemeente (dienst_id, gemeente_id),
    CHECK (vaardigheden + tekst + afstand + eigen_netwerk + organisatie_type + ervaring > 0)
  )`.execute(db);
  await beveiligTabel(db, 'matching_gewichten', 'gemeente');

  await sql`CREATE TABLE matching_versie (
    dienst_id uuid NOT NULL PRIMARY KEY REFERENCES dienst (dienst_id),
    versie bigint NOT NULL DEFAULT 1,
    gewijzigd_op timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await beveiligTabel(db, 'matching_versie', 'dienst');

  await sql`CREATE FUNCTION matching_versie_ophogen() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      d uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.dienst_id ELSE NEW.dienst_id END;
    BEGIN
      INSERT INTO matching_versie AS v (dienst_id, versie) VALUES (d, 1)
        ON CONFLICT (dienst_id) DO UPDATE SET versie = v.versie + 1, gewijzigd_op = now();
      RETURN NULL;
    END $$`.execute(db);
  for (const tabel of ['activiteit', 'organisatie', 'verdringingstoets', 'intervisie']) {
    await sql`CREATE TRIGGER ${sql.id(`${tabel}_matching_versie`)}
      AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(tabel)}
      FOR EACH ROW EXECUTE FUNCTION matching_versie_ophogen()`.execute(db);
  }

  await sql`CREATE VIEW matching_activiteit WITH (security_invoker = true) AS
    SELECT a.dienst_id, a.id, a.titel, a.omschrijving, a.taken, a.categorie, a.vaardigheden, a.fysieke_belasting,
      a.taalniveau_min, a.uren_min, a.uren_max, a.dagdelen, a.gemeenten, a.plaatsen, a.plaatsen_bezet, a.status,
      a.einddatum, a.materiele_versie, a.is_maatwerk,
      coalesce(a.postcode, o.postcode) AS postcode,
      coalesce(a.wijk_id, o.wijk_id) AS wijk_id,
      w.naam AS wijk_naam,
      a.organisatie_id, o.naam AS organisatie_naam, o.type AS organisatie_type, o.status AS organisatie_status,
      o.materiele_versie AS organisatie_versie,
      t.conclusie AS toets_conclusie, t.geldig_tot AS toets_geldig_tot, t.vervallen_op AS toets_vervallen_op,
      t.activiteit_versie AS toets_activiteit_versie, t.organisatie_versie AS toets_organisatie_versie,
      i.besluit AS intervisie_besluit, i.voorwaarden AS intervisie_voorwaarden
    FROM activiteit a
    LEFT JOIN organisatie o ON o.dienst_id = a.dienst_id AND o.id = a.organisatie_id
    LEFT JOIN wijk w ON w.dienst_id = a.dienst_id AND w.id = coalesce(a.wijk_id, o.wijk_id)
    LEFT JOIN LATERAL (
      SELECT vt.id, vt.conclusie, vt.geldig_tot, vt.vervallen_op, vt.activiteit_versie, vt.organisatie_versie
      FROM verdringingstoets vt
      WHERE vt.dienst_id = a.dienst_id AND vt.activiteit_id = a.id
      ORDER BY vt.beoordeeld_op DESC LIMIT 1
    ) t ON true
    LEFT JOIN intervisie i ON i.dienst_id = a.dienst_id AND i.verdringingstoets_id = t.id`.execute(db);

  await sql`CREATE VIEW matching_klant WITH (security_invoker = true) AS
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
        AS netwerk_organisaties
    FROM klant k
    LEFT JOIN klant_belastbaarheid b ON b.dienst_id = k.dienst_id AND b.gemeente_id = k.gemeente_id
      AND b.klant_id = k.id`.execute(db);

  await sql`GRANT SELECT ON matching_activiteit, matching_klant TO ${app}`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
