import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plusDagen } from './datum.ts';
import {
  bepaalToepasselijkheid,
  grondslagOp,
  type KlantVoorToets,
  type OntheffingVoorToets,
  type RedenCode,
  type Toepasselijkheid,
  type ToepasselijkheidUitkomst,
  volgendeWijziging,
} from './toepasselijkheid.ts';

const PEIL = '2026-06-01';

const klant = (over: Partial<KlantVoorToets> = {}): KlantVoorToets => ({
  geboortedatum: '1985-03-10',
  werk: [],
  reintegratie: [],
  ontheffingen: [],
  ...over,
});

const dringend = (
  begindatum: string,
  einddatum: string | null,
  reden = 'Zorg voor een ziek familielid.',
): OntheffingVoorToets => ({
  type: 'dringende-redenen',
  begindatum,
  einddatum,
  reden,
});

const negenA = (over: Partial<OntheffingVoorToets> = {}): OntheffingVoorToets => ({
  type: 'alleenstaande-ouder-kind-onder-5',
  begindatum: '2024-03-01',
  einddatum: null,
  geboortedatumKind: '2024-01-01',
  ...over,
});

interface Geval {
  naam: string;
  klant: KlantVoorToets;
  peildatum?: string;
  drempel?: number;
  uitkomst: Toepasselijkheid;
  codes: RedenCode[];
  check?: (u: ToepasselijkheidUitkomst) => void;
}

