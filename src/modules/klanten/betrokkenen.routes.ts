import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createElement } from 'react';
import { z } from 'zod';
import { metVeldfouten, Problem } from '../../http/problem.ts';
import { paths } from '../../web/paths.ts';
import { renderPage } from '../../web/render.ts';
import { type Gebruiker, pageChrome, requireGebruiker, requireRol } from '../auth/index.ts';
import { Betrokkene, BetrokkeneInput, type BetrokkenenService, EindeInput } from './betrokkenen.service.ts';
import { KlantInvoerfout, type KlantenService } from './klanten.service.ts';
import { BetrokkenenPagina } from './views/betrokkenen.tsx';

const Id = z.object({ id: z.uuid().describe('De vaste identificatie van de klant') });
const BId = Id.extend({
  bid: z.uuid().describe('De vaste identificatie van de vertegenwoordiger of partner'),
});
const fouten = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
} as const;

/** The API and the page of a client's representatives and partner. Thin: every rule and log is in the service. */
export function betrokkenenRoutes(deps: {
  betrokkenen: BetrokkenenService;
  klanten: Pick<KlantenService, 'findKlant'>;
}) {
  const { betrokkenen, klanten } = deps;
  const medewerker = (req: FastifyRequest): Gebruiker => requireRol(req, 'klantmanager', 'teamleider');
  const id = (req: FastifyRequest) => String((req.params as Record<string, unknown>).id ?? '');
  const waardenVan = (req: FastifyRequest): Record<string, string> => {
    const b = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
    const w: Record<string, string> = {};
    for (const [k, v] of Object.entries(b))
      if (typeof v === 'string' && k !== '_csrf') w[k] = v.slice(0, 1000);
    return w;
  };

  async function pagina(
    req: FastifyRequest,
    reply: FastifyReply,
    actor: Gebruiker,
    opts: {
      formulier?: string;
      waarden?: Record<string, string>;
      fouten?: Record<string, string>;
      status?: number;
    } = {},
  ) {
    const klant = await klanten.findKlant(actor, id(req));
    return renderPage(
      reply,
      createElement(BetrokkenenPagina, {
        chrome: pageChrome(req, reply),
        klant,
        betrokkenen: await betrokkenen.listBetrokkenen(actor, klant.id),
        formulier: opts.formulier ?? null,
        waarden: opts.waarden ?? {},
        fouten: opts.fouten ?? {},
      }),
      opts.status ?? 200,
    );
  }

  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['Klanten'];
    r.get(
      '/api/v1/klanten/:id/betrokkenen',
      {
        schema: {
          operationId: 'listBetrokkenen',
          summary: 'Vertegenwoordigers en partner van een klant',
          description:
            'Bewindvoerder, mentor of curator (krijgt een afschrift van voornemen en besluit van een maatregel) en de partner bij gezamenlijke bijstand (artikel 11 lid 4 Participatiewet), met hun periode.',
          tags,
          params: Id,
          response: { 200: z.array(Betrokkene), ...fouten },
        },
      },
      async (req) => betrokkenen.listBetrokkenen(requireGebruiker(req), req.params.id),
    );
    r.post(
      '/api/v1/klanten/:id/betrokkenen',
      {
        schema: {
          operationId: 'createBetrokkene',
          summary: 'Vertegenwoordiger of partner vastleggen',
          description:
            'Een vertegenwoordiger heeft een postadres; hoogstens één partner tegelijk (400 bij overlap).',
          tags,
          params: Id,
          body: BetrokkeneInput,
          response: { 201: Betrokkene, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const b = await betrokkenen.legBetrokkeneVast(requireGebruiker(req), req.params.id, req.body);
          reply.status(201);
          return b;
        }),
    );
    r.post(
      '/api/v1/klanten/:id/betrokkenen/:bid/einde',
      {
        schema: {
          operationId: 'createBetrokkeneEinde',
          summary: 'Vertegenwoordiger of partner beëindigen',
          tags,
          params: BId,
          body: EindeInput,
          response: { 200: Betrokkene, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, () =>
          betrokkenen.beeindigBetrokkene(requireGebruiker(req), req.params.id, req.params.bid, req.body),
        ),
    );

    app.get('/klanten/:id/vertegenwoordiging', { schema: { hide: true } }, async (req, reply) =>
      pagina(req, reply, medewerker(req)),
    );
    app.post('/klanten/:id/vertegenwoordiging', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const waarden = waardenVan(req);
      try {
        await betrokkenen.legBetrokkeneVast(
          actor,
          id(req),
          Object.fromEntries(Object.entries(waarden).filter(([, v]) => v.trim() !== '')) as never,
        );
      } catch (e) {
        if (!(e instanceof KlantInvoerfout)) throw e;
        return pagina(req, reply, actor, {
          formulier: 'nieuw',
          waarden,
          fouten: e.velden as Record<string, string>,
          status: 422,
        });
      }
      return reply.redirect(paths.klantVertegenwoordiging(id(req)), 303);
    });
    app.post('/klanten/:id/vertegenwoordiging/:bid/einde', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const waarden = waardenVan(req);
      const bid = String((req.params as Record<string, unknown>).bid ?? '');
      try {
        await betrokkenen.beeindigBetrokkene(actor, id(req), bid, { tot: waarden.tot ?? '' });
      } catch (e) {
        if (!(e instanceof KlantInvoerfout)) throw e;
        const f = Object.fromEntries(Object.entries(e.velden).map(([k, v]) => [`${k}-${bid}`, String(v)]));
        return pagina(req, reply, actor, { formulier: `einde-${bid}`, waarden, fouten: f, status: 422 });
      }
      return reply.redirect(paths.klantVertegenwoordiging(id(req)), 303);
    });
  };
}
