import { describe, expect, it } from 'vitest';
import { plusDagen } from '../klanten/index.ts';
import {
  bepaalSignalen,
  type SignaalFeiten,
  type TegenprestatieFeit,
  urenWijkenAf,
  vorigeMaandag,
} from './regels.ts';

const VANDAAG = '2026-11-27';
const KM = '00000000-0000-4000-8000-0000000000a1';
const TL = '00000000-0000-4000-8000-0000000000b1';
const G = '00000000-0000-4000-8000-0000000000c1';

const tp = (o: Partial<TegenprestatieFeit> = {}): TegenprestatieFeit => ({
  id: 'tp-1',
  klantId: 'k-1',
  gemeenteId: G,
  klantNaam: 'Sanne Visser',
  klantmanagerId: KM,
  status: 'lopend',
  startdatum: '2026-09-01',
  einddatum: '2027-06-30',
  evaluatiedata: [],
  laatsteUren: plusDagen(VANDAAG, -3),
  ...o,
});
const feiten = (o: Partial<SignaalFeiten>): SignaalFeiten => ({
  tegenprestaties: [],
  ontheffingen: [],
  intervisies: [],
  teamleiders: { [G]: [TL] },
  ...o,
});
const soorten = (f: SignaalFeiten, dag = VANDAAG) =>
  bepaalSignalen(f, dag).map((s) => `${s.soort}@${s.gebruikerId === KM ? 'km' : 'tl'}:${s.oorzaak}`);

