import { describe, expect, it } from 'vitest';
import {
  beoordeelBeslissing,
  beoordeelRechtsmiddel,
  beoordeelWijziging,
  bezwaartermijnEinde,
  type ExportMaatregel,
  exportRegels,
  exportRij,
  geldendeTermijnen,
  heroverwegingUiterlijk,
  maandGrenzen,
  maatregelEinde,
  stadiumVan,
  standNaWijzigingen,
  type Termijn,
  type Wijziging,
} from './nazorg.ts';

describe('reconsideration within three months (art. 18 lid 3 Pw): calendar months', () => {
  it.each([
    ['2027-01-15', '2027-04-15'],
    ['2027-03-31', '2027-06-30'], // June has 30 days
    ['2027-11-30', '2028-02-29'], // 2028 is a leap year
    ['2026-11-30', '2027-02-28'], // 2027 is not
    ['2028-02-29', '2028-05-29'], // from a leap day
    ['2027-12-31', '2028-03-31'], // over the year
    ['2027-10-31', '2028-01-31'],
  ])('decided %s → at the latest %s', (besluit, uiterlijk) => {
    expect(heroverwegingUiterlijk(besluit)).toBe(uiterlijk);
  });
});

describe("a measure's period", () => {
  it.each([
    ['2027-01-01', 1, '2027-01-31'],
    ['2027-01-31', 1, '2027-02-27'], // 31 January + 1 month is 28 February: the day before
    ['2028-01-31', 1, '2028-02-28'], // leap year: 29 February, the day before
    ['2027-02-15', 3, '2027-05-14'],
    ['2027-12-15', 1, '2028-01-14'],
  ])('from %s for %i month(s) → last day %s', (van, maanden, tot) => {
    expect(maatregelEinde(van, maanden)).toBe(tot);
  });
});

const BASIS: Termijn = { van: '2027-01-01', tot: '2027-03-31', percentage: 30 };
const aangepast = (ingangsdatum: string, percentage: number, einddatum: string): Wijziging => ({
  uitkomst: 'aangepast',
  ingangsdatum,
  percentage,
  einddatum,
});
const beeindigd = (ingangsdatum: string): Wijziging => ({
  uitkomst: 'beeindigd',
  ingangsdatum,
  percentage: null,
  einddatum: null,
});
const voortgezet: Wijziging = {
  uitkomst: 'voortgezet',
  ingangsdatum: null,
  percentage: null,
  einddatum: null,
};

describe('the terms after changes', () => {
  it.each<[string, Wijziging[], Termijn[], string]>([
    ['nothing', [], [BASIS], 'lopend'],
    ['continued', [voortgezet], [BASIS], 'lopend'],
    [
      'lowered from February',
      [aangepast('2027-02-01', 10, '2027-03-31')],
      [
        { van: '2027-01-01', tot: '2027-01-31', percentage: 30 },
        { van: '2027-02-01', tot: '2027-03-31', percentage: 10 },
      ],
      'aangepast',
    ],
    [
      'lowered from the start',
      [aangepast('2027-01-01', 10, '2027-03-31')],
      [{ van: '2027-01-01', tot: '2027-03-31', percentage: 10 }],
      'aangepast',
    ],
    [
      'ended on its first day of March',
      [beeindigd('2027-03-01')],
      [{ van: '2027-01-01', tot: '2027-02-28', percentage: 30 }],
      'beeindigd',
    ],
    ['ended from the start: withdrawn', [beeindigd('2027-01-01')], [], 'ingetrokken'],
    [
      'lowered, then ended',
      [aangepast('2027-02-01', 10, '2027-03-31'), beeindigd('2027-03-01')],
      [
        { van: '2027-01-01', tot: '2027-01-31', percentage: 30 },
        { van: '2027-02-01', tot: '2027-02-28', percentage: 10 },
      ],
      'aangepast',
    ],
    [
      'ended on its last day',
      [beeindigd('2027-03-31')],
      [{ van: '2027-01-01', tot: '2027-03-30', percentage: 30 }],
      'beeindigd',
    ],
  ])('%s', (_naam, wijzigingen, termijnen, stand) => {
    expect(geldendeTermijnen(BASIS, wijzigingen)).toEqual(termijnen);
    expect(standNaWijzigingen(BASIS, wijzigingen)).toBe(stand);
  });
});

