import { describe, expect, it } from 'vitest';
import type { Status } from '../tegenprestaties/index.ts';
import {
  type BevestigingVersieInvoer,
  beoordeelBevestigingVersie,
  beoordeelVersie,
  type VersieContext,
  type VersieVoorstel,
  verlengingMaanden,
} from './versie.ts';

const VANDAAG = '2026-12-14';
const ctx = (c: Partial<VersieContext> = {}): VersieContext => ({
  status: 'lopend',
  startdatum: '2026-10-01',
  huidig: { urenPerWeek: 8, dagdelen: ['ma-ochtend', 'wo-ochtend'], einddatum: '2027-03-31' },
  oorspronkelijkeEinde: '2027-03-31',
  laatsteEvaluatie: { id: 'e1', datum: '2026-12-10', besluit: 'aanpassen' },
  evaluatieGebruikt: false,
  openVoorstel: false,
  vorm: 'aanbieden',
  naam: 'tegenprestatie',
  vandaag: VANDAAG,
  ...c,
});
const voorstel = (v: Partial<VersieVoorstel> = {}): VersieVoorstel => ({
  urenPerWeek: 8,
  dagdelen: ['ma-ochtend', 'wo-ochtend'],
  einddatum: '2027-03-31',
  ingangsdatum: VANDAAG,
  klantAkkoord: true,
  ...v,
});

describe('verlengingMaanden', () => {
  it.each([
    // End 2027-03-31: the extension starts 2027-04-01; up to 2027-04-30 is one month, 2027-05-01 two.
    ['2027-03-31', '2027-04-30', 1],
    ['2027-03-31', '2027-05-01', 2],
    ['2027-03-31', '2027-09-30', 6],
    ['2027-03-31', '2027-10-01', 7],
    ['2027-03-31', '2027-04-01', 1],
    // Leap day: from 2028-02-29 (end 2028-02-28) one month runs to 2028-03-28.
    ['2028-02-28', '2028-03-28', 1],
    ['2028-02-28', '2028-03-29', 2],
    // Not an extension.
    ['2027-03-31', '2027-03-31', null],
    ['2027-03-31', '2027-02-28', null],
    [null, '2027-02-28', null],
    ['2027-03-31', null, null],
  ] as Array<[string | null, string | null, number | null]>)('end %s → %s: %s months', (oud, nieuw, m) => {
    expect(verlengingMaanden(oud, nieuw)).toBe(m);
  });
});

describe('beoordeelVersie: when a change may be proposed', () => {
  it.each([
    ['lopend', 'aanpassen', false, false, null],
    ['overeengekomen', 'aanpassen', false, false, /lopende/],
    ['afgerond', 'aanpassen', false, false, /lopende/],
    ['lopend', 'voortzetten', false, false, /aanpassen/],
    ['lopend', null, false, false, /aanpassen/],
    ['lopend', 'aanpassen', true, false, /al een nieuwe versie/],
    ['lopend', 'aanpassen', false, true, /al aangepast/],
  ] as Array<[Status, string | null, boolean, boolean, RegExp | null]>)(
    '%s, latest evaluation %s, open %s, used %s',
    (status, besluit, open, gebruikt, melding) => {
      const o = beoordeelVersie(
        ctx({
          status,
          laatsteEvaluatie: besluit ? { id: 'e1', datum: '2026-12-10', besluit } : null,
          openVoorstel: open,
          evaluatieGebruikt: gebruikt,
        }),
        voorstel({ urenPerWeek: 6 }),
      );
      if (melding) expect(o.melding).toMatch(melding);
      else expect(o.melding).toBeNull();
    },
  );
});