describe('bepaalSignalen (controlled clock)', () => {
  it.each([
    ['evaluation today', { evaluatiedata: [VANDAAG] }, ['evaluatie-nadert@km:tp-1:2026-11-27']],
    ['evaluation in 14 days', { evaluatiedata: ['2026-12-11'] }, ['evaluatie-nadert@km:tp-1:2026-12-11']],
    ['evaluation in 15 days: not yet', { evaluatiedata: ['2026-12-12'] }, []],
    ['evaluation passed', { evaluatiedata: ['2026-11-26'] }, []],
    ['end in 28 days', { einddatum: '2026-12-25' }, ['einde-nadert@km:tp-1:2026-12-25']],
    ['end in 29 days: not yet', { einddatum: '2026-12-26' }, []],
    ['last hours 21 days ago', { laatsteUren: '2026-11-06' }, ['geen-uren@km:tp-1:2026-11-06']],
    ['last hours 20 days ago', { laatsteUren: '2026-11-07' }, []],
    [
      'no hours since the start 3 weeks ago',
      { laatsteUren: null, startdatum: '2026-11-06' },
      ['geen-uren@km:tp-1:2026-11-06'],
    ],
    ['started 2 weeks ago, no hours yet', { laatsteUren: null, startdatum: '2026-11-13' }, []],
    [
      'not running: no running signals',
      { status: 'afgerond', evaluatiedata: [VANDAAG], einddatum: VANDAAG, laatsteUren: null },
      [],
    ],
    ['no caseworker: nobody to tell', { klantmanagerId: null, evaluatiedata: [VANDAAG] }, []],
    [
      'in toetsing for 14 days',
      { status: 'toetsing', inToetsingSinds: '2026-11-13' },
      ['toetsing-blijft-liggen@km:tp-1:2026-11-13'],
    ],
    ['in toetsing for 13 days', { status: 'toetsing', inToetsingSinds: '2026-11-14' }, []],
    ['an intention to impose: the team lead', { status: 'opleggen' }, ['oplegging-wacht@tl:tp-1']],
  ] as Array<[string, Partial<TegenprestatieFeit>, string[]]>)('%s', (_naam, o, verwacht) => {
    expect(soorten(feiten({ tegenprestaties: [tp(o)] }))).toEqual(verwacht);
  });

  it('exemptions ending within 4 weeks go to the client’s caseworker', () => {
    const o = (einddatum: string | null, klantmanagerId: string | null = KM) => ({
      id: `o-${einddatum}`,
      klantId: 'k-2',
      gemeenteId: G,
      klantNaam: 'Piet de Boer',
      klantmanagerId,
      einddatum,
    });
    expect(
      soorten(
        feiten({
          ontheffingen: [o('2026-12-25'), o('2026-12-26'), o(null), o('2026-11-26'), o(VANDAAG, null)],
        }),
      ),
    ).toEqual(['ontheffing-eindigt@km:o-2026-12-25:2026-12-25']);
  });

  it.each([
    [
      'art. 9a lid 7: plan van aanpak due in 28 days',
      { planVanAanpakUiterlijk: '2026-12-25' },
      ['plan-van-aanpak-9a@km:n-1:2026-12-25'],
    ],
    ['art. 9a lid 7: due in 29 days: not yet', { planVanAanpakUiterlijk: '2026-12-26' }, []],
    [
      'art. 9a lid 7: overdue stays signalled',
      { planVanAanpakUiterlijk: '2026-10-01' },
      ['plan-van-aanpak-9a@km:n-1:2026-10-01'],
    ],
    ['art. 9a lid 7: plan made', { planVanAanpakUiterlijk: '2026-12-01', planVanAanpakOp: '2026-11-01' }, []],
    ['art. 9a lid 7: no request date recorded', { planVanAanpakUiterlijk: null }, []],
    [
      'art. 9a lid 8: re-examination due in 28 days',
      { planVanAanpakOp: '2026-06-25', volgendHeronderzoek: '2026-12-25' },
      ['heronderzoek-9a@km:n-1:2026-12-25'],
    ],
    ['art. 9a lid 7: not while suspended', { planVanAanpakUiterlijk: '2026-12-25', lopend: false }, []],
    [
      'art. 9a lid 7: overdue, but not while suspended',
      { planVanAanpakUiterlijk: '2026-10-01', lopend: false },
      [],
    ],
    [
      'art. 9a lid 8: not while suspended',
      { planVanAanpakOp: '2026-06-25', volgendHeronderzoek: '2026-12-25', lopend: false },
      [],
    ],
    [
      'art. 9a lid 8: next one in 29 days: not yet',
      { planVanAanpakOp: '2026-06-26', volgendHeronderzoek: '2026-12-26' },
      [],
    ],
  ] as Array<[string, Record<string, unknown>, string[]]>)('%s', (_naam, over, verwacht) => {
    const negenA = {
      planVanAanpakUiterlijk: null,
      planVanAanpakOp: null,
      volgendHeronderzoek: null,
      lopend: true,
      ...over,
    } as NonNullable<SignaalFeiten['ontheffingen'][number]['negenA']>;
    const o = {
      id: 'n-1',
      klantId: 'k-3',
      gemeenteId: G,
      klantNaam: 'Fatima el Amrani',
      klantmanagerId: KM,
      einddatum: null,
      negenA,
    };
    expect(soorten(feiten({ ontheffingen: [o] }))).toEqual(verwacht);
  });

  it('a waiting intervision goes once to each team lead of the activity’s municipalities', () => {
    const G2 = '00000000-0000-4000-8000-0000000000c2';
    const TL2 = '00000000-0000-4000-8000-0000000000b2';
    const s = bepaalSignalen(
      feiten({
        intervisies: [{ id: 'i-1', activiteitTitel: 'Koffie schenken', gemeenteIds: [G, G2] }],
        teamleiders: { [G]: [TL], [G2]: [TL, TL2] },
      }),
      VANDAAG,
    );
    expect(s.map((x) => [x.gebruikerId, x.gemeenteId, x.oorzaak, x.klantId])).toEqual([
      [TL, G, 'i-1', null],
      [TL2, G2, 'i-1', null],
    ]);
  });

  it('is idempotent by cause: the same facts on the next day give the same causes', () => {
    const f = feiten({
      tegenprestaties: [
        tp({ evaluatiedata: ['2026-12-05'], einddatum: '2026-12-20', laatsteUren: '2026-11-01' }),
      ],
    });
    const vandaag = bepaalSignalen(f, VANDAAG).map((s) => s.oorzaak);
    const morgen = bepaalSignalen(f, plusDagen(VANDAAG, 1)).map((s) => s.oorzaak);
    expect(morgen).toEqual(vandaag);
  });

  it('texts name the client and link to the page, never a BSN', () => {
    const s = bepaalSignalen(
      feiten({ tegenprestaties: [tp({ evaluatiedata: [VANDAAG], einddatum: VANDAAG, laatsteUren: null })] }),
      VANDAAG,
    );
    expect(s.length).toBe(3);
    for (const x of s) {
      expect(x.tekst).toContain('Sanne Visser');
      expect(x.tekst).not.toMatch(/\d{9}/);
      expect(x.link).toBe('/tegenprestaties/tp-1/uitvoering');
    }
    expect(s[0]?.tekst).toBe('Evaluatie van de tegenprestatie van Sanne Visser op 27 november 2026.');
  });
});

