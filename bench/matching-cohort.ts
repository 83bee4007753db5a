/**
 * Benchmark of the exact cohort assignment (issue #8): the min-cost-flow solver on generated instances of
 * 10,000 clients × 2,000 activities and 40,000 × 8,000 (capacities 1–10, each client's top-50 candidates,
 * integer scores), and the 10k instance as an LP in the npm `highs` package (HiGHS, WASM) as the reference.
 *
 *   npx tsx bench/matching-cohort.ts        (or npm run bench:matching for all six figures)
 *
 * Prints, one per line: cohort_10k_seconds, cohort_40k_seconds, highs_10k_seconds, objective_gap (relative
 * difference of our objective and the LP optimum on the same candidate pairs; must be 0). Lines starting with
 * `#` are context. Targets: cohort_10k_seconds ≤ 1, cohort_40k_seconds ≤ 5, objective_gap 0.
 *
 * The candidate pairs come from the ranking's own pure kernel (`scoorAlles`: the hard filters, the weighted
 * integer score, top-50 per client) over seeded generated features in Amsterdam's postcodes (bench/genereer.ts,
 * shared with bench/matching-rank.ts), so the scores are the ones a real cohort would get. `KANDIDATEN=synthetisch`
 * uses the simpler generator in src/modules/matching/cohort/testinstantie.ts (wijk clusters, distance, interests,
 * popularity) instead. Only the solve is timed, not the generation of the candidates (the ranking's all-pairs
 * top-50 is timed by bench/matching-rank.ts).
 */
import { cpus, loadavg } from 'node:os';
import {
  type CohortInstantie,
  type CohortOplossing,
  losCohortOp,
} from '../src/modules/matching/cohort/oplosser.ts';
import { genereerCohortInstantie } from '../src/modules/matching/cohort/testinstantie.ts';
import { bereidKlantVoor, bouwActiviteitCache, scoorAlles } from '../src/modules/matching/index.ts';
import { laadHighs, losLpOp } from '../test/lp-referentie.ts';
import { genereerGemeente } from './genereer.ts';

/**
 * A cohort instance scored by the ranking's kernel: the generated municipality of bench/genereer.ts (the same
 * generator as the ranking benchmark), each client's top 50 after the hard filters, capacities 1–10.
 */
function kernelInstantie(aantalKlanten: number, aantalActiviteiten: number, zaad: number): CohortInstantie {
  const {
    activiteiten: acts,
    klanten,
    centroiden,
  } = genereerGemeente(aantalKlanten, aantalActiviteiten, zaad);
  const cache = bouwActiviteitCache(acts, centroiden);
  const top = scoorAlles(
    klanten.map((k) => bereidKlantVoor(k, cache, centroiden)),
    cache,
    50,
  );
  let E = 0;
  for (const t of top) E += t.idx.length;
  const klant = new Int32Array(E);
  const activiteit = new Int32Array(E);
  const score = new Int32Array(E);
  let e = 0;
  top.forEach((t, i) => {
    for (let x = 0; x < t.idx.length; x++) {
      klant[e] = i;
      activiteit[e] = t.idx[x]!;
      score[e] = t.score[x]!;
      e++;
    }
  });
  return {
    aantalKlanten,
    capaciteit: Int32Array.from(acts, (a) => a.vrijePlaatsen),
    klant,
    activiteit,
    score,
  };
}

const SYNTHETISCH = process.env.KANDIDATEN === 'synthetisch';
const instantie = (klanten: number, activiteiten: number, zaad: number): CohortInstantie =>
  SYNTHETISCH
    ? genereerCohortInstantie({ klanten, activiteiten, k: 50, zaad })
    : kernelInstantie(klanten, activiteiten, zaad);

function seconden(start: number): number {
  return (performance.now() - start) / 1000;
}

