import { describe, expect, it } from 'vitest';
import { overgangWaarschuwing, spantDatum } from './wetswijziging.ts';

describe('spantDatum: does a period run over 1 January 2027?', () => {
  it.each([
    ['ends 2026-12-31', '2026-07-01', '2026-12-31', false],
    ['ends 2027-01-01', '2026-07-01', '2027-01-01', true],
    ['open-ended, starts 2026', '2026-07-01', null, true],
    ['starts 2027-01-01', '2027-01-01', '2027-06-30', false],
    ['starts and ends in 2027', '2027-02-01', null, false],
    ['no start date yet', null, '2027-06-30', false],
  ] as const)('%s', (_n, start, eind, verwacht) => {
    expect(spantDatum(start, eind)).toBe(verwacht);
    expect(overgangWaarschuwing(start, eind, 'tegenprestatie') !== null).toBe(verwacht);
  });

  it('the warning names the instrument and the law', () => {
    const w = overgangWaarschuwing('2026-12-21', '2027-06-20', 'maatschappelijke participatie');
    expect(w).toContain('Deze maatschappelijke participatie loopt door na 31 december 2026');
    expect(w).toContain('Participatiewet in balans');
  });
});