describe('uren-wijken-af: a finished week against the agreed hours', () => {
  // VANDAAG is Friday 27 November 2026: the last finished week is 16–22 November.
  const week = (uren: number, o: Partial<NonNullable<TegenprestatieFeit['vorigeWeek']>> = {}) => ({
    maandag: '2026-11-16',
    uren,
    dagen: 2,
    afwezig: false,
    ...o,
  });
  it.each([
    ['exactly as agreed', { vorigeWeek: week(8) }, false],
    ['25% less is still within the margin', { vorigeWeek: week(6) }, false],
    ['25% more is still within the margin', { vorigeWeek: week(10) }, false],
    ['a quarter hour beyond the margin (less)', { vorigeWeek: week(5.75) }, true],
    ['a quarter hour beyond the margin (more)', { vorigeWeek: week(10.25) }, true],
    ['only a zero registered (a day with 0 hours)', { vorigeWeek: week(0, { dagen: 1 }) }, true],
    ['no registration at all: that is geen-uren', { vorigeWeek: week(0, { dagen: 0 }) }, false],
    ['an absence explains the difference', { vorigeWeek: week(2, { afwezig: true }) }, false],
    ['the week began before the start', { vorigeWeek: week(2), startdatum: '2026-11-18' }, false],
    ['the start is that Monday', { vorigeWeek: week(2), startdatum: '2026-11-16' }, true],
    ['the week runs past the end', { vorigeWeek: week(2), einddatum: '2026-11-21' }, false],
    ['the end is that Sunday', { vorigeWeek: week(2), einddatum: '2026-11-22' }, true],
    ['no agreed hours', { vorigeWeek: week(2), urenPerWeek: null }, false],
  ] as Array<[string, Partial<TegenprestatieFeit>, boolean]>)('%s', (_naam, o, verwacht) => {
    expect(urenWijkenAf(tp({ urenPerWeek: 8, ...o }), 25)).toBe(verwacht);
  });

  it('the margin is configuration', () => {
    const t = tp({ urenPerWeek: 8, vorigeWeek: week(6) });
    expect(urenWijkenAf(t, 25)).toBe(false);
    expect(urenWijkenAf(t, 20)).toBe(true);
    expect(soorten(feiten({ tegenprestaties: [t] }))).toEqual([]);
    expect(bepaalSignalen(feiten({ tegenprestaties: [t] }), VANDAAG, { urenMargeProcent: 20 })).toEqual([
      {
        gemeenteId: G,
        klantId: 'k-1',
        gebruikerId: KM,
        soort: 'uren-wijken-af',
        oorzaak: 'tp-1:2026-11-16',
        tekst:
          'In de week van 16 november 2026 staan voor de tegenprestatie van Sanne Visser 6 uur; afgesproken is 8 uur per week. Bespreek het verschil met de klant.',
        link: '/tegenprestaties/tp-1/uitvoering?week=2026-11-16#uren',
        datum: '2026-11-16',
      },
    ]);
  });

  it('only for a running placement with a caseworker', () => {
    const o = { urenPerWeek: 8, vorigeWeek: week(1) };
    expect(soorten(feiten({ tegenprestaties: [tp(o)] }))).toEqual(['uren-wijken-af@km:tp-1:2026-11-16']);
    expect(soorten(feiten({ tegenprestaties: [tp({ ...o, status: 'afgerond' })] }))).toEqual([]);
    expect(soorten(feiten({ tegenprestaties: [tp({ ...o, klantmanagerId: null })] }))).toEqual([]);
  });

  it.each([
    ['2026-11-27', '2026-11-16'],
    ['2026-11-23', '2026-11-16'],
    ['2026-11-22', '2026-11-09'],
    ['2027-01-04', '2026-12-28'],
  ])('vorigeMaandag(%s) = %s', (dag, maandag) => expect(vorigeMaandag(dag)).toBe(maandag));
});

