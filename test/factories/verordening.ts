import type { VersieInput } from '../../src/modules/verordening/index.ts';

/** A valid version of an ordinance (in memory): imposes, "tegenprestatie", 4–8 h/week, ≤ 6 months. */
export function maakVersie(overrides: Partial<VersieInput> = {}): VersieInput {
  return {
    ingangsdatum: '2026-01-01',
    titel: 'Verordening tegenprestatie Testdam 2026',
    vorm: 'opleggen',
    weergavenaam: 'tegenprestatie',
    minUrenPerWeek: 4,
    maxUrenPerWeek: 8,
    maxDuurMaanden: 6,
    verlengingToegestaan: true,
    maxVerlengingMaanden: 3,
    lokaleGrondIds: [],
    schriftelijkeOvereenkomstVerplicht: true,
    artikelen: {
      vorm: 'art. 2',
      uren: 'art. 3 lid 1',
      duur: 'art. 3 lid 2',
      verlenging: 'art. 3 lid 3',
      ontheffingen: 'art. 4',
      overeenkomst: 'art. 5',
    },
    toelichting: null,
    ...overrides,
  };
}
