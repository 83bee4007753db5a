import { describe, expect, it } from 'vitest';
import {
  eersteDagZonderRechtsgrond,
  GEEN_RECHTSGROND,
  GETOETSTE_REGELS,
  naamOpDatum,
  naamVoorPeriode,
  naamWisselZin,
  type Regel,
  rechtsgrondenInPeriode,
  rechtsgrondOpDatum,
  STANDAARD_RECHTSGRONDEN,
  toetsAanVerordening,
  type Uitkomst,
  type VerordeningOntwerp,
  type VersieParameters,
  versieOpDatum,
  voegRechtsgrondenSamen,
  voldoetAan,
  WETTELIJKE_REGELS,
} from './regels.ts';
import { DEMO_VERORDENINGEN } from './verordening.demo.ts';

const MANTELZORG = '00000000-0000-4000-8000-00000000000a';
const VRIJWILLIGER = '00000000-0000-4000-8000-00000000000b';

/** The demo versions as plain parameters (local grounds by a fixed id). */
function demo(gemeente: 'Aardam' | 'Bergdorp', index: number): VersieParameters & { titel: string } {
  const v = DEMO_VERORDENINGEN[gemeente]![index]!;
  return {
    titel: v.titel,
    ingangsdatum: v.ingangsdatum,
    vorm: v.vorm,
    weergavenaam: v.weergavenaam,
    minUrenPerWeek: v.minUrenPerWeek ?? null,
    maxUrenPerWeek: v.maxUrenPerWeek ?? null,
    maxDuurMaanden: v.maxDuurMaanden ?? null,
    verlengingToegestaan: v.verlengingToegestaan,
    maxVerlengingMaanden: v.maxVerlengingMaanden ?? null,
    lokaleGrondIds: v.lokaleGronden.includes('mantelzorg') ? [MANTELZORG] : [],
    schriftelijkeOvereenkomstVerplicht: v.schriftelijkeOvereenkomstVerplicht,
    artikelen: {
      vorm: v.artikelen?.vorm ?? '',
      uren: v.artikelen?.uren ?? '',
      duur: v.artikelen?.duur ?? '',
      verlenging: v.artikelen?.verlenging ?? '',
      ontheffingen: v.artikelen?.ontheffingen ?? '',
      overeenkomst: v.artikelen?.overeenkomst ?? '',
    },
    minDagenVerzendingStart: v.minDagenVerzendingStart ?? 5,
    artikelMaatregel: v.artikelMaatregel ?? '',
  };
}

const AARDAM_TP = demo('Aardam', 0); // tegenprestatie from 2026-01-01, imposes, 4–12 h, ≤ 6 months
const AARDAM_MP = demo('Aardam', 1); // maatschappelijke participatie from 2026-07-01, imposes, 4–8 h, ≤ 6 months
const BERGDORP = demo('Bergdorp', 0); // tegenprestatie from 2015-01-01, offers only, ≤ 20 h, ≤ 12 months
const AARDAM = [AARDAM_MP, AARDAM_TP]; // deliberately not in date order
const BERGDORP_VERSIES = [BERGDORP];

const VERSIES = {
  'Aardam (tegenprestatie)': AARDAM_TP,
  'Aardam (maatschappelijke participatie)': AARDAM_MP,
  Bergdorp: BERGDORP,
};
type VersieNaam = keyof typeof VERSIES;
const START: Record<VersieNaam, string> = {
  'Aardam (tegenprestatie)': '2026-02-01',
  'Aardam (maatschappelijke participatie)': '2026-08-01',
  Bergdorp: '2026-08-01',
};

