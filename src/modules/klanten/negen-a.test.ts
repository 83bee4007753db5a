import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plusDagen, plusMaanden } from './datum.ts';
import {
  controleerGebeurtenis,
  formatDuur,
  kalenderduur,
  type NegenAInvoer,
  type NegenAStand,
  negenAStandOp,
  negenAVerloop,
  planVanAanpakUiterlijk,
  volgendHeronderzoek,
} from './negen-a.ts';

describe('kalenderduur: whole calendar months plus days', () => {
  it.each([
    ['2024-01-01', '2025-01-01', 12, 0, 'a leap year is 12 months, not 366 days'],
    ['2023-01-01', '2024-01-01', 12, 0, 'a common year is 12 months too'],
    ['2024-02-01', '2024-03-01', 1, 0, 'February 2024 (29 days) is one month'],
    ['2024-02-28', '2024-03-01', 0, 2, '28 and 29 February 2024: two days'],
    ['2024-01-31', '2024-02-29', 1, 0, 'month end: 31 January plus a month is 29 February'],
    ['2024-03-01', '2024-03-01', 0, 0, 'empty'],
    ['2024-03-01', '2024-02-01', 0, 0, 'reversed counts as empty'],
  ])('%s to %s = %i months %i days (%s)', (van, tot, maanden, dagen) => {
    expect(kalenderduur(van, tot)).toEqual({ maanden, dagen });
  });

  it('never loses time: van plus the months plus the days is tot', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 3000 }),
        (d, n) => {
          const van = d.toISOString().slice(0, 10);
          const tot = plusDagen(van, n);
          const k = kalenderduur(van, tot);
          expect(k.dagen).toBeGreaterThanOrEqual(0);
          expect(k.dagen).toBeLessThan(31);
          expect(plusDagen(plusMaanden(van, k.maanden), k.dagen)).toBe(tot);
        },
      ),
    );
  });
});

const grant = (over: Partial<NegenAInvoer> = {}): NegenAInvoer => ({
  begindatum: '2023-03-01',
  geboortedatumKind: '2023-01-10',
  einddatum: null,
  gebeurtenissen: [],
  ...over,
});

interface Geval {
  naam: string;
  o: NegenAInvoer;
  elders?: Array<{ begindatum: string; einddatum: string }>;
  peildatum: string;
  stand: NegenAStand;
  /** `lopend`: the first day without; `opgeschort`: since. */
  datum?: string;
  grond?: string;
}

