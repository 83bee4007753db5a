import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { z } from 'zod';
import type { FieldErrors } from '../../web/components/index.tsx';
import { paths } from '../../web/paths.ts';
import { renderPage } from '../../web/render.ts';
import { type Actor, pageChrome, requireRol } from '../auth/index.ts';
import type { GemeentenService } from '../gemeenten/index.ts';
import type { KlantenService } from '../klanten/index.ts';
import { FACTOREN, type Gewichten, redenRegel } from './kernel.ts';
import { GewichtenInput } from './matching.schemas.ts';
import type { MatchingService } from './matching.service.ts';
import {
  GewichtenPagina,
  type GewichtenWaarden,
  KandidatenPagina,
  PassendeActiviteitenPagina,
  type Voorbeeld,
} from './views/matching.tsx';

export interface MatchingRoutesDeps {
  matching: MatchingService;
  klanten: Pick<KlantenService, 'findKlant'>;
  gemeenten: Pick<GemeentenService, 'findGemeenten'>;
  /** Opens a `verkenning` carrying the suggestion (tegenprestaties); absent: no "Meenemen naar gesprek" button. */
  startVerkenning?: (
    actor: Actor,
    invoer: {
      klantId: string;
      activiteitId?: string;
      suggestie?: { bron: 'ranking' | 'cohort'; score: number; redenen: string[] };
    },
  ) => Promise<{ id: string }>;
}

const idVan = (req: FastifyRequest): string => String((req.params as { id?: unknown }).id ?? '');
const UUID = z.uuid();
const velden = (body: unknown): Record<string, string> => {
  const uit: Record<string, string> = {};
  if (body && typeof body === 'object')
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string') uit[k] = v;
  return uit;
};

/**
 * Pages of the ranking: the client file's tab "Passende activiteiten" (with "Meenemen naar gesprek"), an
 * activity's "Kandidaten", and the weights per municipality for the functioneel beheerder with a preview. No
 * JavaScript needed; posts carry CSRF, invalid input re-renders with 422, success redirects (303).
 */