const gevallen: Geval[] = [
  // --- art. 9 lid 1 onder c: the tegenprestatie itself --------------------------------------------------------
  {
    naam: 'art. 9 lid 1 onder c Pw: 18 up to AOW age, no exemption, trajectory or regular work → van toepassing',
    klant: klant(),
    uitkomst: 'van-toepassing',
    codes: ['van-toepassing'],
    check: (u) => {
      expect(u.redenen[0]!.artikel).toBe('art. 9 lid 1 onder c Participatiewet');
      expect(u.resterendeUren).toBe(28);
      expect(u.capaciteitBron).toBe('drempel');
    },
  },
  // --- art. 9 lid 1: age ----------------------------------------------------------------------------------------
  {
    naam: 'art. 9 lid 1 Pw: younger than 18 (18th birthday tomorrow) → niet van toepassing',
    klant: klant({ geboortedatum: '2008-06-02' }),
    uitkomst: 'niet-van-toepassing',
    codes: ['jonger-dan-18'],
    check: (u) => {
      expect(u.redenen[0]).toMatchObject({ artikel: 'art. 9 lid 1 Participatiewet', tot: '2026-06-02' });
      expect(u.resterendeUren).toBeNull();
    },
  },
  {
    naam: 'art. 9 lid 1 Pw: 18th birthday exactly on the peildatum → van toepassing',
    klant: klant({ geboortedatum: '2008-06-01' }),
    uitkomst: 'van-toepassing',
    codes: ['van-toepassing'],
  },
  {
    naam: 'art. 9 lid 1 Pw: born on 29 February turns 18 on 28 February in a common year',
    klant: klant({ geboortedatum: '2008-02-29' }),
    peildatum: '2026-02-28',
    uitkomst: 'van-toepassing',
    codes: ['van-toepassing'],
  },
  {
    naam: 'art. 9 lid 1 Pw: born on 29 February is still 17 on 27 February',
    klant: klant({ geboortedatum: '2008-02-29' }),
    peildatum: '2026-02-27',
    uitkomst: 'niet-van-toepassing',
    codes: ['jonger-dan-18'],
  },
  {
    naam: 'art. 9 lid 1 Pw: AOW age (67) reached on the peildatum → niet van toepassing',
    klant: klant({ geboortedatum: '1959-06-01' }),
    uitkomst: 'niet-van-toepassing',
    codes: ['aow-leeftijd'],
  },
  {
    naam: 'art. 9 lid 1 Pw: the day before the AOW date → van toepassing',
    klant: klant({ geboortedatum: '1959-06-02' }),
    uitkomst: 'van-toepassing',
    codes: ['van-toepassing'],
  },
  {
    naam: 'art. 9 lid 1 Pw with AOW art. 7a: born 15 Nov 1960 reaches 67 on 15 Nov 2027 → niet van toepassing that day',
    klant: klant({ geboortedatum: '1960-11-15' }),
    peildatum: '2027-11-15',
    uitkomst: 'niet-van-toepassing',
    codes: ['aow-leeftijd'],
  },
  {
    naam: 'art. 9 lid 1 Pw with AOW art. 7a: born 15 Nov 1960 still applies on 14 Nov 2027',
    klant: klant({ geboortedatum: '1960-11-15' }),
    peildatum: '2027-11-14',
    uitkomst: 'van-toepassing',
    codes: ['van-toepassing'],
  },
  {
    naam: 'art. 9 lid 1 Pw with AOW art. 7a: born 1 Jan 1961 is 67 on 1 Jan 2028 but needs 67 and 3 months → still applies',
    klant: klant({ geboortedatum: '1961-01-01' }),
    peildatum: '2028-01-01',
    uitkomst: 'van-toepassing',
    codes: ['van-toepassing'],
  },
  {
    naam: 'art. 9 lid 1 Pw with AOW art. 7a: born 1 Jan 1961 reaches the AOW age on 1 Apr 2028',
    klant: klant({ geboortedatum: '1961-01-01' }),
    peildatum: '2028-04-01',
    uitkomst: 'niet-van-toepassing',
    codes: ['aow-leeftijd'],
    check: (u) => expect(u.aow).toMatchObject({ datum: '2028-04-01', voorlopig: false }),
  },
  {
    naam: 'art. 9 lid 1 Pw: a cohort whose AOW age is not fixed yet gets the latest known age, marked provisional',
    klant: klant({ geboortedatum: '1990-01-01' }),
    uitkomst: 'van-toepassing',
    codes: ['van-toepassing'],
    check: (u) => {
      expect(u.aow).toMatchObject({ datum: '2057-04-01', voorlopig: true });
      expect(u.redenen[0]!.tekst).toContain('voorlopig');
    },
  },
  // --- art. 9 lid 1 onder c: regular work -------------------------------------------------------------------------
  {
    naam: 'art. 9 lid 1 onder c Pw: regular work at the default threshold (28 hours) → niet van toepassing',
    klant: klant({ werk: [{ urenPerWeek: 28 }] }),
    uitkomst: 'niet-van-toepassing',
    codes: ['regulier-werk'],
  },
  {
    naam: 'art. 9 lid 1 onder c Pw: two jobs adding up to the threshold count as regular work',
    klant: klant({ werk: [{ urenPerWeek: 16 }, { urenPerWeek: 12 }] }),
    uitkomst: 'niet-van-toepassing',
    codes: ['regulier-werk'],
  },
  {
    naam: 'art. 9 lid 1 onder c Pw: part-time work below the threshold shrinks the hours left (28 − 20 = 8)',
    klant: klant({ werk: [{ urenPerWeek: 20 }] }),
    uitkomst: 'van-toepassing',
    codes: ['van-toepassing', 'deeltijdwerk'],
    check: (u) => {
      expect(u.resterendeUren).toBe(8);
      expect(u.werkurenPerWeek).toBe(20);
    },
  },
  {
    naam: 'art. 9 lid 1 onder c Pw: the municipality sets the threshold (32 hours): 30 hours is part-time',
    klant: klant({ werk: [{ urenPerWeek: 30 }] }),
    drempel: 32,
    uitkomst: 'van-toepassing',
    codes: ['van-toepassing', 'deeltijdwerk'],
    check: (u) => expect(u.resterendeUren).toBe(2),
  },
  {
    naam: 'art. 9 lid 1 onder c Pw: capacity comes from belastbaarheid when known (24 − 10 = 14)',
    klant: klant({ werk: [{ urenPerWeek: 10 }], maxUrenPerWeek: 24 }),
    uitkomst: 'van-toepassing',
    codes: ['van-toepassing', 'deeltijdwerk'],
    check: (u) => {
      expect(u.resterendeUren).toBe(14);
      expect(u.capaciteitBron).toBe('belastbaarheid');
    },
  },
  {
    naam: 'art. 9 lid 1 onder c Pw: hours left never go below zero (belastbaarheid 8, works 12)',
    klant: klant({ werk: [{ urenPerWeek: 12 }], maxUrenPerWeek: 8 }),
    uitkomst: 'van-toepassing',
    codes: ['van-toepassing', 'deeltijdwerk'],
    check: (u) => expect(u.resterendeUren).toBe(0),
  },
  {
    naam: 'art. 9 lid 1 onder c Pw: work that ended on the peildatum or starts later does not count',
    klant: klant({
      werk: [
        { urenPerWeek: 32, begindatum: '2025-01-01', einddatum: PEIL },
        { urenPerWeek: 32, begindatum: '2026-06-02' },
      ],
    }),
    uitkomst: 'van-toepassing',
    codes: ['van-toepassing'],
  },
  // --- art. 9 lid 1: re-integration -------------------------------------------------------------------------------
  {
    naam: 'art. 9 lid 1 Pw: a re-integration trajectory running → niet van toepassing',
    klant: klant({ reintegratie: [{ begindatum: '2026-01-01', einddatum: '2026-12-31' }] }),
    uitkomst: 'niet-van-toepassing',
    codes: ['reintegratie'],
    check: (u) =>
      expect(u.redenen[0]).toMatchObject({ artikel: 'art. 9 lid 1 Participatiewet', tot: '2026-12-31' }),
  },
  {
    naam: 'art. 9 lid 1 Pw: a trajectory that ended on the peildatum no longer counts',
    klant: klant({ reintegratie: [{ begindatum: '2026-01-01', einddatum: PEIL }] }),
    uitkomst: 'van-toepassing',
    codes: ['van-toepassing'],
  },
  // --- art. 9 lid 2: urgent reasons ------------------------------------------------------------------------------
  {
    naam: 'art. 9 lid 2 Pw: a temporary exemption for urgent reasons (3 months left) → niet van toepassing',
    klant: klant({ ontheffingen: [dringend('2026-03-01', '2026-09-01')] }),
    uitkomst: 'niet-van-toepassing',
    codes: ['dringende-redenen'],
    check: (u) => {
      expect(u.redenen[0]!.artikel).toBe('art. 9 lid 2 Participatiewet');
      expect(u.redenen[0]!.tekst).toContain('Zorg voor een ziek familielid');
      expect(u.redenen[0]!.tot).toBe('2026-09-01');
    },
  },
  {
    naam: 'art. 9 lid 2 Pw: exemption ending within 4 weeks (28 days) → ontheffing verloopt, applies from the end date',
    klant: klant({ ontheffingen: [dringend('2026-03-01', plusDagen(PEIL, 28))] }),
    uitkomst: 'ontheffing-verloopt',
    codes: ['dringende-redenen'],
    check: (u) => {
      expect(u.vanToepassingVanaf).toBe('2026-06-29');
      expect(u.resterendeUren).toBe(28);
    },
  },
  {
    naam: 'art. 9 lid 2 Pw: exemption ending in 29 days → still niet van toepassing',
    klant: klant({ ontheffingen: [dringend('2026-03-01', plusDagen(PEIL, 29))] }),
    uitkomst: 'niet-van-toepassing',
    codes: ['dringende-redenen'],
  },
  {
    naam: 'art. 9 lid 2 Pw: exemption ending tomorrow → ontheffing verloopt',
    klant: klant({ ontheffingen: [dringend('2026-03-01', '2026-06-02')] }),
    uitkomst: 'ontheffing-verloopt',
    codes: ['dringende-redenen'],
  },
  {
    naam: 'art. 9 lid 2 Pw: exemption ending today → van toepassing from today',
    klant: klant({ ontheffingen: [dringend('2026-03-01', PEIL)] }),
    uitkomst: 'van-toepassing',
    codes: ['van-toepassing'],
  },
  {
    naam: 'art. 9 lid 2 Pw: exemption starting tomorrow does not count yet',
    klant: klant({ ontheffingen: [dringend('2026-06-02', '2026-12-01')] }),
    uitkomst: 'van-toepassing',
    codes: ['van-toepassing'],
  },
  // --- art. 9 lid 5: fully and permanently incapacitated ---------------------------------------------------------
  {
    naam: 'art. 9 lid 5 Pw: volledig en duurzaam arbeidsongeschikt (no end date) → niet van toepassing',
    klant: klant({ ontheffingen: [{ type: 'volledig-arbeidsongeschikt', begindatum: '2020-01-01' }] }),
    uitkomst: 'niet-van-toepassing',
    codes: ['volledig-arbeidsongeschikt'],
    check: (u) => expect(u.redenen[0]!.artikel).toBe('art. 9 lid 5 Participatiewet'),
  },
  // --- art. 9a with art. 9 lid 7: single parent with a child under 5 --------------------------------------------
  {
    naam: 'art. 9a jo. 9 lid 7 Pw: single parent with a child under 5 → niet van toepassing',
    klant: klant({ ontheffingen: [negenA()] }),
    uitkomst: 'niet-van-toepassing',
    codes: ['alleenstaande-ouder-kind-onder-5'],
    check: (u) => {
      expect(u.redenen[0]!.artikel).toBe('art. 9a jo. art. 9 lid 7 Participatiewet');
      expect(u.redenen[0]!.tot).toBe('2029-01-01');
    },
  },
  {
    naam: "art. 9a jo. 9 lid 7 Pw: ends on the child's 5th birthday — within 4 weeks → ontheffing verloopt",
    klant: klant({ ontheffingen: [negenA({ begindatum: '2022-01-01', geboortedatumKind: '2021-06-20' })] }),
    uitkomst: 'ontheffing-verloopt',
    codes: ['alleenstaande-ouder-kind-onder-5'],
    check: (u) => {
      expect(u.vanToepassingVanaf).toBe('2026-06-20');
      expect(u.redenen[0]!.tekst).toContain('het jongste kind wordt dan 5 jaar');
    },
  },
  {
    naam: "art. 9a jo. 9 lid 7 Pw: on the child's 5th birthday the exemption has ended → van toepassing",
    klant: klant({ ontheffingen: [negenA({ begindatum: '2022-01-01', geboortedatumKind: '2021-06-01' })] }),
    uitkomst: 'van-toepassing',
    codes: ['van-toepassing'],
  },
  {
    naam: 'art. 9a lid 1 Pw: at most 5 years — periods used in another municipality are deducted',
    klant: klant({
      ontheffingen: [
        negenA({ begindatum: '2024-03-01', geboortedatumKind: '2024-01-01' }),
        negenA({
          begindatum: '2019-01-01',
          einddatum: '2022-01-01',
          geboortedatumKind: '2018-10-01',
          eerderGebruikt: true,
        }),
      ],
    }),
    peildatum: '2026-02-15',
    uitkomst: 'ontheffing-verloopt',
    codes: ['alleenstaande-ouder-kind-onder-5'],
    check: (u) => {
      // 5 years from 2024-03-01 minus the 3 calendar years used in 2019–2021 (not 1096 days: 2020 is a leap year).
      expect(u.vanToepassingVanaf).toBe('2026-03-01');
      expect(u.redenen[0]!.tekst).toContain('3 jaar in een vorige gemeente meegeteld');
    },
  },
  {
    naam: 'art. 9a lid 4 Pw: two periods in previous municipalities add up; the 5 years end in calendar terms',
    klant: klant({
      ontheffingen: [
        negenA({ begindatum: '2024-03-01', geboortedatumKind: '2024-01-01' }),
        negenA({
          begindatum: '2019-01-01',
          einddatum: '2020-01-01',
          geboortedatumKind: '2018-10-01',
          eerderGebruikt: true,
        }),
        negenA({
          begindatum: '2021-01-01',
          einddatum: '2023-01-01',
          geboortedatumKind: '2018-10-01',
          eerderGebruikt: true,
        }),
      ],
    }),
    // 1 + 2 calendar years used before: the 5 years end on 2026-03-01 (a count of days would say 2026-03-02).
    peildatum: '2026-03-01',
    uitkomst: 'van-toepassing',
    codes: ['van-toepassing'],
  },
  {
    naam: 'art. 9a lid 4 Pw: an earlier grant here is not a previous municipality and is not deducted',
    klant: klant({
      ontheffingen: [
        negenA({ begindatum: '2024-03-01', geboortedatumKind: '2024-01-01' }),
        negenA({ begindatum: '2021-01-01', einddatum: '2023-01-01', geboortedatumKind: '2018-10-01' }),
      ],
    }),
    peildatum: '2026-03-02',
    uitkomst: 'niet-van-toepassing',
    codes: ['alleenstaande-ouder-kind-onder-5'],
    check: (u) => expect(u.redenen[0]!.tot).toBe('2029-01-01'),
  },
  {
    naam: 'art. 9a lid 1 Pw: an earlier period only counts; it never exempts by itself',
    klant: klant({
      ontheffingen: [negenA({ begindatum: '2026-01-01', einddatum: '2027-01-01', eerderGebruikt: true })],
    }),
    uitkomst: 'van-toepassing',
    codes: ['van-toepassing'],
  },
  // --- local grounds ---------------------------------------------------------------------------------------------
  {
    naam: "art. 8a lid 1 onder b Pw (local ordinance): a local ground cites the municipality's ordinance",
    klant: klant({
      ontheffingen: [
        {
          type: 'lokaal',
          begindatum: '2026-01-01',
          einddatum: '2027-01-01',
          reden: 'Mantelzorg voor moeder, 20 uur per week',
          lokaleGrond: {
            code: 'mantelzorg',
            naam: 'Mantelzorg',
            grondslag: 'art. 4 Verordening tegenprestatie Aardam',
          },
        },
      ],
    }),
    uitkomst: 'niet-van-toepassing',
    codes: ['lokaal'],
    check: (u) => {
      expect(u.redenen[0]!.artikel).toBe('art. 4 Verordening tegenprestatie Aardam');
      expect(u.redenen[0]!.tekst).toContain('Mantelzorg');
    },
  },
  // --- combinations ----------------------------------------------------------------------------------------------
  {
    naam: 'art. 9 lid 2 and 9 lid 5 Pw: one exemption ends soon but another runs on → niet van toepassing',
    klant: klant({
      ontheffingen: [
        dringend('2026-03-01', '2026-06-10'),
        { type: 'volledig-arbeidsongeschikt', begindatum: '2026-05-01' },
      ],
    }),
    uitkomst: 'niet-van-toepassing',
    codes: ['dringende-redenen', 'volledig-arbeidsongeschikt'],
  },
  {
    naam: 'art. 9 lid 2 Pw: consecutive exemptions are one stretch (ends in 24 days → ontheffing verloopt)',
    klant: klant({
      ontheffingen: [dringend('2026-03-01', '2026-06-10'), dringend('2026-06-10', '2026-06-25')],
    }),
    uitkomst: 'ontheffing-verloopt',
    codes: ['dringende-redenen'],
    check: (u) => expect(u.vanToepassingVanaf).toBe('2026-06-25'),
  },
  {
    naam: 'art. 9 lid 2 Pw: consecutive exemptions running past 4 weeks → niet van toepassing',
    klant: klant({
      ontheffingen: [dringend('2026-03-01', '2026-06-10'), dringend('2026-06-10', '2026-08-01')],
    }),
    uitkomst: 'niet-van-toepassing',
    codes: ['dringende-redenen'],
  },
  {
    naam: 'art. 9 lid 1 Pw: an exclusion outweighs an ending exemption (re-integration and exemption ending tomorrow)',
    klant: klant({
      reintegratie: [{ begindatum: '2026-01-01' }],
      ontheffingen: [dringend('2026-03-01', '2026-06-02')],
    }),
    uitkomst: 'niet-van-toepassing',
    codes: ['reintegratie', 'dringende-redenen'],
  },
];

