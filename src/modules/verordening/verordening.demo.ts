import type { Actor } from '../auth/index.ts';
import type { VersieInput } from './verordening.schemas.ts';
import type { VerordeningService } from './verordening.service.ts';

type DemoVersie = Omit<VersieInput, 'lokaleGrondIds'> & { lokaleGronden: readonly string[] };

/**
 * The demo ordinances. Aardam imposes it: "tegenprestatie" from 2026-01-01 (4–12 h/week) and from 2026-07-01,
 * ahead of the 2027 law, "maatschappelijke participatie" (4–8 h/week, ≤ 6 months; the legal basis stays art. 9
 * lid 1 onder c Pw until 2027). Bergdorp only offers it (Oss-style), keeps the name "tegenprestatie", ≤ 20 h/week,
 * ≤ 12 months. Local grounds are named by their catalogue code (the klanten demo creates `mantelzorg`).
 */
export const DEMO_VERORDENINGEN: Record<string, readonly DemoVersie[]> = {
  Aardam: [
    {
      ingangsdatum: '2026-01-01',
      titel: 'Verordening tegenprestatie Aardam 2026',
      vorm: 'opleggen',
      weergavenaam: 'tegenprestatie',
      minUrenPerWeek: 4,
      maxUrenPerWeek: 12,
      maxDuurMaanden: 6,
      verlengingToegestaan: true,
      maxVerlengingMaanden: 6,
      lokaleGronden: ['mantelzorg'],
      schriftelijkeOvereenkomstVerplicht: true,
      artikelen: {
        vorm: 'art. 2 lid 1',
        uren: 'art. 3 lid 1',
        duur: 'art. 3 lid 2',
        verlenging: 'art. 3 lid 3',
        ontheffingen: 'art. 4 lid 2',
        overeenkomst: 'art. 5',
      },
      minDagenVerzendingStart: 5,
      artikelMaatregel: 'art. 9 lid 1 onder b Afstemmingsverordening Participatiewet Aardam 2015',
      toelichting: 'Eerste versie in Wederkerig.',
    },
    {
      ingangsdatum: '2026-07-01',
      titel: 'Verordening maatschappelijke participatie Aardam 2026',
      vorm: 'opleggen',
      weergavenaam: 'maatschappelijke-participatie',
      minUrenPerWeek: 4,
      maxUrenPerWeek: 8,
      maxDuurMaanden: 6,
      verlengingToegestaan: true,
      maxVerlengingMaanden: 3,
      lokaleGronden: ['mantelzorg'],
      schriftelijkeOvereenkomstVerplicht: true,
      artikelen: {
        vorm: 'art. 2 lid 1',
        uren: 'art. 3 lid 1',
        duur: 'art. 3 lid 2',
        verlenging: 'art. 3 lid 3',
        ontheffingen: 'art. 4 lid 2',
        overeenkomst: 'art. 5',
      },
      minDagenVerzendingStart: 5,
      artikelMaatregel: 'art. 9 lid 1 onder b Afstemmingsverordening Participatiewet Aardam 2015',
      toelichting:
        'Overgangsjaar 2026: Aardam gebruikt al de naam maatschappelijke participatie. De rechtsgrond blijft tot 2027 art. 9 lid 1 onder c Participatiewet.',
    },
  ],
  Bergdorp: [
    {
      ingangsdatum: '2015-01-01',
      titel: 'Verordening tegenprestatie Bergdorp 2015',
      vorm: 'aanbieden',
      weergavenaam: 'tegenprestatie',
      minUrenPerWeek: null,
      maxUrenPerWeek: 20,
      maxDuurMaanden: 12,
      verlengingToegestaan: false,
      maxVerlengingMaanden: null,
      lokaleGronden: ['mantelzorg'],
      schriftelijkeOvereenkomstVerplicht: false,
      artikelen: {
        vorm: 'art. 2',
        uren: 'art. 3 lid 1',
        duur: 'art. 3 lid 2',
        verlenging: 'art. 3 lid 2',
        ontheffingen: 'art. 4',
        overeenkomst: '',
      },
      toelichting: 'Bergdorp biedt de tegenprestatie alleen op vrijwillige basis aan.',
    },
  ],
};

/**
 * Loads the demo ordinances (idempotent: a version whose effective date exists is skipped). `gemeenten` maps
 * municipality names to ids. Returns the number of versions per municipality.
 */
export async function laadDemoVerordeningen(
  service: VerordeningService,
  actor: Actor,
  gemeenten: Readonly<Record<string, string>>,
): Promise<Record<string, number>> {
  const aantallen: Record<string, number> = {};
  for (const [naam, versies] of Object.entries(DEMO_VERORDENINGEN)) {
    const gemeenteId = gemeenten[naam];
    if (!gemeenteId) continue;
    const bestaand = new Set((await service.listVersies(actor, gemeenteId)).map((v) => v.ingangsdatum));
    const gronden = await service.lokaleGronden(actor, gemeenteId);
    for (const { lokaleGronden, ...v } of versies) {
      if (bestaand.has(v.ingangsdatum)) continue;
      await service.createVersie(actor, gemeenteId, {
        ...v,
        lokaleGrondIds: gronden.filter((g) => lokaleGronden.includes(g.code)).map((g) => g.id),
      });
    }
    aantallen[naam] = versies.length;
  }
  return aantallen;
}
