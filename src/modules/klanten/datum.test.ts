import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dagenTussen,
  formatDatumNl,
  isIsoDatum,
  leeftijd,
  plusDagen,
  plusJaren,
  plusMaanden,
  vandaag,
} from './datum.ts';

describe('ISO dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-1-01', false],
    ['24-01-01', false],
    ['2024-01-01T00:00', false],
  ])('isIsoDatum(%j) = %s', (s, ok) => {
    expect(isIsoDatum(s)).toBe(ok);
  });

  it.each([
    ['2008-02-29', 18 * 12, '2026-02-28'],
    ['2008-02-29', 16 * 12, '2024-02-29'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-12-15', 1, '2025-01-15'],
  ])('plusMaanden(%s, %i) = %s', (d, m, verwacht) => {
    expect(plusMaanden(d, m)).toBe(verwacht);
  });

  it('counts age in whole years, a birthday counting from the day itself', () => {
    expect(leeftijd('2008-06-01', '2026-05-31')).toBe(17);
    expect(leeftijd('2008-06-01', '2026-06-01')).toBe(18);
    expect(leeftijd('2008-02-29', '2026-02-28')).toBe(18);
    expect(leeftijd('2008-02-29', '2026-02-27')).toBe(17);
  });

  it('adds and counts days consistently', () => {
    const datum = fc
      .date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2100-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(datum, fc.integer({ min: -20000, max: 20000 }), (d, n) => {
        const e = plusDagen(d, n);
        expect(isIsoDatum(e)).toBe(true);
        expect(dagenTussen(d, e)).toBe(n);
        expect(plusJaren(d, 0)).toBe(d);
      }),
    );
  });

  it('formats in Dutch and knows today in Amsterdam', () => {
    expect(formatDatumNl('2028-04-01')).toBe('1 april 2028');
    expect(vandaag(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});