const gevallen: Geval[] = [
  // --- lid 4: five years at most, in calendar terms, across 29 February 2024 ------------------------------------
  {
    naam: 'lid 4: five calendar years from 2023-03-01 (across 29 February 2024) — on 2028-02-29 it still runs',
    o: grant({ geboortedatumKind: '2023-06-01' }),
    peildatum: '2028-02-29',
    stand: 'lopend',
    datum: '2028-03-01',
  },
  {
    naam: 'lid 4: five calendar years from 2023-03-01 — on 2028-03-01 they are used (365 × 5 days would say 2028-02-28)',
    o: grant({ geboortedatumKind: '2023-06-01' }),
    peildatum: '2028-03-01',
    stand: 'benut',
  },
  {
    naam: 'lid 4: a previous municipality across 29 February 2024 (366 days) deducts 12 months, not 366 days',
    o: grant({ begindatum: '2025-01-01', geboortedatumKind: '2024-12-01' }),
    elders: [{ begindatum: '2023-09-01', einddatum: '2024-09-01' }],
    peildatum: '2028-12-31',
    stand: 'lopend',
    datum: '2029-01-01',
  },
  {
    naam: 'lid 4: a common year elsewhere deducts 12 months; a leap day in the term here adds no day',
    o: grant({ begindatum: '2019-06-01', geboortedatumKind: '2019-05-01' }),
    elders: [{ begindatum: '2017-01-01', einddatum: '2018-01-01' }],
    peildatum: '2023-06-01',
    stand: 'benut',
  },
  {
    naam: 'lid 4: months and days elsewhere: 1 month 10 days off the end',
    o: grant({ begindatum: '2024-03-01', geboortedatumKind: '2024-02-01' }),
    elders: [{ begindatum: '2022-01-01', einddatum: '2022-02-11' }],
    peildatum: '2028-06-01',
    stand: 'lopend',
    datum: '2029-01-22',
  },
  // --- lid 4 first sentence and lid 5 onder a: the youngest child's 5th birthday ---------------------------------
  {
    naam: "lid 5 onder a: suspended by law on the youngest child's 5th birthday",
    o: grant({ geboortedatumKind: '2021-06-20' }),
    peildatum: '2026-06-20',
    stand: 'opgeschort',
    datum: '2026-06-20',
    grond: 'kind-vijf',
  },
  {
    naam: 'lid 5 onder a: the day before the 5th birthday it runs',
    o: grant({ geboortedatumKind: '2021-06-20' }),
    peildatum: '2026-06-19',
    stand: 'lopend',
    datum: '2026-06-20',
  },
  // --- lid 5 onder b and c, lid 6 --------------------------------------------------------------------------------
  {
    naam: 'lid 5 onder b: suspended by law when the right to bijstand ends',
    o: grant({ gebeurtenissen: [{ soort: 'einde-bijstand', datum: '2024-05-01' }] }),
    peildatum: '2024-05-01',
    stand: 'opgeschort',
    datum: '2024-05-01',
    grond: 'einde-bijstand',
  },
  {
    naam: 'lid 5 onder c: suspended on request',
    o: grant({ gebeurtenissen: [{ soort: 'opschorting-verzoek', datum: '2024-05-01' }] }),
    peildatum: '2025-01-01',
    stand: 'opgeschort',
    datum: '2024-05-01',
    grond: 'verzoek',
  },
  {
    naam: 'lid 6: resumed on request; the suspended month does not count, so the five years end a month later',
    o: grant({
      geboortedatumKind: '2023-06-01',
      gebeurtenissen: [
        { soort: 'opschorting-verzoek', datum: '2024-02-01' },
        { soort: 'hervatting', datum: '2024-03-01' },
      ],
    }),
    peildatum: '2026-01-01',
    stand: 'lopend',
    // 11 months used to 2024-02-01, suspended in February 2024 (29 days): 49 months from 2024-03-01.
    datum: '2028-04-01',
  },
  {
    naam: 'lid 6: a suspension across 29 February 2024 moves the five-year end by one month, not 29 days',
    o: grant({
      begindatum: '2022-01-01',
      geboortedatumKind: '2021-12-01',
      gebeurtenissen: [
        { soort: 'einde-bijstand', datum: '2024-02-01' },
        { soort: 'hervatting', datum: '2024-03-01' },
      ],
    }),
    elders: [{ begindatum: '2020-01-01', einddatum: '2021-01-01' }],
    peildatum: '2026-01-31',
    stand: 'lopend',
    // 12 months elsewhere (2020, a leap year) + 25 months here = 37: 23 months from 2024-03-01.
    datum: '2026-02-01',
  },
  {
    naam: 'lid 6: after the 5th birthday a resumption with a younger child runs again',
    o: grant({
      geboortedatumKind: '2019-01-01',
      gebeurtenissen: [{ soort: 'hervatting', datum: '2024-06-01', geboortedatumKind: '2024-03-01' }],
    }),
    peildatum: '2024-06-01',
    stand: 'lopend',
    // Used 2023-03-01 to 2024-01-01 (10 months): 50 months from 2024-06-01 = 2028-08-01.
    datum: '2028-08-01',
  },
  {
    naam: 'lid 4: four years in a previous municipality leave one year here',
    o: grant({ begindatum: '2020-01-01', geboortedatumKind: '2019-12-01' }),
    elders: [{ begindatum: '2016-01-01', einddatum: '2020-01-01' }],
    peildatum: '2021-01-01',
    stand: 'benut',
  },
  // --- lid 5 onder d / ended ---------------------------------------------------------------------------------------
  {
    naam: 'lid 5 onder d: withdrawn (end date) — ended for good, a later resumption has no effect',
    o: grant({
      einddatum: '2024-01-01',
      gebeurtenissen: [{ soort: 'hervatting', datum: '2024-06-01' }],
    }),
    peildatum: '2024-07-01',
    stand: 'beeindigd',
  },
  {
    naam: 'not yet begun',
    o: grant(),
    peildatum: '2023-02-28',
    stand: 'nog-niet-begonnen',
  },
];

