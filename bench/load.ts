/**
 * Load benchmark of issue #20: the real `wederkerig serve` on a fresh embedded PostgreSQL in a temporary directory,
 * the demo loaded, then KLANTEN generated clients (default 40,000) imported into Aardam with the project's own
 * import command, and per route two runs with autocannon on loopback, each DUUR seconds (default 10):
 *
 * - open loop at 50 requests/s (about 250 active staff): target p95 ≤ 100 ms and no errors;
 * - closed loop with 50 connections: target ≥ 200 requests/s and no errors, `/healthz` healthy throughout.
 *
 *   npm run bench:load                 (KLANTEN=40000 DUUR=10)
 *
 * Prints one line per route and run (p50/p95/p99 in ms, requests/s, errors, non-2xx) and the load average before
 * and after: figures taken on a busy machine say little. The data set has the demo's activities and hours besides
 * the imported clients (the 8,000 activities and three years of hours of the issue are not generated yet).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { vrijePoort } from '../src/lib/vrije-poort.ts';
import { klantenCsv } from './klanten-csv.ts';

const KLANTEN = Number(process.env.KLANTEN ?? 40_000);
const DUUR = Number(process.env.DUUR ?? 10);
const BIN = join(import.meta.dirname, '..', 'bin', 'wederkerig.js');
const WACHTWOORD = 'Wederkerig-demo-2026';

const dir = mkdtempSync(join(tmpdir(), 'wederkerig-bench-load-'));
const poort = await vrijePoort();
const basis = `http://127.0.0.1:${poort}`;
// Always its own embedded PostgreSQL, never a configured database.
const { DATABASE_URL: _a, DATABASE_OWNER_URL: _o, DATABASE_SYSTEM_URL: _s, ...omgeving } = process.env;
const env = {
  ...omgeving,
  NODE_ENV: 'production',
  WEDERKERIG_MODE: 'demo',
  DATA_DIR: dir,
  HOST: '127.0.0.1',
  PORT: String(poort),
  LOG_LEVEL: 'warn',
};

/** Runs a CLI command against the running server's database; resolves with its output, rejects on exit ≠ 0. */
function cli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let uit = '';
    p.stdout.on('data', (d: Buffer) => {
      uit += d.toString();
    });
    p.stderr.on('data', (d: Buffer) => {
      uit += d.toString();
    });
    p.on('exit', (code) =>
      code === 0 ? resolve(uit) : reject(new Error(`wederkerig ${args[0]}: ${code}\n${uit}`)),
    );
  });
}

function start(): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let uit = '';
    const lees = (d: Buffer) => {
      uit += d.toString();
      if (uit.includes('Wederkerig draait op')) resolve(p);
    };
    p.stdout.on('data', lees);
    p.stderr.on('data', lees);
    p.on('exit', (code) => reject(new Error(`serve stopte (${code}):\n${uit.slice(-2000)}`)));
  });
}

const cookiesVan = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');

/** Signs in through the login form (demo accounts need no second factor in demo mode); returns the cookie header. */
async function inloggen(email: string): Promise<string> {
  const formulier = await fetch(`${basis}/`, { redirect: 'manual' });
  const cookies = cookiesVan(formulier);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await formulier.text())?.[1] ?? '';
  const res = await fetch(`${basis}/`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookies.join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, wachtwoord: WACHTWOORD, _csrf: csrf }),
  });
  if (res.status !== 303) throw new Error(`inloggen als ${email}: ${res.status}`);
  const nieuw = cookiesVan(res);
  const namen = new Set(nieuw.map((c) => c.split('=')[0]));
  return [...cookies.filter((c) => !namen.has(c.split('=')[0])), ...nieuw].join('; ');
}

async function json<T>(pad: string, token: string): Promise<T> {
  const res = await fetch(`${basis}${pad}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${pad}: ${res.status}`);
  return (await res.json()) as T;
}

interface Route {
  naam: string;
  pad: string;
  headers: Record<string, string>;
}

interface Uitkomst {
  p50: number;
  p95: number;
  p99: number;
  perSeconde: number;
  fouten: number;
  niet2xx: number;
  gezondheid: string;
}

