import { describe, expect, it } from 'vitest';
import { bepaalSignalen, plusDagen, type SignaalFeiten, type TegenprestatieFeit } from './regels.ts';

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
    ['geen medewerking: the team lead', { status: 'geen-medewerking' }, ['geen-medewerking@tl:tp-1']],
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
