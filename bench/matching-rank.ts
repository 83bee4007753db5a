/**
 * Benchmark of the ranking (issue #8), two figures:
 *
 * - `rank_p95_ms`: one client's ranking through the API — HTTP on 127.0.0.1, bearer-token authentication, the
 *   route's schema, the database (the client's features, the network's change counter, the weights, the wishes
 *   from the latest conversation — half of the clients have one) and the access-log write — on generated national-scale data in a fresh embedded PostgreSQL: 410,000 clients
 *   and 50,000 activities (the largest municipality: 40,000 clients and 8,000 activities; the ranking works per
 *   municipality). Data are generated in SQL (`generate_series`); 600 measured requests for random clients of the
 *   largest municipality after a warm-up that builds the in-process activity cache.
 * - `rank_all_pairs_seconds`: top-50 for all 40,000 × 8,000 pairs with the pure kernel (`scoorAlles`) on generated
 *   features, split over 2 worker threads (each scores half of the clients; wall time of the scoring only).
 *
 *   npx tsx bench/matching-rank.ts          (or npm run bench:matching for all six figures)
 *
 * Targets: rank_p95_ms ≤ 20, rank_all_pairs_seconds ≤ 10. Lines starting with `#` are context.
 * Env: KLANTEN (410000), ACTIVITEITEN (50000), METINGEN (600), ALLEEN=rank|allpairs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { sql } from 'kysely';
import {
  bereidKlantVoor,
  bouwActiviteitCache,
  laadCentroiden,
  scoorAlles,
} from '../src/modules/matching/index.ts';
import { genereerGemeente, INTERESSES, rng, VAARDIGHEDEN, WOORDEN } from './genereer.ts';

// ---- Part 2: all pairs with the kernel (also the worker's code) ------------------------------------------------

/** The same generated municipality in every thread: 8,000 activities, 40,000 clients. */
function kenmerkenVan(aantalKlanten: number, aantalActiviteiten: number) {
  const { activiteiten, klanten, centroiden } = genereerGemeente(aantalKlanten, aantalActiviteiten);
  const cache = bouwActiviteitCache(activiteiten, centroiden);
  return { cache, kenmerken: klanten.map((k) => bereidKlantVoor(k, cache, centroiden)) };
}

if (!isMainThread) {
  const { van, tot, klanten, activiteiten } = workerData as Record<string, number>;
  const { cache, kenmerken } = kenmerkenVan(klanten!, activiteiten!);
  parentPort!.postMessage({ klaar: true });
  parentPort!.once('message', () => {
    const start = performance.now();
    const top = scoorAlles(kenmerken.slice(van, tot), cache, 50);
    const ms = performance.now() - start;
    let paren = 0;
    for (const t of top) paren += t.idx.length;
    parentPort!.postMessage({ ms, paren });
  });
}

async function allePaten(): Promise<void> {
  const klanten = 40_000;
  const activiteiten = 8_000;
  const draden = 2;
  const workers = Array.from({ length: draden }, (_, d) => {
    // The worker registers tsx itself (however the bench was started) and then loads this file.
    const w = new Worker(
      `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`,
      {
        eval: true,
        workerData: {
          van: Math.floor((d * klanten) / draden),
          tot: Math.floor(((d + 1) * klanten) / draden),
          klanten,
          activiteiten,
        },
      },
    );
    return w;
  });
  await Promise.all(workers.map((w) => new Promise((ok) => w.once('message', ok))));
  const start = performance.now();
  const uit = await Promise.all(
    workers.map(
      (w) =>
        new Promise<{ ms: number; paren: number }>((ok) => {
          w.once('message', ok);
          w.postMessage('start');
        }),
    ),
  );
  const wand = (performance.now() - start) / 1000;
  await Promise.all(workers.map((w) => w.terminate()));
  const paren = uit.reduce((s, x) => s + x.paren, 0);
  console.log(
    `# all pairs: ${klanten} × ${activiteiten} on ${draden} worker threads, ${paren} top-50 pairs kept; per thread ${uit.map((x) => (x.ms / 1000).toFixed(2)).join(' s, ')} s`,
  );
  console.log(`rank_all_pairs_seconds: ${wand.toFixed(2)}`);
}

