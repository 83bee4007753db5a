import type { Actor } from '../modules/auth/index.ts';
import type { GemeentenService } from '../modules/gemeenten/index.ts';

export const DEMO_DIENST = 'Sociale Dienst De Kempen (demo)';

/**
 * The demo municipalities: fictional names, real 4-digit postcodes (so distances work), grouped into wijken.
 * Codes GM99xx are not used by any real municipality.
 */
export const DEMO_GEMEENTEN = [
  {
    naam: 'Aardam',
    code: 'GM9901',
    wijken: [
      { naam: 'Centrum', postcodes: ['5611', '5612', '5613'] },
      { naam: 'Stratum', postcodes: ['5614', '5615', '5616'] },
      { naam: 'Woensel-Zuid', postcodes: ['5621', '5622', '5623'] },
      { naam: 'Woensel-Noord', postcodes: ['5624', '5625', '5626', '5627', '5628'] },
      { naam: 'Tongelre', postcodes: ['5631', '5632'] },
    ],
  },
  {
    naam: 'Bergdorp',
    code: 'GM9902',
    wijken: [
      { naam: 'Dorp', postcodes: ['5501', '5502', '5503'] },
      { naam: 'Zeelst', postcodes: ['5504', '5505', '5506'] },
      { naam: 'Meerveldhoven', postcodes: ['5507', '5508', '5509'] },
      { naam: 'Waalre-Dorp', postcodes: ['5581', '5582', '5583'] },
    ],
  },
] as const;

export interface DemoServices {
  gemeenten: GemeentenService;
}

export interface DemoResult {
  dienstId: string;
  gemeenten: Record<string, string>;
}

/**
 * Loads the demo social service. Idempotent: every step finds what exists before it creates. Later modules add
 * their own demo data here, through their services.
 */
export async function loadDemo(services: DemoServices, actor: Actor): Promise<DemoResult> {
  const dienstId = await services.gemeenten.ensureDienst(actor, DEMO_DIENST);
  const gemeenten: Record<string, string> = {};
  for (const g of DEMO_GEMEENTEN) {
    const gemeente = await services.gemeenten.createGemeente(
      actor,
      dienstId,
      { naam: g.naam, code: g.code },
      { idempotent: true },
    );
    gemeenten[g.naam] = gemeente.id;
    for (const w of g.wijken) {
      await services.gemeenten.ensureWijk(actor, dienstId, {
        gemeenteId: gemeente.id,
        naam: w.naam,
        postcodes: [...w.postcodes],
      });
    }
  }
  return { dienstId, gemeenten };
}
