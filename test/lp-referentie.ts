/**
 * The cohort assignment as a linear programme, solved by the npm `highs` package (HiGHS in WASM; a dev
 * dependency) — the correctness reference for the min-cost-flow solver in tests and in the benchmark.
 *
 *   maximise Σ s_e·x_e  subject to  Σ_{e of client i} x_e ≤ 1,  Σ_{e of activity j} x_e ≤ cap_j,  0 ≤ x_e ≤ 1.
 *
 * The constraint matrix is that of a bipartite graph (totally unimodular), so the simplex optimum is integral
 * and equals the optimum of the integer assignment. One column per candidate pair (duplicates allowed).
 */

import type { Highs } from 'highs';
import * as highsModule from 'highs';

let geladen: Promise<Highs> | undefined;

/**
 * Loads the WASM runtime once. The package's types describe it as CommonJS while Node loads its ESM build, so
 * the loader is `default` (ESM) or `default.default` (CommonJS interop), whichever is the function.
 */
type Lader = () => Promise<Highs>;
const uitvoer = highsModule as unknown as { default: Lader | { default: Lader } };
const lader: Lader = typeof uitvoer.default === 'function' ? uitvoer.default : uitvoer.default.default;

export function laadHighs(): Promise<Highs> {
  if (!geladen) geladen = lader();
  return geladen;
}

export interface LpInstantie {
  aantalKlanten: number;
  capaciteit: Int32Array;
  klant: Int32Array;
  activiteit: Int32Array;
  score: Int32Array;
}

export interface LpUitkomst {
  doelwaarde: number;
  /** x per candidate pair (column), as HiGHS returned it. */
  x: Float64Array;
  /** HiGHS model status 7 (optimal); an empty instance counts as optimal too. */
  optimaal: boolean;
}

export async function losLpOp(inst: LpInstantie): Promise<LpUitkomst> {
  const highs = await laadHighs();
  const E = inst.klant.length;
  const n = inst.aantalKlanten;
  const m = inst.capaciteit.length;
  if (E === 0) return { doelwaarde: 0, x: new Float64Array(0), optimaal: true };
  // Column e has a 1 in row klant[e] and a 1 in row n + activiteit[e] (CSC, rows sorted).
  const starts = new Int32Array(E + 1);
  const indices = new Int32Array(2 * E);
  const values = new Float64Array(2 * E).fill(1);
  for (let e = 0; e < E; e++) {
    starts[e + 1] = 2 * (e + 1);
    indices[2 * e] = inst.klant[e]!;
    indices[2 * e + 1] = n + inst.activiteit[e]!;
  }
  const rowUpper = new Float64Array(n + m);
  rowUpper.fill(1, 0, n);
  for (let j = 0; j < m; j++) rowUpper[n + j] = inst.capaciteit[j]!;
  const model = highs.createModel({
    numCols: E,
    numRows: n + m,
    sense: highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from(inst.score),
    colLower: new Float64Array(E),
    colUpper: new Float64Array(E).fill(1),
    rowLower: new Float64Array(n + m),
    rowUpper,
    matrix: { format: 'csc', numRows: n + m, numCols: E, starts, indices, values },
  });
  try {
    model.options.set('output_flag', false);
    model.options.set('solver', 'simplex');
    const r = model.run();
    const oplossing = model.getSolution();
    return {
      doelwaarde: model.getObjectiveValue(),
      x: Float64Array.from(oplossing.colValue ?? []),
      optimaal: r.modelStatus === 7,
    };
  } finally {
    model.dispose();
  }
}
