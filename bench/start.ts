/**
 * Start-up benchmark of issue #20: how long `npm run demo` takes until the app answers, on a fresh data dir (initdb,
 * migrations, the demo load) and on a restart of the same data dir (PostgreSQL already initialised, nothing to
 * migrate or load). Targets: fresh ≤ 8 s, restart ≤ 2 s, on a quiet machine.
 *
 *   npm run bench:start                (RUNS=3)
 *
 * Each run: a new temporary data dir; `wederkerig serve` in demo mode (as `npm run demo`, which only adds `exec`);
 * the time from spawn until `/healthz` answers 200 ("ready"), also the time until the "listening" line; then
 * SIGTERM, and the same data dir started again. Prints one line per run and the median, with the load average
 * before and after: figures taken on a busy machine say little.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { vrijePoort } from '../src/lib/vrije-poort.ts';

const RUNS = Number(process.env.RUNS ?? 3);
const BIN = join(import.meta.dirname, '..', 'bin', 'wederkerig.js');

interface Meting {
  luistert: number;
  klaar: number;
}

/** Starts `wederkerig serve` on `dir`, waits for /healthz 200, stops it with SIGTERM; the seconds it took. */
async function start(dir: string): Promise<Meting> {
  const poort = await vrijePoort();
  // Always its own embedded PostgreSQL, never a configured database.
  const { DATABASE_URL: _a, DATABASE_OWNER_URL: _o, ...omgeving } = process.env;
  const t0 = performance.now();
  const p = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...omgeving,
      NODE_ENV: 'production',
      WEDERKERIG_MODE: 'demo',
      DATA_DIR: dir,
      HOST: '127.0.0.1',
      PORT: String(poort),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let uit = '';
  let luistert = Number.NaN;
  p.stdout.on('data', (d: Buffer) => {
    uit += d.toString();
    if (Number.isNaN(luistert) && uit.includes('Wederkerig draait op'))
      luistert = (performance.now() - t0) / 1000;
  });
  p.stderr.on('data', (d: Buffer) => {
    uit += d.toString();
  });
  const gestopt = new Promise<void>((resolve) => p.on('exit', () => resolve()));
  let klaar = Number.NaN;
  while (p.exitCode === null && p.signalCode === null) {
    try {
      const r = await fetch(`http://127.0.0.1:${poort}/healthz`);
      if (r.status === 200) {
        klaar = (performance.now() - t0) / 1000;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  p.kill('SIGTERM');
  await gestopt;
  if (Number.isNaN(klaar)) throw new Error(`serve did not become ready:\n${uit}`);
  return { luistert, klaar };
}

const mediaan = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};
const f = (s: number) => s.toFixed(2);

console.log(
  `load average before: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
const vers: number[] = [];
const herstart: number[] = [];
for (let i = 1; i <= RUNS; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'wederkerig-bench-start-'));
  try {
    const a = await start(dir);
    const b = await start(dir);
    vers.push(a.klaar);
    herstart.push(b.klaar);
    console.log(
      `run ${i}: fresh ready ${f(a.klaar)} s (listening ${f(a.luistert)} s); restart ready ${f(b.klaar)} s (listening ${f(b.luistert)} s)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`start_fresh_seconds_median ${f(mediaan(vers))} (target ≤ 8)`);
console.log(`start_restart_seconds_median ${f(mediaan(herstart))} (target ≤ 2)`);
console.log(
  `load average after: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