export function matchingRoutes(deps: MatchingRoutesDeps) {
  const { matching, klanten } = deps;
  return async (app: FastifyInstance) => {
    async function toonPassend(req: FastifyRequest, reply: Parameters<typeof renderPage>[0], fout?: string) {
      const actor = requireRol(req, 'klantmanager', 'teamleider');
      const klant = await klanten.findKlant(actor, idVan(req));
      const uitkomst = await matching.passendeActiviteiten(actor, klant.id, { limiet: 20 });
      return renderPage(
        reply,
        createElement(PassendeActiviteitenPagina, {
          chrome: pageChrome(req, reply),
          klant,
          uitkomst,
          magMeenemen: deps.startVerkenning !== undefined && klant.dossierGeslotenOp === null,
          fout,
        }),
        fout ? 422 : 200,
      );
    }

    app.get('/klanten/:id/passende-activiteiten', { schema: { hide: true } }, (req, reply) =>
      toonPassend(req, reply),
    );

    // Take a suggestion into the client's next conversation: the score and reasons are computed again here (never
    // taken from the form), then a `verkenning` carrying them is opened.
    app.post(
      '/klanten/:id/passende-activiteiten/meenemen',
      { schema: { hide: true } },
      async (req, reply) => {
        const actor = requireRol(req, 'klantmanager', 'teamleider');
        const klantId = idVan(req);
        const activiteitId = velden(req.body).activiteitId ?? '';
        if (!deps.startVerkenning)
          return toonPassend(req, reply, 'Een suggestie meenemen kan hier nog niet.');
        const uitkomst = await matching.passendeActiviteiten(actor, klantId, { limiet: 100 });
        const s = UUID.safeParse(activiteitId).success
          ? uitkomst.activiteiten.find((a) => a.activiteitId === activiteitId)
          : undefined;
        if (!s)
          return toonPassend(
            req,
            reply,
            'Deze activiteit staat niet (meer) bij de passende activiteiten. Kies een activiteit uit de lijst.',
          );
        await deps.startVerkenning(actor, {
          klantId: uitkomst.klantId,
          activiteitId: s.activiteitId,
          suggestie: {
            bron: 'ranking',
            score: s.score,
            redenen: s.redenen.map((r) =>
              redenRegel({ factor: r.factor, punten: r.bijdrage, tekst: r.tekst }),
            ),
          },
        });
        return reply.redirect(paths.klantTegenprestaties(uitkomst.klantId), 303);
      },
    );

    app.get('/activiteiten/:id/kandidaten', { schema: { hide: true } }, async (req, reply) => {
      const actor = requireRol(req, 'netwerkmakelaar', 'klantmanager', 'teamleider');
      const uitkomst = await matching.kandidaten(actor, idVan(req), { limiet: 25 });
      return renderPage(
        reply,
        createElement(KandidatenPagina, {
          chrome: pageChrome(req, reply),
          uitkomst,
          linkNaarKlant: actor.rol !== 'netwerkmakelaar',
        }),
      );
    });

    // ---- Weights ----
    const naarWaarden = (g: Gewichten): GewichtenWaarden =>
      Object.fromEntries(FACTOREN.map((f) => [f, String(g[f])])) as GewichtenWaarden;

    async function toonGewichten(
      req: FastifyRequest,
      reply: Parameters<typeof renderPage>[0],
      gemeenteId: string | null,
      opties: {
        waarden?: GewichtenWaarden;
        fouten?: FieldErrors;
        voorbeeld?: Voorbeeld[];
        status?: number;
      } = {},
    ) {
      const actor = requireRol(req, 'functioneel-beheerder');
      const gemeenten = (await deps.gemeenten.findGemeenten(actor)).filter((g) =>
        actor.gemeenten.includes(g.id),
      );
      const gekozen = gemeenteId && gemeenten.some((g) => g.id === gemeenteId) ? gemeenteId : null;
      const waarden =
        opties.waarden ?? (gekozen ? naarWaarden(await matching.gewichten(actor, gekozen)) : null);
      const q = req.query as { melding?: unknown } | undefined;
      return renderPage(
        reply,
        createElement(GewichtenPagina, {
          chrome: pageChrome(req, reply),
          gemeenten,
          gemeenteId: gekozen,
          waarden,
          fouten: opties.fouten ?? {},
          voorbeeld: opties.voorbeeld ?? null,
          opgeslagen: q?.melding === 'opgeslagen',
        }),
        opties.status ?? 200,
      );
    }

    app.get('/beheer/matching', { schema: { hide: true } }, async (req, reply) => {
      const g = (req.query as { gemeenteId?: unknown } | undefined)?.gemeenteId;
      return toonGewichten(req, reply, typeof g === 'string' && UUID.safeParse(g).success ? g : null);
    });

    app.post('/beheer/matching/:id', { schema: { hide: true } }, async (req, reply) => {
      const actor = requireRol(req, 'functioneel-beheerder');
      const gemeenteId = idVan(req);
      if (!UUID.safeParse(gemeenteId).success || !actor.gemeenten.includes(gemeenteId))
        return toonGewichten(req, reply, null, { status: 404 });
      const body = velden(req.body);
      const waarden = Object.fromEntries(
        FACTOREN.map((f) => [f, (body[f] ?? '').trim()]),
      ) as GewichtenWaarden;
      const parsed = GewichtenInput.safeParse(waarden);
      if (!parsed.success) {
        const fouten: FieldErrors = {};
        for (const issue of parsed.error.issues) {
          const veld = String(issue.path[0] ?? 'vaardigheden');
          fouten[veld] ??= issue.message;
        }
        return toonGewichten(req, reply, gemeenteId, { waarden, fouten, status: 422 });
      }
      if (body.actie === 'voorbeeld') {
        const voorbeeld = await matching.voorbeeld(actor, gemeenteId, parsed.data);
        return toonGewichten(req, reply, gemeenteId, { waarden, voorbeeld });
      }
      await matching.zetGewichten(actor, gemeenteId, parsed.data);
      return reply.redirect(
        `/beheer/matching?gemeenteId=${encodeURIComponent(gemeenteId)}&melding=opgeslagen`,
        303,
      );
    });
  };
}
