import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { paths } from '../../../web/paths.ts';
import { renderFragment, renderPage } from '../../../web/render.ts';
import { type Gebruiker, pageChrome, requireRol } from '../../auth/index.ts';
import type { GemeentenService } from '../../gemeenten/index.ts';
import {
  type KlantenService,
  TOEPASSELIJKHEDEN,
  TOEPASSELIJKHEID_NAMEN,
  type Toepasselijkheid,
} from '../../klanten/index.ts';
import { activiteitLabel, gemeentenUitIds, type NetwerkService } from '../../netwerk/index.ts';
import { CohortInvoerfout, type StartCohortInput } from './cohort.schemas.ts';
import type { CohortService } from './cohort.service.ts';
import {
  CohortenPagina,
  type CohortFormWaarden,
  CohortPagina,
  CohortVoortgang,
  LEGE_WAARDEN,
  MELDINGEN,
} from './views/cohort.tsx';

const teamleider = (req: FastifyRequest): Gebruiker => requireRol(req, 'teamleider');
const idVan = (req: FastifyRequest): string => String((req.params as { id?: unknown }).id ?? '');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function tekst(body: Record<string, unknown>, veld: string): string {
  const v = body[veld];
  return typeof v === 'string' ? v.trim() : '';
}
function lijst(body: Record<string, unknown>, veld: string): string[] {
  const v = body[veld];
  const alle = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return alle.filter((x): x is string => typeof x === 'string').slice(0, 10_000);
}
const getal = (q: unknown): number => {
  const n = Number.parseInt(typeof q === 'string' ? q : '', 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
};

/**
 * Pages of the cohort assignment for the teamleider (`/cohorten`): choose clients (by municipality, wijk,
 * klantmanager and applicability) and activities, compute the proposal (small cohorts in the request, larger
 * ones in the background with a progress bar that htmx polls; without JavaScript a link reloads the page), and
 * accept or reject pairs with checkboxes. Works without JavaScript (POST + CSRF, 422 keeps the input, 303 after).
 */
export function cohortRoutes(deps: {
  cohort: CohortService;
  gemeenten: Pick<GemeentenService, 'findGemeenten' | 'listWijken'>;
  klanten: Pick<KlantenService, 'klantmanagerKeuzes'>;
  netwerk: Pick<NetwerkService, 'findActiviteiten'>;
}) {
  const { cohort } = deps;
  return async (app: FastifyInstance) => {
    const toonStart = async (
      req: FastifyRequest,
      reply: FastifyReply,
      actor: Gebruiker,
      waarden: CohortFormWaarden,
      fouten?: Record<string, string>,
    ) => {
      const alleGemeenten = (await deps.gemeenten.findGemeenten(actor)).filter((g) =>
        actor.gemeenten.includes(g.id),
      );
      const wijken = [];
      for (const g of alleGemeenten)
        for (const w of await deps.gemeenten.listWijken(actor, g.id))
          wijken.push({ id: w.id, naam: alleGemeenten.length > 1 ? `${g.naam} – ${w.naam}` : w.naam });
      // One after the other: a request uses one database connection at a time.
      const klantmanagers = await deps.klanten.klantmanagerKeuzes(actor);
      const activiteiten = await deps.netwerk.findActiviteiten(actor, {
        status: 'actief',
        vrijePlaatsen: true,
        paginaGrootte: 100,
      });
      const runs = await cohort.findRuns(actor);
      const gemeenteNamen = new Map(alleGemeenten.map((g) => [g.id, g.naam]));
      return renderPage(
        reply,
        createElement(CohortenPagina, {
          chrome: pageChrome(req, reply),
          gemeenten: alleGemeenten,
          wijken,
          klantmanagers,
          toepasselijkheden: TOEPASSELIJKHEDEN.map((t) => ({ value: t, label: TOEPASSELIJKHEID_NAMEN[t] })),
          activiteiten: activiteiten.items.map((a) => ({
            id: a.id,
            label: `${activiteitLabel({ ...a, gemeenten: gemeentenUitIds(a.gemeenteIds, gemeenteNamen) })}, ${a.plaatsenVrij} vrij`,
          })),
          runs,
          waarden: {
            ...waarden,
            gemeenteId: waarden.gemeenteId || (alleGemeenten.length === 1 ? alleGemeenten[0]!.id : ''),
          },
          ...(fouten ? { fouten } : {}),
        }),
        fouten ? 422 : 200,
      );
    };

    app.get('/cohorten', { schema: { hide: true } }, async (req, reply) =>
      toonStart(req, reply, teamleider(req), LEGE_WAARDEN),
    );

    app.post('/cohorten', { schema: { hide: true } }, async (req, reply) => {
      const actor = teamleider(req);
      const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<
        string,
        unknown
      >;
      const waarden: CohortFormWaarden = {
        gemeenteId: tekst(body, 'gemeenteId'),
        wijkId: tekst(body, 'wijkId'),
        klantmanagerId: tekst(body, 'klantmanagerId'),
        toepasselijkheid: tekst(body, 'toepasselijkheid'),
        activiteiten: tekst(body, 'activiteiten') === 'gekozen' ? 'gekozen' : 'alle',
        activiteitIds: lijst(body, 'activiteitIds'),
        k: tekst(body, 'k'),
      };
      const fouten: Record<string, string> = {};
      if (!actor.gemeenten.includes(waarden.gemeenteId))
        fouten.gemeenteId = 'Kies de gemeente van het cohort.';
      if (waarden.wijkId && !UUID.test(waarden.wijkId)) fouten.wijkId = 'Kies een wijk uit de lijst.';
      if (waarden.klantmanagerId && !UUID.test(waarden.klantmanagerId))
        fouten.klantmanagerId = 'Kies een klantmanager uit de lijst.';
      if (
        waarden.toepasselijkheid &&
        !(TOEPASSELIJKHEDEN as readonly string[]).includes(waarden.toepasselijkheid)
      )
        fouten.toepasselijkheid = 'Kies een waarde uit de lijst.';
      const k = /^\d{1,3}$/.test(waarden.k) ? Number(waarden.k) : Number.NaN;
      if (!(k >= 1 && k <= 200)) fouten.k = 'Vul een aantal in van 1 tot en met 200.';
      const ids = waarden.activiteitIds.filter((id) => UUID.test(id));
      if (waarden.activiteiten === 'gekozen' && ids.length === 0)
        fouten.activiteitIds = 'Vink minstens één activiteit aan, of kies alle activiteiten.';
      if (Object.keys(fouten).length === 0) {
        const invoer: StartCohortInput = {
          gemeenteId: waarden.gemeenteId,
          selectie: {
            ...(waarden.wijkId ? { wijkId: waarden.wijkId } : {}),
            ...(waarden.klantmanagerId ? { klantmanagerId: waarden.klantmanagerId } : {}),
            ...(waarden.toepasselijkheid
              ? { toepasselijkheid: waarden.toepasselijkheid as Toepasselijkheid }
              : {}),
          },
          ...(waarden.activiteiten === 'gekozen' ? { activiteitIds: ids } : {}),
          k,
        };
        try {
          const run = await cohort.startCohort(actor, invoer);
          return reply.redirect(paths.cohort(run.id), 303);
        } catch (e) {
          if (!(e instanceof CohortInvoerfout)) throw e;
          for (const [veld, melding] of Object.entries(e.velden))
            fouten[veld.split('.').at(-1) ?? veld] = melding;
        }
      }
      return toonStart(req, reply, actor, waarden, fouten);
    });

    const toonCohort = async (
      req: FastifyRequest,
      reply: FastifyReply,
      actor: Gebruiker,
      opts: { pagina: number; fouten?: Record<string, string> },
    ) => {
      const q = req.query as Record<string, unknown>;
      const c = await cohort.bekijkCohort(actor, idVan(req), { pagina: opts.pagina, paginaGrootte: 50 });
      const { namen, ...toewijzing } = c;
      const heeftUitkomst = typeof q.geaccepteerd === 'string';
      return renderPage(
        reply,
        createElement(CohortPagina, {
          chrome: pageChrome(req, reply),
          cohort: toewijzing,
          namen,
          fouten: opts.fouten,
          melding: q.melding === 'besloten' ? MELDINGEN.besloten : undefined,
          uitkomst: heeftUitkomst
            ? {
                geaccepteerd: getal(q.geaccepteerd),
                afgewezen: getal(q.afgewezen),
                overgeslagen: getal(q.overgeslagen),
              }
            : undefined,
        }),
        opts.fouten ? 422 : 200,
      );
    };

    app.get('/cohorten/:id', { schema: { hide: true } }, async (req, reply) =>
      toonCohort(req, reply, teamleider(req), {
        pagina: Math.max(1, getal((req.query as Record<string, unknown>).pagina)),
      }),
    );

    // The fragment htmx polls while the computation runs.
    app.get('/cohorten/:id/voortgang', { schema: { hide: true } }, async (req, reply) => {
      const run = await cohort.findRun(teamleider(req), idVan(req));
      return renderFragment(
        reply.header('cache-control', 'no-store'),
        createElement(CohortVoortgang, { run }),
      );
    });

    app.post('/cohorten/:id/besluiten', { schema: { hide: true } }, async (req, reply) => {
      const actor = teamleider(req);
      const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<
        string,
        unknown
      >;
      const pagina = Math.max(1, getal(body.pagina));
      const klantIds = lijst(body, 'klantIds').filter((id) => UUID.test(id));
      if (klantIds.length === 0)
        return toonCohort(req, reply, actor, {
          pagina,
          fouten: { klantIds: 'Vink minstens één paar aan.' },
        });
      const wijsAf = tekst(body, 'besluit') === 'wijs-af';
      const uitkomst = await cohort.beslis(
        actor,
        idVan(req),
        wijsAf ? { wijsAf: klantIds } : { accepteer: klantIds },
      );
      const q = new URLSearchParams({
        pagina: String(pagina),
        geaccepteerd: String(uitkomst.geaccepteerd.length),
        afgewezen: String(uitkomst.afgewezen.length),
        overgeslagen: String(uitkomst.overgeslagen.length),
      });
      return reply.redirect(`${paths.cohort(idVan(req))}?${q.toString()}`, 303);
    });
  };
}
