/**
 * Exact capacitated assignment ("cohort assignment") as min-cost flow — pure, no I/O.
 *
 * Problem: maximise Σ score(i, j) over the chosen candidate pairs, where each client i gets at most one
 * activity, activity j gets at most `capaciteit[j]` clients, and a client may stay unassigned. Only the given
 * candidate pairs can be chosen (a filtered pair is simply absent). Scores are integers (for example the
 * ranking score × 1000, rounded) below 2^29 in absolute value, so optimality is exact: every quantity below is an
 * integer held in an Int32Array.
 *
 * Algorithm ("ssp-inc", docs/research/perf.md §2): successive shortest paths, one client at a time
 * (Hungarian / Jonker–Volgenant style). As a flow network: client → activity (capacity 1, cost −score),
 * client → sink (capacity 1, cost 0: staying unassigned), activity → sink (capacity cap_j, cost 0). After the
 * first k clients the current assignment is optimal for those k clients (the residual network has no
 * negative cycle); adding client k+1 along a shortest path in the residual network keeps it optimal. The
 * shortest path is found with Dijkstra on reduced costs, using node potentials that are exactly the LP duals:
 *
 *   π(client i) = u_i ≥ 0,  π(activity j) = −v_j with v_j ≥ 0 ("price" of a place), π(sink) = 0,
 *   u_i + v_j ≥ s_ij for every pair, with equality for assigned pairs; v_j > 0 only if j is full;
 *   u_i > 0 only if i is assigned.
 *
 * Dijkstra stops as soon as the sink is the nearest unsettled node (early exit), so a client whose best
 * activity still has a free place costs one pass over its own candidates. Each client's candidates are kept
 * best first, and a scan stops at the first pair that cannot beat the current distance to the sink (v ≥ 0).
 * Clients are processed largest current net gain first (a lazy max-heap; ties by index), so a rerun on the same
 * input gives the same assignment. Pairs with a score ≤ 0 are ignored (staying unassigned is at least as good).
 *
 * The duals are returned: `prijs[j]` is what a place at activity j "costs" at the optimum — a client with
 * candidate j who is not assigned to it has score(i, j) ≤ prijs[j] + benut[i], which explains why someone
 * did not get their first choice (the place went to someone for whom it added more).
 */

export interface CohortInstantie {
  /** Number of clients (indices 0 … aantalKlanten − 1). */
  aantalKlanten: number;
  /** Places per activity (index = activity index); non-negative integers. */
  capaciteit: Int32Array;
  /** Candidate pairs: client index, activity index and integer score, one entry per pair (same length). */
  klant: Int32Array;
  activiteit: Int32Array;
  score: Int32Array;
}

export interface CohortOplossing {
  /** Per client: the assigned activity index, or −1 when unassigned. */
  toegewezen: Int32Array;
  /** Per client: the score of its assigned pair (0 when unassigned). */
  toegewezenScore: Int32Array;
  /** Σ score of the assigned pairs (the maximum). */
  doelwaarde: number;
  /** Number of assigned clients. */
  aantalToegewezen: number;
  /** Dual price per activity (v_j ≥ 0; > 0 only for full activities). */
  prijs: Float64Array;
  /** Dual value per client (u_i ≥ 0; what the client's assignment adds above the price of its place). */
  benut: Float64Array;
}

export class OngeldigeCohortInstantie extends Error {}

/** Scores must lie strictly between −MAX_SCORE and MAX_SCORE (2^29; the ranking uses 1–1000). */
export const MAX_SCORE = 2 ** 29;

function controleer(inst: CohortInstantie): void {
  const { aantalKlanten, capaciteit, klant, activiteit, score } = inst;
  if (!Number.isInteger(aantalKlanten) || aantalKlanten < 0)
    throw new OngeldigeCohortInstantie('aantalKlanten moet een niet-negatief geheel getal zijn');
  if (klant.length !== activiteit.length || klant.length !== score.length)
    throw new OngeldigeCohortInstantie('klant, activiteit en score moeten even lang zijn');
  const m = capaciteit.length;
  for (let j = 0; j < m; j++) {
    if (capaciteit[j]! < 0) throw new OngeldigeCohortInstantie(`negatieve capaciteit bij activiteit ${j}`);
  }
  for (let e = 0; e < klant.length; e++) {
    const i = klant[e]!;
    const j = activiteit[e]!;
    if (i < 0 || i >= aantalKlanten) throw new OngeldigeCohortInstantie(`klantindex ${i} buiten bereik`);
    if (j < 0 || j >= m) throw new OngeldigeCohortInstantie(`activiteitindex ${j} buiten bereik`);
    // Potentials and distances are held in Int32Arrays: |score| < 2^29 keeps every sum of two within range.
    if (Math.abs(score[e]!) >= MAX_SCORE) throw new OngeldigeCohortInstantie(`score ${score[e]} te groot`);
  }
}