async function meet(route: Route, open: boolean): Promise<Uitkomst> {
  const gezien = new Set<string>();
  const peil = setInterval(() => {
    void fetch(`${basis}/healthz`)
      .then(async (r) => gezien.add(`${r.status} ${((await r.json()) as { status?: string }).status ?? ''}`))
      .catch(() => gezien.add('geen antwoord'));
  }, 500);
  try {
    // Every response time is kept (autocannon's own summary has p97.5, not p95).
    const tijden: number[] = [];
    const r = await new Promise<autocannon.Result>((resolve, reject) => {
      const instantie = autocannon(
        {
          url: `${basis}${route.pad}`,
          headers: route.headers,
          connections: 50,
          duration: DUUR,
          ...(open ? { overallRate: 50 } : {}),
        },
        (fout, uitkomst) => (fout ? reject(fout) : resolve(uitkomst)),
      );
      instantie.on('response', (_client, _status, _bytes, ms) => {
        tijden.push(ms);
      });
    });
    tijden.sort((a, b) => a - b);
    const p = (q: number) =>
      tijden.length === 0
        ? Number.NaN
        : Math.round(tijden[Math.min(tijden.length - 1, Math.floor(q * tijden.length))]!);
    return {
      p50: p(0.5),
      p95: p(0.95),
      p99: p(0.99),
      perSeconde: tijden.length / DUUR,
      fouten: r.errors + r.timeouts,
      niet2xx: r.non2xx,
      gezondheid: [...gezien].sort().join(', '),
    };
  } finally {
    clearInterval(peil);
  }
}

let server: ChildProcess | undefined;
try {
  console.log(
    `# load average voor: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  server = await start();
  const csv = join(dir, 'klanten.csv');
  writeFileSync(csv, klantenCsv(KLANTEN));
  const t0 = performance.now();
  await cli(['import', 'klanten', csv, '--gemeente', 'GM9901']);
  console.log(`# ${KLANTEN} klanten geïmporteerd in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const token = (await cli(['token', 'create', '--email', 'teamleider@demo.wederkerig.nl']))
    .trim()
    .split('\n')
    .at(-1)!
    .trim();
  const km = await inloggen('klantmanager.aardam@demo.wederkerig.nl');
  const tl = await inloggen('teamleider@demo.wederkerig.nl');

  const klanten = await json<{ data?: Array<{ id: string }>; items?: Array<{ id: string }> }>(
    '/api/v1/klanten',
    token,
  );
  const klantId = (klanten.data ?? klanten.items ?? [])[0]?.id;
  const tps = await json<{ data?: Array<{ id: string }>; items?: Array<{ id: string }> }>(
    '/api/v1/tegenprestaties',
    token,
  );
  const tpId = (tps.data ?? tps.items ?? [])[0]?.id;
  if (!klantId || !tpId) throw new Error('geen klant of tegenprestatie gevonden in de API-lijsten');

  const pagina = (cookie: string) => ({ cookie });
  const api = { authorization: `Bearer ${token}` };
  const routes: Route[] = [
    { naam: 'klantenlijst (klantmanager)', pad: '/klanten', headers: pagina(km) },
    { naam: 'klantenlijst (teamleider)', pad: '/klanten', headers: pagina(tl) },
    { naam: 'zoeken (klantmanager)', pad: '/klanten?zoek=Jansen', headers: pagina(km) },
    { naam: 'zoeken (teamleider)', pad: '/klanten?zoek=Jansen', headers: pagina(tl) },
    { naam: 'klantpagina (teamleider)', pad: `/klanten/${klantId}`, headers: pagina(tl) },
    { naam: 'ontwerppagina (teamleider)', pad: `/tegenprestaties/${tpId}`, headers: pagina(tl) },
    { naam: 'API klantenlijst', pad: '/api/v1/klanten', headers: api },
    {
      naam: 'API passende activiteiten',
      pad: `/api/v1/klanten/${klantId}/passende-activiteiten`,
      headers: api,
    },
    { naam: 'API uren', pad: `/api/v1/tegenprestaties/${tpId}/uren`, headers: api },
  ];
  console.log(
    '# route | lus | p50 ms | p95 ms | p99 ms | verzoeken/s | fouten | niet-2xx | /healthz tijdens de meting',
  );
  for (const route of routes) {
    // One request first, so that lazy loading (caches, the postcode table) is not measured as load.
    const eerst = await fetch(`${basis}${route.pad}`, { headers: route.headers });
    if (!eerst.ok) throw new Error(`${route.naam}: GET ${route.pad} → ${eerst.status}`);
    await eerst.arrayBuffer();
    for (const open of [true, false]) {
      const u = await meet(route, open);
      console.log(
        [
          route.naam,
          open ? 'open 50/s' : 'gesloten 50',
          u.p50,
          u.p95,
          u.p99,
          u.perSeconde.toFixed(1),
          u.fouten,
          u.niet2xx,
          u.gezondheid,
        ].join(' | '),
      );
    }
  }
  console.log(
    `# load average na: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  server?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 3000));
  rmSync(dir, { recursive: true, force: true });
}
