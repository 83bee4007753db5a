import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { AppError } from '../../http/app-error.ts';
import type { FieldErrors } from '../../web/components/index.tsx';
import { paths } from '../../web/paths.ts';
import { renderPage } from '../../web/render.ts';
import { type Gebruiker, pageChrome, requireRol } from '../auth/index.ts';
import { OvereenkomstInvoerfout } from './overeenkomsten.schemas.ts';
import type { OvereenkomstenService } from './overeenkomsten.service.ts';
import {
  type AcceptatieWaarden,
  type BesluitWaarden,
  isMelding,
  OvereenkomstPagina,
} from './views/overeenkomst.tsx';

type Body = Record<string, unknown>;

const medewerker = (req: FastifyRequest): Gebruiker => requireRol(req, 'klantmanager', 'teamleider');
const idVan = (req: FastifyRequest): string => String((req.params as { id?: unknown }).id ?? '');
const bodyVan = (req: FastifyRequest): Body =>
  req.body && typeof req.body === 'object' ? (req.body as Body) : {};
const tekst = (b: Body, k: string): string => {
  const v = b[k];
  return typeof v === 'string' ? v.slice(0, 1000) : '';
};

/**
 * The page of a design's ordinance check, the college's decision and the agreement, its three forms and the two
 * PDFs. No JavaScript: POST + CSRF; a refused form re-renders with 422, an error summary and what was typed;
 * success redirects (303). Rules, access checks and the access log are in the service.
 */
export function overeenkomstenRoutes(deps: { overeenkomsten: OvereenkomstenService }) {
  const { overeenkomsten } = deps;

  async function toon(
    req: FastifyRequest,
    reply: FastifyReply,
    actor: Gebruiker,
    opts: {
      fouten?: FieldErrors;
      besluit?: BesluitWaarden;
      acceptatie?: AcceptatieWaarden;
      status?: number;
    } = {},
  ) {
    const beeld = await overeenkomsten.bekijk(actor, idVan(req));
    const m = (req.query as { melding?: unknown } | undefined)?.melding;
    return renderPage(
      reply,
      createElement(OvereenkomstPagina, {
        chrome: pageChrome(req, reply),
        beeld,
        melding: opts.status ? undefined : isMelding(m) ? m : undefined,
        fouten: opts.fouten ?? {},
        besluitWaarden: opts.besluit ?? {
          datum: beeld.vandaag,
          verzenddatum: beeld.vandaag,
          ondertekenaar: '',
        },
        acceptatieWaarden: opts.acceptatie ?? {
          overeenkomstDatum: beeld.vandaag,
          klantGetekendOp: beeld.vandaag,
          organisatieGetekendOp: beeld.vandaag,
          bevestigingsreden: '',
        },
      }),
      opts.status ?? 200,
    );
  }

  const foutenVan = (e: unknown, veld: string): FieldErrors | null => {
    if (e instanceof OvereenkomstInvoerfout) return e.velden;
    if (e instanceof AppError && (e.code === 'niet-verwerkbaar' || e.code === 'conflict'))
      return { [veld]: e.userMessage };
    return null;
  };

  return async (app: FastifyInstance) => {
    app.get('/tegenprestaties/:id/toetsing', { schema: { hide: true } }, async (req, reply) =>
      toon(req, reply, medewerker(req)),
    );

    app.post('/tegenprestaties/:id/toetsing', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      try {
        await overeenkomsten.voerToetsingUit(actor, idVan(req));
      } catch (e) {
        const fouten = foutenVan(e, 'toetsing');
        if (!fouten) throw e;
        return toon(req, reply, actor, { fouten, status: 422 });
      }
      return reply.redirect(paths.metMelding(paths.tegenprestatieToetsing(idVan(req)), 'getoetst'), 303);
    });

    app.post('/tegenprestaties/:id/besluit', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const b = bodyVan(req);
      const waarden = {
        datum: tekst(b, 'datum'),
        verzenddatum: tekst(b, 'verzenddatum'),
        ondertekenaar: tekst(b, 'ondertekenaar'),
      };
      try {
        await overeenkomsten.neemBesluit(actor, idVan(req), waarden);
      } catch (e) {
        const fouten = foutenVan(e, 'besluit');
        if (!fouten) throw e;
        return toon(req, reply, actor, { fouten, besluit: waarden, status: 422 });
      }
      return reply.redirect(paths.metMelding(paths.tegenprestatieToetsing(idVan(req)), 'besluit'), 303);
    });

    app.post('/tegenprestaties/:id/periode-inkorten', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      try {
        await overeenkomsten.eindigVoorGrondslag(actor, idVan(req));
      } catch (e) {
        const fouten = foutenVan(e, 'inkorten');
        if (!fouten) throw e;
        return toon(req, reply, actor, { fouten, status: 422 });
      }
      return reply.redirect(paths.metMelding(paths.tegenprestatieToetsing(idVan(req)), 'ingekort'), 303);
    });

    app.post('/tegenprestaties/:id/overeenkomst', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const b = bodyVan(req);
      const waarden = {
        overeenkomstDatum: tekst(b, 'overeenkomstDatum'),
        klantGetekendOp: tekst(b, 'klantGetekendOp'),
        organisatieGetekendOp: tekst(b, 'organisatieGetekendOp'),
        bevestigingsreden: tekst(b, 'bevestigingsreden'),
      };
      try {
        await overeenkomsten.legAcceptatieVast(actor, idVan(req), waarden);
      } catch (e) {
        const fouten = foutenVan(e, 'overeenkomst');
        if (!fouten) throw e;
        return toon(req, reply, actor, { fouten, acceptatie: waarden, status: 422 });
      }
      return reply.redirect(
        paths.metMelding(paths.tegenprestatieToetsing(idVan(req)), 'overeengekomen'),
        303,
      );
    });

    app.get('/tegenprestaties/:id/besluit.pdf', { schema: { hide: true } }, async (req, reply) =>
      reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="besluit.pdf"')
        .header('cache-control', 'no-store')
        .send(await overeenkomsten.besluitPdf(medewerker(req), idVan(req))),
    );

    app.get('/tegenprestaties/:id/overeenkomst.pdf', { schema: { hide: true } }, async (req, reply) =>
      reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="overeenkomst.pdf"')
        .header('cache-control', 'no-store')
        .send(await overeenkomsten.overeenkomstPdf(medewerker(req), idVan(req))),
    );
  };
}
