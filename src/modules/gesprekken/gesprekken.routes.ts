import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import type { FieldErrors } from '../../web/components/index.tsx';
import { paths } from '../../web/paths.ts';
import { renderPage } from '../../web/render.ts';
import { type Gebruiker, pageChrome, requireRol } from '../auth/index.ts';
import { vandaag } from '../klanten/index.ts';
import {
  gesprekInvoerVan,
  gesprekWaardenVan,
  gesprekWaardenVanBody,
  tekstVan,
  voorstelInvoerVan,
  voorstelWaardenVanBody,
} from './gesprekken.formulier.ts';
import { gesprekkenPolicy } from './gesprekken.policy.ts';
import { GesprekInvoerfout } from './gesprekken.schemas.ts';
import type { GesprekkenService } from './gesprekken.service.ts';
import {
  EigenVoorstelPagina,
  GesprekFormulierPagina,
  GesprekkenPagina,
  GesprekPagina,
  type GesprekWaarden,
  isMelding,
  LEEG_VOORSTEL,
  type Melding,
  type VoorstelWaarden,
} from './views/gesprekken.tsx';

export interface GesprekkenRoutesDeps {
  gesprekken: GesprekkenService;
}

/** Reading: klantmanager and teamleider; recording: klantmanager (anonymous: login page; others: 403). */
const lezer = (req: FastifyRequest): Gebruiker => requireRol(req, 'klantmanager', 'teamleider');
const schrijver = (req: FastifyRequest): Gebruiker => requireRol(req, 'klantmanager');
const idVan = (req: FastifyRequest): string => String((req.params as { id?: unknown }).id ?? '');
const meldingVan = (req: FastifyRequest): Melding | undefined => {
  const m = (req.query as { melding?: unknown } | undefined)?.melding;
  return isMelding(m) ? m : undefined;
};
const zoekVan = (req: FastifyRequest): string => tekstVan(req.query, 'zoek').slice(0, 100);

/**
 * The client file's conversation tab, the conversation form (new and edit), one conversation with its own
 * proposals, and the own-proposal form. No JavaScript needed: POST + CSRF, invalid input re-renders with 422 and
 * an error summary, success redirects (303). Every rule, access check and log entry is in the service.
 */