/** A design that passes every rule of every demo version: 6 h/week for 3 months. */
function ontwerp(start: string, extra: Partial<VerordeningOntwerp> = {}): VerordeningOntwerp {
  const [y, m] = start.split('-').map(Number) as [number, number];
  const eind = new Date(Date.UTC(y, m - 1 + 3, 0)).toISOString().slice(0, 10); // last day of the 3rd month
  return {
    startdatum: start,
    einddatum: eind,
    urenPerWeek: 6,
    dagdelen: ['di-ochtend', 'do-ochtend'],
    werk: { urenPerWeek: 0, dagdelen: [] },
    reintegratieDagdelen: [],
    ontheffingen: [],
    verlenging: null,
    ...extra,
  };
}

const uitkomst = (o: VerordeningOntwerp, v: VersieParameters, regel: Regel) => {
  const r = toetsAanVerordening(o, v).find((u) => u.regel === regel);
  if (!r) throw new Error(`regel ${regel} ontbreekt`);
  return r;
};

describe('versieOpDatum: the version in force on a date', () => {
  it.each([
    ['Aardam', AARDAM, '2025-12-31', undefined],
    ['Aardam', AARDAM, '2026-01-01', AARDAM_TP],
    ['Aardam', AARDAM, '2026-06-15', AARDAM_TP],
    ['Aardam', AARDAM, '2026-06-30', AARDAM_TP],
    ['Aardam', AARDAM, '2026-07-01', AARDAM_MP],
    ['Aardam', AARDAM, '2027-06-01', AARDAM_MP],
    ['Bergdorp', BERGDORP_VERSIES, '2014-12-31', undefined],
    ['Bergdorp', BERGDORP_VERSIES, '2015-01-01', BERGDORP],
    ['Bergdorp', BERGDORP_VERSIES, '2027-01-01', BERGDORP],
    ['(geen versies)', [], '2026-07-01', undefined],
  ])('%s on %s', (_g, versies, datum, verwacht) => {
    expect(versieOpDatum(versies, datum)).toBe(verwacht);
  });
});

describe('naamOpDatum: the name on a document is the name in force on its date', () => {
  it.each([
    ['Aardam', AARDAM, '2026-06-15', 'tegenprestatie'],
    ['Aardam', AARDAM, '2026-06-30', 'tegenprestatie'],
    ['Aardam', AARDAM, '2026-07-01', 'maatschappelijke participatie'],
    ['Aardam', AARDAM, '2026-07-02', 'maatschappelijke participatie'],
    ['Bergdorp', BERGDORP_VERSIES, '2026-07-02', 'tegenprestatie'],
    ['Bergdorp', BERGDORP_VERSIES, '2027-03-01', 'tegenprestatie'],
    ['(geen versies, statutory name)', [], '2026-12-31', 'tegenprestatie'],
    ['(geen versies, statutory name)', [], '2027-01-01', 'maatschappelijke participatie'],
  ])('%s on %s', (_g, versies, datum, naam) => {
    expect(naamOpDatum(versies, datum)).toBe(naam);
  });

  it('a design starting 2026-06-15 in Aardam is checked as a tegenprestatie, its document of 2026-07-02 says maatschappelijke participatie', () => {
    const o = ontwerp('2026-06-15', { urenPerWeek: 10, einddatum: '2026-09-14' });
    const versie = versieOpDatum(AARDAM, o.startdatum)!;
    expect(versie).toBe(AARDAM_TP);
    const uitkomsten = toetsAanVerordening(o, versie);
    // 10 h/week fits the tegenprestatie version (4–12), not the later one (4–8): the start date decides.
    expect(uitkomsten.find((u) => u.regel === 'uren')?.uitkomst).toBe('voldoet');
    expect(uitkomsten.find((u) => u.regel === 'vorm')?.uitleg).toContain('tegenprestatie op');
    expect(voldoetAan(uitkomsten)).toBe(true);
    expect(naamOpDatum(AARDAM, '2026-07-02')).toBe('maatschappelijke participatie');
  });

  it('the same design starting 2026-07-15 is checked against the maatschappelijke-participatie version', () => {
    const o = ontwerp('2026-07-15', { urenPerWeek: 10, einddatum: '2026-10-14' });
    const versie = versieOpDatum(AARDAM, o.startdatum)!;
    expect(versie).toBe(AARDAM_MP);
    const uren = toetsAanVerordening(o, versie).find((u) => u.regel === 'uren')!;
    expect(uren).toMatchObject({
      uitkomst: 'voldoet-niet',
      artikel: expect.stringContaining('art. 3 lid 1'),
    });
    expect(uren.uitleg).toContain('tussen 4 uur en 8 uur');
  });
});

