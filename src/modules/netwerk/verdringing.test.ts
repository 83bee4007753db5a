import { describe, expect, it } from 'vitest';
import type { Antwoord, Conclusie } from './keuzelijsten.ts';
import { activiteitMaterieelGewijzigd, organisatieMaterieelGewijzigd } from './materieel.ts';
import {
  bepaalAdvies,
  controleerAntwoorden,
  controleerConclusie,
  geldigTot,
  keuzeWeigering,
  magGeplaatstWorden,
  type PlaatsingsActiviteit,
  type PlaatsingsIntervisie,
  type PlaatsingsToets,
  type ToetsAntwoord,
  toetsStatus,
  VRAGEN,
  type VraagId,
} from './verdringing.ts';

/** All answers "safe" (no risk), with evidence, then the given overrides. */
function antwoorden(over: Partial<Record<VraagId, Antwoord>> = {}): ToetsAntwoord[] {
  return VRAGEN.map((v) => ({
    vraag: v.id,
    antwoord:
      over[v.id] ?? (v.alleenCommercieel ? 'niet-van-toepassing' : v.risicoBij === 'ja' ? 'nee' : 'ja'),
    toelichting: 'Besproken met de coördinator vrijwilligers.',
  }));
}

describe('bepaalAdvies: checklist → advice', () => {
  const gevallen: Array<[string, Partial<Record<VraagId, Antwoord>>, Conclusie]> = [
    ['all safe answers', {}, 'geen-risico'],
    ['commercial host without competitive edge', { concurrentie: 'nee' }, 'geen-risico'],
    ['done by paid staff', { 'betaalde-krachten': 'ja' }, 'twijfel'],
    ['open vacancy only', { vacature: 'ja' }, 'twijfel'],
    ['cuts only', { bezuiniging: 'ja' }, 'twijfel'],
    ['not additional (structural core work)', { aanvullend: 'nee' }, 'twijfel'],
    ['competitive edge for a company', { concurrentie: 'ja' }, 'twijfel'],
    ['hours or duration do not fit', { omvang: 'nee' }, 'twijfel'],
    ['one unknown answer', { vacature: 'weet-niet' }, 'twijfel'],
    ['stands in for sick or holiday leave', { vervanging: 'ja' }, 'verdringing'],
    ['paid staff plus a vacancy', { 'betaalde-krachten': 'ja', vacature: 'ja' }, 'verdringing'],
    ['paid staff plus cuts', { 'betaalde-krachten': 'ja', bezuiniging: 'ja' }, 'verdringing'],
    ['vacancy plus cuts without paid staff doing it', { vacature: 'ja', bezuiniging: 'ja' }, 'twijfel'],
    ['stand-in while unsure about the rest', { vervanging: 'ja', vacature: 'weet-niet' }, 'verdringing'],
  ];
  it.each(gevallen)('%s → %s', (_naam, over, verwacht) => {
    const a = bepaalAdvies(antwoorden(over));
    expect(a.advies).toBe(verwacht);
    expect(a.redenen.length).toBeGreaterThan(0);
  });

  it('counts a missing answer as unknown (doubt)', () => {
    const a = bepaalAdvies(antwoorden().filter((x) => x.vraag !== 'omvang'));
    expect(a.advies).toBe('twijfel');
    expect(a.redenen).toContain('Nog niet bekend: uren, duur en ruimte voor betaald werk.');
  });

  it('says why in Dutch', () => {
    expect(bepaalAdvies(antwoorden({ vervanging: 'ja' })).redenen).toEqual([
      'De deelnemer zou invallen of een vacature opvullen.',
    ]);
    expect(bepaalAdvies(antwoorden()).redenen).toEqual(['Geen enkel antwoord wijst op verdringing.']);
  });
});

describe('controleerAntwoorden: every question answered with evidence', () => {
  it('accepts a complete checklist', () => {
    expect(controleerAntwoorden(antwoorden(), 'stichting')).toEqual({});
    expect(controleerAntwoorden(antwoorden(), null)).toEqual({});
  });

  it('asks for a missing answer and missing evidence', () => {
    const zonder = antwoorden()
      .filter((a) => a.vraag !== 'vacature')
      .map((a) => (a.vraag === 'omvang' ? { ...a, toelichting: '  ' } : a));
    const fouten = controleerAntwoorden(zonder, 'vereniging');
    expect(Object.keys(fouten).sort()).toEqual(['omvang', 'vacature']);
    expect(fouten.omvang).toMatch(/waar uw antwoord op gebaseerd is/);
  });

  it('allows "niet van toepassing" only for the competition question of a non-commercial host', () => {
    expect(controleerAntwoorden(antwoorden(), 'commercieel-bedrijf').concurrentie).toMatch(
      /commercieel bedrijf/,
    );
    expect(
      controleerAntwoorden(antwoorden({ vacature: 'niet-van-toepassing' }), 'stichting').vacature,
    ).toMatch(/geldt altijd/);
  });
});

