import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ActiviteitGegevens,
  bereidKlantVoor,
  bouwActiviteitCache,
  ervaringScore,
  ervaringTekst,
  filterNaam,
  filterPaar,
  type KlantGegevens,
  normaliseerGewichten,
  rangschik,
  redenenVoorRol,
  STANDAARD_GEWICHTEN,
  scoorAlles,
  scoorPaar,
  verklaar,
  vermogenUitleg,
  vermogenVan,
} from './kernel.ts';
import {
  afstandKm,
  laadCentroiden,
  maakCentroiden,
  maxKmBinnen,
  reisminuten,
  snelsteReis,
  vervoerMasker,
} from './reistijd.ts';
import { bouwTekstIndex, bouwVraag, cosinusAlle, gedeeldeWoorden, stam, Vocabulaire } from './tekst.ts';

const centroiden = maakCentroiden({
  '5611': { c: [51.4381, 5.4779] }, // Eindhoven centrum
  '5612': { c: [51.4431, 5.4891] },
  '5621': { c: [51.4581, 5.4692] },
  '9711': { c: [53.2194, 6.5665] }, // Groningen: far away
  '5699': { c: [51.44, 5.48] },
});

function act(o: Partial<ActiviteitGegevens> = {}): ActiviteitGegevens {
  return {
    id: o.id ?? 'a1',
    titel: 'Gastheer in het buurthuis',
    omschrijving: 'Koffie schenken en bezoekers ontvangen.',
    taken: null,
    categorie: 'buurt-en-wijk',
    categorieNaam: 'Buurt en wijk',
    vaardigheden: ['Gastvrijheid'],
    fysiekeBelasting: 'laag',
    taalniveauMin: null,
    urenMin: 4,
    urenMax: 8,
    dagdelen: ['di-ochtend'],
    postcode: '5611 AB',
    wijkId: 'w-centrum',
    wijkNaam: 'Centrum',
    organisatieId: 'o1',
    organisatieNaam: 'Buurthuis De Schakel',
    organisatieType: 'stichting',
    vrijePlaatsen: 2,
    plaatsingen: null,
    ...o,
  };
}

function klant(o: Partial<KlantGegevens> = {}): KlantGegevens {
  return {
    id: 'k1',
    gemeenteId: 'g1',
    toepasselijk: true,
    nietToepasselijkReden: null,
    maxUrenPerWeek: 12,
    geenBeperkingenBekend: false,
    regulierWerkUren: 28,
    werkUren: 0,
    urenElders: 0,
    beperkingen: [],
    beschikbaarheid: [],
    werkDagdelen: [],
    reintegratieDagdelen: [],
    taalniveau: 'b1',
    postcode: '5612 CD',
    wijkId: 'w-centrum',
    mobiliteit: ['fiets'],
    maxReistijdMinuten: 30,
    vaardigheden: [],
    interesses: [],
    wensen: '',
    netwerkOrganisatieIds: [],
    ...o,
  };
}

const filter = (k: Partial<KlantGegevens>, a: Partial<ActiviteitGegevens>) => {
  const c = bouwActiviteitCache([act(a)], centroiden);
  return filterNaam(filterPaar(bereidKlantVoor(klant(k), c, centroiden), c, 0));
};

