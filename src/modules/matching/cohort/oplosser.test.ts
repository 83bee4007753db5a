import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { losLpOp } from '../../../../test/lp-referentie.ts';
import { type CohortInstantie, losCohortOp, OngeldigeCohortInstantie } from './oplosser.ts';

/** A random small instance: some clients without candidates, scores with ties, zero and negative scores. */
const instantie = fc
  .record({
    n: fc.integer({ min: 0, max: 14 }),
    m: fc.integer({ min: 1, max: 7 }),
  })
  .chain(({ n, m }) =>
    fc.record({
      aantalKlanten: fc.constant(n),
      capaciteit: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: m, maxLength: m }),
      paren: fc.uniqueArray(
        fc.record({
          klant: fc.integer({ min: 0, max: Math.max(0, n - 1) }),
          activiteit: fc.integer({ min: 0, max: m - 1 }),
          score: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: -5, max: 1000 })),
        }),
        { maxLength: n === 0 ? 0 : n * m, selector: (p) => `${p.klant}:${p.activiteit}` },
      ),
    }),
  )
  .map(
    ({ aantalKlanten, capaciteit, paren }): CohortInstantie => ({
      aantalKlanten,
      capaciteit: Int32Array.from(capaciteit),
      klant: Int32Array.from(paren.map((p) => p.klant)),
      activiteit: Int32Array.from(paren.map((p) => p.activiteit)),
      score: Int32Array.from(paren.map((p) => p.score)),
    }),
  );

function paarScores(inst: CohortInstantie): Map<string, number> {
  const kaart = new Map<string, number>();
  for (let e = 0; e < inst.klant.length; e++)
    kaart.set(`${inst.klant[e]}:${inst.activiteit[e]}`, inst.score[e]!);
  return kaart;
}