describe('beoordeelVersie: the change itself', () => {
  it.each([
    // [what, proposal, field refused or null, changes, extension months, growth]
    ['nothing changes', {}, 'urenPerWeek', [], null, false],
    ['fewer hours', { urenPerWeek: 6 }, null, ['uren'], null, false],
    ['more hours', { urenPerWeek: 12 }, null, ['uren'], null, true],
    ['other day parts', { dagdelen: ['di-ochtend', 'wo-ochtend'] }, null, ['dagdelen'], null, true],
    ['fewer day parts', { dagdelen: ['ma-ochtend'] }, null, ['dagdelen'], null, false],
    [
      'same day parts in another order',
      { dagdelen: ['wo-ochtend', 'ma-ochtend'] },
      'urenPerWeek',
      [],
      null,
      false,
    ],
    ['earlier end', { einddatum: '2027-01-31' }, null, ['einddatum'], null, false],
    ['extension of 3 months', { einddatum: '2027-06-30' }, null, ['verlenging'], 3, true],
    ['extension without an end date', { einddatum: null }, 'einddatum', ['verlenging'], null, true],
    [
      'effective yesterday',
      { urenPerWeek: 6, ingangsdatum: '2026-12-13' },
      'ingangsdatum',
      ['uren'],
      null,
      false,
    ],
    ['effective today', { urenPerWeek: 6, ingangsdatum: VANDAAG }, null, ['uren'], null, false],
    [
      'effective after the end',
      { urenPerWeek: 6, ingangsdatum: '2027-04-01' },
      'ingangsdatum',
      ['uren'],
      null,
      false,
    ],
    [
      'effective on the last day',
      { urenPerWeek: 6, ingangsdatum: '2027-03-31' },
      null,
      ['uren'],
      null,
      false,
    ],
    [
      'end before effect',
      { einddatum: '2026-12-31', ingangsdatum: '2027-01-04' },
      'einddatum',
      ['einddatum'],
      null,
      false,
    ],
    [
      'growth the client does not agree with',
      { urenPerWeek: 12, klantAkkoord: false },
      'klantAkkoord',
      ['uren'],
      null,
      true,
    ],
    [
      'less the client does not agree with',
      { urenPerWeek: 4, klantAkkoord: false },
      null,
      ['uren'],
      null,
      false,
    ],
  ] as Array<[string, Partial<VersieVoorstel>, string | null, string[], number | null, boolean]>)(
    '%s',
    (_w, v, veld, wijzigt, maanden, groei) => {
      const o = beoordeelVersie(ctx(), voorstel(v));
      expect(o.melding).toBeNull();
      if (veld) expect(Object.keys(o.fouten)).toContain(veld);
      else expect(o.fouten).toEqual({});
      expect(o.wijzigt).toEqual(wijzigt);
      expect(o.verlenging?.maanden ?? null).toBe(maanden);
      expect(o.groei).toBe(groei);
    },
  );

  it('counts a second extension from the original end date', () => {
    const o = beoordeelVersie(
      ctx({ huidig: { urenPerWeek: 8, dagdelen: ['ma-ochtend'], einddatum: '2027-06-30' } }),
      voorstel({ dagdelen: ['ma-ochtend'], einddatum: '2027-09-30' }),
    );
    expect(o.verlenging).toEqual({ maanden: 6 });
  });

  it('points growth against the client to the imposing path where the ordinance imposes', () => {
    const o = beoordeelVersie(ctx({ vorm: 'opleggen' }), voorstel({ urenPerWeek: 12, klantAkkoord: false }));
    expect(o.fouten.klantAkkoord).toMatch(/voornemen tot opleggen/);
    const v = beoordeelVersie(ctx(), voorstel({ urenPerWeek: 12, klantAkkoord: false }));
    expect(v.fouten.klantAkkoord).toMatch(/vrijwillig/);
  });
});

describe('beoordeelBevestigingVersie', () => {
  const basis = (i: Partial<BevestigingVersieInvoer> = {}): BevestigingVersieInvoer => ({
    ingangsdatum: '2026-12-21',
    voorgesteldOp: '2026-12-10',
    overeenkomstDatum: '2026-12-12',
    klantGetekendOp: '2026-12-13',
    organisatieGetekendOp: '2026-12-13',
    metOrganisatie: true,
    vorm: 'aanbieden',
    besluit: null,
    minDagen: 5,
    naam: 'tegenprestatie',
    vandaag: VANDAAG,
    ...i,
  });
  it.each([
    ['all three signed before it takes effect', {}, []],
    ['signed on the day it takes effect', { ingangsdatum: '2026-12-13' }, []],
    [
      'the client signed after it took effect',
      { ingangsdatum: '2026-12-12' },
      ['klantGetekendOp', 'organisatieGetekendOp'],
    ],
    [
      'dated before the proposal',
      { overeenkomstDatum: '2026-12-09', klantGetekendOp: '2026-12-10' },
      ['overeenkomstDatum'],
    ],
    [
      'dated in the future',
      { overeenkomstDatum: '2026-12-15' },
      ['overeenkomstDatum', 'klantGetekendOp', 'organisatieGetekendOp'],
    ],
    ['client before the agreement date', { klantGetekendOp: '2026-12-11' }, ['klantGetekendOp']],
    ['host missing', { organisatieGetekendOp: null }, ['organisatieGetekendOp']],
    ['no host: none needed', { organisatieGetekendOp: null, metOrganisatie: false }, []],
    ['imposed without a change decision', { vorm: 'opleggen' }, ['besluitDatum']],
    [
      'imposed, sent on the day it takes effect',
      {
        vorm: 'opleggen',
        besluit: { datum: '2026-12-12', verzenddatum: '2026-12-21', ondertekenaar: 'B. en W.' },
      },
      [],
    ],
    [
      'imposed, sent after the day it takes effect',
      {
        vorm: 'opleggen',
        besluit: { datum: '2026-12-12', verzenddatum: '2026-12-22', ondertekenaar: 'B. en W.' },
      },
      ['verzenddatum'],
    ],
    [
      'imposed, decision in the future',
      {
        vorm: 'opleggen',
        besluit: { datum: '2026-12-15', verzenddatum: '2026-12-16', ondertekenaar: 'B. en W.' },
      },
      ['besluitDatum'],
    ],
  ] as Array<[string, Partial<BevestigingVersieInvoer>, string[]]>)('%s', (_w, i, velden) => {
    expect(Object.keys(beoordeelBevestigingVersie(basis(i)).fouten).sort()).toEqual([...velden].sort());
  });

  it('warns when the change decision is sent only a few days before it takes effect', () => {
    const o = beoordeelBevestigingVersie(
      basis({
        vorm: 'opleggen',
        besluit: { datum: '2026-12-12', verzenddatum: '2026-12-19', ondertekenaar: 'B. en W.' },
      }),
    );
    expect(o.fouten).toEqual({});
    expect(o.waarschuwingen.join(' ')).toMatch(/dagen/);
  });
});