describe('naar vermogen (vermogenVan)', () => {
  const v = (o: Partial<KlantGegevens>) => {
    const k = klant(o);
    return vermogenVan(k);
  };
  it.each([
    ['recorded capacity', { maxUrenPerWeek: 12 }, 'belastbaarheid', 12, 12],
    ['recorded capacity minus work', { maxUrenPerWeek: 12, werkUren: 4 }, 'belastbaarheid', 12, 8],
    [
      'recorded capacity minus work and another design',
      { maxUrenPerWeek: 12, werkUren: 4, urenElders: 6 },
      'belastbaarheid',
      12,
      2,
    ],
    ['never below zero', { maxUrenPerWeek: 12, urenElders: 16 }, 'belastbaarheid', 12, 0],
    [
      'no limits known: the threshold minus work and other designs',
      { maxUrenPerWeek: null, geenBeperkingenBekend: true, regulierWerkUren: 28, werkUren: 8, urenElders: 6 },
      'geen-beperkingen-bekend',
      28,
      14,
    ],
    [
      'a recorded capacity wins over the statement',
      { maxUrenPerWeek: 6, geenBeperkingenBekend: true },
      'belastbaarheid',
      6,
      6,
    ],
    [
      'nothing recorded: no ceiling, not the threshold',
      { maxUrenPerWeek: null, regulierWerkUren: 28, urenElders: 6 },
      'niet-vastgelegd',
      null,
      Infinity,
    ],
  ] as Array<[string, Partial<KlantGegevens>, string, number | null, number]>)(
    '%s',
    (_n, o, bron, grens, ruimte) => {
      const r = v(o);
      expect(r.bron).toBe(bron);
      expect(r.grens).toBe(grens);
      expect(r.ruimteUren).toBe(ruimte);
    },
  );

  it('says in the result that no capacity is assumed, and names the other hours', () => {
    expect(vermogenUitleg(v({ maxUrenPerWeek: null, urenElders: 6 }))).toMatch(
      /belastbaarheid van de klant is niet vastgelegd.*grens van de gemeente wordt niet als vermogen aangenomen.*al 6 uur in een andere afgesproken of lopende tegenprestatie/,
    );
    expect(vermogenUitleg(v({ maxUrenPerWeek: 12, werkUren: 4, urenElders: 6 }))).toBe(
      'De klant kan nog 2 uur per week (belastbaar 12 uur, werkt 4 uur, 6 uur in een andere afgesproken of lopende tegenprestatie).',
    );
    expect(vermogenUitleg(v({ maxUrenPerWeek: null, geenBeperkingenBekend: true }))).toBe(
      'De klant kan nog 28 uur per week (geen beperkingen bekend, dus de grens van de gemeente: 28 uur).',
    );
  });
});

