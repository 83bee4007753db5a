import { describe, expect, it } from 'vitest';
import { beoordeelIncident, type OpgelegdBesluit, patroonBereikt, STANDAARD_PATROON } from './incidenten.ts';

const besluit: OpgelegdBesluit = {
  verzenddatum: '2026-11-01',
  startdatum: '2026-11-03',
  einddatum: '2027-01-31',
};

describe('beoordeelIncident', () => {
  const tabel: Array<[string, Partial<Parameters<typeof beoordeelIncident>[0]>, string | null]> = [
    ['within the period', {}, null],
    ['on the start date (boundary)', { datum: '2026-11-03' }, null],
    ['the day before the start', { datum: '2026-11-02' }, 'datum'],
    ['before the sending date', { datum: '2026-10-31' }, 'datum'],
    ['on the end date (boundary)', { datum: '2027-01-31', vandaag: '2027-02-05' }, null],
    ['the day after the end', { datum: '2027-02-01', vandaag: '2027-02-05' }, 'datum'],
    ['today (boundary)', { datum: '2026-12-07' }, null],
    ['tomorrow', { datum: '2026-12-08' }, 'datum'],
    ['no imposed decision (voluntary)', { besluit: null }, 'formulier'],
    ['a design, not a placement', { status: 'toetsing' }, 'formulier'],
    ['an ended placement, for what happened in the period', { status: 'beeindigd' }, null],
    [
      'a decision sent after the start (start and sending on one day are allowed)',
      { besluit: { ...besluit, verzenddatum: '2026-11-03' }, datum: '2026-11-03' },
      null,
    ],
  ];
  it.each(tabel)('%s', (_n, w, veld) => {
    const f = beoordeelIncident({
      datum: '2026-12-01',
      vandaag: '2026-12-07',
      status: 'lopend',
      besluit,
      ...w,
    });
    if (veld === null) expect(f).toEqual({});
    else expect(Object.keys(f)).toEqual([veld]);
  });
});

describe('patroonBereikt (default: 2 no-shows within 28 days)', () => {
  const ns = (...datums: string[]) => datums.map((datum) => ({ soort: 'niet-verschenen', datum }));
  const tabel: Array<[string, Array<{ soort: string; datum: string }>, boolean]> = [
    ['one no-show', ns('2026-12-07'), false],
    ['two on the same day', ns('2026-12-07', '2026-12-07'), true],
    ['27 days apart (inside the window)', ns('2026-11-10', '2026-12-07'), true],
    ['28 days apart (outside the window)', ns('2026-11-09', '2026-12-07'), false],
    ['two, but one after the reference day', ns('2026-12-01', '2026-12-08'), false],
    ['other kinds do not count', [...ns('2026-12-01'), { soort: 'te-laat', datum: '2026-12-02' }], false],
    ['three in the window', ns('2026-11-20', '2026-11-27', '2026-12-04'), true],
  ];
  it.each(tabel)('%s', (_n, incidenten, bereikt) => {
    const u = patroonBereikt(incidenten, STANDAARD_PATROON, '2026-12-07');
    expect(u !== null).toBe(bereikt);
    if (u) expect(u).toMatchObject({ van: '2026-11-10', tot: '2026-12-07' });
  });

  it('follows the configured pattern (3 late arrivals within 7 days)', () => {
    const p = { soort: 'te-laat' as const, aantal: 3, dagen: 7 };
    const laat = (d: string) => ({ soort: 'te-laat', datum: d });
    expect(
      patroonBereikt([laat('2026-12-01'), laat('2026-12-04'), laat('2026-12-07')], p, '2026-12-07'),
    ).not.toBeNull();
    expect(
      patroonBereikt([laat('2026-11-30'), laat('2026-12-04'), laat('2026-12-07')], p, '2026-12-07'),
    ).toBeNull();
  });
});