/**
 * Solves the instance exactly. `opVoortgang(klaar, totaal)` is called every `voortgangElke` clients (for a
 * background job's progress); it must not throw.
 */
export function losCohortOp(
  inst: CohortInstantie,
  opties: { opVoortgang?: (klaar: number, totaal: number) => void; voortgangElke?: number } = {},
): CohortOplossing {
  controleer(inst);
  const n = inst.aantalKlanten;
  const m = inst.capaciteit.length;

  // Candidate pairs as compressed rows per client (score > 0 and capacity > 0 only).
  const rij = new Int32Array(n + 1);
  const graad = new Int32Array(m);
  const E = inst.klant.length;
  for (let e = 0; e < E; e++) {
    if (inst.score[e]! > 0 && inst.capaciteit[inst.activiteit[e]!]! > 0) {
      rij[inst.klant[e]! + 1]!++;
      graad[inst.activiteit[e]!]!++;
    }
  }
  for (let i = 0; i < n; i++) rij[i + 1]! += rij[i]!;
  const kolAct = new Int32Array(rij[n]!);
  const kolScore = new Int32Array(rij[n]!);
  {
    const vul = rij.slice(0, n);
    for (let e = 0; e < E; e++) {
      const s = inst.score[e]!;
      const j = inst.activiteit[e]!;
      if (s > 0 && inst.capaciteit[j]! > 0) {
        const p = vul[inst.klant[e]!]!++;
        kolAct[p] = j;
        kolScore[p] = s;
      }
    }
    // Each client's candidates best first (insertion sort: rows are short and often sorted already), so that a
    // scan can stop at the first pair that cannot beat the current distance to the sink.
    for (let i = 0; i < n; i++) {
      const a = rij[i]!;
      const b = rij[i + 1]!;
      for (let p = a + 1; p < b; p++) {
        const s = kolScore[p]!;
        const j = kolAct[p]!;
        let q = p - 1;
        while (q >= a && kolScore[q]! < s) {
          kolScore[q + 1] = kolScore[q]!;
          kolAct[q + 1] = kolAct[q]!;
          q--;
        }
        kolScore[q + 1] = s;
        kolAct[q + 1] = j;
      }
    }
  }

  // Places: an activity never needs more places than it has candidates.
  const plekBegin = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) plekBegin[j + 1] = plekBegin[j]! + Math.min(inst.capaciteit[j]!, graad[j]!);
  const plekKlant = new Int32Array(plekBegin[m]!);
  const bezet = new Int32Array(m);

  const toegewezen = new Int32Array(n).fill(-1);
  const toegewezenScore = new Int32Array(n);
  const klantPlek = new Int32Array(n).fill(-1);
  const u = new Int32Array(n);
  const v = new Int32Array(m);

  // Dijkstra state (activities only: a client is reached solely through the activity it holds, at the same
  // distance, because the reverse edge of an assigned pair has reduced cost 0).
  const afst = new Int32Array(m);
  const stempel = new Int32Array(m); // afst[j] valid when stempel[j] === ronde
  const klaar = new Int32Array(m); // settled when klaar[j] === ronde
  const vanKlant = new Int32Array(m); // client whose edge reached j
  const vanScore = new Int32Array(m); // that edge's score
  const heap = new Int32Array(m);
  const heapPos = new Int32Array(m).fill(-1);
  let heapGrootte = 0;
  const bereiktAct = new Int32Array(m); // settled activities of this round
  const bereiktKlant = new Int32Array(n); // clients reached (settled) this round
  const bereiktKlantAfst = new Int32Array(n);

  const omhoog = (p0: number): void => {
    let p = p0;
    const x = heap[p]!;
    const dx = afst[x]!;
    while (p > 0) {
      const ouder = (p - 1) >> 1;
      const y = heap[ouder]!;
      if (afst[y]! <= dx) break;
      heap[p] = y;
      heapPos[y] = p;
      p = ouder;
    }
    heap[p] = x;
    heapPos[x] = p;
  };
  const pakMin = (): number => {
    const top = heap[0]!;
    heapPos[top] = -1;
    heapGrootte--;
    if (heapGrootte > 0) {
      const x = heap[heapGrootte]!;
      const dx = afst[x]!;
      let p = 0;
      for (;;) {
        let c = 2 * p + 1;
        if (c >= heapGrootte) break;
        if (c + 1 < heapGrootte && afst[heap[c + 1]!]! < afst[heap[c]!]!) c++;
        const y = heap[c]!;
        if (afst[y]! >= dx) break;
        heap[p] = y;
        heapPos[y] = p;
        p = c;
      }
      heap[p] = x;
      heapPos[x] = p;
    }
    return top;
  };

  const stap = Math.max(1, opties.voortgangElke ?? 1000);
  let doelwaarde = 0;
  let aantalToegewezen = 0;

  // Order: always the client with the largest current net gain u_k = max(score − price) next (ties: lower index),
  // kept in a lazy max-heap. Any order gives the optimum. Prices only rise, so a client's gain only falls: a popped
  // client whose recomputed gain is below the next one's bound goes back with the new bound. A search settles only
  // nodes closer than u_k, so clients with a large gain come while places are free and clients with a small gain
  // come last, when their searches stay small (measured on the 40k instance: far fewer nodes settled than by index).
  const rij0 = (i: number): number => (rij[i]! < rij[i + 1]! ? kolScore[rij[i]!]! : 0);
  const qKlant = new Int32Array(n);
  const qSleutel = new Int32Array(n);
  let qGrootte = 0;
  const qVoor = (a: number, b: number): boolean =>
    qSleutel[a]! > qSleutel[b]! || (qSleutel[a] === qSleutel[b] && qKlant[a]! < qKlant[b]!);
  const qWissel = (a: number, b: number): void => {
    const k0 = qKlant[a]!;
    const s0 = qSleutel[a]!;
    qKlant[a] = qKlant[b]!;
    qSleutel[a] = qSleutel[b]!;
    qKlant[b] = k0;
    qSleutel[b] = s0;
  };
  const qDuw = (klantIdx: number, sleutel: number): void => {
    let p = qGrootte++;
    qKlant[p] = klantIdx;
    qSleutel[p] = sleutel;
    while (p > 0) {
      const o = (p - 1) >> 1;
      if (!qVoor(p, o)) break;
      qWissel(p, o);
      p = o;
    }
  };
  const qPak = (): number => {
    const top = qKlant[0]!;
    qGrootte--;
    if (qGrootte > 0) {
      qKlant[0] = qKlant[qGrootte]!;
      qSleutel[0] = qSleutel[qGrootte]!;
      let p = 0;
      for (;;) {
        let c = 2 * p + 1;
        if (c >= qGrootte) break;
        if (c + 1 < qGrootte && qVoor(c + 1, c)) c++;
        if (!qVoor(c, p)) break;
        qWissel(c, p);
        p = c;
      }
    }
    return top;
  };
  for (let i = 0; i < n; i++) if (rij0(i) > 0) qDuw(i, rij0(i));

  let klaarAantal = n - qGrootte; // clients without candidates are done at once
  let ronde = 0;
  while (qGrootte > 0) {
    const k = qPak();
    const a = rij[k]!;
    const b = rij[k + 1]!;

    // u_k: the best net gain over k's own candidates (≥ 0), so k's outgoing reduced costs are ≥ 0.
    let uk = 0;
    for (let p = a; p < b; p++) {
      const w = kolScore[p]! - v[kolAct[p]!]!;
      if (w > uk) uk = w;
    }
    if (uk > 0 && qGrootte > 0 && (uk < qSleutel[0]! || (uk === qSleutel[0] && k > qKlant[0]!))) {
      qDuw(k, uk); // another client now gains more: k waits with its lower bound
      continue;
    }
    if (opties.opVoortgang && klaarAantal % stap === 0) opties.opVoortgang(klaarAantal, n);
    klaarAantal++;
    if (uk === 0) continue; // no candidate is worth more than its price (and prices only rise): stays unassigned
    ronde++;

    // Tentative distance to the sink and how it is reached: 0 = k stays unassigned,
    // 1 = via free activity `eindAct`, 2 = client `eindKlant` gives up its place.
    let dT = uk;
    let eindSoort = 0;
    let eindAct = -1;
    let eindKlant = -1;
    let nAct = 0;
    let nKlant = 0;

    // Scan k first, then the holders of each settled (full) activity in order of distance: a holder is reached
    // at its activity's distance (reduced cost 0), may give up its place (reduced cost u_i to the sink), and its
    // other candidates are relaxed. No closure per client: this loop is the hot path.
    let scanVan = -1; // activity whose holders are scanned; −1: k itself
    let dScan = 0;
    for (;;) {
      const q0 = scanVan < 0 ? 0 : plekBegin[scanVan]!;
      const q1 = scanVan < 0 ? 1 : q0 + bezet[scanVan]!;
      for (let q = q0; q < q1; q++) {
        let ci: number;
        let ui: number;
        if (scanVan < 0) {
          ci = k;
          ui = uk;
        } else {
          ci = plekKlant[q]!;
          ui = u[ci]!;
          bereiktKlant[nKlant] = ci;
          bereiktKlantAfst[nKlant++] = dScan;
          if (dScan + ui < dT) {
            dT = dScan + ui;
            eindSoort = 2;
            eindKlant = ci;
          }
        }
        const basis = dScan + ui;
        const p1 = rij[ci + 1]!;
        for (let p = rij[ci]!; p < p1; p++) {
          const s = kolScore[p]!;
          // v ≥ 0 and the row is sorted by score: no later pair of this client gets closer than basis − s.
          if (basis - s >= dT) break;
          const j = kolAct[p]!;
          if (j === scanVan || klaar[j] === ronde) continue;
          const nd = basis + v[j]! - s;
          if (nd >= dT) continue;
          if (bezet[j]! < plekBegin[j + 1]! - plekBegin[j]!) {
            // a free place: the sink is reached at nd (v_j = 0 for a non-full activity)
            dT = nd;
            eindSoort = 1;
            eindAct = j;
            vanKlant[j] = ci;
            vanScore[j] = s;
            continue;
          }
          if (stempel[j] !== ronde) {
            stempel[j] = ronde;
            afst[j] = nd;
            vanKlant[j] = ci;
            vanScore[j] = s;
            heap[heapGrootte] = j;
            heapPos[j] = heapGrootte;
            heapGrootte++;
            omhoog(heapGrootte - 1);
          } else if (nd < afst[j]!) {
            afst[j] = nd;
            vanKlant[j] = ci;
            vanScore[j] = s;
            omhoog(heapPos[j]!);
          }
        }
      }
      if (heapGrootte === 0) break;
      const j = heap[0]!;
      const dj = afst[j]!;
      if (dj >= dT) break;
      pakMin();
      klaar[j] = ronde;
      bereiktAct[nAct++] = j;
      scanVan = j;
      dScan = dj;
    }
    // Empty the heap for the next round.
    for (let h = 0; h < heapGrootte; h++) heapPos[heap[h]!] = -1;
    heapGrootte = 0;

    const D = dT;
    // Potentials: every node settled at distance d < D moves by D − d.
    for (let x = 0; x < nAct; x++) {
      const j = bereiktAct[x]!;
      v[j]! += D - afst[j]!;
    }
    for (let x = 0; x < nKlant; x++) {
      const ci = bereiktKlant[x]!;
      u[ci]! -= D - bereiktKlantAfst[x]!;
    }
    u[k] = uk - D;

    if (eindSoort === 0) continue; // k stays unassigned (its best gain is zero)

    // Augment along the path back to k.
    let j: number;
    let plek: number;
    if (eindSoort === 1) {
      j = eindAct;
      plek = plekBegin[j]! + bezet[j]!++;
    } else {
      const ce = eindKlant;
      j = toegewezen[ce]!;
      plek = klantPlek[ce]!;
      doelwaarde -= toegewezenScore[ce]!;
      toegewezen[ce] = -1;
      toegewezenScore[ce] = 0;
      klantPlek[ce] = -1;
      u[ce] = 0;
      aantalToegewezen--;
    }
    for (;;) {
      const c = vanKlant[j]!;
      const s = vanScore[j]!;
      const oudJ = toegewezen[c]!;
      const oudPlek = klantPlek[c]!;
      const oudS = toegewezenScore[c]!;
      plekKlant[plek] = c;
      toegewezen[c] = j;
      toegewezenScore[c] = s;
      klantPlek[c] = plek;
      doelwaarde += s - oudS;
      if (c === k) {
        aantalToegewezen++;
        break;
      }
      j = oudJ;
      plek = oudPlek;
    }
  }
  if (opties.opVoortgang) opties.opVoortgang(n, n);

  return {
    toegewezen,
    toegewezenScore,
    doelwaarde,
    aantalToegewezen,
    prijs: Float64Array.from(v),
    benut: Float64Array.from(u),
  };
}