describe('a change is never heavier (that would be a new decision)', () => {
  const nu = [BASIS];
  it.each<[string, 'heroverweging' | 'dringende-redenen', Wijziging, string | null]>([
    ['continued on reconsideration', 'heroverweging', voortgezet, null],
    ['continued for urgent reasons', 'dringende-redenen', voortgezet, 'uitkomst'],
    ['lower from its first day', 'dringende-redenen', aangepast('2027-01-01', 29, '2027-03-31'), null],
    ['lower from its last day', 'heroverweging', aangepast('2027-03-31', 1, '2027-03-31'), null],
    ['a day before it starts', 'heroverweging', aangepast('2026-12-31', 10, '2027-03-31'), 'ingangsdatum'],
    ['a day after it ends', 'heroverweging', beeindigd('2027-04-01'), 'ingangsdatum'],
    ['ending on its last day', 'heroverweging', beeindigd('2027-03-31'), null],
    ['higher', 'heroverweging', aangepast('2027-02-01', 31, '2027-03-31'), 'percentage'],
    ['zero percent', 'heroverweging', aangepast('2027-02-01', 0, '2027-03-31'), 'percentage'],
    ['longer by a day', 'heroverweging', aangepast('2027-02-01', 10, '2027-04-01'), 'einddatum'],
    ['shorter, same percentage', 'heroverweging', aangepast('2027-02-01', 30, '2027-03-15'), null],
    ['the end before the start', 'heroverweging', aangepast('2027-02-01', 10, '2027-01-31'), 'einddatum'],
    ['no change at all', 'heroverweging', aangepast('2027-02-01', 30, '2027-03-31'), 'percentage'],
    [
      'no date',
      'dringende-redenen',
      { uitkomst: 'beeindigd', ingangsdatum: null, percentage: null, einddatum: null },
      'ingangsdatum',
    ],
  ])('%s', (_naam, aanleiding, wijziging, veld) => {
    const fouten = beoordeelWijziging({ termijnen: nu, aanleiding, wijziging });
    if (veld === null) expect(fouten).toEqual({});
    else expect(Object.keys(fouten)).toContain(veld);
  });

  it('after a lowering, the lower percentage is the ceiling; a withdrawn measure cannot change', () => {
    const na = geldendeTermijnen(BASIS, [aangepast('2027-02-01', 10, '2027-03-31')]);
    const w = (p: number, van = '2027-03-01') =>
      beoordeelWijziging({
        termijnen: na,
        aanleiding: 'heroverweging',
        wijziging: aangepast(van, p, '2027-03-31'),
      });
    expect(w(10)).toHaveProperty('percentage'); // no change
    expect(w(11)).toHaveProperty('percentage');
    expect(w(5)).toEqual({});
    expect(w(25, '2027-01-15')).toEqual({}); // 30 % applied on 15 January
    expect(
      beoordeelWijziging({ termijnen: [], aanleiding: 'heroverweging', wijziging: beeindigd('2027-01-01') }),
    ).toHaveProperty('uitkomst');
  });
});