describe('hard filters', () => {
  it.each([
    ['everything fits', {}, {}, null],
    ['no free place', {}, { vrijePlaatsen: 0 }, 'plaats'],
    ['hours above capacity', { maxUrenPerWeek: 3 }, {}, 'uren'],
    ['hours fit only without work', { maxUrenPerWeek: 10, werkUren: 8 }, {}, 'uren'],
    ['capacity unknown: no hours filter', { maxUrenPerWeek: null }, { urenMin: 30 }, null],
    [
      'capacity unknown: the threshold is not assumed',
      { maxUrenPerWeek: null, regulierWerkUren: 8 },
      { urenMin: 30 },
      null,
    ],
    [
      'no limits known: the threshold is the ceiling',
      { maxUrenPerWeek: null, geenBeperkingenBekend: true, regulierWerkUren: 28 },
      { urenMin: 30 },
      'uren',
    ],
    [
      'hours of another design count against the capacity',
      { maxUrenPerWeek: 12, urenElders: 10 },
      {},
      'uren',
    ],
    ['other design leaves room', { maxUrenPerWeek: 12, urenElders: 6 }, {}, null],
    [
      'other design counts against the threshold when no limits are known',
      { maxUrenPerWeek: null, geenBeperkingenBekend: true, regulierWerkUren: 10, urenElders: 8 },
      {},
      'uren',
    ],
    ['day part not available', { beschikbaarheid: ['ma-ochtend'] }, {}, 'dagdelen'],
    ['day part taken by work', { werkDagdelen: ['di-ochtend'] }, {}, 'dagdelen'],
    ['day part taken by re-integration', { reintegratieDagdelen: ['di-ochtend'] }, {}, 'dagdelen'],
    [
      'one of two day parts free',
      { werkDagdelen: ['di-ochtend'] },
      { dagdelen: ['di-ochtend', 'do-middag'] },
      null,
    ],
    ['flexible activity', { beschikbaarheid: ['za-avond'] }, { dagdelen: [] }, null],
    [
      'heavy work with lifting limitation',
      { beperkingen: ['dynamische-handelingen'] },
      { fysiekeBelasting: 'hoog' },
      'belasting',
    ],
    [
      'medium work with lifting limitation',
      { beperkingen: ['dynamische-handelingen'] },
      { fysiekeBelasting: 'midden' },
      null,
    ],
    [
      'medium work with lifting and posture limitations',
      { beperkingen: ['dynamische-handelingen', 'statische-houdingen'] },
      { fysiekeBelasting: 'midden' },
      'belasting',
    ],
    [
      'outdoor heavy work and environment limitation',
      { beperkingen: ['aanpassing-fysieke-omgeving'] },
      { fysiekeBelasting: 'hoog' },
      'belasting',
    ],
    ['Dutch level too low', { taalniveau: 'a1' }, { taalniveauMin: 'b1' }, 'taal'],
    ['Dutch level enough', { taalniveau: 'b1' }, { taalniveauMin: 'a2' }, null],
    ['Dutch level unknown: no filter', { taalniveau: null }, { taalniveauMin: 'c1' }, null],
    ['travel clearly too far', { maxReistijdMinuten: 30 }, { postcode: '9711 AA' }, 'reistijd'],
    ['no maximum travel time', { maxReistijdMinuten: null }, { postcode: '9711 AA' }, null],
    ['unknown postcode: no travel filter', { postcode: null }, { postcode: '9711 AA' }, null],
    ['implausible postcode: no travel filter', {}, { postcode: '0000 AA' }, null],
  ] as const)('%s', (_naam, k, a, verwacht) => {
    expect(filter(k as Partial<KlantGegevens>, a as Partial<ActiviteitGegevens>)).toBe(verwacht);
  });

  it('a client to whom the tegenprestatie does not apply gets nothing', () => {
    const c = bouwActiviteitCache([act()], centroiden);
    const kl = bereidKlantVoor(klant({ toepasselijk: false }), c, centroiden);
    expect(
      rangschik(kl, c, normaliseerGewichten(STANDAARD_GEWICHTEN), 5, { verordeningMaxUren: null }).idx,
    ).toHaveLength(0);
    expect(
      scoorPaar(kl, c, 0, normaliseerGewichten(STANDAARD_GEWICHTEN), { verordeningMaxUren: null }),
    ).toBeNull();
  });
});

describe('travel', () => {
  it('estimates minutes from straight-line km, detour factor and speed per mode', () => {
    expect(reisminuten(5, 'lopen')).toBeCloseTo(78, 0); // 5 × 1.3 / 5 km/h
    expect(reisminuten(5, 'fiets')).toBeCloseTo(2 + 26, 0);
    expect(reisminuten(5, 'ov')).toBeCloseTo(10 + 21, 0);
    expect(reisminuten(5, 'auto')).toBeCloseTo(5 + 11.1, 0);
    expect(snelsteReis(0.3, ['lopen', 'auto']).vervoer).toBe('lopen');
    expect(snelsteReis(10, ['lopen', 'fiets', 'ov']).vervoer).toBe('ov');
    expect(snelsteReis(0.5, []).vervoer).toBe('lopen'); // unknown: walking and public transport
    expect(snelsteReis(3, []).vervoer).toBe('ov');
  });
  it('the longest distance within a time agrees with the minutes', () => {
    for (const masker of [1, 2, 4, 8, 15, vervoerMasker([])]) {
      const km = maxKmBinnen(45, masker);
      const modi = (['lopen', 'fiets', 'ov', 'auto'] as const).filter((_, j) => masker & (1 << j));
      expect(Math.min(...modi.map((m) => reisminuten(km, m)))).toBeCloseTo(45, 6);
    }
  });
  it('ships the postcode centroids and drops stray P.O.-box codes', () => {
    const alle = laadCentroiden();
    expect(alle.size).toBeGreaterThan(4000);
    expect(alle.has('1011')).toBe(true);
    expect(alle.has('1002')).toBe(false); // stray coordinate in the data (README)
    const [a, b] = [alle.get('1011')!, alle.get('3511')!];
    expect(afstandKm(a[0], a[1], b[0], b[1])).toBeGreaterThan(30);
  });
});

