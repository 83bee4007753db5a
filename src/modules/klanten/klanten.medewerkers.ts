import type { Rol } from '../../db/context.ts';
import { systeemActor } from '../auth/index.ts';
import type { BeheerService } from '../beheer/index.ts';

/**
 * Staff as the client file needs them: who is in which team, which municipalities they serve, and their names.
 * The users and teams belong to the beheer module; the client file reads them through its service (never its
 * tables), under an explicit system context.
 */
export interface Medewerker {
  id: string;
  naam: string;
  rol: Rol;
  isActief: boolean;
  teamIds: string[];
  /** Assigned directly or through one of their teams. */
  gemeenteIds: string[];
}

/** All staff of a social service. */
export type MedewerkersBron = (dienstId: string) => Promise<Medewerker[]>;

/**
 * Reads staff through the beheer service, cached per social service for a few seconds (a list page asks more than
 * once per request; a new colleague shows up within seconds). A refresh takes connections of its own: never call
 * this inside a transaction (services read it before they open theirs).
 */
export function medewerkersUitBeheer(
  beheer: Pick<BeheerService, 'listGebruikers' | 'listTeams'>,
  bewaarMs = 5_000,
): MedewerkersBron {
  const cache = new Map<string, { tot: number; waarde: Promise<Medewerker[]> }>();
  return (dienstId) => {
    const nu = Date.now();
    const hit = cache.get(dienstId);
    if (hit && hit.tot > nu) return hit.waarde;
    const waarde = (async () => {
      const actor = systeemActor('klanten:medewerkers', dienstId);
      // One after the other: a request uses one database connection at a time.
      const gebruikers = await beheer.listGebruikers(actor);
      const teams = await beheer.listTeams(actor);
      const teamGemeenten = new Map(teams.map((t) => [t.id, t.gemeenten.map((g) => g.id)]));
      return gebruikers.map((g) => ({
        id: g.id,
        naam: g.naam,
        rol: g.rol,
        isActief: g.isActief,
        teamIds: g.teams.map((t) => t.id),
        gemeenteIds: [
          ...new Set([
            ...g.gemeenten.map((x) => x.id),
            ...g.teams.flatMap((t) => teamGemeenten.get(t.id) ?? []),
          ]),
        ],
      }));
    })();
    waarde.catch(() => cache.delete(dienstId));
    cache.set(dienstId, { tot: nu + bewaarMs, waarde });
    return waarde;
  };
}