describe('rechtsgrondOpDatum: the legal basis is a function of the date, apart from the name', () => {
  const ingevuld = voegRechtsgrondenSamen([
    { vanaf: '2027-01-01', artikel: 'art. 9 lid 1 onder c Pw (nieuw)', omschrijving: 'Korte tekst 2027.' },
  ]);
  it.each([
    ['2026-07-02', STANDAARD_RECHTSGRONDEN, 'art. 9 lid 1 onder c Participatiewet'],
    ['2026-12-31', STANDAARD_RECHTSGRONDEN, 'art. 9 lid 1 onder c Participatiewet'],
    ['2027-01-01', STANDAARD_RECHTSGRONDEN, null],
    ['2028-05-01', STANDAARD_RECHTSGRONDEN, null],
    ['2026-12-31', ingevuld, 'art. 9 lid 1 onder c Participatiewet'],
    ['2027-01-01', ingevuld, 'art. 9 lid 1 onder c Pw (nieuw)'],
  ])('on %s', (datum, config, artikel) => {
    const r = rechtsgrondOpDatum(datum, config);
    expect(r.artikel).toBe(artikel);
    expect(r.tekst).toBe(artikel ?? GEEN_RECHTSGROND);
    expect(r.omschrijving === null).toBe(artikel === null);
    expect(r.tekst.toLowerCase()).not.toContain('nog in te vullen');
  });

  it('Aardam calls it maatschappelijke participatie in 2026 while the legal basis stays art. 9 lid 1 onder c', () => {
    expect(naamOpDatum(AARDAM, '2026-08-01')).toBe('maatschappelijke participatie');
    expect(rechtsgrondOpDatum('2026-08-01').artikel).toBe('art. 9 lid 1 onder c Participatiewet');
  });

  it('a stored period replaces the default of the same date, an empty one means no basis recorded', () => {
    expect(voegRechtsgrondenSamen([{ vanaf: '2027-01-01', artikel: '  ', omschrijving: 'los' }])).toEqual(
      STANDAARD_RECHTSGRONDEN,
    );
    expect(
      voegRechtsgrondenSamen([{ vanaf: '2026-07-01', artikel: 'x', omschrijving: null }]).map((p) => p.vanaf),
    ).toEqual(['2015-01-01', '2026-07-01', '2027-01-01']);
  });
});

