import type { Rol } from '../../src/db/context.ts';
import type { Gebruiker } from '../../src/modules/auth/index.ts';

/**
 * The actor the auth hook builds for a signed-in staff member (in memory; nothing is stored). Pass the user's
 * assigned municipalities and teams, as the hook reads them from the database.
 */
export function actorVan(
  g: { dienstId: string; gebruikerId: string; naam?: string; email?: string; rol?: Rol },
  opts: { gemeenten?: readonly string[]; teams?: readonly string[]; rol?: Rol } = {},
): Gebruiker {
  return {
    kind: 'gebruiker',
    dienstId: g.dienstId,
    gebruikerId: g.gebruikerId,
    naam: g.naam ?? 'Test Medewerker',
    email: g.email ?? 'test@test.wederkerig.nl',
    rol: opts.rol ?? g.rol ?? 'functioneel-beheerder',
    gemeenten: opts.gemeenten ?? [],
    teams: opts.teams ?? [],
    via: 'sessie',
  };
}
