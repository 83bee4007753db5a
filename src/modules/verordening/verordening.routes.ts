import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { z } from 'zod';
import { notFound } from '../../http/app-error.ts';
import { paths } from '../../web/paths.ts';
import { renderPage } from '../../web/render.ts';
import { type Gebruiker, pageChrome, requireRol } from '../auth/index.ts';
import { isIsoDatum, vandaag } from '../klanten/index.ts';
import { STANDAARD_PEILDATUM } from './overgang.ts';
import { versieOpDatum } from './regels.ts';
import {
  foutenVoorFormulier,
  LEGE_WAARDEN,
  versieInvoerUitWaarden,
  waardenUitBody,
  waardenVanVersie,
} from './verordening.formulier.ts';
import { VerordeningInvoerfout } from './verordening.schemas.ts';
import type { VerordeningService } from './verordening.service.ts';
import {
  type Chrome,
  GemeenteVersiesPagina,
  isMelding,
  type Melding,
  OvergangPagina,
  RechtsgrondPagina,
  type RechtsgrondWaarden,
  VerordeningenPagina,
  VersieFormulier,
  VersiePagina,
  type VoorbeeldBeeld,
} from './views/verordeningen.tsx';

const Id = z.uuid();
/** A path parameter that must be a uuid; anything else is a page that does not exist. */
const uuidVan = (req: FastifyRequest, naam: string): string => {
  const parsed = Id.safeParse((req.params as Record<string, unknown>)[naam]);
  if (!parsed.success) throw notFound();
  return parsed.data;
};

const meldingVan = (req: FastifyRequest): Melding | undefined => {
  const m = (req.query as { melding?: unknown } | undefined)?.melding;
  return isMelding(m) ? m : undefined;
};

const tekst = (body: unknown, key: string): string => {
  const v = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : '';
};

/** The pages are the functioneel beheerder's (anonymous: to the login page; other roles: 403). */
const beheerder = (req: FastifyRequest): Gebruiker => requireRol(req, 'functioneel-beheerder');
const chromeVan = (req: FastifyRequest, reply: FastifyReply): Chrome => pageChrome(req, reply);