describe('toetsAanVerordening: every rule, for both municipalities and both names', () => {
  it.each(Object.keys(VERSIES) as VersieNaam[])(
    '%s: a sound design meets every rule, one outcome per rule in order',
    (naam) => {
      const uitkomsten = toetsAanVerordening(ontwerp(START[naam]), VERSIES[naam]);
      expect(uitkomsten.map((u) => u.regel)).toEqual([...GETOETSTE_REGELS]);
      // No rule passes by construction: unpaid and the written agreement are no longer checks.
      expect(uitkomsten.map((u) => u.regel)).not.toContain('onbetaald');
      expect(uitkomsten.map((u) => u.regel)).not.toContain('overeenkomst');
      expect(voldoetAan(uitkomsten)).toBe(true);
      for (const u of uitkomsten) {
        expect(u.uitleg.length).toBeGreaterThan(10);
        expect(u.artikel.length).toBeGreaterThan(3);
      }
    },
  );

  type Geval = [
    VersieNaam,
    string,
    Partial<VerordeningOntwerp> | ((start: string) => Partial<VerordeningOntwerp>),
    Regel,
    Uitkomst,
    RegExp?,
  ];
  const alle = Object.keys(VERSIES) as VersieNaam[];
  const perVersie = (
    omschrijving: string,
    aanpassing: Geval[2],
    regel: Regel,
    verwacht: Uitkomst,
    uitleg?: RegExp,
  ): Geval[] => alle.map((v) => [v, omschrijving, aanpassing, regel, verwacht, uitleg]);

  const gevallen: Geval[] = [
    // ---- statutory rules: the same under every version ----
    ...perVersie(
      'fully and permanently incapacitated (art. 9 lid 5)',
      { ontheffingen: [{ type: 'volledig-arbeidsongeschikt' }] },
      'arbeidsongeschiktheid',
      'voldoet-niet',
      /arbeidsongeschikt/,
    ),
    ...perVersie(
      'single parent with an art. 9a exemption (art. 9 lid 7)',
      { ontheffingen: [{ type: 'alleenstaande-ouder-kind-onder-5' }] },
      'alleenstaande-ouder',
      'voldoet-niet',
      /alleenstaande ouder/,
    ),
    ...perVersie(
      'temporary exemption for urgent reasons (art. 9 lid 2)',
      { ontheffingen: [{ type: 'dringende-redenen' }] },
      'dringende-redenen',
      'voldoet-niet',
      /dringende redenen/,
    ),
    ...perVersie('no paid work', {}, 'werk', 'niet-van-toepassing'),
    ...perVersie(
      'work on other day parts',
      { werk: { urenPerWeek: 16, dagdelen: ['ma-ochtend', 'ma-middag'] } },
      'werk',
      'voldoet',
    ),
    ...perVersie(
      'work on the same day part',
      { werk: { urenPerWeek: 16, dagdelen: ['di-ochtend'] } },
      'werk',
      'voldoet-niet',
      /dinsdagochtend/,
    ),
    ...perVersie(
      'work but no day parts in the design',
      { werk: { urenPerWeek: 8, dagdelen: ['ma-ochtend'] }, dagdelen: [] },
      'werk',
      'voldoet-niet',
      /geen dagdelen/,
    ),
    ...perVersie('no re-integration', {}, 'reintegratie', 'niet-van-toepassing'),
    ...perVersie(
      're-integration on other day parts',
      { reintegratieDagdelen: ['wo-middag'] },
      'reintegratie',
      'voldoet',
    ),
    ...perVersie(
      're-integration on the same day part',
      { reintegratieDagdelen: ['do-ochtend'] },
      'reintegratie',
      'voldoet-niet',
      /donderdagochtend/,
    ),
    ...perVersie(
      're-integration but no day parts in the design',
      { reintegratieDagdelen: ['do-ochtend'], dagdelen: [] },
      'reintegratie',
      'voldoet-niet',
    ),
    // ---- the version's rules ----
    ['Aardam (tegenprestatie)', 'imposes', {}, 'vorm', 'voldoet', /legt de tegenprestatie op/],
    [
      'Aardam (maatschappelijke participatie)',
      'imposes',
      {},
      'vorm',
      'voldoet',
      /legt de maatschappelijke participatie op/,
    ],
    ['Bergdorp', 'offers only', {}, 'vorm', 'voldoet', /alleen aan: meedoen is vrijwillig/],
    [
      'Aardam (tegenprestatie)',
      'below the minimum',
      { urenPerWeek: 3 },
      'uren',
      'voldoet-niet',
      /tussen 4 uur en 12 uur/,
    ],
    ['Aardam (tegenprestatie)', 'at the maximum', { urenPerWeek: 12 }, 'uren', 'voldoet'],
    ['Aardam (tegenprestatie)', 'above the maximum', { urenPerWeek: 12.5 }, 'uren', 'voldoet-niet'],
    ['Aardam (maatschappelijke participatie)', 'at the minimum', { urenPerWeek: 4 }, 'uren', 'voldoet'],
    ['Aardam (maatschappelijke participatie)', 'at the maximum', { urenPerWeek: 8 }, 'uren', 'voldoet'],
    [
      'Aardam (maatschappelijke participatie)',
      'above the maximum',
      { urenPerWeek: 9 },
      'uren',
      'voldoet-niet',
      /tussen 4 uur en 8 uur/,
    ],
    ['Bergdorp', 'no minimum', { urenPerWeek: 1 }, 'uren', 'voldoet'],
    ['Bergdorp', 'at the maximum', { urenPerWeek: 20 }, 'uren', 'voldoet'],
    ['Bergdorp', 'above the maximum', { urenPerWeek: 21 }, 'uren', 'voldoet-niet', /hoogstens 20 uur/],
    [
      'Aardam (tegenprestatie)',
      '6 months to the day',
      { startdatum: '2026-02-01', einddatum: '2026-07-31' },
      'duur',
      'voldoet',
    ],
    [
      'Aardam (tegenprestatie)',
      'one day longer than 6 months',
      { startdatum: '2026-02-01', einddatum: '2026-08-01' },
      'duur',
      'voldoet-niet',
      /6 maanden/,
    ],
    [
      'Aardam (maatschappelijke participatie)',
      '6 months to the day',
      { startdatum: '2026-08-01', einddatum: '2027-01-31' },
      'duur',
      'voldoet',
    ],
    [
      'Aardam (maatschappelijke participatie)',
      '7 months',
      { startdatum: '2026-08-01', einddatum: '2027-02-28' },
      'duur',
      'voldoet-niet',
    ],
    [
      'Bergdorp',
      '12 months to the day',
      { startdatum: '2026-08-01', einddatum: '2027-07-31' },
      'duur',
      'voldoet',
    ],
    [
      'Bergdorp',
      'longer than 12 months',
      { startdatum: '2026-08-01', einddatum: '2027-08-01' },
      'duur',
      'voldoet-niet',
      /12 maanden/,
    ],
    ...perVersie('no end date', { einddatum: null }, 'duur', 'voldoet-niet', /geen einddatum/),
    ...perVersie(
      'an extension (the extension rule applies)',
      { verlenging: { maanden: 1 }, einddatum: null },
      'duur',
      'niet-van-toepassing',
    ),
    ...perVersie('not an extension', {}, 'verlenging', 'niet-van-toepassing'),
    [
      'Aardam (tegenprestatie)',
      'extension of 6 months (max 6)',
      (s) => ({ verlenging: { maanden: 6 }, einddatum: eindNa(s, 6) }),
      'verlenging',
      'voldoet',
    ],
    [
      'Aardam (tegenprestatie)',
      'extension of 7 months (max 6)',
      (s) => ({ verlenging: { maanden: 7 }, einddatum: eindNa(s, 7) }),
      'verlenging',
      'voldoet-niet',
      /hoogstens 6 maanden/,
    ],
    [
      'Aardam (maatschappelijke participatie)',
      'extension of 3 months (max 3)',
      (s) => ({ verlenging: { maanden: 3 }, einddatum: eindNa(s, 3) }),
      'verlenging',
      'voldoet',
    ],
    [
      'Aardam (maatschappelijke participatie)',
      'extension of 4 months (max 3)',
      (s) => ({ verlenging: { maanden: 4 }, einddatum: eindNa(s, 4) }),
      'verlenging',
      'voldoet-niet',
    ],
    [
      'Aardam (maatschappelijke participatie)',
      'period longer than the extension',
      (s) => ({ verlenging: { maanden: 2 }, einddatum: eindNa(s, 3) }),
      'verlenging',
      'voldoet-niet',
      /langer dan de verlenging/,
    ],
    [
      'Bergdorp',
      'any extension (not allowed)',
      (s) => ({ verlenging: { maanden: 1 }, einddatum: eindNa(s, 1) }),
      'verlenging',
      'voldoet-niet',
      /geen verlenging/,
    ],
    ...perVersie('no local exemption', {}, 'ontheffingen', 'voldoet'),
    ...perVersie(
      'a local exemption on a ground the version recognises',
      { ontheffingen: [{ type: 'lokaal', lokaleGrondId: MANTELZORG, naam: 'Mantelzorg' }] },
      'ontheffingen',
      'voldoet-niet',
      /Mantelzorg/,
    ),
    ...perVersie(
      'a local exemption on a ground the version does not recognise',
      { ontheffingen: [{ type: 'lokaal', lokaleGrondId: VRIJWILLIGER, naam: 'Vrijwilligerswerk' }] },
      'ontheffingen',
      'voldoet',
      /geen grond in deze versie/,
    ),
  ];

  it.each(gevallen)('%s: %s → %s %s', (versieNaam, _omschrijving, aanpassing, regel, verwacht, uitleg) => {
    const start = START[versieNaam];
    const extra = typeof aanpassing === 'function' ? aanpassing(start) : aanpassing;
    const o = ontwerp(extra.startdatum ?? start, extra);
    const r = uitkomst(o, VERSIES[versieNaam], regel);
    expect(r.uitkomst).toBe(verwacht);
    if (uitleg) expect(r.uitleg).toMatch(uitleg);
  });

  it('cites the ordinance article of each version rule, and the statute for the statutory ones', () => {
    const uitkomsten = toetsAanVerordening(ontwerp(START.Bergdorp), BERGDORP);
    const artikel = (r: Regel) => uitkomsten.find((u) => u.regel === r)!.artikel;
    expect(artikel('uren')).toBe('art. 3 lid 1 verordening (versie van 1 januari 2015)');
    expect(artikel('arbeidsongeschiktheid')).toBe('art. 9 lid 5 Participatiewet');
    expect(artikel('alleenstaande-ouder')).toBe('art. 9 lid 7 jo. art. 9a Participatiewet');
    // Work and re-integration first is policy: the guideline is cited, never an article of the law.
    expect(artikel('werk')).toMatch(/^Richtlijn tegenprestatie/);
    expect(artikel('werk')).toContain('geen wetsartikel');
    expect(artikel('reintegratie')).toMatch(/^Richtlijn tegenprestatie/);
    expect(artikel('werk')).not.toContain('art. 9');
  });

  it('statutory rules apply whatever the version says; from 2027 the article is cited as the text until 2027', () => {
    const o = ontwerp('2027-02-01', { ontheffingen: [{ type: 'volledig-arbeidsongeschikt' }] });
    for (const v of [AARDAM_MP, BERGDORP]) {
      const uitkomsten = toetsAanVerordening(o, v);
      expect(uitkomsten.filter((u) => WETTELIJKE_REGELS.includes(u.regel)).map((u) => u.regel)).toEqual([
        ...WETTELIJKE_REGELS,
      ]);
      expect(uitkomsten.find((u) => u.regel === 'arbeidsongeschiktheid')).toMatchObject({
        uitkomst: 'voldoet-niet',
        artikel: expect.stringContaining('Participatiewet in balans'),
      });
      for (const u of uitkomsten) expect(u.artikel.toLowerCase()).not.toContain('nog in te vullen');
      expect(voldoetAan(uitkomsten)).toBe(false);
    }
  });

  it('a version without limits makes hours and duration not applicable', () => {
    const v: VersieParameters = { ...BERGDORP, maxUrenPerWeek: null, maxDuurMaanden: null };
    const uitkomsten = toetsAanVerordening(ontwerp('2026-08-01', { einddatum: null, urenPerWeek: 38 }), v);
    expect(uitkomsten.find((u) => u.regel === 'uren')?.uitkomst).toBe('niet-van-toepassing');
    expect(uitkomsten.find((u) => u.regel === 'duur')?.uitkomst).toBe('niet-van-toepassing');
  });
});

