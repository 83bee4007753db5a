import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AOW_BEKEND_TOT_EN_MET, AOW_COHORTEN, aowDatum, formatAowLeeftijd } from './aow.ts';
import { plusDagen, plusMaanden } from './datum.ts';

/** The AOW age per calendar year as the law and the ministerial decisions set it (in months). */
const PER_JAAR: Record<number, number> = {
  2012: 780,
  2013: 781,
  2014: 782,
  2015: 783,
  2016: 786,
  2017: 789,
  2018: 792,
  2019: 796,
  2020: 796,
  2021: 796,
  2022: 799,
  2023: 802,
  2024: 804,
  2025: 804,
  2026: 804,
  2027: 804,
  2028: 807,
  2029: 807,
  2030: 807,
  2031: 807,
};

describe('aowDatum (by date of birth, as the SVB publishes it)', () => {
  it.each([
    ['1947-06-15', '2012-06-15', '65 jaar'],
    ['1948-01-01', '2013-02-01', '65 jaar en 1 maand'],
    ['1952-03-31', '2017-12-31', '65 jaar en 9 maanden'],
    ['1952-12-31', '2018-12-31', '66 jaar'],
    ['1953-01-01', '2019-05-01', '66 jaar en 4 maanden'],
    ['1955-08-31', '2021-12-31', '66 jaar en 4 maanden'],
    ['1955-09-01', '2022-04-01', '66 jaar en 7 maanden'],
    ['1957-02-28', '2023-12-28', '66 jaar en 10 maanden'],
    ['1957-03-01', '2024-03-01', '67 jaar'],
    // The cohort turning 67 late in 2027 …
    ['1960-11-15', '2027-11-15', '67 jaar'],
    ['1960-12-31', '2027-12-31', '67 jaar'],
    // … and the first one that needs 67 and 3 months, in 2028.
    ['1961-01-01', '2028-04-01', '67 jaar en 3 maanden'],
    ['1961-09-30', '2028-12-30', '67 jaar en 3 maanden'],
    ['1961-10-01', '2029-01-01', '67 jaar en 3 maanden'],
    ['1964-09-30', '2031-12-30', '67 jaar en 3 maanden'],
  ])('born %s reaches the AOW age on %s (%s)', (geboren, datum, leeftijd) => {
    const u = aowDatum(geboren);
    expect(u.datum).toBe(datum);
    expect(formatAowLeeftijd(u)).toBe(leeftijd);
    expect(u.voorlopig).toBe(false);
  });

  it.each([
    // 29 February: in a common year the birthday is the last day of February.
    ['1960-02-29', '2027-02-28'],
    ['1964-02-29', '2031-05-29'],
    // A day that does not exist three months later: the last day of that month.
    ['1961-03-31', '2028-06-30'],
    ['1961-05-31', '2028-08-31'],
  ])('leap days and month ends: born %s → %s', (geboren, datum) => {
    expect(aowDatum(geboren).datum).toBe(datum);
  });

  it('marks cohorts whose AOW age is not fixed yet as provisional, with the latest known age', () => {
    const eerstOnbekend = plusDagen(AOW_BEKEND_TOT_EN_MET, 1);
    expect(eerstOnbekend).toBe('1964-10-01');
    const u = aowDatum(eerstOnbekend);
    expect(u).toEqual({ datum: '2032-01-01', jaren: 67, maanden: 3, voorlopig: true });
    expect(aowDatum('2001-05-20')).toMatchObject({ datum: '2068-08-20', voorlopig: true });
  });

  it('has contiguous ranges without gaps or overlaps', () => {
    for (let i = 1; i < AOW_COHORTEN.length; i++) {
      expect(AOW_COHORTEN[i]!.geborenVanaf).toBe(plusDagen(AOW_COHORTEN[i - 1]!.geborenTotEnMet, 1));
    }
  });

  const geboortedatum = fc
    .date({
      min: new Date('1940-01-01T00:00:00Z'),
      max: new Date('1964-09-30T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));

  it('agrees with the law per calendar year: the first day on which the age equals that year’s AOW age', () => {
    fc.assert(
      fc.property(geboortedatum, (geboren) => {
        const { datum } = aowDatum(geboren);
        const jaar = Number(datum.slice(0, 4));
        // On the AOW date the age is that year's AOW age …
        expect(datum).toBe(plusMaanden(geboren, PER_JAAR[Math.max(2012, jaar)]!));
        // … and it was not reached in an earlier year under that year's age.
        for (let j = 2012; j < jaar; j++) {
          expect(plusMaanden(geboren, PER_JAAR[j]!).slice(0, 4) === String(j)).toBe(false);
        }
      }),
    );
  });

  it('never gets earlier for someone born later', () => {
    fc.assert(
      fc.property(geboortedatum, fc.integer({ min: 1, max: 400 }), (geboren, dagen) => {
        expect(aowDatum(plusDagen(geboren, dagen)).datum >= aowDatum(geboren).datum).toBe(true);
      }),
    );
  });
});