describe('controleerConclusie: stricter than the advice is allowed, milder is not', () => {
  const gevallen: Array<[Conclusie, Conclusie, boolean]> = [
    ['geen-risico', 'geen-risico', true],
    ['geen-risico', 'twijfel', true],
    ['geen-risico', 'verdringing', true],
    ['twijfel', 'geen-risico', false],
    ['twijfel', 'twijfel', true],
    ['twijfel', 'verdringing', true],
    ['verdringing', 'geen-risico', false],
    ['verdringing', 'twijfel', false],
    ['verdringing', 'verdringing', true],
  ];
  it.each(gevallen)('advice %s, conclusion %s → allowed %s', (advies, conclusie, mag) => {
    expect(controleerConclusie(advies, conclusie) === undefined).toBe(mag);
  });
});

describe('geldigTot: 12 months', () => {
  it.each([
    ['2026-01-15', '2027-01-15'],
    ['2026-12-31', '2027-12-31'],
    ['2028-02-29', '2029-02-28'],
    ['2026-03-01', '2027-03-01'],
  ])('%s → %s', (van, tot) => expect(geldigTot(van)).toBe(tot));
});

describe('magGeplaatstWorden', () => {
  const activiteit: PlaatsingsActiviteit = {
    status: 'actief',
    einddatum: null,
    materieleVersie: 2,
    organisatieVersie: 1,
    organisatieStatus: 'actief',
  };
  const toets = (over: Partial<PlaatsingsToets> = {}): PlaatsingsToets => ({
    conclusie: 'geen-risico',
    geldigTot: '2027-03-01',
    vervallenOp: null,
    activiteitVersie: 2,
    organisatieVersie: 1,
    ...over,
  });
  const besluit = (b: PlaatsingsIntervisie['besluit'], voorwaarden: string | null = null) => ({
    besluit: b,
    voorwaarden,
  });
  const peildatum = '2026-06-01';

  const gevallen: Array<
    [
      string,
      Partial<PlaatsingsActiviteit>,
      PlaatsingsToets | null,
      PlaatsingsIntervisie | null,
      string,
      boolean,
      RegExp | null,
    ]
  > = [
    ['valid geen-risico', {}, toets(), null, peildatum, true, null],
    ['no assessment', {}, null, null, peildatum, false, /nog geen verdringingstoets/],
    [
      'expired on the day 12 months end',
      {},
      toets(),
      null,
      '2027-03-01',
      false,
      /verlopen op 1-3-2027 \(een toets geldt 12 maanden\)/,
    ],
    ['the day before it expires', {}, toets(), null, '2027-02-28', true, null],
    ['marked invalid', {}, toets({ vervallenOp: new Date() }), null, peildatum, false, /wezenlijk veranderd/],
    ['activity changed after it', { materieleVersie: 3 }, toets(), null, peildatum, false, /wezenlijk/],
    ['host changed after it', { organisatieVersie: 2 }, toets(), null, peildatum, false, /wezenlijk/],
    ['displacement', {}, toets({ conclusie: 'verdringing' }), null, peildatum, false, /blijkt verdringing/],
    [
      'doubt, no intervision yet',
      {},
      toets({ conclusie: 'twijfel' }),
      null,
      peildatum,
      false,
      /nog niet besloten/,
    ],
    [
      'doubt, intervision open',
      {},
      toets({ conclusie: 'twijfel' }),
      besluit(null),
      peildatum,
      false,
      /nog niet besloten/,
    ],
    ['doubt, allowed', {}, toets({ conclusie: 'twijfel' }), besluit('toegestaan'), peildatum, true, null],
    [
      'doubt, allowed under conditions',
      {},
      toets({ conclusie: 'twijfel' }),
      besluit('toegestaan-onder-voorwaarden', 'Niet op de kassa.'),
      peildatum,
      true,
      null,
    ],
    [
      'doubt, not allowed',
      {},
      toets({ conclusie: 'twijfel' }),
      besluit('niet-toegestaan'),
      peildatum,
      false,
      /niet mag/,
    ],
    [
      'allowed intervision but the assessment expired',
      {},
      toets({ conclusie: 'twijfel' }),
      besluit('toegestaan'),
      '2027-04-01',
      false,
      /verlopen/,
    ],
    ['paused activity', { status: 'gepauzeerd' }, toets(), null, peildatum, false, /gepauzeerd/],
    ['ended activity', { status: 'beeindigd' }, toets(), null, peildatum, false, /beëindigd/],
    ['proposed activity', { status: 'voorgesteld' }, toets(), null, peildatum, false, /voorgesteld/],
    [
      'past its end date',
      { einddatum: '2026-05-31' },
      toets(),
      null,
      peildatum,
      false,
      /afgelopen op 31-5-2026/,
    ],
    ['ends on the peildatum', { einddatum: '2026-06-01' }, toets(), null, peildatum, true, null],
    [
      'paused host',
      { organisatieStatus: 'gepauzeerd' },
      toets(),
      null,
      peildatum,
      false,
      /organisatie is gepauzeerd/,
    ],
    [
      'proposed host',
      { organisatieStatus: 'voorgesteld' },
      toets(),
      null,
      peildatum,
      false,
      /nog niet vastgesteld/,
    ],
    [
      'no host (custom activity)',
      { organisatieStatus: null, organisatieVersie: null },
      toets({ organisatieVersie: null }),
      null,
      peildatum,
      true,
      null,
    ],
  ];

  it.each(gevallen)('%s', (_naam, a, t, i, datum, mag, reden) => {
    const oordeel = magGeplaatstWorden({ ...activiteit, ...a }, t, i, datum);
    expect(oordeel.mag).toBe(mag);
    if (mag) expect(oordeel.redenen).toEqual([]);
    else expect(oordeel.redenen.join(' ')).toMatch(reden ?? /./);
  });

  it('passes the conditions of an allowing intervision on', () => {
    const oordeel = magGeplaatstWorden(
      activiteit,
      toets({ conclusie: 'twijfel' }),
      besluit('toegestaan-onder-voorwaarden', 'Alleen naast de vaste kracht.'),
      peildatum,
    );
    expect(oordeel).toEqual({ mag: true, redenen: [], voorwaarden: 'Alleen naast de vaste kracht.' });
  });

  it('gives every reason at once', () => {
    const oordeel = magGeplaatstWorden({ ...activiteit, status: 'gepauzeerd' }, null, null, peildatum);
    expect(oordeel.redenen).toHaveLength(2);
  });

  it('matches toetsStatus', () => {
    expect(toetsStatus(activiteit, null, null, peildatum)).toBe('geen-toets');
    expect(toetsStatus(activiteit, toets(), null, peildatum)).toBe('geen-risico');
    expect(toetsStatus(activiteit, toets({ conclusie: 'twijfel' }), besluit(null), peildatum)).toBe(
      'twijfel-open',
    );
    expect(
      toetsStatus(
        activiteit,
        toets({ conclusie: 'twijfel' }),
        besluit('toegestaan-onder-voorwaarden', 'x'),
        peildatum,
      ),
    ).toBe('toegestaan');
    expect(
      toetsStatus(activiteit, toets({ conclusie: 'twijfel' }), besluit('niet-toegestaan'), peildatum),
    ).toBe('niet-toegestaan');
    expect(toetsStatus(activiteit, toets({ conclusie: 'verdringing' }), null, peildatum)).toBe('verdringing');
    expect(toetsStatus(activiteit, toets(), null, '2027-03-01')).toBe('verlopen');
    expect(toetsStatus({ ...activiteit, materieleVersie: 5 }, toets(), null, peildatum)).toBe('verlopen');
  });
});

