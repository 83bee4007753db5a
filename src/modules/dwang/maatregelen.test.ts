import { describe, expect, it } from 'vitest';
import {
  DEMO_MAATREGELVERORDENING_AARDAM as AARDAM,
  afzienGronden,
  beoordeelVoorstel,
  bepaalMaatregel,
  buitenBandbreedte,
  controleerVerordening,
  hoorOordeel,
  hoortermijnEinde,
  type MaatregelVerordening,
  telHerhalingen,
  versieOpDatum,
  vindCategorie,
} from './maatregelen.ts';

const NIEUW: MaatregelVerordening = {
  ...AARDAM,
  titel: 'Maatregelenverordening Participatiewet Aardam 2027',
  ingangsdatum: '2027-01-01',
  categorieen: [
    {
      ...(AARDAM.categorieen[0] as MaatregelVerordening['categorieen'][number]),
      stappen: [{ percentage: 20, maanden: 1 }],
    },
    {
      nummer: 3,
      gedraging: 'medewerking-geweigerd',
      artikel: 'art. 8',
      stappen: [{ percentage: 10, maanden: 1 }],
      schriftelijkeWaarschuwing: true,
    },
  ],
};

describe('the demo ordinance of Aardam', () => {
  it('is valid: category 2 is 30 % for one month, range 5–100 %, a repeat within 12 months steps up', () => {
    expect(controleerVerordening(AARDAM)).toEqual({});
    const c = AARDAM.categorieen[0];
    expect(c).toMatchObject({ nummer: 2, gedraging: 'tegenprestatie-niet-nagekomen' });
    expect(c?.stappen[0]).toEqual({ percentage: 30, maanden: 1 });
    expect(AARDAM.bandbreedte).toEqual({ min: 5, max: 100 });
    expect(AARDAM.recidiveMaanden).toBe(12);
    expect(c?.stappen[1]?.percentage).toBeGreaterThan(30);
  });

  const fout: Array<[string, (v: MaatregelVerordening) => MaatregelVerordening, string]> = [
    ['range upside down', (v) => ({ ...v, bandbreedte: { min: 50, max: 10 } }), 'bandbreedte'],
    ['range above 100', (v) => ({ ...v, bandbreedte: { min: 5, max: 101 } }), 'bandbreedte'],
    ['no category', (v) => ({ ...v, categorieen: [] }), 'categorieen'],
    [
      'a step outside the range',
      (v) => ({ ...v, bandbreedte: { min: 40, max: 100 } }),
      'categorieen.0.stappen.0.percentage',
    ],
    ['no recidivism window', (v) => ({ ...v, recidiveMaanden: 0 }), 'recidiveMaanden'],
    ['a hearing term of 0 days', (v) => ({ ...v, hoortermijnDagen: 0 }), 'hoortermijnDagen'],
  ];
  it.each(fout)('refuses %s', (_n, wijzig, veld) => {
    expect(Object.keys(controleerVerordening(wijzig(AARDAM)))).toContain(veld);
  });
});

describe('versieOpDatum: the version valid on the date of the conduct', () => {
  const tabel: Array<[string, string | undefined]> = [
    ['2025-12-31', undefined],
    ['2026-01-01', AARDAM.titel],
    ['2026-12-31', AARDAM.titel],
    ['2027-01-01', NIEUW.titel],
  ];
  it.each(tabel)('%s → %s', (datum, titel) => {
    expect(versieOpDatum([NIEUW, AARDAM], datum)?.titel).toBe(titel);
  });
});

describe('vindCategorie', () => {
  it('finds the tegenprestatie category, and never puts a refusal to cooperate under it', () => {
    expect(vindCategorie(AARDAM, 'tegenprestatie-niet-nagekomen')).toMatchObject({
      ok: true,
      waarde: { nummer: 2 },
    });
    const r = vindCategorie(AARDAM, 'medewerking-geweigerd');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.melding).toMatch(/niet onder de categorie van de tegenprestatie/);
    // Only where the ordinance names its own category for it.
    expect(vindCategorie(NIEUW, 'medewerking-geweigerd')).toMatchObject({ ok: true, waarde: { nummer: 3 } });
  });
});