export function gesprekkenRoutes(deps: GesprekkenRoutesDeps) {
  const { gesprekken } = deps;

  async function toonFormulier(
    req: FastifyRequest,
    reply: FastifyReply,
    actor: Gebruiker,
    klantId: string,
    waarden: GesprekWaarden,
    fouten: FieldErrors,
    gesprekId?: string,
  ) {
    const { klant } = gesprekId
      ? await gesprekken.findGesprek(actor, gesprekId)
      : await gesprekken.gesprekkenVanKlant(actor, klantId);
    return renderPage(
      reply,
      createElement(GesprekFormulierPagina, {
        chrome: pageChrome(req, reply),
        klant,
        ...(gesprekId ? { gesprekId } : {}),
        waarden,
        fouten,
      }),
      Object.keys(fouten).length > 0 ? 422 : 200,
    );
  }

  async function toonVoorstel(
    req: FastifyRequest,
    reply: FastifyReply,
    actor: Gebruiker,
    waarden: VoorstelWaarden,
    fouten: FieldErrors,
  ) {
    const { klant, gesprek } = await gesprekken.findGesprek(actor, idVan(req));
    const zoek = zoekVan(req);
    const { organisaties, meer } = await gesprekken.organisatieKeuzes(actor, klant.gemeenteId, zoek);
    return renderPage(
      reply,
      createElement(EigenVoorstelPagina, {
        chrome: pageChrome(req, reply),
        klant,
        gesprek,
        organisaties,
        zoek,
        meerOrganisaties: meer,
        waarden,
        fouten,
      }),
      Object.keys(fouten).length > 0 ? 422 : 200,
    );
  }

  return async (app: FastifyInstance) => {
    app.get('/klanten/:id/gesprekken', { schema: { hide: true } }, async (req, reply) => {
      const actor = lezer(req);
      const { klant, gesprekken: lijst } = await gesprekken.gesprekkenVanKlant(actor, idVan(req));
      return renderPage(
        reply,
        createElement(GesprekkenPagina, {
          chrome: pageChrome(req, reply),
          klant,
          gesprekken: lijst,
          magVastleggen: gesprekkenPolicy.mag(actor, 'gesprekken-vastleggen'),
          melding: meldingVan(req),
        }),
      );
    });

    app.get('/klanten/:id/gesprekken/nieuw', { schema: { hide: true } }, async (req, reply) => {
      const actor = schrijver(req);
      const leeg = gesprekWaardenVanBody({});
      return toonFormulier(req, reply, actor, idVan(req), { ...leeg, datum: vandaag() }, {});
    });

    app.post('/klanten/:id/gesprekken/nieuw', { schema: { hide: true } }, async (req, reply) => {
      const actor = schrijver(req);
      const waarden = gesprekWaardenVanBody(req.body);
      try {
        const g = await gesprekken.createGesprek(actor, idVan(req), gesprekInvoerVan(waarden));
        return reply.redirect(paths.metMelding(paths.gesprek(g.id), 'gesprek-vastgelegd'), 303);
      } catch (e) {
        if (!(e instanceof GesprekInvoerfout)) throw e;
        return toonFormulier(req, reply, actor, idVan(req), waarden, e.velden);
      }
    });

    app.get('/gesprekken/:id', { schema: { hide: true } }, async (req, reply) => {
      const actor = lezer(req);
      const { klant, gesprek } = await gesprekken.findGesprek(actor, idVan(req));
      const namen = await gesprekken.netwerkNamen(actor, gesprek.eigenVoorstellen);
      return renderPage(
        reply,
        createElement(GesprekPagina, {
          chrome: pageChrome(req, reply),
          klant,
          gesprek,
          namen,
          magVastleggen: gesprekkenPolicy.mag(actor, 'gesprekken-vastleggen'),
          melding: meldingVan(req),
        }),
      );
    });

    app.get('/gesprekken/:id/wijzigen', { schema: { hide: true } }, async (req, reply) => {
      const actor = schrijver(req);
      const { klant, gesprek } = await gesprekken.findGesprek(actor, idVan(req));
      return renderPage(
        reply,
        createElement(GesprekFormulierPagina, {
          chrome: pageChrome(req, reply),
          klant,
          gesprekId: gesprek.id,
          waarden: gesprekWaardenVan(gesprek),
          fouten: {},
        }),
      );
    });

    app.post('/gesprekken/:id/wijzigen', { schema: { hide: true } }, async (req, reply) => {
      const actor = schrijver(req);
      const waarden = gesprekWaardenVanBody(req.body);
      try {
        const g = await gesprekken.updateGesprek(actor, idVan(req), gesprekInvoerVan(waarden));
        return reply.redirect(paths.metMelding(paths.gesprek(g.id), 'gesprek-gewijzigd'), 303);
      } catch (e) {
        if (!(e instanceof GesprekInvoerfout)) throw e;
        return toonFormulier(req, reply, actor, '', waarden, e.velden, idVan(req));
      }
    });

    app.get('/gesprekken/:id/eigen-voorstel', { schema: { hide: true } }, async (req, reply) =>
      toonVoorstel(req, reply, schrijver(req), LEEG_VOORSTEL, {}),
    );

    app.post('/gesprekken/:id/eigen-voorstel', { schema: { hide: true } }, async (req, reply) => {
      const actor = schrijver(req);
      const waarden = voorstelWaardenVanBody(req.body);
      try {
        const v = await gesprekken.createEigenVoorstel(actor, idVan(req), voorstelInvoerVan(waarden));
        return reply.redirect(
          `${paths.metMelding(paths.gesprek(idVan(req)), v.activiteitId ? 'voorstel-activiteit' : 'voorstel-vastgelegd')}#kop-voorstellen`,
          303,
        );
      } catch (e) {
        if (!(e instanceof GesprekInvoerfout)) throw e;
        return toonVoorstel(req, reply, actor, waarden, e.velden);
      }
    });
  };
}