describe('material changes', () => {
  const kern = {
    organisatieId: 'o1',
    omschrijving: 'Koffie schenken in het buurthuis.',
    taken: 'Koffie zetten\nAfwassen',
    categorie: 'buurt-en-wijk',
    urenMin: 4,
    urenMax: 8,
    plaatsen: 2,
  };
  it.each([
    ['nothing', {}, false],
    ['whitespace in the description', { omschrijving: ' Koffie  schenken in het buurthuis. ' }, false],
    ['fewer hours', { urenMax: 6 }, false],
    ['fewer places', { plaatsen: 1 }, false],
    ['more hours', { urenMax: 12 }, true],
    ['higher minimum', { urenMin: 6 }, true],
    ['more places', { plaatsen: 3 }, true],
    ['other tasks', { taken: 'Kassa' }, true],
    ['other category', { categorie: 'cultuur' }, true],
    ['other host', { organisatieId: 'o2' }, true],
  ])('activity: %s → %s', (_n, over, verwacht) => {
    expect(activiteitMaterieelGewijzigd(kern, { ...kern, ...over })).toBe(verwacht);
  });

  it.each([
    [{ type: 'stichting', kvkNummer: null }, { type: 'stichting', kvkNummer: null }, false],
    [{ type: 'stichting', kvkNummer: '12345678' }, { type: 'stichting', kvkNummer: '12345678' }, false],
    [{ type: 'stichting', kvkNummer: null }, { type: 'commercieel-bedrijf', kvkNummer: null }, true],
    [{ type: 'stichting', kvkNummer: '12345678' }, { type: 'stichting', kvkNummer: '87654321' }, true],
  ])('organisation %o → %o: %s', (oud, nieuw, verwacht) => {
    expect(organisatieMaterieelGewijzigd(oud, nieuw)).toBe(verwacht);
  });
});

describe('keuzeWeigering: which assessments rule out choosing the activity at all', () => {
  it.each([
    ['geen-toets', null],
    ['geen-risico', null],
    ['twijfel-open', null],
    ['toegestaan', null],
    ['verdringing', /blijkt verdringing van betaald werk/],
    ['verlopen', /verlopen of vervallen/],
    ['niet-toegestaan', /Na intervisie/],
  ] as const)('%s', (status, verwacht) => {
    const r = keuzeWeigering(status);
    if (verwacht === null) expect(r).toBeNull();
    else expect(r).toMatch(verwacht);
  });
});