/** Wall-clock and CPU seconds of one call (the CPU figure shows how much of the wall time was the machine's noise). */
function meet<T>(fn: () => T): { uitkomst: T; wand: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const uitkomst = fn();
  const wand = seconden(t0);
  const c = process.cpuUsage(cpu0);
  return { uitkomst, wand, cpu: (c.user + c.system) / 1e6 };
}

/** Checks the assignment against the instance (capacity, candidate pairs, objective); throws on a violation. */
function controleer(inst: CohortInstantie, r: CohortOplossing): void {
  const paren = new Map<number, number>();
  const m = inst.capaciteit.length;
  for (let e = 0; e < inst.klant.length; e++) {
    const sleutel = inst.klant[e]! * m + inst.activiteit[e]!;
    paren.set(sleutel, Math.max(paren.get(sleutel) ?? Number.NEGATIVE_INFINITY, inst.score[e]!));
  }
  const gebruikt = new Int32Array(m);
  let som = 0;
  for (let i = 0; i < inst.aantalKlanten; i++) {
    const j = r.toegewezen[i]!;
    if (j < 0) continue;
    const s = paren.get(i * m + j);
    if (s === undefined) throw new Error(`klant ${i} kreeg activiteit ${j} buiten de kandidaten`);
    gebruikt[j]!++;
    som += r.toegewezenScore[i]!;
  }
  for (let j = 0; j < m; j++)
    if (gebruikt[j]! > inst.capaciteit[j]!) throw new Error(`activiteit ${j} boven capaciteit`);
  if (som !== r.doelwaarde) throw new Error('doelwaarde klopt niet met de toewijzing');
}

function beschrijf(naam: string, inst: CohortInstantie, r: CohortOplossing): void {
  const plaatsen = inst.capaciteit.reduce((a, b) => a + b, 0);
  console.log(
    `# ${naam}: ${inst.aantalKlanten} klanten, ${inst.capaciteit.length} activiteiten, ${plaatsen} plaatsen, ` +
      `${inst.klant.length} kandidaatparen; ${r.aantalToegewezen} toegewezen, doelwaarde ${r.doelwaarde}`,
  );
}

async function main(): Promise<void> {
  console.log(
    `# candidates: ${SYNTHETISCH ? 'synthetic generator' : "the ranking's kernel (scoorAlles), top 50"}`,
  );
  const inst10 = instantie(10_000, 2_000, 10);
  const m10 = meet(() => losCohortOp(inst10));
  const r10 = m10.uitkomst;
  const cohort10 = m10.wand;
  controleer(inst10, r10);
  beschrijf('10k', inst10, r10);
  console.log(`# 10k: ${m10.wand.toFixed(3)} s wall, ${m10.cpu.toFixed(3)} s CPU`);

  await laadHighs();
  const t = performance.now();
  const lp = await losLpOp(inst10);
  const highs10 = seconden(t);
  if (!lp.optimaal) throw new Error('HiGHS vond geen optimum');
  const gap = Math.abs(r10.doelwaarde - lp.doelwaarde) / Math.max(1, Math.abs(lp.doelwaarde));
  console.log(`# HiGHS (simplex) doelwaarde ${lp.doelwaarde}`);

  const inst40 = instantie(40_000, 8_000, 40);
  const m40 = meet(() => losCohortOp(inst40));
  const r40 = m40.uitkomst;
  const cohort40 = m40.wand;
  controleer(inst40, r40);
  beschrijf('40k', inst40, r40);
  console.log(`# 40k: ${m40.wand.toFixed(3)} s wall, ${m40.cpu.toFixed(3)} s CPU`);
  console.log(
    `# load average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (${cpus().length} cores)`,
  );

  console.log(`cohort_10k_seconds: ${cohort10.toFixed(3)}`);
  console.log(`cohort_40k_seconds: ${cohort40.toFixed(3)}`);
  console.log(`highs_10k_seconds: ${highs10.toFixed(3)}`);
  console.log(`objective_gap: ${gap}`);
}

await main();