/** The last day of a period of `maanden` months from `start` (inclusive). */
function eindNa(start: string, maanden: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + maanden, d - 1)).toISOString().slice(0, 10);
}

describe('rechtsgrondenInPeriode and eersteDagZonderRechtsgrond: the basis per regime a period reaches', () => {
  const ingevuld = voegRechtsgrondenSamen([
    { vanaf: '2027-01-01', artikel: 'Testartikel 2027', omschrijving: 'Korte tekst 2027.' },
  ]);
  it.each([
    ['ends 2026-12-31', '2026-07-01', '2026-12-31', STANDAARD_RECHTSGRONDEN, null, 1],
    ['reaches 2027-01-01', '2026-07-01', '2027-01-01', STANDAARD_RECHTSGRONDEN, '2027-01-01', 2],
    ['open-ended', '2026-07-01', null, STANDAARD_RECHTSGRONDEN, '2027-01-01', 2],
    ['starts in 2027', '2027-02-01', '2027-05-31', STANDAARD_RECHTSGRONDEN, '2027-02-01', 1],
    ['reaches 2027, basis recorded', '2026-07-01', '2027-03-31', ingevuld, null, 2],
    ['before every regime', '2014-06-01', '2014-12-31', STANDAARD_RECHTSGRONDEN, '2014-06-01', 1],
  ] as const)('%s', (_n, start, eind, config, ontbreekt, aantal) => {
    const regimes = rechtsgrondenInPeriode(start, eind, config);
    expect(regimes).toHaveLength(aantal);
    expect(regimes[0]?.van).toBe(start);
    expect(regimes.at(-1)?.tot).toBe(eind);
    expect(eersteDagZonderRechtsgrond(start, eind, config)).toBe(ontbreekt);
  });

  it('splits a period at the switch: 2026 under art. 9 lid 1 onder c, 2027 under the recorded article', () => {
    expect(rechtsgrondenInPeriode('2026-10-01', '2027-03-31', ingevuld)).toEqual([
      expect.objectContaining({
        van: '2026-10-01',
        tot: '2026-12-31',
        artikel: 'art. 9 lid 1 onder c Participatiewet',
      }),
      expect.objectContaining({ van: '2027-01-01', tot: '2027-03-31', artikel: 'Testartikel 2027' }),
    ]);
  });
});

