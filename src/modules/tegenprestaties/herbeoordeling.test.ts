import { describe, expect, it } from 'vitest';
import type { ToetsStatus } from '../netwerk/index.ts';
import { type HerbeoordelingInvoer, herbeoordelingRedenen } from './herbeoordeling.ts';
import type { Status } from './statusmachine.ts';

const basis = (extra: Partial<HerbeoordelingInvoer> = {}): HerbeoordelingInvoer => ({
  plaatsing: { status: 'lopend', startdatum: '2026-03-02', einddatum: '2026-08-31' },
  activiteit: { titel: 'Moestuin', toetsStatus: 'geen-risico', verdringingstoetsId: 't1' },
  werk: [],
  reintegratie: [],
  ...extra,
});

describe('herbeoordelingRedenen: displacement', () => {
  const tabel: Array<[ToetsStatus, string | null]> = [
    ['geen-risico', null],
    ['toegestaan', null],
    ['twijfel-open', null],
    ['geen-toets', null],
    ['verdringing', 'verdringing:t1:verdringing'],
    ['verlopen', 'verdringing:t1:verlopen'],
    ['niet-toegestaan', 'verdringing:t1:niet-toegestaan'],
  ];
  it.each(tabel)('assessment %s → cause %s', (toetsStatus, oorzaak) => {
    const r = herbeoordelingRedenen(
      basis({ activiteit: { titel: 'Moestuin', toetsStatus, verdringingstoetsId: 't1' } }),
    );
    expect(r.map((x) => x.oorzaak)).toEqual(oorzaak ? [oorzaak] : []);
    if (oorzaak) expect(r[0]?.tekst).toMatch(/"Moestuin"/);
  });

  it('a new assessment that fails again is a new cause', () => {
    const r = herbeoordelingRedenen(
      basis({ activiteit: { titel: 'Moestuin', toetsStatus: 'verdringing', verdringingstoetsId: 't2' } }),
    );
    expect(r[0]?.oorzaak).toBe('verdringing:t2:verdringing');
  });

  const statussen: Array<[Status, boolean]> = [
    ['verkenning', false],
    ['ontwerp', false],
    ['toetsing', false],
    ['opleggen', false],
    ['overeengekomen', true],
    ['lopend', true],
    ['afgerond', false],
    ['beeindigd', false],
  ];
  it.each(statussen)('status %s → review applies: %s', (status, geldt) => {
    const r = herbeoordelingRedenen(
      basis({
        plaatsing: { status, startdatum: '2026-03-02', einddatum: null },
        activiteit: { titel: 'Moestuin', toetsStatus: 'verdringing', verdringingstoetsId: 't1' },
        werk: [{ begindatum: '2026-04-01', omschrijving: null }],
      }),
    );
    expect(r.length > 0).toBe(geldt);
  });

  it('no activity: no displacement reason', () => {
    expect(herbeoordelingRedenen(basis({ activiteit: null }))).toEqual([]);
  });
});

describe('herbeoordelingRedenen: work and re-integration come first', () => {
  // The placement runs 2026-03-02 up to and including 2026-08-31.
  const tabel: Array<[string, string | null, boolean]> = [
    ['work starting before the start (judged at the checklist)', '2026-03-01', false],
    ['work starting on the start date (judged at the checklist)', '2026-03-02', false],
    ['work starting the day after the start', '2026-03-03', true],
    ['work starting on the last day', '2026-08-31', true],
    ['work starting the day after the end', '2026-09-01', false],
    ['work without a start date', null, false],
  ];
  it.each(tabel)('%s', (_naam, begindatum, verwacht) => {
    const r = herbeoordelingRedenen(basis({ werk: [{ begindatum, omschrijving: 'Magazijn' }] }));
    expect(r.length).toBe(verwacht ? 1 : 0);
    if (verwacht) {
      expect(r[0]?.soort).toBe('werk');
      expect(r[0]?.oorzaak).toBe(`werk:${begindatum}`);
      expect(r[0]?.tekst).toMatch(/betaald werk \(Magazijn\)/);
    }
  });

  it('without an end date every later start counts', () => {
    const r = herbeoordelingRedenen(
      basis({
        plaatsing: { status: 'lopend', startdatum: '2026-03-02', einddatum: null },
        reintegratie: [{ begindatum: '2027-05-01', omschrijving: 'Sollicitatietraining' }],
      }),
    );
    expect(r).toEqual([
      {
        soort: 'reintegratie',
        oorzaak: 'reintegratie:2027-05-01',
        tekst: expect.stringMatching(
          /^Op 1 mei 2027 begint de re-integratie van de klant \(Sollicitatietraining\)/,
        ),
      },
    ]);
  });

  it('displacement first, then work and re-integration by start date; one reason per kind and date', () => {
    const r = herbeoordelingRedenen(
      basis({
        activiteit: { titel: 'Moestuin', toetsStatus: 'verlopen', verdringingstoetsId: 't1' },
        werk: [
          { begindatum: '2026-06-01', omschrijving: null },
          { begindatum: '2026-06-01', omschrijving: 'tweede baan' },
        ],
        reintegratie: [{ begindatum: '2026-04-01', omschrijving: null }],
      }),
    );
    expect(r.map((x) => x.oorzaak)).toEqual([
      'verdringing:t1:verlopen',
      'reintegratie:2026-04-01',
      'werk:2026-06-01',
    ]);
  });

  it('a placement without a start date: only the activity counts', () => {
    const r = herbeoordelingRedenen(
      basis({
        plaatsing: { status: 'overeengekomen', startdatum: null, einddatum: null },
        werk: [{ begindatum: '2026-06-01', omschrijving: null }],
      }),
    );
    expect(r).toEqual([]);
  });
});

describe('herbeoordelingRedenen: a doubt about the placement after intervision', () => {
  const tabel: Array<[string | null, boolean]> = [
    [null, false],
    ['toegestaan', false],
    ['toegestaan-onder-voorwaarden', false],
    ['niet-toegestaan', true],
  ];
  it.each(tabel)('decision %s → review: %s', (besluit, verwacht) => {
    const r = herbeoordelingRedenen(
      basis({ twijfels: [{ intervisieId: 'i1', besluit, motivering: 'Vervangt een vaste kracht.' }] }),
    );
    expect(r).toEqual(
      verwacht
        ? [
            {
              soort: 'twijfel',
              oorzaak: 'twijfel:i1',
              tekst: expect.stringMatching(/niet door kan gaan: Vervangt een vaste kracht\.$/),
            },
          ]
        : [],
    );
  });

  it('not for a placement that has ended', () => {
    const r = herbeoordelingRedenen(
      basis({
        plaatsing: { status: 'afgerond', startdatum: '2026-03-02', einddatum: '2026-08-31' },
        twijfels: [{ intervisieId: 'i1', besluit: 'niet-toegestaan', motivering: null }],
      }),
    );
    expect(r).toEqual([]);
  });
});
