import { describe, expect, it } from 'vitest';
import { dagenTussen } from '../klanten/index.ts';
import {
  rechtsgrondenInPeriode,
  STANDAARD_RECHTSGRONDEN,
  voegRechtsgrondenSamen,
} from '../verordening/index.ts';
import { beoordeelBevestiging, beoordeelGrondslag, beoordeelVerzending, bezwaartermijn } from './besluit.ts';

const basis = {
  besluitdatum: '2026-12-07',
  verzenddatum: '2026-12-07',
  startdatum: '2026-12-21',
  vandaag: '2026-12-07',
  minDagen: 5,
  naam: 'maatschappelijke participatie',
};

describe('beoordeelVerzending: no imposition for time already past (Awb 3:40–3:41)', () => {
  it.each([
    ['start on the sending date passes (with a warning: 0 days)', { startdatum: '2026-12-07' }, null, 1],
    ['start one day before the sending date is refused', { startdatum: '2026-12-06' }, 'verzenddatum', 0],
    ['start long before the sending date is refused', { startdatum: '2026-06-15' }, 'verzenddatum', 0],
    ['14 days after sending: no warning', {}, null, 0],
    ['exactly the minimum (5 days): no warning', { startdatum: '2026-12-12' }, null, 0],
    ['one day under the minimum (4 days): a warning', { startdatum: '2026-12-11' }, null, 1],
    ['a minimum of 0 never warns', { startdatum: '2026-12-07', minDagen: 0 }, null, 0],
    ['sending before the decision is refused', { verzenddatum: '2026-12-06' }, 'verzenddatum', 0],
    [
      'a decision in the future is refused',
      { besluitdatum: '2026-12-08', verzenddatum: '2026-12-08' },
      'datum',
      0,
    ],
    ['sending 30 days ahead passes', { verzenddatum: '2027-01-06', startdatum: '2027-01-20' }, null, 0],
    [
      'sending 31 days ahead is refused',
      { verzenddatum: '2027-01-07', startdatum: '2027-01-20' },
      'verzenddatum',
      0,
    ],
  ] as const)('%s', (_n, aanpassing, veld, waarschuwingen) => {
    const r = beoordeelVerzending({ ...basis, ...aanpassing });
    expect(Object.keys(r.fouten)).toEqual(veld ? [veld] : []);
    expect(r.waarschuwingen).toHaveLength(waarschuwingen);
  });

  it('the refusal names the dates and the Awb, and offers no override', () => {
    const r = beoordeelVerzending({ ...basis, startdatum: '2026-12-06' });
    expect(r.fouten.verzenddatum).toContain('6 december 2026');
    expect(r.fouten.verzenddatum).toContain('7 december 2026');
    expect(r.fouten.verzenddatum).toContain('3:40 en 3:41 Awb');
  });

  it('the warning names the days and the municipality’s minimum', () => {
    const r = beoordeelVerzending({ ...basis, startdatum: '2026-12-09' });
    expect(r.waarschuwingen[0]).toContain('zitten 2 dagen');
    expect(r.waarschuwingen[0]).toContain('minstens 5');
  });
});

describe('bezwaartermijn: six weeks from the day after sending (Awb 6:7, 6:8)', () => {
  it.each([
    ['2026-12-07', '2026-12-08', '2027-01-18'],
    ['2026-12-31', '2027-01-01', '2027-02-11'],
    ['2024-02-28', '2024-02-29', '2024-04-10'],
  ])('sent %s', (verzonden, begint, eindigt) => {
    expect(bezwaartermijn(verzonden)).toEqual({ begint, eindigt });
    expect(dagenTussen(verzonden, eindigt)).toBe(42);
  });
});

describe('beoordeelGrondslag: a decision needs a recorded basis for every day of its period', () => {
  const ingevuld = voegRechtsgrondenSamen([
    { vanaf: '2027-01-01', artikel: 'Testartikel 2027', omschrijving: 'Korte tekst.' },
  ]);
  it.each([
    [
      'ends 2026-12-31, imposed: passes',
      '2026-12-21',
      '2026-12-31',
      STANDAARD_RECHTSGRONDEN,
      'opleggen',
      false,
      false,
    ],
    [
      'reaches 2027-01-01, imposed: refused',
      '2026-12-21',
      '2027-01-01',
      STANDAARD_RECHTSGRONDEN,
      'opleggen',
      true,
      true,
    ],
    ['open-ended, imposed: refused', '2026-12-21', null, STANDAARD_RECHTSGRONDEN, 'opleggen', true, true],
    [
      'reaches 2027, voluntary: a warning only',
      '2026-12-21',
      '2027-06-20',
      STANDAARD_RECHTSGRONDEN,
      'vrijwillig',
      false,
      true,
    ],
    [
      'reaches 2027 with a recorded basis: passes',
      '2026-12-21',
      '2027-06-20',
      ingevuld,
      'opleggen',
      false,
      false,
    ],
  ] as const)('%s', (_n, start, eind, config, soort, geweigerd, gewaarschuwd) => {
    const r = beoordeelGrondslag(rechtsgrondenInPeriode(start, eind, config), soort, 'tegenprestatie');
    expect(r.weigering !== null).toBe(geweigerd);
    expect(r.waarschuwing !== null).toBe(gewaarschuwd);
    if (geweigerd) {
      expect(r.ontbreektVanaf).toBe('2027-01-01');
      expect(r.eindeVoorstel).toBe('2026-12-31');
      expect(r.weigering).toContain('31 december 2026');
    }
    for (const t of [r.weigering, r.waarschuwing])
      expect(t?.toLowerCase() ?? '').not.toContain('nog in te vullen');
  });
});

describe('beoordeelBevestiging: only a voluntary agreement may confirm what already runs', () => {
  const b = { startdatum: '2026-12-01', naam: 'tegenprestatie', bevestigingsreden: null };
  it.each([
    ['imposed, dated before the start', 'opleggen', '2026-11-30', null, []],
    ['imposed, dated on the start', 'opleggen', '2026-12-01', null, []],
    ['imposed, dated after the start', 'opleggen', '2026-12-02', null, ['overeenkomstDatum']],
    [
      'imposed, after the start even with a reason',
      'opleggen',
      '2026-12-02',
      'liep al',
      ['overeenkomstDatum'],
    ],
    ['voluntary, after the start without a reason', 'aanbieden', '2026-12-02', null, ['bevestigingsreden']],
    ['voluntary, after the start with a reason', 'aanbieden', '2026-12-02', 'Liep al sinds de zomer.', []],
    ['voluntary, before the start', 'aanbieden', '2026-11-30', null, []],
  ] as const)('%s', (_n, vorm, overeenkomstDatum, reden, velden) => {
    expect(
      Object.keys(beoordeelBevestiging({ ...b, vorm, overeenkomstDatum, bevestigingsreden: reden })),
    ).toEqual(velden);
  });
});
