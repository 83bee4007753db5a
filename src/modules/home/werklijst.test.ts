import { describe, expect, it } from 'vitest';
import { aantalVoor, leesWerklijstVraag, perTeamEnGemeente, type Telgroep, telOp } from './werklijst.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const groepen: Telgroep[] = [
  { gemeenteId: A, klantmanagerId: 'km1', fase: 'lopend', aantal: 3, evaluatie: 1, signalen: 2 },
  { gemeenteId: A, klantmanagerId: 'km1', fase: 'geen', aantal: 5, evaluatie: 0, signalen: 1 },
  { gemeenteId: A, klantmanagerId: 'km2', fase: 'ontwerp', aantal: 2, evaluatie: 0, signalen: 0 },
  { gemeenteId: B, klantmanagerId: 'km3', fase: 'lopend', aantal: 4, evaluatie: 2, signalen: 0 },
  { gemeenteId: B, klantmanagerId: null, fase: 'geen', aantal: 1, evaluatie: 0, signalen: 0 },
];

describe('the work list query', () => {
  it.each([
    [{}, { fase: undefined, aandacht: undefined, sorteer: 'naam', richting: 'oplopend', pagina: 1 }],
    [
      { fase: 'lopend', aandacht: 'evaluatie', sorteer: 'fase', richting: 'aflopend', pagina: '3' },
      { fase: 'lopend', aandacht: 'evaluatie', sorteer: 'fase', richting: 'aflopend', pagina: 3 },
    ],
    [
      { fase: 'onzin', aandacht: 'x', sorteer: 'drop', richting: 'op', pagina: 'abc', gemeenteId: 'x' },
      {
        fase: undefined,
        aandacht: undefined,
        sorteer: 'naam',
        richting: 'oplopend',
        pagina: 1,
        gemeenteId: undefined,
      },
    ],
    [{ pagina: '0' }, { pagina: 1 }],
    [{ fase: ['ontwerp', 'lopend'] }, { fase: 'ontwerp' }],
    [
      { gemeenteId: A, teamId: B },
      { gemeenteId: A, teamId: B },
    ],
  ])('%j → %j', (query, verwacht) => {
    expect(leesWerklijstVraag(query)).toMatchObject(verwacht);
  });

  it('anything that is not an object reads as the defaults', () => {
    expect(leesWerklijstVraag(undefined)).toMatchObject({ sorteer: 'naam', pagina: 1 });
  });
});

describe('the counts', () => {
  it('add up per phase and attention point', () => {
    const t = telOp(groepen);
    expect(t.totaal).toBe(15);
    expect(t.perFase).toMatchObject({ lopend: 7, geen: 6, ontwerp: 2, verkenning: 0 });
    expect(t.evaluatie).toBe(3);
    expect(t.signalen).toBe(3);
  });

  it.each([
    [undefined, undefined, 15],
    ['lopend', undefined, 7],
    [undefined, 'evaluatie', 3],
    ['lopend', 'signalen', 2],
    ['toetsing', undefined, 0],
  ] as const)('fase %s, aandacht %s: %i clients', (fase, aandacht, n) => {
    expect(aantalVoor(groepen, fase, aandacht)).toBe(n);
  });

  it('per team (a client counts for each team of their klantmanager; none without one) and per municipality', () => {
    const { perTeam, perGemeente } = perTeamEnGemeente(groepen, [
      { id: 't1', leden: ['km1', 'km2'] },
      { id: 't2', leden: ['km1', 'km3'] },
      { id: 'leeg', leden: [] },
    ]);
    expect(perTeam.get('t1')?.totaal).toBe(10);
    expect(perTeam.get('t2')?.totaal).toBe(12);
    expect(perTeam.get('leeg')?.totaal).toBe(0);
    expect(perGemeente.get(A)?.totaal).toBe(10);
    expect(perGemeente.get(B)?.perFase.geen).toBe(1);
  });
});
