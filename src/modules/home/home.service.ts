import { withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import { type Actor, dbContext, type Gebruiker } from '../auth/index.ts';
import { plusDagen } from '../klanten/index.ts';
import { logboek, VA } from '../logboek/index.ts';
import type { ActiviteitOverzicht, Intervisie, NetwerkService } from '../netwerk/index.ts';
import { vandaagNl } from '../netwerk/index.ts';
import { homePolicy } from './home.policy.ts';
import { homeRepository as repo, type WerklijstRij } from './home.repository.ts';
import {
  aantalVoor,
  EVALUATIE_TERMIJN_DAGEN,
  PAGINA_GROOTTE,
  perTeamEnGemeente,
  type Tellingen,
  type Telgroep,
  telOp,
  type WerklijstVraag,
} from './werklijst.ts';

/** A team with its members, as the beheer module knows it (read before a transaction opens). */
export interface TeamMetLeden {
  id: string;
  naam: string;
  leden: readonly string[];
}

export interface HomeDeps {
  db: Database;
  /** The social service's teams with their members and the staff's names (a system read; never inside a transaction). */
  staf: (dienstId: string) => Promise<{ teams: TeamMetLeden[]; namen: Map<string, string> }>;
  netwerk: Pick<NetwerkService, 'findActiviteiten' | 'findIntervisies'>;
}

export interface Werklijst {
  vraag: WerklijstVraag;
  rijen: Array<WerklijstRij & { klantmanagerNaam: string | null }>;
  /** Counts in the chosen scope (municipality, team), per phase and attention point. */
  tellingen: Tellingen;
  /** How many clients the current filter shows (all pages). */
  totaal: number;
  aantalPaginas: number;
  /** The day up to which an evaluation counts as due. */
  evaluatieTot: string;
  /** Team lead only: the teams they lead and the counts per team and per municipality (whole scope). */
  teams: Array<{ id: string; naam: string; tellingen: Tellingen }>;
  perGemeente: Array<{ gemeenteId: string; tellingen: Tellingen }>;
}

export interface NetwerkWerk {
  zonderGeldigeToets: { items: ActiviteitOverzicht[]; totaal: number };
  vrijePlaatsen: { items: ActiviteitOverzicht[]; totaal: number };
  intervisie: { items: Intervisie[]; totaal: number };
}

/** How many items each part of the network overview shows (the totals are counted in full). */
export const NETWERK_LIJST = 10;

export function createHomeService(deps: HomeDeps) {
  const { db } = deps;
  const gebruiker = (actor: Actor): Gebruiker => {
    if (actor.kind !== 'gebruiker') throw new Error('De werklijst is er alleen voor medewerkers.');
    return actor;
  };

  return {
    /**
     * The work list: a klantmanager's own clients, or (team lead) every client of their municipalities, optionally
     * of one team or municipality; one page with the state of each, and the counts. Each client shown is logged
     * as read (`va-klantdossier-tegenprestatie`); the counts name nobody.
     */
    async werklijst(actor: Actor, vraag: WerklijstVraag, vandaag = vandaagNl()): Promise<Werklijst> {
      homePolicy.vereis(actor, 'werklijst-bekijken');
      const a = gebruiker(actor);
      const isTeamleider = a.rol === 'teamleider';
      // Read before the transaction (one connection at a time); a klantmanager's list names only themselves.
      const staf = isTeamleider
        ? await deps.staf(a.dienstId)
        : { teams: [], namen: new Map([[a.gebruikerId, a.naam]]) };
      const eigenTeams = isTeamleider ? staf.teams.filter((t) => a.teams.includes(t.id)) : [];
      const team = vraag.teamId ? eigenTeams.find((t) => t.id === vraag.teamId) : undefined;
      const evaluatieTot = plusDagen(vandaag, EVALUATIE_TERMIJN_DAGEN);
      const scope = {
        klantmanagerIds: isTeamleider ? team?.leden : [a.gebruikerId],
        evaluatieTot,
      };
      const gemeenteId =
        vraag.gemeenteId && a.gemeenten.includes(vraag.gemeenteId) ? vraag.gemeenteId : undefined;
      const paginaVan = (totaal: number) => Math.max(1, Math.ceil(totaal / PAGINA_GROOTTE));
      return withContext(db, dbContext(actor), async (tx) => {
        // The team lead's counts cover their whole scope (for the tables per team and municipality).
        const groepen: Telgroep[] = await repo.tellingen(tx, a.dienstId, {
          klantmanagerIds: isTeamleider ? undefined : scope.klantmanagerIds,
          evaluatieTot,
        });
        const inScope = groepen.filter(
          (g) =>
            (!gemeenteId || g.gemeenteId === gemeenteId) &&
            (!team || (g.klantmanagerId !== null && team.leden.includes(g.klantmanagerId))),
        );
        const totaal = aantalVoor(inScope, vraag.fase, vraag.aandacht);
        const aantalPaginas = paginaVan(totaal);
        const pagina = Math.min(vraag.pagina, aantalPaginas);
        const rijen = await repo.werklijst(
          tx,
          a.dienstId,
          { ...scope, gemeenteId, fase: vraag.fase, aandacht: vraag.aandacht },
          vraag.sorteer,
          vraag.richting,
          PAGINA_GROOTTE,
          (pagina - 1) * PAGINA_GROOTTE,
        );
        await logboek.recordMany(
          tx,
          rijen.map((r) => ({
            actor,
            actie: 'lezen' as const,
            subject: { type: 'klant', id: r.klantId },
            verwerkingsactiviteit: VA.klantdossierTegenprestatie,
            gemeenteId: r.gemeenteId,
          })),
        );
        const { perTeam, perGemeente } = perTeamEnGemeente(groepen, eigenTeams);
        return {
          vraag: { ...vraag, pagina, ...(gemeenteId ? {} : { gemeenteId: undefined }), teamId: team?.id },
          rijen: rijen.map((r) => ({
            ...r,
            klantmanagerNaam: r.klantmanagerId ? (staf.namen.get(r.klantmanagerId) ?? null) : null,
          })),
          tellingen: telOp(inScope),
          totaal,
          aantalPaginas,
          evaluatieTot,
          teams: eigenTeams.map((t) => ({
            id: t.id,
            naam: t.naam,
            tellingen: perTeam.get(t.id) ?? telOp([]),
          })),
          perGemeente: isTeamleider
            ? [...perGemeente].map(([id, tellingen]) => ({ gemeenteId: id, tellingen }))
            : [],
        };
      });
    },

    /**
     * The netwerkmakelaar's work: activities in use (voorgesteld or actief) whose displacement assessment does not
     * allow a placement today, activities with free places, and intervision requests waiting. Three reads through
     * the network module, one after the other (each logs and checks as that module does).
     */
    async netwerkWerk(actor: Actor): Promise<NetwerkWerk> {
      homePolicy.vereis(actor, 'netwerkwerk-bekijken');
      const zonder = await deps.netwerk.findActiviteiten(actor, {
        toetsGeldig: false,
        status: 'actief',
        paginaGrootte: NETWERK_LIJST,
      });
      const vrij = await deps.netwerk.findActiviteiten(actor, {
        vrijePlaatsen: true,
        status: 'actief',
        toetsGeldig: true,
        paginaGrootte: NETWERK_LIJST,
      });
      const intervisie = await deps.netwerk.findIntervisies(actor, {
        status: 'open',
        paginaGrootte: NETWERK_LIJST,
      });
      return {
        zonderGeldigeToets: { items: zonder.items, totaal: zonder.totaal },
        vrijePlaatsen: { items: vrij.items, totaal: vrij.totaal },
        intervisie: { items: intervisie.items, totaal: intervisie.totaal },
      };
    },
  };
}

export type HomeService = ReturnType<typeof createHomeService>;