describe('naamVoorPeriode: the name follows the period (its start), not the print date', () => {
  it.each([
    ['Aardam, starts in June, ends in December', AARDAM, '2026-06-15', '2026-12-14', 'tegenprestatie', 1],
    ['Aardam, starts in June, ends in June', AARDAM, '2026-06-01', '2026-06-30', 'tegenprestatie', 0],
    ['Aardam, starts 1 July', AARDAM, '2026-07-01', '2026-12-31', 'maatschappelijke participatie', 0],
    ['Bergdorp, spans 2027', BERGDORP_VERSIES, '2026-10-01', '2027-03-31', 'tegenprestatie', 0],
    ['Aardam, open-ended from June', AARDAM, '2026-06-15', null, 'tegenprestatie', 1],
  ] as const)('%s', (_n, versies, start, eind, naam, wissels) => {
    const p = naamVoorPeriode(versies, start, eind);
    expect(p.naam).toBe(naam);
    expect(p.wisselingen).toHaveLength(wissels);
    const zin = naamWisselZin('Aardam', p.naam, p.wisselingen);
    if (wissels === 0) expect(zin).toBeNull();
    else {
      expect(zin).toBe(
        'Vanaf 1 juli 2026 heet de tegenprestatie in de gemeente Aardam maatschappelijke participatie; voor deze afspraken verandert daardoor niets.',
      );
      // One plain sentence.
      expect(zin?.match(/\./g)).toHaveLength(1);
    }
  });
});