describe('telHerhalingen: the recidivism window (12 months, that day included)', () => {
  const tabel: Array<[string, string, number]> = [
    ['12 months before, to the day', '2025-12-07', 1],
    ['12 months and a day before', '2025-12-06', 0],
    ['the day before', '2026-12-06', 1],
    ['the same day (not earlier)', '2026-12-07', 0],
    ['after it', '2026-12-08', 0],
  ];
  it.each(tabel)('%s (%s) → %d', (_n, eerder, n) => {
    expect(telHerhalingen([{ gedragDatum: eerder, categorie: 2 }], 2, '2026-12-07', 12)).toBe(n);
  });
  it('counts only the same category', () => {
    expect(telHerhalingen([{ gedragDatum: '2026-10-01', categorie: 3 }], 2, '2026-12-07', 12)).toBe(0);
  });
});

describe('bepaalMaatregel', () => {
  const basis = {
    versies: [AARDAM, NIEUW],
    gedraging: 'tegenprestatie-niet-nagekomen' as const,
    gedragDatum: '2026-12-07',
    grondslagOpDatum: 'art. 9 lid 1 onder c Participatiewet',
    eerdere: [] as Array<{ gedragDatum: string; categorie: number }>,
  };
  const tabel: Array<[string, Partial<typeof basis>, [number, number, number] | RegExp]> = [
    ['a first breach: 30 % for one month', {}, [30, 1, 0]],
    [
      'a repeat within 12 months: steps up',
      { eerdere: [{ gedragDatum: '2026-03-01', categorie: 2 }] },
      [60, 1, 1],
    ],
    [
      'a third breach: the highest step',
      {
        eerdere: [
          { gedragDatum: '2026-03-01', categorie: 2 },
          { gedragDatum: '2026-06-01', categorie: 2 },
          { gedragDatum: '2026-09-01', categorie: 2 },
        ],
      },
      [100, 1, 3],
    ],
    [
      'an earlier breach over a year ago: a first breach',
      { eerdere: [{ gedragDatum: '2025-12-06', categorie: 2 }] },
      [30, 1, 0],
    ],
    ['conduct under the 2027 version uses that version', { gedragDatum: '2027-01-01' }, [20, 1, 0]],
    ['no version on the conduct date', { gedragDatum: '2025-12-31' }, /geen maatregelenverordening/],
    [
      'no statutory basis recorded for the regime',
      { grondslagOpDatum: null as unknown as string },
      /geen wettelijke grondslag/,
    ],
    [
      'refusing to cooperate under the tegenprestatie ordinance',
      { gedraging: 'medewerking-geweigerd' as never },
      /niet meewerken/,
    ],
  ];
  it.each(tabel)('%s', (_n, w, verwacht) => {
    const r = bepaalMaatregel({ ...basis, ...w });
    if (verwacht instanceof RegExp) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.melding).toMatch(verwacht);
    } else {
      expect(r.ok).toBe(true);
      if (r.ok) expect([r.waarde.percentage, r.waarde.maanden, r.waarde.herhaling]).toEqual(verwacht);
    }
  });
});

describe('the range and the final proposal', () => {
  it.each([
    [4, false],
    [5, true],
    [100, true],
    [101, false],
    [Number.NaN, false],
  ])('%d %% within 5–100: %s', (p, binnen) => {
    expect(buitenBandbreedte(p, AARDAM) === null).toBe(binnen);
  });

  const voornemen = { percentage: 30, maanden: 1 };
  const tabel: Array<[string, { percentage: number; maanden: number }, boolean, RegExp | null]> = [
    ['the same', voornemen, false, null],
    ['lower', { percentage: 20, maanden: 1 }, false, null],
    ['higher without a new hearing', { percentage: 40, maanden: 1 }, false, /opnieuw is gehoord/],
    ['longer without a new hearing', { percentage: 30, maanden: 2 }, false, /opnieuw is gehoord/],
    ['higher after a new hearing', { percentage: 40, maanden: 1 }, true, null],
    ['below the range', { percentage: 4, maanden: 1 }, true, /bandbreedte/],
    ['above the range', { percentage: 101, maanden: 1 }, true, /bandbreedte/],
    ['four months', { percentage: 30, maanden: 4 }, true, /1, 2 of 3/],
  ];
  it.each(tabel)('%s', (_n, voorstel, opnieuwGehoord, verwacht) => {
    const r = beoordeelVoorstel({ voornemen, voorstel, versie: AARDAM, opnieuwGehoord });
    if (verwacht === null) expect(r).toBeNull();
    else expect(r).toMatch(verwacht);
  });
});