describe('negenAStandOp (art. 9a Pw)', () => {
  it.each(gevallen)('$naam', (g) => {
    const v = negenAVerloop(g.o, g.elders ?? []);
    const s = negenAStandOp(g.o, v, g.peildatum);
    expect(s.stand).toBe(g.stand);
    if (g.stand === 'lopend') expect(s.periode?.einddatum).toBe(g.datum);
    if (g.stand === 'opgeschort') expect(s.opgeschort).toEqual({ sinds: g.datum, grond: g.grond });
  });

  it('the used time plus what is left is five years while it runs (no leap day adds or costs a day)', () => {
    const o = grant({ geboortedatumKind: '2023-06-01' });
    const v = negenAVerloop(o);
    const s = negenAStandOp(o, v, '2024-03-01');
    expect(s.gebruikt).toEqual({ maanden: 12, dagen: 0 });
    expect(s.resterend).toEqual({ maanden: 48, dagen: 0 });
    expect(formatDuur(s.resterend)).toBe('4 jaar');
  });
});

describe('controleerGebeurtenis (lid 5 and 6)', () => {
  const o = grant({ geboortedatumKind: '2023-02-01' });
  it.each([
    ['a suspension while it runs', o, { soort: 'opschorting-verzoek', datum: '2024-01-01' }, null],
    ['a resumption while it runs', o, { soort: 'hervatting', datum: '2024-01-01' }, 'soort'],
    ['before the grant', o, { soort: 'einde-bijstand', datum: '2023-01-01' }, 'datum'],
    [
      'a suspension while suspended',
      grant({ gebeurtenissen: [{ soort: 'einde-bijstand', datum: '2024-01-01' }] }),
      { soort: 'opschorting-verzoek', datum: '2024-02-01' },
      'soort',
    ],
    [
      'out of order',
      grant({ gebeurtenissen: [{ soort: 'einde-bijstand', datum: '2024-01-01' }] }),
      { soort: 'hervatting', datum: '2023-12-01' },
      'datum',
    ],
    [
      'a resumption after the 5th birthday without a younger child',
      grant({ geboortedatumKind: '2019-01-01' }),
      { soort: 'hervatting', datum: '2024-06-01' },
      'geboortedatumKind',
    ],
    [
      'a resumption after the 5th birthday with a younger child',
      grant({ geboortedatumKind: '2019-01-01' }),
      { soort: 'hervatting', datum: '2024-06-01', geboortedatumKind: '2024-03-01' },
      null,
    ],
    [
      'after the five years are used',
      grant({ geboortedatumKind: '2023-06-01' }),
      { soort: 'opschorting-verzoek', datum: '2028-03-01' },
      'datum',
    ],
  ] as const)('%s', (_naam, invoer, nieuw, veld) => {
    expect(controleerGebeurtenis(invoer, [], nieuw)?.veld ?? null).toBe(veld);
  });
});

describe('lid 7 and 8: plan van aanpak and re-examination', () => {
  it.each([
    ['2026-01-15', '2026-07-15'],
    ['2025-08-31', '2026-02-28'],
    ['2023-08-31', '2024-02-29'],
  ])('a request received on %s: plan van aanpak by %s (six calendar months)', (verzoek, uiterlijk) => {
    expect(planVanAanpakUiterlijk(verzoek)).toBe(uiterlijk);
  });
  it.each([
    ['2026-01-10', null, '2026-07-10'],
    ['2026-01-10', '2026-07-01', '2027-01-01'],
    ['2026-01-10', '2025-12-01', '2026-07-10'],
  ])('plan %s, last re-examination %s: next by %s', (plan, laatste, volgende) => {
    expect(volgendHeronderzoek(plan, laatste)).toBe(volgende);
  });
});
