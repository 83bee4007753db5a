import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { AppError } from '../../http/app-error.ts';
import type { FieldErrors } from '../../web/components/index.tsx';
import { paths } from '../../web/paths.ts';
import { renderPage } from '../../web/render.ts';
import { type Gebruiker, pageChrome, requireRol } from '../auth/index.ts';
import { DwangInvoerfout, type IncidentInput } from './dwang.schemas.ts';
import type { DwangService } from './dwang.service.ts';
import { IncidentenPagina, type IncidentWaarden } from './views/incidenten.tsx';

type Body = Record<string, unknown>;
const medewerker = (req: FastifyRequest): Gebruiker => requireRol(req, 'klantmanager', 'teamleider');
const idVan = (req: FastifyRequest): string => String((req.params as { id?: unknown }).id ?? '');
const tekst = (b: Body, k: string): string => {
  const v = b[k];
  return typeof v === 'string' ? v.slice(0, 5000) : '';
};
const LEEG: IncidentWaarden = { soort: '', datum: '', omschrijving: '', bron: '', bronNaam: '' };

/** The incidents page of a placement. Thin: every rule, access check and log entry is in the service. */
export function dwangRoutes(deps: { dwang: DwangService }) {
  const { dwang } = deps;

  async function toon(
    req: FastifyRequest,
    reply: FastifyReply,
    actor: Gebruiker,
    opts: { waarden?: IncidentWaarden; fouten?: FieldErrors; status?: number } = {},
  ) {
    const overzicht = await dwang.listIncidenten(actor, idVan(req));
    return renderPage(
      reply,
      createElement(IncidentenPagina, {
        chrome: pageChrome(req, reply),
        tegenprestatieId: idVan(req),
        overzicht,
        patroon: dwang.patroon,
        waarden: opts.waarden ?? LEEG,
        fouten: opts.fouten ?? {},
        opgeslagen: (req.query as { melding?: unknown } | undefined)?.melding === 'vastgelegd',
      }),
      opts.status ?? 200,
    );
  }

  return async (app: FastifyInstance) => {
    app.get('/tegenprestaties/:id/incidenten', { schema: { hide: true } }, async (req, reply) =>
      toon(req, reply, medewerker(req)),
    );

    app.post('/tegenprestaties/:id/incidenten', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const b = req.body && typeof req.body === 'object' ? (req.body as Body) : {};
      const waarden: IncidentWaarden = {
        soort: tekst(b, 'soort'),
        datum: tekst(b, 'datum'),
        omschrijving: tekst(b, 'omschrijving'),
        bron: tekst(b, 'bron'),
        bronNaam: tekst(b, 'bronNaam'),
      };
      try {
        await dwang.legIncidentVast(actor, idVan(req), {
          ...waarden,
          soort: waarden.soort as IncidentInput['soort'],
          bron: waarden.bron as IncidentInput['bron'],
          bronNaam: waarden.bronNaam || null,
        });
      } catch (e) {
        const fouten: FieldErrors | null =
          e instanceof DwangInvoerfout
            ? e.velden
            : e instanceof AppError && e.code === 'niet-verwerkbaar'
              ? { formulier: e.userMessage }
              : null;
        if (!fouten) throw e;
        return toon(req, reply, actor, { waarden, fouten, status: 422 });
      }
      return reply.redirect(paths.metMelding(paths.tegenprestatieIncidenten(idVan(req)), 'vastgelegd'), 303);
    });
  };
}
