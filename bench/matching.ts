/**
 * The matching benchmark of issue #8: runs the ranking part (bench/matching-rank.ts) and then the cohort part
 * (bench/matching-cohort.ts), one after the other in their own processes (so they do not compete for the
 * machine's cores or share a warmed-up JIT), and prints the six figures one per line at the end:
 *
 *   rank_p95_ms, rank_all_pairs_seconds, cohort_10k_seconds, cohort_40k_seconds, highs_10k_seconds, objective_gap
 *
 *   npm run bench:matching
 *
 * Context lines of the parts (starting with `#`) are passed through first. A part that is missing or fails is
 * reported on a `#` line and its figures are left out; the exit code is then 1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const DELEN = [
  { bestand: 'matching-rank.ts', figuren: ['rank_p95_ms', 'rank_all_pairs_seconds'] },
  {
    bestand: 'matching-cohort.ts',
    figuren: ['cohort_10k_seconds', 'cohort_40k_seconds', 'highs_10k_seconds', 'objective_gap'],
  },
] as const;

const figuren = new Map<string, string>();
let mislukt = false;

for (const deel of DELEN) {
  const pad = join(import.meta.dirname, deel.bestand);
  if (!existsSync(pad)) {
    console.log(`# bench/${deel.bestand} ontbreekt: ${deel.figuren.join(', ')} niet gemeten`);
    mislukt = true;
    continue;
  }
  const r = spawnSync(process.execPath, ['--import', 'tsx', pad], {
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const regel of r.stdout.split('\n')) {
    const m = /^([a-z0-9_]+):\s*(.+)$/.exec(regel.trim());
    if (m && (deel.figuren as readonly string[]).includes(m[1]!)) figuren.set(m[1]!, m[2]!);
    else if (regel.trim()) console.log(regel.startsWith('#') ? regel : `# ${regel}`);
  }
  if (r.status !== 0) {
    mislukt = true;
    console.log(`# bench/${deel.bestand} eindigde met code ${r.status ?? r.signal}`);
    for (const regel of r.stderr.split('\n').slice(-15)) if (regel.trim()) console.log(`#   ${regel}`);
  }
}

for (const deel of DELEN)
  for (const naam of deel.figuren) {
    const waarde = figuren.get(naam);
    if (waarde !== undefined) console.log(`${naam}: ${waarde}`);
  }

process.exitCode = mislukt ? 1 : 0;
