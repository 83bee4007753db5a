/**
 * Seeded generator of realistic cohort instances for the benchmark and tests (pure, deterministic).
 *
 * Model (after docs/research/perf.md §2): a 20 × 20 km municipality with 25 wijken; clients and activities lie
 * around the wijk centres (σ 1.2 km), activities are somewhat more concentrated in the centre. Each client and
 * activity has an 8-dimensional interest profile; activities have a popularity (a few are wanted by many).
 * Score = 1000 × (0.40·interest cosine + 0.40·1/(1 + km/3) + 0.20·popularity), rounded, at least 1 — an integer,
 * like the ranking's score × 1000. Capacities 1–10 (uniform). Each client keeps its top-K activities by score
 * (ties broken by the lower activity index), so total places ≈ 5.5 × activities.
 */
import type { CohortInstantie } from './oplosser.ts';

export interface GeneratorOpties {
  klanten: number;
  activiteiten: number;
  k: number;
  zaad?: number;
}

/** mulberry32: a small, fast, seeded PRNG. */
export function prng(zaad: number): () => number {
  let a = zaad >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DIM = 8;
const WIJKEN = 25;

export function genereerCohortInstantie(o: GeneratorOpties): CohortInstantie {
  const rnd = prng(o.zaad ?? 20261127);
  const normaal = (): number => {
    const u = Math.max(1e-12, rnd());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
  };
  const wx = Float64Array.from({ length: WIJKEN }, () => 1 + rnd() * 18);
  const wy = Float64Array.from({ length: WIJKEN }, () => 1 + rnd() * 18);
  const punt = (x: Float32Array, y: Float32Array, i: number, sigma: number): void => {
    const w = Math.floor(rnd() * WIJKEN);
    x[i] = Math.min(20, Math.max(0, wx[w]! + sigma * normaal()));
    y[i] = Math.min(20, Math.max(0, wy[w]! + sigma * normaal()));
  };
  const profiel = (v: Float32Array, i: number): void => {
    let som = 0;
    for (let d = 0; d < DIM; d++) {
      // a few strong interests per person
      const w = rnd() < 0.35 ? 0.5 + rnd() : rnd() * 0.2;
      v[i * DIM + d] = w;
      som += w * w;
    }
    const f = 1 / Math.sqrt(som);
    for (let d = 0; d < DIM; d++) v[i * DIM + d]! *= f;
  };

  const m = o.activiteiten;
  const ax = new Float32Array(m);
  const ay = new Float32Array(m);
  const ap = new Float32Array(m * DIM);
  const pop = new Float32Array(m);
  const capaciteit = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    punt(ax, ay, j, 1.0);
    profiel(ap, j);
    pop[j] = rnd() ** 3; // most activities ordinary, a few popular
    capaciteit[j] = 1 + Math.floor(rnd() * 10);
  }

  const n = o.klanten;
  const K = Math.min(o.k, m);
  const klant = new Int32Array(n * K);
  const activiteit = new Int32Array(n * K);
  const score = new Int32Array(n * K);
  const kx = new Float32Array(1);
  const ky = new Float32Array(1);
  const kp = new Float32Array(DIM);
  // min-heap of the best K (score, then lower index wins ties) per client
  const hs = new Int32Array(K);
  const hj = new Int32Array(K);
  const slechter = (s1: number, j1: number, s2: number, j2: number): boolean =>
    s1 < s2 || (s1 === s2 && j1 > j2);
  for (let i = 0; i < n; i++) {
    punt(kx, ky, 0, 1.2);
    profiel(kp, 0);
    const x = kx[0]!;
    const y = ky[0]!;
    let h = 0;
    for (let j = 0; j < m; j++) {
      const dx = ax[j]! - x;
      const dy = ay[j]! - y;
      const km = Math.sqrt(dx * dx + dy * dy);
      let cos = 0;
      const b = j * DIM;
      for (let d = 0; d < DIM; d++) cos += kp[d]! * ap[b + d]!;
      const s = Math.max(1, Math.round(1000 * (0.4 * cos + 0.4 / (1 + km / 3) + 0.2 * pop[j]!)));
      if (h === K && (s < hs[0]! || (s === hs[0]! && j > hj[0]!))) continue; // not among the best K
      if (h < K) {
        // sift up
        let p = h++;
        while (p > 0) {
          const q = (p - 1) >> 1;
          if (!slechter(s, j, hs[q]!, hj[q]!)) break;
          hs[p] = hs[q]!;
          hj[p] = hj[q]!;
          p = q;
        }
        hs[p] = s;
        hj[p] = j;
      } else {
        // replace the root, sift down
        let p = 0;
        for (;;) {
          let c = 2 * p + 1;
          if (c >= K) break;
          if (c + 1 < K && slechter(hs[c + 1]!, hj[c + 1]!, hs[c]!, hj[c]!)) c++;
          if (!slechter(hs[c]!, hj[c]!, s, j)) break;
          hs[p] = hs[c]!;
          hj[p] = hj[c]!;
          p = c;
        }
        hs[p] = s;
        hj[p] = j;
      }
    }
    for (let t = 0; t < h; t++) {
      klant[i * K + t] = i;
      activiteit[i * K + t] = hj[t]!;
      score[i * K + t] = hs[t]!;
    }
  }
  return { aantalKlanten: n, capaciteit, klant, activiteit, score };
}