describe('objection and provisional ruling', () => {
  it.each([
    ['2027-01-05', '2027-02-16'],
    ['2027-01-31', '2027-03-14'],
    ['2028-01-20', '2028-03-02'], // through 29 February 2028
  ])('sent %s → the objection term ends %s (Awb 6:7–6:8)', (verzonden, einde) => {
    expect(bezwaartermijnEinde(verzonden)).toBe(einde);
  });

  it.each<[string, Parameters<typeof beoordeelRechtsmiddel>[0], string[]]>([
    [
      'on the decision day',
      {
        soort: 'bezwaar',
        ontvangenOp: '2027-01-05',
        besluitDatum: '2027-01-05',
        vandaag: '2027-02-01',
        bezwaarBekend: false,
      },
      [],
    ],
    [
      'the day before the decision',
      {
        soort: 'bezwaar',
        ontvangenOp: '2027-01-04',
        besluitDatum: '2027-01-05',
        vandaag: '2027-02-01',
        bezwaarBekend: false,
      },
      ['ontvangenOp'],
    ],
    [
      'today',
      {
        soort: 'bezwaar',
        ontvangenOp: '2027-02-01',
        besluitDatum: '2027-01-05',
        vandaag: '2027-02-01',
        bezwaarBekend: false,
      },
      [],
    ],
    [
      'tomorrow',
      {
        soort: 'bezwaar',
        ontvangenOp: '2027-02-02',
        besluitDatum: '2027-01-05',
        vandaag: '2027-02-01',
        bezwaarBekend: false,
      },
      ['ontvangenOp'],
    ],
    [
      'a provisional ruling without an objection',
      {
        soort: 'voorlopige-voorziening',
        ontvangenOp: '2027-01-10',
        besluitDatum: '2027-01-05',
        vandaag: '2027-02-01',
        bezwaarBekend: false,
      },
      ['soort'],
    ],
    [
      'a provisional ruling with an objection',
      {
        soort: 'voorlopige-voorziening',
        ontvangenOp: '2027-01-10',
        besluitDatum: '2027-01-05',
        vandaag: '2027-02-01',
        bezwaarBekend: true,
      },
      [],
    ],
  ])('received %s', (_naam, invoer, velden) => {
    expect(Object.keys(beoordeelRechtsmiddel(invoer))).toEqual(velden);
  });

  it.each<[string, Parameters<typeof beoordeelBeslissing>[0], string[]]>([
    [
      'same day',
      {
        soort: 'bezwaar',
        ontvangenOp: '2027-01-10',
        beslistOp: '2027-01-10',
        uitkomst: 'gegrond',
        vandaag: '2027-02-01',
      },
      [],
    ],
    [
      'a day early',
      {
        soort: 'bezwaar',
        ontvangenOp: '2027-01-10',
        beslistOp: '2027-01-09',
        uitkomst: 'ongegrond',
        vandaag: '2027-02-01',
      },
      ['beslistOp'],
    ],
    [
      'in the future',
      {
        soort: 'bezwaar',
        ontvangenOp: '2027-01-10',
        beslistOp: '2027-02-02',
        uitkomst: 'ongegrond',
        vandaag: '2027-02-01',
      },
      ['beslistOp'],
    ],
    [
      'objection granted by a court word',
      {
        soort: 'bezwaar',
        ontvangenOp: '2027-01-10',
        beslistOp: '2027-01-20',
        uitkomst: 'toegewezen',
        vandaag: '2027-02-01',
      },
      ['uitkomst'],
    ],
    [
      'ruling "gegrond"',
      {
        soort: 'voorlopige-voorziening',
        ontvangenOp: '2027-01-10',
        beslistOp: '2027-01-20',
        uitkomst: 'gegrond',
        vandaag: '2027-02-01',
      },
      ['uitkomst'],
    ],
    [
      'ruling withdrawn',
      {
        soort: 'voorlopige-voorziening',
        ontvangenOp: '2027-01-10',
        beslistOp: '2027-01-20',
        uitkomst: 'ingetrokken',
        vandaag: '2027-02-01',
      },
      [],
    ],
    [
      'objection niet-ontvankelijk',
      {
        soort: 'bezwaar',
        ontvangenOp: '2027-01-10',
        beslistOp: '2027-01-20',
        uitkomst: 'niet-ontvankelijk',
        vandaag: '2027-02-01',
      },
      [],
    ],
  ])('decision: %s', (_naam, invoer, velden) => {
    expect(Object.keys(beoordeelBeslissing(invoer))).toEqual(velden);
  });
});