describe('afzienGronden', () => {
  const cat = { schriftelijkeWaarschuwing: false };
  const tabel: Array<[string, string, boolean, number, string[]]> = [
    ['found within the year', '2026-11-01', false, 0, []],
    ['found exactly a year later (still within)', '2026-12-07', false, 0, []],
    ['found a year and a day later', '2026-12-08', false, 0, ['verjaard']],
    ['a first breach where a warning is allowed', '2026-01-10', true, 0, ['schriftelijke-waarschuwing']],
    ['a repeat where a warning is allowed', '2026-01-10', true, 1, []],
  ];
  it.each(tabel)('%s', (_n, ontdektOp, waarschuwing, herhaling, verwacht) => {
    expect(
      afzienGronden({
        versie: AARDAM,
        categorie: { ...cat, schriftelijkeWaarschuwing: waarschuwing },
        gedragDatum: '2025-12-07',
        ontdektOp,
        herhaling,
      }),
    ).toEqual(verwacht);
  });
});

describe('the hearing term', () => {
  it('ends 14 days after sending', () => {
    expect(hoortermijnEinde('2026-12-07', AARDAM.hoortermijnDagen)).toBe('2026-12-21');
    expect(hoortermijnEinde('2026-12-28', 14)).toBe('2027-01-11');
  });
  const einde = '2026-12-21';
  const tabel: Array<[string, Parameters<typeof hoorOordeel>[0], RegExp | null]> = [
    [
      'on the last day of the term',
      { vandaag: einde, termijnEinde: einde, zienswijzeOntvangen: false, grond: null, grondMotivering: null },
      /loopt tot en met/,
    ],
    [
      'the day after the term',
      {
        vandaag: '2026-12-22',
        termijnEinde: einde,
        zienswijzeOntvangen: false,
        grond: null,
        grondMotivering: null,
      },
      null,
    ],
    [
      'within the term, the view came in',
      {
        vandaag: '2026-12-10',
        termijnEinde: einde,
        zienswijzeOntvangen: true,
        grond: null,
        grondMotivering: null,
      },
      null,
    ],
    [
      'no intention sent',
      {
        vandaag: '2026-12-10',
        termijnEinde: null,
        zienswijzeOntvangen: false,
        grond: null,
        grondMotivering: null,
      },
      /Verstuur eerst/,
    ],
    [
      'an Awb 4:11 ground with reasons',
      {
        vandaag: '2026-12-10',
        termijnEinde: null,
        zienswijzeOntvangen: false,
        grond: 'awb-4-11',
        grondMotivering: 'Eerder gehoord.',
      },
      null,
    ],
    [
      'an Awb 4:12 ground without reasons',
      {
        vandaag: '2026-12-10',
        termijnEinde: null,
        zienswijzeOntvangen: false,
        grond: 'awb-4-12',
        grondMotivering: ' ',
      },
      /Motiveer/,
    ],
  ];
  it.each(tabel)('%s', (_n, i, verwacht) => {
    const r = hoorOordeel(i);
    if (verwacht === null) expect(r).toBeNull();
    else expect(r).toMatch(verwacht);
  });
});

describe('telHerhalingen across leap days and the switch of 2027 (calendar months, as art. 9a counts)', () => {
  const tabel: Array<[string, string, string, number]> = [
    ['a leap day counts for conduct on 28 February a year later', '2025-02-28', '2024-02-29', 1],
    ['a leap day does not count for conduct on 1 March a year later', '2025-03-01', '2024-02-29', 0],
    ['conduct on a leap day: 28 February a year earlier counts', '2028-02-29', '2027-02-28', 1],
    ['conduct on a leap day: 27 February a year earlier does not', '2028-02-29', '2027-02-27', 0],
    ['across the switch: 1 January 2026 counts for 1 January 2027', '2027-01-01', '2026-01-01', 1],
    ['across the switch: 31 December 2025 does not', '2027-01-01', '2025-12-31', 0],
  ];
  it.each(tabel)('%s', (_n, gedragDatum, eerder, verwacht) => {
    expect(telHerhalingen([{ gedragDatum: eerder, categorie: 2 }], 2, gedragDatum, 12)).toBe(verwacht);
  });
});
