import { describe, expect, it } from 'vitest';
import {
  OVERGANGEN,
  overgangenVanuit,
  plaatsActie,
  STATUSSEN,
  type Status,
  toetsOvergang,
} from './statusmachine.ts';

describe('statusmachine', () => {
  const tabel: Array<[Status, Status, 1 | 2, string | undefined, boolean | RegExp]> = [
    ['verkenning', 'ontwerp', 1, undefined, true],
    ['ontwerp', 'toetsing', 1, undefined, true],
    // Imposing: only through the oplegging functions (the recorded intention, the view, the approval).
    ['ontwerp', 'opleggen', 1, 'Weigert zonder goede reden.', /redenen van de klant/],
    ['opleggen', 'toetsing', 1, undefined, /akkoord van de teamleider/],
    ['opleggen', 'ontwerp', 1, 'De klant heeft mantelzorg op maandag.', true],
    ['opleggen', 'ontwerp', 1, '  ', /Schrijf op waarom/],
    ['opleggen', 'overeengekomen', 2, undefined, /kan de tegenprestatie niet naar/],
    ['toetsing', 'ontwerp', 1, 'Organisatie trok zich terug.', true],
    ['toetsing', 'ontwerp', 1, undefined, /Schrijf op waarom/],
    ['ontwerp', 'verkenning', 1, 'Eerst nog een gesprek.', true],
    ['ontwerp', 'verkenning', 1, '', /Schrijf op waarom/],
    ['verkenning', 'toetsing', 1, undefined, /kan de tegenprestatie niet naar/],
    ['verkenning', 'opleggen', 1, 'x', /kan de tegenprestatie niet naar/],
    ['toetsing', 'opleggen', 1, 'x', /kan de tegenprestatie niet naar/],
    ['toetsing', 'toetsing', 1, undefined, /staat al op/],
    // Part 2 exists in the table, but only a part-2 caller may use it.
    ['toetsing', 'overeengekomen', 1, undefined, /volgende versie/],
    ['toetsing', 'overeengekomen', 2, undefined, true],
    ['overeengekomen', 'lopend', 2, undefined, true],
    ['lopend', 'afgerond', 2, undefined, true],
    ['lopend', 'beeindigd', 2, 'Werk gevonden.', true],
    ['lopend', 'beeindigd', 2, undefined, /Schrijf op waarom/],
    ['overeengekomen', 'beeindigd', 1, 'x', /volgende versie/],
    ['overeengekomen', 'toetsing', 2, 'De organisatie trok zich terug.', true],
    ['overeengekomen', 'ontwerp', 2, 'De klant verhuist.', true],
    ['overeengekomen', 'ontwerp', 2, '  ', /Schrijf op waarom/],
    ['overeengekomen', 'ontwerp', 1, 'De klant verhuist.', /volgende versie/],
    ['afgerond', 'lopend', 2, 'x', /kan de tegenprestatie niet naar/],
    ['beeindigd', 'lopend', 2, 'x', /kan de tegenprestatie niet naar/],
  ];
  it.each(tabel)('%s → %s (deel %s, reden %j)', (van, naar, deel, reden, verwacht) => {
    const o = toetsOvergang(van, naar, { reden, deel });
    if (verwacht === true) expect(o.mag).toBe(true);
    else {
      expect(o.mag).toBe(false);
      if (!o.mag && verwacht instanceof RegExp) expect(o.melding).toMatch(verwacht);
    }
  });

  it('has every status reachable from verkenning, and no move out of the end states', () => {
    const bereikt = new Set<Status>(['verkenning']);
    for (let i = 0; i < STATUSSEN.length; i++)
      for (const o of OVERGANGEN) if (bereikt.has(o.van)) bereikt.add(o.naar);
    expect([...bereikt].sort()).toEqual([...STATUSSEN].sort());
    for (const eind of ['afgerond', 'beeindigd'] as const) expect(overgangenVanuit(eind, 2)).toEqual([]);
    expect(STATUSSEN).not.toContain('geen-medewerking');
  });

  it('makes the oplegging moves only for the oplegging functions, and never offers them as buttons', () => {
    expect(toetsOvergang('ontwerp', 'opleggen', { viaOplegging: true }).mag).toBe(true);
    expect(toetsOvergang('opleggen', 'toetsing', { viaOplegging: true }).mag).toBe(true);
    expect(overgangenVanuit('ontwerp').map((o) => o.naar)).toEqual(['toetsing', 'verkenning']);
    expect(overgangenVanuit('opleggen').map((o) => o.naar)).toEqual(['ontwerp']);
  });

  it('offers only part-1 moves to part-1 callers', () => {
    expect(overgangenVanuit('toetsing').map((o) => o.naar)).toEqual(['ontwerp']);
    expect(overgangenVanuit('toetsing', 2).map((o) => o.naar)).toEqual(['ontwerp', 'overeengekomen']);
  });

  const plaatsen: Array<[Status, Status, 'claimen' | 'vrijgeven' | null]> = [
    ['ontwerp', 'toetsing', 'claimen'],
    ['toetsing', 'ontwerp', 'vrijgeven'],
    ['toetsing', 'overeengekomen', null],
    ['overeengekomen', 'lopend', null],
    ['lopend', 'afgerond', 'vrijgeven'],
    ['lopend', 'beeindigd', 'vrijgeven'],
    ['overeengekomen', 'beeindigd', 'vrijgeven'],
    ['overeengekomen', 'ontwerp', 'vrijgeven'],
    ['ontwerp', 'opleggen', null],
    ['opleggen', 'toetsing', 'claimen'],
    ['opleggen', 'ontwerp', null],
    ['verkenning', 'ontwerp', null],
  ];
  it.each(plaatsen)('place on %s → %s: %s', (van, naar, actie) => {
    expect(plaatsActie(van, naar)).toBe(actie);
  });
});