describe('losCohortOp (exact capacitated assignment)', () => {
  it('never exceeds a place count, only assigns candidate pairs, and reports its own objective', () => {
    fc.assert(
      fc.property(instantie, (inst) => {
        const r = losCohortOp(inst);
        const kandidaten = paarScores(inst);
        const gebruikt = new Int32Array(inst.capaciteit.length);
        let som = 0;
        let aantal = 0;
        for (let i = 0; i < inst.aantalKlanten; i++) {
          const j = r.toegewezen[i]!;
          if (j < 0) {
            expect(r.toegewezenScore[i]).toBe(0);
            continue;
          }
          const s = kandidaten.get(`${i}:${j}`);
          expect(s).toBeDefined(); // never a pair outside the candidate set (a filtered pair)
          expect(s).toBeGreaterThan(0);
          expect(r.toegewezenScore[i]).toBe(s);
          gebruikt[j]!++;
          som += s!;
          aantal++;
        }
        for (let j = 0; j < gebruikt.length; j++)
          expect(gebruikt[j]).toBeLessThanOrEqual(inst.capaciteit[j]!);
        expect(r.doelwaarde).toBe(som);
        expect(r.aantalToegewezen).toBe(aantal);
      }),
      { numRuns: 300 },
    );
  });

  it('returns optimal duals: prices ≥ 0, zero where a place is free, u + v ≥ s, dual = primal objective', () => {
    fc.assert(
      fc.property(instantie, (inst) => {
        const r = losCohortOp(inst);
        const gebruikt = new Int32Array(inst.capaciteit.length);
        for (const j of r.toegewezen) if (j >= 0) gebruikt[j]!++;
        let duaal = 0;
        for (let j = 0; j < inst.capaciteit.length; j++) {
          expect(r.prijs[j]).toBeGreaterThanOrEqual(0);
          if (gebruikt[j]! < inst.capaciteit[j]!) expect(r.prijs[j]).toBe(0);
          duaal += r.prijs[j]! * inst.capaciteit[j]!;
        }
        for (let i = 0; i < inst.aantalKlanten; i++) {
          expect(r.benut[i]).toBeGreaterThanOrEqual(0);
          duaal += r.benut[i]!;
        }
        for (let e = 0; e < inst.klant.length; e++)
          if (inst.capaciteit[inst.activiteit[e]!]! > 0)
            // an activity without places has no price (weight 0)
            expect(r.benut[inst.klant[e]!]! + r.prijs[inst.activiteit[e]!]!).toBeGreaterThanOrEqual(
              inst.score[e]!,
            );
        // weak duality with equality: the dual objective equals the primal, so both are optimal
        expect(duaal).toBe(r.doelwaarde);
      }),
      { numRuns: 300 },
    );
  });

  it('reaches the LP optimum computed by HiGHS', async () => {
    await fc.assert(
      fc.asyncProperty(instantie, async (inst) => {
        const r = losCohortOp(inst);
        const lp = await losLpOp(inst);
        expect(lp.optimaal).toBe(true);
        expect(r.doelwaarde).toBe(Math.round(lp.doelwaarde));
        expect(Math.abs(lp.doelwaarde - r.doelwaarde)).toBeLessThan(1e-6);
      }),
      { numRuns: 150 },
    );
  });

  it('matches HiGHS on a contested medium instance with geographic structure', async () => {
    // 300 clients, 60 activities, each client's 15 nearest; places for about half of the clients.
    let zaad = 12345;
    const rnd = (): number => {
      zaad = (zaad * 1103515245 + 12345) >>> 0;
      return zaad / 2 ** 32;
    };
    const n = 300;
    const m = 60;
    const ax = Array.from({ length: m }, rnd);
    const ay = Array.from({ length: m }, rnd);
    const capaciteit = Int32Array.from({ length: m }, () => 1 + Math.floor(rnd() * 4));
    const klant: number[] = [];
    const activiteit: number[] = [];
    const score: number[] = [];
    for (let i = 0; i < n; i++) {
      const x = rnd();
      const y = rnd();
      const d = ax.map((_, j) => ({ j, d: Math.hypot(ax[j]! - x, ay[j]! - y) })).sort((p, q) => p.d - q.d);
      for (const { j, d: afstand } of d.slice(0, 15)) {
        klant.push(i);
        activiteit.push(j);
        score.push(Math.round(1000 * (0.6 * Math.exp(-afstand * 4) + 0.4 * rnd())));
      }
    }
    const inst: CohortInstantie = {
      aantalKlanten: n,
      capaciteit,
      klant: Int32Array.from(klant),
      activiteit: Int32Array.from(activiteit),
      score: Int32Array.from(score),
    };
    const r = losCohortOp(inst);
    const lp = await losLpOp(inst);
    expect(r.doelwaarde).toBe(Math.round(lp.doelwaarde));
    expect(r.aantalToegewezen).toBeLessThanOrEqual(capaciteit.reduce((a, b) => a + b, 0));
  });

  it('is deterministic and reports progress', () => {
    const inst: CohortInstantie = {
      aantalKlanten: 3,
      capaciteit: Int32Array.from([1, 1]),
      klant: Int32Array.from([0, 0, 1, 2]),
      activiteit: Int32Array.from([0, 1, 0, 0]),
      score: Int32Array.from([10, 9, 10, 3]),
    };
    const stappen: number[] = [];
    const r = losCohortOp(inst, { opVoortgang: (klaar) => stappen.push(klaar), voortgangElke: 1 });
    expect(r.doelwaarde).toBe(19);
    expect(Array.from(r.toegewezen)).toEqual([1, 0, -1]);
    expect(Array.from(losCohortOp(inst).toegewezen)).toEqual([1, 0, -1]);
    expect(stappen).toEqual([0, 1, 2, 3]);
  });

  it('refuses malformed input', () => {
    const basis: CohortInstantie = {
      aantalKlanten: 1,
      capaciteit: Int32Array.from([1]),
      klant: Int32Array.from([0]),
      activiteit: Int32Array.from([0]),
      score: Int32Array.from([1]),
    };
    expect(() => losCohortOp({ ...basis, activiteit: Int32Array.from([1]) })).toThrow(
      OngeldigeCohortInstantie,
    );
    expect(() => losCohortOp({ ...basis, klant: Int32Array.from([2]) })).toThrow(OngeldigeCohortInstantie);
    expect(() => losCohortOp({ ...basis, score: Int32Array.from([]) })).toThrow(OngeldigeCohortInstantie);
    expect(() => losCohortOp({ ...basis, capaciteit: Int32Array.from([-1]) })).toThrow(
      OngeldigeCohortInstantie,
    );
    expect(() => losCohortOp({ ...basis, score: Int32Array.from([2 ** 29]) })).toThrow(
      OngeldigeCohortInstantie,
    );
  });
});