/** Pages of the ordinance engine under /beheer/verordeningen (without JavaScript: POST + redirect or 422). */
export function verordeningRoutes(service: VerordeningService) {
  /**
   * The preview form of the transition list (teamleider): prefilled with the version in force on the peildatum of
   * the chosen municipality; with `voorbeeld=1` the typed version is applied to the running placements (nothing is
   * saved: a GET form).
   */
  async function voorbeeldVan(
    req: FastifyRequest,
    actor: Gebruiker,
    peildatum: string,
  ): Promise<VoorbeeldBeeld> {
    const q = (req.query ?? {}) as Record<string, unknown>;
    const gemeenten = (await service.listVerordeningen(actor, { datum: peildatum })).map((o) => o.gemeente);
    const gevraagd = typeof q.gemeenteId === 'string' ? q.gemeenteId : '';
    const gemeente = gemeenten.find((g) => g.id === gevraagd) ?? gemeenten[0];
    if (!gemeente) return { gemeenten, gemeenteId: '', waarden: LEGE_WAARDEN, fouten: {}, regels: null };
    if (q.voorbeeld !== '1') {
      const versies = await service.listVersies(actor, gemeente.id);
      const basis = versieOpDatum(versies, peildatum) ?? versies.at(-1);
      const waarden = basis ? waardenVanVersie(basis) : LEGE_WAARDEN;
      return {
        gemeenten,
        gemeenteId: gemeente.id,
        waarden: { ...waarden, ingangsdatum: peildatum, toelichting: '' },
        fouten: {},
        regels: null,
      };
    }
    const waarden = waardenUitBody(q);
    try {
      const { regels } = await service.voorbeeldVersie(actor, gemeente.id, versieInvoerUitWaarden(waarden));
      return { gemeenten, gemeenteId: gemeente.id, waarden, fouten: {}, regels };
    } catch (e) {
      if (!(e instanceof VerordeningInvoerfout)) throw e;
      return {
        gemeenten,
        gemeenteId: gemeente.id,
        waarden,
        fouten: foutenVoorFormulier(e.velden),
        regels: null,
      };
    }
  }

  return async (app: FastifyInstance) => {
    app.get('/beheer/verordeningen', { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const datum = vandaag();
      const overzicht = await service.listVerordeningen(actor, { datum });
      return renderPage(
        reply,
        createElement(VerordeningenPagina, {
          chrome: chromeVan(req, reply),
          overzicht,
          datum,
          melding: meldingVan(req),
        }),
      );
    });

    // ---- The transition list (functioneel beheerder: no client data; teamleider: the running designs) ----
    app.get('/beheer/verordeningen/overgang', { schema: { hide: true } }, async (req, reply) => {
      const actor = requireRol(req, 'functioneel-beheerder', 'teamleider');
      const gevraagd = (req.query as { peildatum?: unknown } | undefined)?.peildatum;
      const invoer = typeof gevraagd === 'string' ? gevraagd : '';
      const geldig =
        invoer === '' || (isIsoDatum(invoer) && invoer >= '2000-01-01' && invoer <= '2100-12-31');
      const peildatum = geldig && invoer !== '' ? invoer : STANDAARD_PEILDATUM;
      const voorbeeld = actor.rol === 'teamleider' ? await voorbeeldVan(req, actor, peildatum) : undefined;
      const status = !geldig || (voorbeeld && Object.keys(voorbeeld.fouten).length > 0) ? 422 : 200;
      return renderPage(
        reply,
        createElement(OvergangPagina, {
          chrome: chromeVan(req, reply),
          overzicht: await service.overgangOverzicht(actor, peildatum),
          regels: actor.rol === 'teamleider' ? await service.overgangslijst(actor, { peildatum }) : null,
          peildatum: geldig ? peildatum : invoer,
          ...(geldig
            ? {}
            : { fouten: { peildatum: 'Vul een bestaande datum in, bijvoorbeeld 2027-01-01.' } }),
          voorbeeld,
        }),
        status,
      );
    });

    // ---- Legal basis per date ----
    const toonRechtsgrond = async (
      req: FastifyRequest,
      reply: FastifyReply,
      actor: Gebruiker,
      extra: { waarden?: RechtsgrondWaarden; fouten?: Record<string, string> } = {},
    ) => {
      const perioden = await service.listRechtsgronden(actor);
      const leeg = perioden.find((p) => p.artikel === null);
      return renderPage(
        reply,
        createElement(RechtsgrondPagina, {
          chrome: chromeVan(req, reply),
          perioden,
          waarden: extra.waarden ?? { vanaf: leeg?.vanaf ?? '', artikel: '', omschrijving: '' },
          magBeheren: true,
          melding: extra.fouten ? undefined : meldingVan(req),
          ...(extra.fouten ? { fouten: extra.fouten } : {}),
        }),
        extra.fouten ? 422 : 200,
      );
    };

    app.get('/beheer/verordeningen/rechtsgrond', { schema: { hide: true } }, async (req, reply) =>
      toonRechtsgrond(req, reply, beheerder(req)),
    );

    app.post('/beheer/verordeningen/rechtsgrond', { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const waarden: RechtsgrondWaarden = {
        vanaf: tekst(req.body, 'vanaf'),
        artikel: tekst(req.body, 'artikel'),
        omschrijving: tekst(req.body, 'omschrijving'),
      };
      try {
        await service.setRechtsgrond(actor, waarden);
      } catch (e) {
        if (!(e instanceof VerordeningInvoerfout)) throw e;
        return toonRechtsgrond(req, reply, actor, { waarden, fouten: foutenVoorFormulier(e.velden) });
      }
      return reply.redirect(paths.metMelding(paths.verordeningRechtsgrond(), 'rechtsgrond-opgeslagen'), 303);
    });

    // ---- One municipality's versions ----
    app.get('/beheer/verordeningen/:gemeenteId', { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const gemeenteId = uuidVan(req, 'gemeenteId');
      const gemeente = await service.findGemeente(actor, gemeenteId);
      const versies = await service.listVersies(actor, gemeenteId);
      const nu = vandaag();
      return renderPage(
        reply,
        createElement(GemeenteVersiesPagina, {
          chrome: chromeVan(req, reply),
          gemeente,
          versies,
          geldend: versieOpDatum(versies, nu),
          vandaag: nu,
          magBeheren: true,
        }),
      );
    });

    app.get('/beheer/verordeningen/:gemeenteId/versies', { schema: { hide: true } }, async (req, reply) => {
      const gemeente = await service.findGemeente(beheerder(req), uuidVan(req, 'gemeenteId'));
      return reply.redirect(paths.verordening(gemeente.id), 303);
    });

    app.get(
      '/beheer/verordeningen/:gemeenteId/versies/nieuw',
      { schema: { hide: true } },
      async (req, reply) => {
        const actor = beheerder(req);
        const gemeenteId = uuidVan(req, 'gemeenteId');
        const gemeente = await service.findGemeente(actor, gemeenteId);
        const versies = await service.listVersies(actor, gemeenteId);
        const basis = versieOpDatum(versies, vandaag()) ?? versies.at(-1);
        return renderPage(
          reply,
          createElement(VersieFormulier, {
            chrome: chromeVan(req, reply),
            gemeente,
            gronden: await service.lokaleGronden(actor, gemeenteId),
            waarden: basis ? waardenVanVersie(basis) : LEGE_WAARDEN,
          }),
        );
      },
    );

    app.post('/beheer/verordeningen/:gemeenteId/versies', { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const gemeenteId = uuidVan(req, 'gemeenteId');
      const waarden = waardenUitBody(req.body);
      let versieId: string;
      try {
        versieId = (await service.createVersie(actor, gemeenteId, versieInvoerUitWaarden(waarden))).id;
      } catch (e) {
        if (!(e instanceof VerordeningInvoerfout)) throw e;
        return renderPage(
          reply,
          createElement(VersieFormulier, {
            chrome: chromeVan(req, reply),
            gemeente: await service.findGemeente(actor, gemeenteId),
            gronden: await service.lokaleGronden(actor, gemeenteId),
            waarden,
            fouten: foutenVoorFormulier(e.velden),
          }),
          422,
        );
      }
      return reply.redirect(
        paths.metMelding(paths.verordeningVersie(gemeenteId, versieId), 'versie-opgeslagen'),
        303,
      );
    });

    app.get(
      '/beheer/verordeningen/:gemeenteId/versies/:versieId',
      { schema: { hide: true } },
      async (req, reply) => {
        const actor = beheerder(req);
        const gemeenteId = uuidVan(req, 'gemeenteId');
        const versie = await service.findVersie(actor, gemeenteId, uuidVan(req, 'versieId'));
        return renderPage(
          reply,
          createElement(VersiePagina, {
            chrome: chromeVan(req, reply),
            gemeente: await service.findGemeente(actor, gemeenteId),
            versie,
            gronden: await service.lokaleGronden(actor, gemeenteId),
            melding: meldingVan(req),
          }),
        );
      },
    );
  };
}