describe('Dutch stemmer and TF-IDF', () => {
  it.each([
    ['fietsen', 'fiets'],
    ['fiets', 'fiets'],
    ['fietser', 'fiets'],
    ['fietsers', 'fiets'],
    ['reparatie', 'repar'],
    ['repareren', 'repar'],
    ['repareer', 'repar'],
    ['tuinen', 'tuin'],
    ['wandelingen', 'wandel'],
    ['koken', 'kok'],
    ['kook', 'kok'],
    ['dieren', 'dier'],
    ['hondjes', 'hond'],
    ['kunst', 'kunst'],
    ['kunsten', 'kunst'],
  ])('stam(%s) = %s', (w, s) => expect(stam(w)).toBe(s));

  it('resolves past participles, verb forms and compounds against the vocabulary', () => {
    const v = new Vocabulaire(['fiets', 'repar', 'tuin', 'onderhoud'], false);
    expect(v.termen('gefietst')).toEqual(['fiets']);
    expect(v.termen('fietst')).toEqual(['fiets']);
    expect(v.termen('gerepareerd')).toEqual(['repar']);
    expect(v.termen('fietsenmaker')).toEqual(['fiets']);
    expect(v.termen('tuinonderhoud')).toEqual(['tuin', 'onderhoud']);
    expect(v.termen('gezond')).toEqual(['gezond']);
  });

  it('ranks by TF-IDF and names the matched words', () => {
    const idx = bouwTekstIndex([
      'Fietsenmaker in de wijk: fietsen repareren',
      'Reparatie van kleding in het repair café',
      'Koffie schenken in het buurthuis',
    ]);
    const vraag = bouwVraag(idx, 'Ik heb altijd gefietst en wil fietser worden; repareren vind ik leuk');
    const s = new Float32Array(3);
    cosinusAlle(idx, vraag, s);
    expect(s[0]).toBeGreaterThan(s[1]!);
    expect(s[1]).toBeGreaterThan(0);
    expect(s[2]).toBe(0);
    expect(gedeeldeWoorden(idx, vraag, 0)).toEqual(expect.arrayContaining(['gefietst', 'repareren']));
    expect(gedeeldeWoorden(idx, vraag, 1)).toEqual(['repareren']);
  });
});