describe('herbeoordelen: review needed of an agreed or running placement', () => {
  const verdringing = {
    soort: 'verdringing' as const,
    oorzaak: 'verdringing:t9:verdringing',
    tekst: 'Bij de activiteit "Moestuin" blijkt verdringing.',
  };
  const werk = { soort: 'werk' as const, oorzaak: 'werk:2026-12-01', tekst: 'Op 1 december 2026 werk.' };
  const re = { soort: 'reintegratie' as const, oorzaak: 'reintegratie:2027-01-04', tekst: 'Re-integratie.' };
  it.each([
    [
      'running, displacement',
      'lopend',
      null,
      [verdringing],
      ['herbeoordelen-verdringing@km:tp-1:verdringing:t9:verdringing'],
    ],
    ['agreed, work', 'overeengekomen', null, [werk], ['herbeoordelen-werk@km:tp-1:werk:2026-12-01']],
    [
      'running, all three: one signal per cause',
      'lopend',
      null,
      [verdringing, werk, re],
      [
        'herbeoordelen-verdringing@km:tp-1:verdringing:t9:verdringing',
        'herbeoordelen-werk@km:tp-1:werk:2026-12-01',
        'herbeoordelen-werk@km:tp-1:reintegratie:2027-01-04',
      ],
    ],
    ['running, no reason', 'lopend', null, [], []],
    ['ended: no review', 'beeindigd', null, [verdringing], []],
    ['in toetsing: the checklist covers it', 'toetsing', '2026-11-26', [verdringing], []],
    ['no caseworker: nobody to tell', 'lopend', 'geen', [werk], []],
  ] as const)('%s', (_naam, status, bijzonder, herbeoordeling, verwacht) => {
    const t = tp({
      status,
      herbeoordeling,
      inToetsingSinds: bijzonder === 'geen' ? null : bijzonder,
      ...(bijzonder === 'geen' ? { klantmanagerId: null } : {}),
    });
    expect(soorten(feiten({ tegenprestaties: [t] })).filter((s) => s.startsWith('herbeoordelen'))).toEqual(
      verwacht,
    );
  });

  it('names the client, links to the placement page and has no date', () => {
    const [s] = bepaalSignalen(feiten({ tegenprestaties: [tp({ herbeoordeling: [werk] })] }), VANDAAG).filter(
      (x) => x.soort === 'herbeoordelen-werk',
    );
    expect(s).toMatchObject({
      gebruikerId: KM,
      klantId: 'k-1',
      tekst: 'Herbeoordeel de tegenprestatie van Sanne Visser. Op 1 december 2026 werk.',
      link: '/tegenprestaties/tp-1/uitvoering#herbeoordeling',
      datum: null,
    });
  });
});

describe('intervisie-wacht for a doubt about one placement', () => {
  it("goes to the team leads of the placement's municipality, saying it is about a placement", () => {
    const s = bepaalSignalen(
      feiten({
        intervisies: [{ id: 'i-1', activiteitTitel: 'Moestuin', gemeenteIds: [G], plaatsing: true }],
      }),
      VANDAAG,
    );
    expect(s).toMatchObject([
      {
        gebruikerId: TL,
        soort: 'intervisie-wacht',
        oorzaak: 'i-1',
        tekst:
          'Een intervisie over twijfel bij een plaatsing bij de activiteit "Moestuin" wacht op uw besluit.',
      },
    ]);
  });

  it('a doubt not allowed after intervision signals the caseworker as a displacement review', () => {
    const t = tp({ herbeoordeling: [{ soort: 'twijfel', oorzaak: 'twijfel:i-1', tekst: 'Mag niet.' }] });
    expect(soorten(feiten({ tegenprestaties: [t] }))).toContain(
      'herbeoordelen-verdringing@km:tp-1:twijfel:i-1',
    );
  });
});

describe('maatregel-heroverwegen (art. 18 lid 3): four weeks ahead, kept after the date', () => {
  const m = (uiterlijk: string, voorbereider: string | null = KM) => ({
    id: 'm-1',
    tegenprestatieId: 'tp-1',
    klantId: 'k-1',
    gemeenteId: G,
    klantNaam: 'Sanne Visser',
    voorbereider,
    heroverwegingUiterlijk: uiterlijk,
  });
  it.each([
    [plusDagen(VANDAAG, 29), []],
    [plusDagen(VANDAAG, 28), [`maatregel-heroverwegen@km:m-1:${plusDagen(VANDAAG, 28)}`]],
    [VANDAAG, [`maatregel-heroverwegen@km:m-1:${VANDAAG}`]],
    [plusDagen(VANDAAG, -10), [`maatregel-heroverwegen@km:m-1:${plusDagen(VANDAAG, -10)}`]],
  ])('due %s', (uiterlijk, verwacht) => {
    expect(soorten(feiten({ maatregelen: [m(uiterlijk)] }))).toEqual(verwacht);
  });

  it('without a preparer it goes to the team leads, with the date and the link to the measure', () => {
    expect(bepaalSignalen(feiten({ maatregelen: [m(VANDAAG, null)] }), VANDAAG)).toEqual([
      {
        gemeenteId: G,
        klantId: 'k-1',
        gebruikerId: TL,
        soort: 'maatregel-heroverwegen',
        oorzaak: `m-1:${VANDAAG}`,
        tekst:
          'Heroverweeg uiterlijk 27 november 2026 de maatregel van Sanne Visser (artikel 18 lid 3 Participatiewet) en leg de uitkomst vast.',
        link: '/tegenprestaties/tp-1/maatregelen/m-1',
        datum: VANDAAG,
      },
    ]);
  });
});
