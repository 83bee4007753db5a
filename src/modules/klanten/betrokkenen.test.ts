import { describe, expect, it } from 'vitest';
import { actiefOp, beoordeelBetrokkene, type BetrokkenePeriode, ontvangersOp } from './betrokkenen.ts';

const b = (o: Partial<BetrokkenePeriode>): BetrokkenePeriode => ({
  id: 'b1',
  soort: 'bewindvoerder',
  naam: 'Mr. A. de Vries',
  adres: 'Postbus 1, 1000 AA Aardam',
  vanaf: '2027-01-01',
  tot: null,
  ...o,
});

describe('who is recorded on a date (both ends included)', () => {
  it.each([
    ['2026-12-31', false],
    ['2027-01-01', true],
    ['2027-06-30', true],
    ['2027-07-01', false],
  ])('%s → %s', (datum, verwacht) => {
    expect(actiefOp(b({ tot: '2027-06-30' }), datum)).toBe(verwacht);
  });

  it('splits representatives (copies) from the partner of joint bijstand', () => {
    const lijst = [
      b({ id: 'bw' }),
      b({ id: 'me', soort: 'mentor', tot: '2027-01-31' }),
      b({ id: 'p', soort: 'partner', adres: null }),
      b({ id: 'oud', soort: 'partner', adres: null, vanaf: '2025-01-01', tot: '2026-12-31' }),
    ];
    const op = ontvangersOp(lijst, '2027-02-01');
    expect(op.vertegenwoordigers.map((x) => x.id)).toEqual(['bw']);
    expect(op.partner?.id).toBe('p');
    expect(ontvangersOp(lijst, '2026-06-01').partner?.id).toBe('oud');
    expect(ontvangersOp(lijst, '2024-06-01')).toEqual({ vertegenwoordigers: [], partner: null });
  });
});

describe('recording', () => {
  const partner = b({ id: 'p', soort: 'partner', adres: null, vanaf: '2027-01-01', tot: '2027-06-30' });
  it.each<[string, Parameters<typeof beoordeelBetrokkene>[0], string[]]>([
    [
      'a representative with an address',
      { soort: 'curator', adres: 'Straat 1', vanaf: '2027-01-01', tot: null },
      [],
    ],
    [
      'a representative without an address',
      { soort: 'mentor', adres: ' ', vanaf: '2027-01-01', tot: null },
      ['adres'],
    ],
    [
      'the end before the start',
      { soort: 'curator', adres: 'X', vanaf: '2027-01-02', tot: '2027-01-01' },
      ['tot'],
    ],
    [
      'a partner the day after the other ends',
      { soort: 'partner', adres: null, vanaf: '2027-07-01', tot: null },
      [],
    ],
    [
      'a partner on the other one’s last day',
      { soort: 'partner', adres: null, vanaf: '2027-06-30', tot: null },
      ['vanaf'],
    ],
    [
      'a partner ending the day before',
      { soort: 'partner', adres: null, vanaf: '2026-01-01', tot: '2026-12-31' },
      [],
    ],
    [
      'a partner without an end, before',
      { soort: 'partner', adres: null, vanaf: '2026-01-01', tot: null },
      ['vanaf'],
    ],
  ])('%s', (_naam, nieuw, velden) => {
    expect(Object.keys(beoordeelBetrokkene(nieuw, [partner]))).toEqual(velden);
  });
});