describe('ranking and reasons', () => {
  const acts = [
    act({ id: 'dichtbij', wijkId: 'w-centrum', organisatieType: 'maatschappelijke-instelling' }),
    act({ id: 'bedrijf', wijkId: 'w-centrum', organisatieType: 'commercieel-bedrijf' }),
    act({
      id: 'ver',
      wijkId: 'w-noord',
      postcode: '5621 AA',
      organisatieType: 'maatschappelijke-instelling',
    }),
    act({ id: 'zwaar', fysiekeBelasting: 'hoog', organisatieType: 'maatschappelijke-instelling' }),
    act({ id: 'veel-uren', urenMin: 20, urenMax: 24, organisatieType: 'maatschappelijke-instelling' }),
  ];
  const c = bouwActiviteitCache(acts, centroiden);
  const w = normaliseerGewichten(STANDAARD_GEWICHTEN);

  it('own wijk first, social institution above company, and integer scores', () => {
    const kl = bereidKlantVoor(
      klant({ beperkingen: ['dynamische-handelingen'], maxUrenPerWeek: 30 }),
      c,
      centroiden,
    );
    const top = rangschik(kl, c, w, 10, { verordeningMaxUren: null });
    const ids = [...top.idx].map((i) => c.ids[i]);
    expect(ids).not.toContain('zwaar');
    expect(ids.indexOf('dichtbij')).toBeLessThan(ids.indexOf('bedrijf'));
    expect(ids.indexOf('dichtbij')).toBeLessThan(ids.indexOf('ver'));
    for (const s of top.score) expect(Number.isInteger(s)).toBe(true);
  });

  it('an activity above the ordinance hours still appears, with a negative reason', () => {
    const kl = bereidKlantVoor(klant({ maxUrenPerWeek: 30 }), c, centroiden);
    const opties = { verordeningMaxUren: 16 };
    const top = rangschik(kl, c, w, 10, opties);
    const i = c.index.get('veel-uren')!;
    expect([...top.idx]).toContain(i);
    const { redenen } = verklaar(kl, c, i, STANDAARD_GEWICHTEN, opties);
    const r = redenen.find((x) => x.factor === 'verordening');
    expect(r?.punten).toBeLessThan(0);
    expect(r?.tekst).toContain('verordening');
    const zonder = rangschik(kl, c, w, 10, { verordeningMaxUren: null });
    const pos = (t: typeof top) => [...t.idx].indexOf(i);
    expect(top.score[pos(top)]!).toBeLessThan(zonder.score[pos(zonder)]!);
  });

  it("the netwerkmakelaar's reasons never reveal limitations or capacity", () => {
    const kl = bereidKlantVoor(
      klant({
        beperkingen: ['dynamische-handelingen'],
        maxUrenPerWeek: 12,
        werkUren: 4,
        werkDagdelen: ['ma-ochtend'],
        taalniveau: 'a2',
      }),
      c,
      centroiden,
    );
    const i = c.index.get('dichtbij')!;
    const alle = verklaar(kl, c, i, STANDAARD_GEWICHTEN, { verordeningMaxUren: null }).redenen;
    const km = redenenVoorRol(alle, 'klantmanager')
      .map((r) => r.tekst)
      .join(' | ');
    expect(km).toMatch(/kan nog 8 uur/);
    expect(km).toMatch(/beperkingen/);
    const nm = redenenVoorRol(alle, 'netwerkmakelaar')
      .map((r) => r.tekst)
      .join(' | ');
    expect(nm).toContain('Past qua belastbaarheid');
    expect(nm).not.toMatch(/beperking|belastbaar \d|kan \d|werkt|re-integratie|A2|uur \(/i);
  });

  it('kernel and pair functions agree on random data (filters and scores)', () => {
    const DD = ['ma-ochtend', 'di-middag', 'wo-avond', 'do-ochtend', 'vr-middag'];
    const arbAct = fc.record({
      urenMin: fc.integer({ min: 1, max: 20 }),
      dagdelen: fc.subarray(DD),
      fysiekeBelasting: fc.constantFrom('laag', 'midden', 'hoog'),
      taalniveauMin: fc.constantFrom(null, 'a1', 'b1', 'c1'),
      postcode: fc.constantFrom('5611 AA', '5621 AA', '9711 AA', null),
      vrijePlaatsen: fc.integer({ min: 0, max: 3 }),
      organisatieType: fc.constantFrom('stichting', 'commercieel-bedrijf', 'maatschappelijke-instelling'),
    });
    const arbKlant = fc.record({
      maxUrenPerWeek: fc.constantFrom(null, 4, 10, 20),
      beschikbaarheid: fc.subarray(DD),
      beperkingen: fc.subarray(['dynamische-handelingen', 'statische-houdingen']),
      taalniveau: fc.constantFrom(null, 'a2', 'b2'),
      maxReistijdMinuten: fc.constantFrom(null, 15, 60),
      wensen: fc.constantFrom('', 'koffie schenken', 'bezoekers ontvangen in de buurt'),
    });
    fc.assert(
      fc.property(fc.array(arbAct, { minLength: 1, maxLength: 12 }), arbKlant, (as, k) => {
        const cache = bouwActiviteitCache(
          as.map((a, j) => act({ ...a, id: `a${j}`, urenMax: a.urenMin + 2 })),
          centroiden,
        );
        const kl = bereidKlantVoor(klant(k), cache, centroiden);
        const [top] = scoorAlles([kl], cache, 50);
        const verwacht = as
          .map((_, j) => ({ j, s: scoorPaar(kl, cache, j, w, { verordeningMaxUren: null }) }))
          .filter((x) => x.s !== null);
        expect(top!.passend).toBe(verwacht.length);
        expect(new Set(top!.idx)).toEqual(new Set(verwacht.map((x) => x.j)));
        for (let r = 1; r < top!.score.length; r++)
          expect(top!.score[r - 1]!).toBeGreaterThanOrEqual(top!.score[r]!);
      }),
      { numRuns: 150 },
    );
  });
});

describe("the host's track record", () => {
  const p = (geslaagd: number, doorstroom: number, voortijdig: number) => ({
    geslaagd,
    doorstroom,
    voortijdig,
  });
  it.each([
    ['no host or nothing ended', null, 0, 'nog geen afgeronde plaatsingen (telt niet mee)'],
    ['nothing ended yet', p(0, 0, 0), 0, 'nog geen afgeronde plaatsingen (telt niet mee)'],
    ['one success', p(1, 0, 0), 0.2, '1 plaatsing goed afgerond bij deze organisatie'],
    ['five successes fill the factor', p(5, 0, 0), 1, '5 plaatsingen goed afgerond bij deze organisatie'],
    [
      'more than five do not exceed 1',
      p(12, 3, 0),
      1,
      '12 plaatsingen goed afgerond bij deze organisatie, waarvan 3 met betaald werk of re-integratie daarna',
    ],
    [
      'early stops lower the score',
      p(5, 0, 5),
      0.5,
      '5 plaatsingen goed afgerond bij deze organisatie; 5 plaatsingen voortijdig gestopt',
    ],
    [
      'only early stops: no points',
      p(0, 0, 2),
      0,
      '0 plaatsingen goed afgerond bij deze organisatie; 2 plaatsingen voortijdig gestopt',
    ],
    [
      'one of each',
      p(1, 1, 1),
      0.1,
      '1 plaatsing goed afgerond bij deze organisatie, waarvan 1 met betaald werk of re-integratie daarna; 1 plaatsing voortijdig gestopt',
    ],
  ] as const)('%s', (_, plaatsingen, score, tekst) => {
    expect(ervaringScore(plaatsingen)).toBeCloseTo(score, 10);
    expect(ervaringTekst(plaatsingen)).toContain(tekst);
  });

  it('the score stays in [0, 1] and never rewards early stops', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(50), (g, d, v) => {
        const s = ervaringScore(p(g, Math.min(d, g), v));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(ervaringScore(p(g, Math.min(d, g), v + 1))).toBeLessThanOrEqual(s);
      }),
    );
  });

  it('a host with a track record ranks above an equal one without', () => {
    const c = bouwActiviteitCache(
      [
        act({ id: 'zonder', organisatieId: 'o1' }),
        act({ id: 'met', organisatieId: 'o2', plaatsingen: p(5, 1, 0) }),
      ],
      centroiden,
    );
    const kl = bereidKlantVoor(klant(), c, centroiden);
    const top = rangschik(kl, c, normaliseerGewichten(STANDAARD_GEWICHTEN), 2, { verordeningMaxUren: null });
    expect([...top.idx].map((i) => c.gegevens[i]!.id)).toEqual(['met', 'zonder']);
    const reden = verklaar(kl, c, c.index.get('met')!, STANDAARD_GEWICHTEN, {
      verordeningMaxUren: null,
    }).redenen.find((r) => r.factor === 'ervaring');
    expect(reden?.punten).toBeGreaterThan(0);
    expect(reden?.tekst).toBe(
      '5 plaatsingen goed afgerond bij deze organisatie, waarvan 1 met betaald werk of re-integratie daarna',
    );
  });
});