describe('the monthly export', () => {
  it.each([
    ['2027-02', { eerste: '2027-02-01', laatste: '2027-02-28' }],
    ['2028-02', { eerste: '2028-02-01', laatste: '2028-02-29' }],
    ['2027-12', { eerste: '2027-12-01', laatste: '2027-12-31' }],
    ['2027-13', null],
    ['2027-1', null],
    ['', null],
  ])('month %s', (maand, grenzen) => {
    expect(maandGrenzen(maand)).toEqual(grenzen);
  });

  const m = (extra: Partial<ExportMaatregel> = {}): ExportMaatregel => ({
    id: 'm1',
    klantnummer: 'K-1',
    categorie: 2,
    grondslag: 'bijstandsnorm',
    besluitDatum: '2026-12-20',
    gezamenlijk: false,
    basis: { van: '2027-01-15', tot: '2027-02-14', percentage: 30 },
    wijzigingen: [],
    ...extra,
  });

  it('a measure is in every month it overlaps, to the day', () => {
    expect(exportRegels('2026-12', [m()])).toEqual([]);
    expect(exportRegels('2027-01', [m()])).toHaveLength(1);
    expect(exportRegels('2027-02', [m()])[0]).toMatchObject({
      soort: 'maatregel',
      percentage: 30,
      ingangsdatum: '2027-01-15',
      einddatum: '2027-02-14',
      status: 'besloten',
    });
    expect(exportRegels('2027-03', [m()])).toEqual([]);
    expect(exportRegels('2027-1', [m()])).toEqual([]);
  });

  it('a change since the last export is a correction line; an older one only shapes the terms', () => {
    const lager = { ...aangepast('2027-02-01', 10, '2027-02-14'), vastgesteldOp: '2027-01-20' };
    const oud = exportRegels('2027-02', [m({ wijzigingen: [{ ...lager, nieuw: false }] })]);
    expect(oud).toEqual([
      expect.objectContaining({
        soort: 'maatregel',
        percentage: 10,
        ingangsdatum: '2027-02-01',
        status: 'aangepast',
      }),
    ]);
    const nieuw = exportRegels('2027-02', [m({ wijzigingen: [{ ...lager, nieuw: true }] })]);
    expect(nieuw.map((r) => r.soort)).toEqual(['maatregel', 'correctie']);
    expect(nieuw[1]).toMatchObject({
      percentage: 10,
      ingangsdatum: '2027-02-01',
      einddatum: '2027-02-14',
      besluitDatum: '2027-01-20',
      status: 'aangepast',
    });
  });

  it('a withdrawn measure: no measure line, a correction with 0 % and no end (also in a later month)', () => {
    const weg = { ...beeindigd('2027-01-15'), vastgesteldOp: '2027-03-02', nieuw: true };
    const regels = exportRegels('2027-03', [m({ wijzigingen: [weg] })]);
    expect(regels).toEqual([
      expect.objectContaining({ soort: 'correctie', percentage: 0, einddatum: null, status: 'ingetrokken' }),
    ]);
    const rij = exportRij(regels[0] as NonNullable<(typeof regels)[0]>);
    expect(rij).toEqual([
      'correctie',
      'K-1',
      'm1',
      2,
      0,
      '2027-01-15',
      null,
      'bijstandsnorm',
      '2027-03-02',
      'ingetrokken',
      'nee',
    ]);
  });

  it('ended early: the correction names the new last day', () => {
    const eind = { ...beeindigd('2027-02-01'), vastgesteldOp: '2027-01-25', nieuw: true };
    expect(exportRegels('2027-01', [m({ wijzigingen: [eind] })])).toEqual([
      expect.objectContaining({ soort: 'maatregel', einddatum: '2027-01-31', status: 'beeindigd' }),
      expect.objectContaining({
        soort: 'correctie',
        percentage: 0,
        ingangsdatum: '2027-02-01',
        einddatum: '2027-01-31',
        status: 'beeindigd',
      }),
    ]);
  });
});

describe("the team lead's list: the stage of a measure path", () => {
  const V = '2027-03-10';
  const m = (o: Partial<Parameters<typeof stadiumVan>[0]> = {}): Parameters<typeof stadiumVan>[0] => ({
    status: 'voornemen',
    hoortermijnEinde: V,
    besluitDatum: null,
    heroverwogen: false,
    ingetrokken: false,
    wijzigingOpen: false,
    ...o,
  });
  it.each<[string, Parameters<typeof stadiumVan>[0], string, string | null]>([
    ['the term ends today: still running', m(), 'voornemen', V],
    ['the term ended yesterday', m({ hoortermijnEinde: '2027-03-09' }), 'termijn-verstreken', '2027-03-09'],
    ['a proposal', m({ status: 'ter-beoordeling' }), 'wacht-op-akkoord', null],
    [
      'decided, a change waits',
      m({ status: 'besloten', besluitDatum: '2027-03-01', wijzigingOpen: true }),
      'wacht-op-akkoord',
      null,
    ],
    // decided 2026-12-07: due 2027-03-07 (overdue)
    [
      'reconsideration overdue',
      m({ status: 'besloten', besluitDatum: '2026-12-07' }),
      'heroverweging-nodig',
      '2027-03-07',
    ],
    // decided 2027-01-07: due 2027-04-07 = 28 days ahead
    [
      'reconsideration due in exactly four weeks',
      m({ status: 'besloten', besluitDatum: '2027-01-07' }),
      'heroverweging-nodig',
      '2027-04-07',
    ],
    [
      'reconsideration due in four weeks and a day',
      m({ status: 'besloten', besluitDatum: '2027-01-08' }),
      'besloten',
      '2027-01-08',
    ],
    [
      'reconsidered',
      m({ status: 'besloten', besluitDatum: '2026-12-07', heroverwogen: true }),
      'besloten',
      '2026-12-07',
    ],
    [
      'withdrawn',
      m({ status: 'besloten', besluitDatum: '2026-12-07', ingetrokken: true }),
      'besloten',
      '2026-12-07',
    ],
    ['afgezien', m({ status: 'afgezien' }), 'afgezien', null],
  ])('%s', (_naam, invoer, stadium, datum) => {
    expect(stadiumVan(invoer, V)).toEqual({ stadium, datum });
  });
});