// ---- Part 1: one client's ranking through the API -------------------------------------------------------------

async function rankViaApi(): Promise<void> {
  const { loadConfig } = await import('../src/config.ts');
  const { openRuntime } = await import('../src/db/runtime.ts');
  const { withContext } = await import('../src/db/context.ts');
  const { buildApp } = await import('../src/app.ts');
  const { createAuthService, dbContext, systeemActor } = await import('../src/modules/auth/index.ts');
  const { createBeheerService } = await import('../src/modules/beheer/index.ts');
  const { createGemeentenService } = await import('../src/modules/gemeenten/index.ts');
  const { createLogboekService, voerOnderhoudUit } = await import('../src/modules/logboek/index.ts');

  const KLANTEN = Number(process.env.KLANTEN ?? 410_000);
  const ACTIVITEITEN = Number(process.env.ACTIVITEITEN ?? 50_000);
  const METINGEN = Number(process.env.METINGEN ?? 600);
  const GROOT_KLANTEN = Math.min(40_000, KLANTEN);
  const GROOT_ACTIVITEITEN = Math.min(8_000, ACTIVITEITEN);
  const GEMEENTEN = 12;

  const dir = mkdtempSync(join(tmpdir(), 'wederkerig-bench-rank-'));
  const { DATABASE_URL: _a, DATABASE_OWNER_URL: _o, DATABASE_SYSTEM_URL: _s, ...omgeving } = process.env;
  // Demo mode: the bench's teamleider is a demo account, whose API token needs no TOTP (vereistMfa).
  const rt = await openRuntime(
    loadConfig({ ...omgeving, WEDERKERIG_MODE: 'demo', DATA_DIR: dir, LOG_LEVEL: 'silent' }),
    {
      ifRunning: 'refuse',
      migrate: true,
    },
  );
  try {
    await voerOnderhoudUit(rt.pools.owner, { sleutel: rt.config.logboekSigningKey });
    const db = rt.pools.app;
    const gemeentenService = createGemeentenService(db);
    const dienstId = await gemeentenService.ensureDienst(systeemActor('bench'), 'Bench');
    const actor = systeemActor('bench:matching-rank', dienstId);
    await createLogboekService(db).ensureStandaardRegister(actor, dienstId);
    const centroiden = laadCentroiden();
    const allePcs = [...centroiden.keys()].sort();
    const gemeenten: Array<{ id: string; pcs: string[] }> = [];
    for (let g = 0; g < GEMEENTEN; g++) {
      const gem = await gemeentenService.createGemeente(actor, dienstId, {
        naam: `Benchstad ${g}`,
        code: `GM${String(9000 + g)}`,
      });
      // The largest municipality gets Amsterdam's postcodes; the others a slice of the country each.
      const pcs =
        g === 0
          ? allePcs.filter((p) => p >= '1011' && p <= '1109')
          : allePcs.slice(
              Math.floor(((g - 1) * allePcs.length) / (GEMEENTEN - 1)),
              Math.floor((g * allePcs.length) / (GEMEENTEN - 1)),
            );
      gemeenten.push({ id: gem.id, pcs });
      for (let w = 0; w < 10; w++) {
        const deel = pcs.filter((_, i) => i % 10 === w);
        if (deel.length > 0)
          await gemeentenService.ensureWijk(actor, dienstId, {
            gemeenteId: gem.id,
            naam: `Wijk ${w}`,
            postcodes: deel,
          });
      }
    }

    let t = performance.now();
    await withContext(rt.pools.owner, dbContext(actor), async (tx) => {
      const uit = async (q: ReturnType<typeof sql>) => {
        const s = performance.now();
        await q.execute(tx);
        const ms = performance.now() - s;
        if (ms > 3000)
          console.log(
            `#   ${(ms / 1000).toFixed(1)} s: ${q.compile(tx).sql.replace(/\s+/g, ' ').slice(0, 60)}`,
          );
      };
      await uit(sql`SELECT setseed(0.42)`);
      await uit(sql`ALTER TABLE activiteit DISABLE TRIGGER activiteit_matching_versie`);
      await uit(sql`ALTER TABLE verdringingstoets DISABLE TRIGGER verdringingstoets_matching_versie`);
      await uit(sql`ALTER TABLE organisatie DISABLE TRIGGER organisatie_matching_versie`);
      const woorden = sql`${WOORDEN}::text[]`;
      await uit(sql`CREATE TEMP TABLE bench_wijk ON COMMIT DROP AS
        SELECT gemeente_id, array_agg(id ORDER BY naam) AS ids FROM wijk WHERE dienst_id = ${dienstId} GROUP BY gemeente_id`);
      for (const [tabel, namen] of [
        ['vaardigheid', VAARDIGHEDEN],
        ['interesse', INTERESSES],
      ] as const)
        await uit(
          sql`INSERT INTO ${sql.table(tabel)} (dienst_id, naam) SELECT ${dienstId}, unnest(${namen}::text[])`,
        );
      // Organisations: 5 per 100 activities, in the municipality of their activities.
      const perGemeente = (totaal: number, groot: number, nr: number) =>
        nr === 0 ? groot : Math.floor((totaal - groot) / (GEMEENTEN - 1));
      for (const [nr, g] of gemeenten.entries()) {
        const nActs = perGemeente(ACTIVITEITEN, GROOT_ACTIVITEITEN, nr);
        const nOrgs = Math.max(1, Math.floor(nActs / 4));
        await uit(sql`INSERT INTO organisatie (dienst_id, naam, type, gemeenten, postcode, status)
          SELECT ${dienstId}, 'Organisatie ' || ${nr} || '-' || i,
            (ARRAY['maatschappelijke-instelling','stichting','vereniging','commercieel-bedrijf','overheid'])[1 + (i % 5)],
            ARRAY[${g.id}::uuid], (${g.pcs}::text[])[1 + (i % ${g.pcs.length})] || ' AB', 'actief'
          FROM generate_series(1, ${nOrgs}) i`);
        await uit(sql`INSERT INTO activiteit (dienst_id, organisatie_id, titel, omschrijving, categorie, vaardigheden,
            fysieke_belasting, taalniveau_min, uren_min, uren_max, dagdelen, postcode, wijk_id, gemeenten, plaatsen)
          SELECT ${dienstId}, o.id,
            initcap(w[1 + floor(random() * cardinality(w))::int]) || ' ' || w[1 + floor(random() * cardinality(w))::int],
            (SELECT string_agg(w[1 + floor(random() * cardinality(w) + x * 0 + i * 0)::int], ' ') FROM generate_series(1, 14) x),
            (ARRAY['zorg-en-welzijn','sport','natuur-en-dieren','buurt-en-wijk','cultuur','techniek-en-klussen'])[1 + floor(random() * 6)::int],
            ARRAY[(${VAARDIGHEDEN}::text[])[1 + floor(random() * ${VAARDIGHEDEN.length})::int]],
            (ARRAY['laag','laag','midden','hoog'])[1 + floor(random() * 4)::int],
            (ARRAY[NULL,NULL,'a2','b1'])[1 + floor(random() * 4)::int],
            u, u + 4,
            (SELECT array_agg(DISTINCT d) FROM (SELECT (ARRAY['ma','di','wo','do','vr','za'])[1 + floor(random() * 6 + x * 0 + i * 0)::int] || '-' ||
              (ARRAY['ochtend','middag','avond'])[1 + floor(random() * 3)::int] AS d FROM generate_series(1, 3) x) s),
            (${g.pcs}::text[])[1 + floor(random() * ${g.pcs.length})::int] || ' CD',
            (SELECT ids[1 + floor(random() * cardinality(ids) + i * 0)::int] FROM bench_wijk WHERE gemeente_id = ${g.id}),
            ARRAY[${g.id}::uuid], 1 + floor(random() * 10)::int
          FROM generate_series(1, ${nActs}) i,
            LATERAL (SELECT ${woorden} AS w, 2 + floor(random() * 10 + i * 0)::int AS u) v,
            (SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn FROM organisatie
              WHERE dienst_id = ${dienstId} AND gemeenten = ARRAY[${g.id}::uuid]) o
          WHERE o.rn = i % ${nOrgs}`);
      }
      await uit(sql`ANALYZE organisatie, activiteit`);
      await uit(sql`INSERT INTO verdringingstoets (dienst_id, activiteit_id, antwoorden, advies, conclusie, motivering,
          beoordeeld_door_naam, geldig_tot, activiteit_versie, organisatie_versie)
        SELECT a.dienst_id, a.id, '[]'::jsonb, 'geen-risico', 'geen-risico', 'Bench', 'Bench',
          current_date + 180, a.materiele_versie, o.materiele_versie
        FROM activiteit a JOIN organisatie o ON o.dienst_id = a.dienst_id AND o.id = a.organisatie_id
        WHERE a.dienst_id = ${dienstId}`);
      console.log(
        `# generated ${ACTIVITEITEN} activities in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
      t = performance.now();
      for (const [nr, g] of gemeenten.entries()) {
        const n = perGemeente(KLANTEN, GROOT_KLANTEN, nr);
        await uit(sql`INSERT INTO klant (dienst_id, gemeente_id, klantnummer, voornamen, achternaam, geboortedatum,
            postcode, wijk_id, taalniveau, beschikbaarheid, mobiliteit, max_reistijd_minuten, toepasselijkheid, werkervaring)
          SELECT ${dienstId}, ${g.id}, 'B' || ${nr} || '-' || i, 'Test', 'Klant ' || i, date '1970-01-01' + (i % 15000),
            (${g.pcs}::text[])[1 + floor(random() * ${g.pcs.length})::int] || ' EF',
            (SELECT ids[1 + floor(random() * cardinality(ids) + i * 0)::int] FROM bench_wijk WHERE gemeente_id = ${g.id}),
            (ARRAY['a1','a2','b1','b2',NULL])[1 + floor(random() * 5)::int],
            (SELECT array_agg(DISTINCT d) FROM (SELECT (ARRAY['ma','di','wo','do','vr','za','zo'])[1 + floor(random() * 7 + x * 0 + i * 0)::int] || '-' ||
              (ARRAY['ochtend','middag','avond'])[1 + floor(random() * 3)::int] AS d FROM generate_series(1, 10) x) s),
            CASE floor(random() * 4)::int WHEN 0 THEN ARRAY['lopen','ov'] WHEN 1 THEN ARRAY['fiets']
              WHEN 2 THEN ARRAY['fiets','ov'] ELSE ARRAY['auto'] END,
            (ARRAY[NULL,20,30,45,60])[1 + floor(random() * 5)::int],
            'van-toepassing', '[]'
          FROM generate_series(1, ${n}) i`);
      }
      await uit(sql`ANALYZE klant`);
      await uit(sql`INSERT INTO klant_belastbaarheid (dienst_id, gemeente_id, klant_id, max_uren_per_week, beperkingen)
        SELECT dienst_id, gemeente_id, id, (ARRAY[8,12,16,20,24])[1 + floor(random() * 5)::int],
          CASE floor(random() * 4)::int WHEN 0 THEN ARRAY[]::text[] WHEN 1 THEN ARRAY['dynamische-handelingen']
            WHEN 2 THEN ARRAY['statische-houdingen'] ELSE ARRAY['persoonlijk-functioneren'] END
        FROM klant WHERE dienst_id = ${dienstId} AND random() < 0.6`);
      await uit(sql`INSERT INTO klant_werk (dienst_id, gemeente_id, klant_id, omschrijving, uren_per_week, dagdelen)
        SELECT dienst_id, gemeente_id, id, 'Bijbaan', 8, ARRAY['ma-ochtend','di-ochtend']
        FROM klant WHERE dienst_id = ${dienstId} AND random() < 0.2`);
      // Conversations: half of the clients have one with wishes and strengths (part b and a), a fifth of those an
      // older one too (the ranking reads the latest with text).
      for (const [soort, kans] of [
        ['oud', 0.1],
        ['nieuw', 0.5],
      ] as const)
        await uit(sql`INSERT INTO gesprek (dienst_id, gemeente_id, klant_id, datum, wensen, kracht_en_bekwaamheid)
          SELECT k.dienst_id, k.gemeente_id, k.id, current_date - ${sql.lit(soort === 'oud' ? 400 : 30)} - floor(random() * 200)::int,
            'Ik wil graag ' || (SELECT string_agg((${woorden})[1 + floor(random() * ${WOORDEN.length} + x * 0 + length(k.klantnummer) * 0)::int], ' ')
              FROM generate_series(1, 8) x),
            'Ik ben goed in ' || (SELECT string_agg((${woorden})[1 + floor(random() * ${WOORDEN.length} + x * 0 + length(k.klantnummer) * 0)::int], ' ')
              FROM generate_series(1, 4) x)
          FROM klant k WHERE k.dienst_id = ${dienstId} AND random() < ${kans}`);
      for (const tabel of ['vaardigheid', 'interesse'])
        await uit(sql`INSERT INTO ${sql.table(`klant_${tabel}`)} (dienst_id, gemeente_id, klant_id, ${sql.id(`${tabel}_id`)})
          SELECT DISTINCT k.dienst_id, k.gemeente_id, k.id, c.ids[1 + floor(random() * cardinality(c.ids))::int]
          FROM klant k CROSS JOIN generate_series(1, 2) x,
            (SELECT array_agg(id) AS ids FROM ${sql.table(tabel)} WHERE dienst_id = ${dienstId}) c
          WHERE k.dienst_id = ${dienstId}`);
      for (const tabel of ['activiteit', 'verdringingstoets', 'organisatie'])
        await uit(sql`ALTER TABLE ${sql.table(tabel)} ENABLE TRIGGER ${sql.id(`${tabel}_matching_versie`)}`);
      await uit(sql`INSERT INTO matching_versie (dienst_id, versie) VALUES (${dienstId}, 2)`);
    });
    await sql`ANALYZE`.execute(rt.pools.owner);
    console.log(`# generated ${KLANTEN} clients in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    // A teamleider of every municipality with an API token.
    const beheer = createBeheerService(db, { gemeenten: gemeentenService });
    const team = await beheer.ensureTeam(actor, {
      naam: 'Team Bench',
      gemeenteIds: gemeenten.map((g) => g.id),
    });
    const tl = await beheer.ensureGebruiker(actor, {
      naam: 'Bench Teamleider',
      email: 'teamleider@bench.wederkerig.nl',
      rol: 'teamleider',
      teamIds: [team.id],
      gemeenteIds: gemeenten.map((g) => g.id),
      wachtwoordHash: 'x',
      // A demo account needs no two-step verification for its API token (vereistMfa).
      isDemo: true,
    });
    const { token } = await createAuthService({ db, config: rt.config }).createApiTokenVoorEmail(
      systeemActor('bench'),
      { email: tl.email, naam: 'bench' },
    );
    const ids = (
      await withContext(db, dbContext(actor), (tx) =>
        tx.selectFrom('klant').select('id').where('gemeenteId', '=', gemeenten[0]!.id).execute(),
      )
    ).map((r) => r.id);

    const app = await buildApp({ config: rt.config, db: rt.pools, logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const adres = app.server.address();
    const poort = typeof adres === 'object' && adres ? adres.port : 0;
    const { r } = rng(7);
    const vraag = async (id: string) => {
      const res = await fetch(
        `http://127.0.0.1:${poort}/api/v1/klanten/${id}/passende-activiteiten?limiet=25`,
        {
          headers: { authorization: `Bearer ${token}` },
        },
      );
      const body = (await res.json()) as { activiteiten?: unknown[]; aantalBekeken?: number };
      if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body)}`);
      return body;
    };
    t = performance.now();
    const eerste = await vraag(ids[0]!);
    console.log(
      `# first request (builds the activity cache of ${eerste.aantalBekeken} activities): ${(performance.now() - t).toFixed(0)} ms`,
    );
    for (let i = 0; i < 100; i++) await vraag(ids[Math.floor(r() * ids.length)]!);
    const tijden: number[] = [];
    let metSuggesties = 0;
    for (let i = 0; i < METINGEN; i++) {
      const s = performance.now();
      const b = await vraag(ids[Math.floor(r() * ids.length)]!);
      tijden.push(performance.now() - s);
      if ((b.activiteiten?.length ?? 0) > 0) metSuggesties++;
    }
    // Context: the same machine's fixed cost of an authenticated API call (token, one small query), and the
    // ranking service alone (database and access log, no HTTP or token).
    const basis: number[] = [];
    for (let i = 0; i < 200; i++) {
      const s = performance.now();
      const res = await fetch(`http://127.0.0.1:${poort}/api/v1/gemeenten`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await res.arrayBuffer();
      basis.push(performance.now() - s);
    }
    const { createMatchingService } = await import('../src/modules/matching/index.ts');
    const { medewerkersUitBeheer } = await import('../src/modules/klanten/index.ts');
    const dienst = createMatchingService({ db, medewerkers: medewerkersUitBeheer(beheer) });
    const tlActor = {
      kind: 'gebruiker' as const,
      dienstId,
      gebruikerId: tl.id,
      naam: tl.naam,
      email: tl.email,
      rol: 'teamleider' as const,
      gemeenten: gemeenten.map((g) => g.id),
      teams: [team.id],
      via: 'api-token' as const,
    };
    await dienst.passendeActiviteiten(tlActor, ids[0]!);
    const service: number[] = [];
    for (let i = 0; i < 200; i++) {
      const s = performance.now();
      await dienst.passendeActiviteiten(tlActor, ids[Math.floor(r() * ids.length)]!, { limiet: 25 });
      service.push(performance.now() - s);
    }
    await app.close();
    const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(0.95 * xs.length)]!;
    console.log(
      `# context p95: GET /api/v1/gemeenten ${p95(basis).toFixed(1)} ms; ranking service alone (no HTTP, no token) ${p95(service).toFixed(1)} ms`,
    );
    tijden.sort((a, b) => a - b);
    const p = (q: number) => tijden[Math.min(tijden.length - 1, Math.floor(q * tijden.length))]!;
    console.log(
      `# ${METINGEN} requests for random clients of the largest municipality (${ids.length} clients): p50 ${p(0.5).toFixed(1)} ms, p99 ${p(0.99).toFixed(1)} ms; ${metSuggesties} with suggestions`,
    );
    // A ranking that finds nothing measures nothing: the generated data must give most clients suggestions.
    if (metSuggesties < METINGEN / 2) {
      console.log(
        `# the generated data are degenerate: only ${metSuggesties} of ${METINGEN} rankings had suggestions`,
      );
      process.exitCode = 1;
    }
    console.log(`rank_p95_ms: ${p(0.95).toFixed(1)}`);
  } finally {
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMainThread) {
  console.log(
    `# machine: ${cpus().length} cores, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  if (process.env.ALLEEN !== 'allpairs') await rankViaApi();
  if (process.env.ALLEEN !== 'rank') await allePaten();
}
