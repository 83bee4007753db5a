import { describe, expect, it } from 'vitest';
import { loptOp, type OntwerpPeriode, overgangslijst } from './overgang.ts';

const o = (
  status: string,
  startdatum: string | null,
  einddatum: string | null,
  id = 'x',
): OntwerpPeriode => ({
  id,
  klantId: 'k',
  gemeenteId: 'g',
  status,
  startdatum,
  einddatum,
});

describe('loptOp: still running on 1 January 2027 (the transition list)', () => {
  it.each([
    ['an agreement from 2026-10-01 to 2027-03-31', o('overeengekomen', '2026-10-01', '2027-03-31'), true],
    ['a running placement without an end date', o('lopend', '2026-09-01', null), true],
    ['one whose last day is 2027-01-01', o('lopend', '2026-07-01', '2027-01-01'), true],
    ['one whose last day is 2026-12-31', o('lopend', '2026-07-01', '2026-12-31'), false],
    ['a design in toetsing starting 2026-12-01', o('toetsing', '2026-12-01', '2027-05-31'), true],
    [
      'one starting on 2027-01-01 (checked under the new rules)',
      o('overeengekomen', '2027-01-01', '2027-06-30'),
      false,
    ],
    ['a design still in ontwerp', o('ontwerp', '2026-10-01', '2027-03-31'), false],
    ['a finished one', o('afgerond', '2026-10-01', '2027-03-31'), false],
    ['an ended one', o('beeindigd', '2026-10-01', '2027-03-31'), false],
    ['geen medewerking', o('geen-medewerking', '2026-10-01', null), false],
    ['one without a start date', o('toetsing', null, null), false],
  ])('%s → %s', (_naam, ontwerp, verwacht) => {
    expect(loptOp(ontwerp)).toBe(verwacht);
  });

  it('works for any date, such as the effective date of a new version', () => {
    expect(loptOp(o('lopend', '2026-06-15', '2026-09-14'), '2026-07-01')).toBe(true);
    expect(loptOp(o('lopend', '2026-06-15', '2026-09-14'), '2026-10-01')).toBe(false);
  });

  it('lists the running ones, earliest start first', () => {
    const lijst = overgangslijst(
      [
        o('lopend', '2026-11-01', null, 'b'),
        o('afgerond', '2026-01-01', '2026-06-30', 'c'),
        o('overeengekomen', '2026-08-01', '2027-01-31', 'a'),
      ],
      '2027-01-01',
    );
    expect(lijst.map((x) => x.id)).toEqual(['a', 'b']);
  });
});