describe('bepaalToepasselijkheid', () => {
  it.each(gevallen)('$naam', (g) => {
    const u = bepaalToepasselijkheid(g.klant, g.peildatum ?? PEIL, { regulierWerkUren: g.drempel ?? 28 });
    expect(u.uitkomst).toBe(g.uitkomst);
    expect(u.redenen.map((r) => r.code)).toEqual(g.codes);
    for (const r of u.redenen) {
      expect(r.tekst.length).toBeGreaterThan(10);
      expect(r.tekst).not.toMatch(/\.\.$/);
    }
    g.check?.(u);
  });

  it('always gives at least one reason, and resterendeUren exactly when it is not niet-van-toepassing', () => {
    const datum = fc
      .date({
        min: new Date('1950-01-01T00:00:00Z'),
        max: new Date('2030-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        datum,
        datum,
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 3 }),
        fc.option(fc.tuple(datum, fc.integer({ min: 1, max: 400 }))),
        (geboren, peil, werk, ontheffing) => {
          const o = ontheffing ? [dringend(ontheffing[0], plusDagen(ontheffing[0], ontheffing[1]))] : [];
          const u = bepaalToepasselijkheid(
            klant({
              geboortedatum: geboren,
              werk: werk.map((urenPerWeek) => ({ urenPerWeek })),
              ontheffingen: o,
            }),
            peil,
          );
          expect(u.redenen.length).toBeGreaterThan(0);
          expect(u.resterendeUren === null).toBe(u.uitkomst === 'niet-van-toepassing');
          if (u.resterendeUren !== null) expect(u.resterendeUren).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('grondslagOp (legal basis by date)', () => {
  it.each([
    ['dringende-redenen', '2026-12-31', 'art. 9 lid 2 Participatiewet', true],
    ['volledig-arbeidsongeschikt', '2026-06-01', 'art. 9 lid 5 Participatiewet', true],
    ['alleenstaande-ouder-kind-onder-5', '2026-06-01', 'art. 9a jo. art. 9 lid 7 Participatiewet', true],
    ['dringende-redenen', '2027-01-01', 'nog niet vastgesteld', false],
    ['tegenprestatie', '2027-06-01', 'nog niet vastgesteld', false],
  ] as const)('%s on %s → %s', (code, datum, artikel, bekend) => {
    const g = grondslagOp(code, datum);
    expect(g.artikel).toContain(artikel);
    expect(g.bekend).toBe(bekend);
  });

  it('says the article is unknown after 1 January 2027 instead of citing an old number', () => {
    const u = bepaalToepasselijkheid(
      klant({ ontheffingen: [dringend('2026-12-01', '2027-06-01')] }),
      '2027-01-15',
    );
    expect(u.redenen[0]).toMatchObject({ code: 'dringende-redenen', artikelBekend: false });
    expect(u.redenen[0]!.artikel).toContain('Participatiewet in balans');
  });
});

describe('volgendeWijziging', () => {
  it('is the first day on which the outcome may change', () => {
    expect(volgendeWijziging(klant({ geboortedatum: '2008-06-10' }), PEIL)).toBe('2026-06-10');
    expect(volgendeWijziging(klant({ ontheffingen: [dringend('2026-03-01', '2026-09-01')] }), PEIL)).toBe(
      '2026-08-04',
    );
    expect(volgendeWijziging(klant(), PEIL)).toBe('2027-06-02');
  });

  it('never lets a stored outcome go stale: the outcome is the same on every day before that date', () => {
    const datum = fc
      .date({
        min: new Date('2020-01-01T00:00:00Z'),
        max: new Date('2030-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.constantFrom('1959-08-01', '1961-02-15', '1990-05-05', '2008-11-30'),
        datum,
        fc.array(fc.tuple(datum, fc.integer({ min: 1, max: 200 })), { maxLength: 2 }),
        fc.integer({ min: 1, max: 60 }),
        (geboren, peil, ontheffingen, stap) => {
          const k = klant({
            geboortedatum: geboren,
            ontheffingen: ontheffingen.map(([b, n]) => dringend(b, plusDagen(b, n))),
            reintegratie: [{ begindatum: plusDagen(peil, 40), einddatum: plusDagen(peil, 90) }],
          });
          const tot = volgendeWijziging(k, peil);
          const tussen = plusDagen(peil, stap);
          if (tussen < tot)
            expect(bepaalToepasselijkheid(k, tussen).uitkomst).toBe(bepaalToepasselijkheid(k, peil).uitkomst);
        },
      ),
    );
  });
});
