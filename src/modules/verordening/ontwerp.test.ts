import { describe, expect, it } from 'vitest';
import type { KlantDossier } from '../klanten/index.ts';
import { type OntwerpVoorToets, ontwerpVoorToets } from './ontwerp.ts';

const START = '2026-06-15';

const ontwerp = {
  einddatum: '2026-12-14',
  urenPerWeek: 6,
  dagdelen: ['ma-ochtend', 'wo-ochtend'],
} as OntwerpVoorToets;

/** Only the parts of the client file the mapping reads. */
function klant(over: Partial<Pick<KlantDossier, 'werk' | 'reintegratie' | 'ontheffingen'>>): KlantDossier {
  return { werk: [], reintegratie: [], ontheffingen: [], ...over } as unknown as KlantDossier;
}

const ontheffing = (
  begindatum: string,
  einddatum: string | null,
  effectiefEinde: string | null = einddatum,
) => ({
  type: 'lokaal',
  begindatum,
  einddatum,
  effectiefEinde,
  lokaleGrond: { id: 'g1', code: 'mantelzorg', naam: 'Mantelzorg' },
});

describe('ontwerpVoorToets', () => {
  it('maps the design: no extension, and nothing assumed about pay or the written agreement', () => {
    expect(ontwerpVoorToets(ontwerp, klant({}), START)).toEqual({
      startdatum: START,
      einddatum: '2026-12-14',
      urenPerWeek: 6,
      dagdelen: ['ma-ochtend', 'wo-ochtend'],
      werk: { urenPerWeek: 0, dagdelen: [] },
      reintegratieDagdelen: [],
      ontheffingen: [],
      verlenging: null,
    });
  });

  it('reads the client on the peildatum but keeps the design’s own start (a preview on a later date)', () => {
    const k = klant({
      werk: [
        {
          id: 'w',
          omschrijving: null,
          urenPerWeek: 8,
          dagdelen: ['di-ochtend'],
          begindatum: '2026-09-01',
          einddatum: null,
        },
      ],
    } as never);
    expect(ontwerpVoorToets(ontwerp, k, START)).toMatchObject({
      startdatum: START,
      werk: { urenPerWeek: 0 },
    });
    expect(ontwerpVoorToets(ontwerp, k, START, '2026-10-01')).toMatchObject({
      startdatum: START,
      werk: { urenPerWeek: 8, dagdelen: ['di-ochtend'] },
    });
  });

  it.each([
    [
      'work that runs on the start date counts',
      { begindatum: '2026-01-01', einddatum: null },
      8,
      ['di-ochtend'],
    ],
    ['work ending on the start date still counts', { begindatum: null, einddatum: START }, 8, ['di-ochtend']],
    ['work that ended before does not', { begindatum: '2025-01-01', einddatum: '2026-06-14' }, 0, []],
    ['work that starts later does not', { begindatum: '2026-07-01', einddatum: null }, 0, []],
  ])('%s', (_naam, periode, uren, dagdelen) => {
    const k = klant({
      werk: [{ id: 'w', omschrijving: null, urenPerWeek: 8, dagdelen: ['di-ochtend'], ...periode }],
    });
    expect(ontwerpVoorToets(ontwerp, k, START).werk).toEqual({ urenPerWeek: uren, dagdelen });
  });

  it('takes the re-integration day parts that run on the start date, without duplicates', () => {
    const k = klant({
      reintegratie: [
        { id: 'r1', omschrijving: null, begindatum: '2026-01-01', einddatum: null, dagdelen: ['do-middag'] },
        {
          id: 'r2',
          omschrijving: null,
          begindatum: '2026-03-01',
          einddatum: null,
          dagdelen: ['do-middag', 'vr-ochtend'],
        },
        { id: 'r3', omschrijving: null, begindatum: '2026-07-01', einddatum: null, dagdelen: ['ma-middag'] },
      ],
    });
    expect(ontwerpVoorToets(ontwerp, k, START).reintegratieDagdelen).toEqual(['do-middag', 'vr-ochtend']);
  });

  it.each([
    ['running', ontheffing('2026-01-01', null), 1],
    ['ending on the start date (end dates are exclusive)', ontheffing('2026-01-01', START), 0],
    ['ending the day after', ontheffing('2026-01-01', '2026-06-16'), 1],
    ['starting later', ontheffing('2026-06-16', null), 0],
    ['with an earlier effective end (art. 9a)', ontheffing('2026-01-01', null, '2026-06-01'), 0],
  ])('an exemption %s', (_naam, o, aantal) => {
    const uit = ontwerpVoorToets(
      ontwerp,
      klant({ ontheffingen: [o] as unknown as KlantDossier['ontheffingen'] }),
      START,
    );
    expect(uit.ontheffingen).toHaveLength(aantal);
    if (aantal)
      expect(uit.ontheffingen[0]).toEqual({ type: 'lokaal', lokaleGrondId: 'g1', naam: 'Mantelzorg' });
  });
});
