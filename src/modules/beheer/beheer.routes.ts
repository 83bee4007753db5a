import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { z } from 'zod';
import { notFound } from '../../http/app-error.ts';
import { paths } from '../../web/paths.ts';
import { renderPage } from '../../web/render.ts';
import { type Gebruiker, pageChrome, requireRol } from '../auth/index.ts';
import { Invoerfout } from './beheer.schemas.ts';
import type { BeheerService } from './beheer.service.ts';
import { GebruikerFormulier, GebruikersPagina, type GebruikerWaarden } from './views/gebruikers.tsx';
import { GemeenteFormulier, GemeentenPagina, type GemeenteWaarden } from './views/gemeenten.tsx';
import { type Chrome, isMelding, type Melding } from './views/onderdelen.tsx';
import { TeamFormulier, TeamsPagina, type TeamWaarden } from './views/teams.tsx';

type Body = Record<string, string | string[] | undefined>;

const tekst = (body: Body, key: string): string => {
  const v = body[key];
  return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? '') : '';
};
const lijst = (body: Body, key: string): string[] => {
  const v = body[key];
  return typeof v === 'string' ? [v] : Array.isArray(v) ? v : [];
};
const bodyVan = (req: FastifyRequest): Body =>
  typeof req.body === 'object' && req.body !== null ? (req.body as Body) : {};

const Id = z.uuid();
/** The `:id` of the path; anything but a uuid is a page that does not exist. */
const idVan = (req: FastifyRequest): string => {
  const parsed = Id.safeParse((req.params as { id?: unknown }).id);
  if (!parsed.success) throw notFound();
  return parsed.data;
};

const meldingVan = (req: FastifyRequest): Melding | undefined => {
  const m = (req.query as { melding?: unknown } | undefined)?.melding;
  return isMelding(m) ? m : undefined;
};

/** Only the functioneel beheerder uses these pages (anonymous: to the login page; other roles: 403). */
const beheerder = (req: FastifyRequest): Gebruiker => requireRol(req, 'functioneel-beheerder');
const chromeVan = (req: FastifyRequest, reply: FastifyReply): Chrome => pageChrome(req, reply);

/** The invitation link is shown once on the user's page after a redirect: it travels in a short-lived cookie. */
const UITNODIGING_COOKIE = 'wk-uitnodiging';

/** Pages of the organisation model for the functioneel beheerder: municipalities, teams, users. */
export function beheerRoutes(service: BeheerService, opts: { secureCookies: boolean }) {
  const cookiePad = paths.beheerGebruikers();

  const bewaarLink = (reply: FastifyReply, gebruikerId: string, link: string) =>
    reply.setCookie(UITNODIGING_COOKIE, `${gebruikerId} ${link}`, {
      path: cookiePad,
      httpOnly: true,
      sameSite: 'strict',
      secure: opts.secureCookies,
      signed: true,
      maxAge: 600,
    });

  /** Reads and clears the invitation link for this user, if one is waiting. */
  const neemLink = (req: FastifyRequest, reply: FastifyReply, gebruikerId: string): string | undefined => {
    const raw = req.cookies[UITNODIGING_COOKIE];
    if (!raw) return undefined;
    reply.clearCookie(UITNODIGING_COOKIE, { path: cookiePad });
    const unsigned = req.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) return undefined;
    const [id, link] = unsigned.value.split(' ');
    return id === gebruikerId ? link : undefined;
  };

  return async (app: FastifyInstance) => {
    // ---- Gemeenten ----------------------------------------------------------------------------------------
    app.get('/beheer/gemeenten', { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const gemeenten = await service.listGemeenten(actor);
      return renderPage(
        reply,
        createElement(GemeentenPagina, {
          chrome: chromeVan(req, reply),
          gemeenten,
          melding: meldingVan(req),
        }),
      );
    });

    app.get('/beheer/gemeenten/nieuw', { schema: { hide: true } }, async (req, reply) => {
      beheerder(req);
      return renderPage(
        reply,
        createElement(GemeenteFormulier, { chrome: chromeVan(req, reply), waarden: { naam: '', code: '' } }),
      );
    });

    app.post('/beheer/gemeenten', { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const body = bodyVan(req);
      const waarden: GemeenteWaarden = { naam: tekst(body, 'naam'), code: tekst(body, 'code') };
      try {
        await service.createGemeente(actor, waarden);
      } catch (e) {
        if (!(e instanceof Invoerfout)) throw e;
        return renderPage(
          reply,
          createElement(GemeenteFormulier, { chrome: chromeVan(req, reply), waarden, fouten: e.velden }),
          422,
        );
      }
      return reply.redirect(paths.metMelding(paths.beheerGemeenten(), 'aangemaakt'), 303);
    });

    app.get('/beheer/gemeenten/:id', { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const gemeente = await service.findGemeente(actor, idVan(req));
      return renderPage(
        reply,
        createElement(GemeenteFormulier, {
          chrome: chromeVan(req, reply),
          gemeente,
          waarden: { naam: gemeente.naam, code: gemeente.code },
        }),
      );
    });

    app.post('/beheer/gemeenten/:id', { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const id = idVan(req);
      const body = bodyVan(req);
      const waarden: GemeenteWaarden = { naam: tekst(body, 'naam'), code: tekst(body, 'code') };
      try {
        await service.updateGemeente(actor, id, waarden);
      } catch (e) {
        if (!(e instanceof Invoerfout)) throw e;
        const gemeente = await service.findGemeente(actor, id);
        return renderPage(
          reply,
          createElement(GemeenteFormulier, {
            chrome: chromeVan(req, reply),
            gemeente,
            waarden,
            fouten: e.velden,
          }),
          422,
        );
      }
      return reply.redirect(paths.metMelding(paths.beheerGemeenten(), 'gewijzigd'), 303);
    });

    // ---- Teams --------------------------------------------------------------------------------------------
    app.get('/beheer/teams', { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const teams = await service.listTeams(actor);
      return renderPage(
        reply,
        createElement(TeamsPagina, { chrome: chromeVan(req, reply), teams, melding: meldingVan(req) }),
      );
    });

    app.get('/beheer/teams/nieuw', { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const { gemeenten } = await service.keuzes(actor);
      const waarden: TeamWaarden = {
        naam: '',
        gemeenteIds: gemeenten.length === 1 ? [gemeenten[0]!.id] : [],
      };
      return renderPage(
        reply,
        createElement(TeamFormulier, { chrome: chromeVan(req, reply), gemeenten, waarden }),
      );
    });

    app.post('/beheer/teams', { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const body = bodyVan(req);
      const waarden: TeamWaarden = { naam: tekst(body, 'naam'), gemeenteIds: lijst(body, 'gemeenteIds') };
      try {
        await service.createTeam(actor, waarden);
      } catch (e) {
        if (!(e instanceof Invoerfout)) throw e;
        const { gemeenten } = await service.keuzes(actor);
        return renderPage(
          reply,
          createElement(TeamFormulier, {
            chrome: chromeVan(req, reply),
            gemeenten,
            waarden,
            fouten: e.velden,
          }),
          422,
        );
      }
      return reply.redirect(paths.metMelding(paths.beheerTeams(), 'aangemaakt'), 303);
    });

    app.get('/beheer/teams/:id', { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const team = await service.findTeam(actor, idVan(req));
      const { gemeenten } = await service.keuzes(actor);
      const waarden: TeamWaarden = { naam: team.naam, gemeenteIds: team.gemeenten.map((g) => g.id) };
      return renderPage(
        reply,
        createElement(TeamFormulier, { chrome: chromeVan(req, reply), team, gemeenten, waarden }),
      );
    });

    app.post('/beheer/teams/:id', { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const id = idVan(req);
      const body = bodyVan(req);
      const waarden: TeamWaarden = { naam: tekst(body, 'naam'), gemeenteIds: lijst(body, 'gemeenteIds') };
      try {
        await service.updateTeam(actor, id, waarden);
      } catch (e) {
        if (!(e instanceof Invoerfout)) throw e;
        const team = await service.findTeam(actor, id);
        const { gemeenten } = await service.keuzes(actor);
        return renderPage(
          reply,
          createElement(TeamFormulier, {
            chrome: chromeVan(req, reply),
            team,
            gemeenten,
            waarden,
            fouten: e.velden,
          }),
          422,
        );
      }
      return reply.redirect(paths.metMelding(paths.beheerTeams(), 'gewijzigd'), 303);
    });

    // ---- Gebruikers ---------------------------------------------------------------------------------------
    const gebruikerWaarden = (body: Body): GebruikerWaarden => ({
      naam: tekst(body, 'naam'),
      email: tekst(body, 'email'),
      rol: tekst(body, 'rol'),
      teamIds: lijst(body, 'teamIds'),
      gemeenteIds: lijst(body, 'gemeenteIds'),
    });

    app.get('/beheer/gebruikers', { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const gebruikers = await service.listGebruikers(actor);
      return renderPage(
        reply,
        createElement(GebruikersPagina, {
          chrome: chromeVan(req, reply),
          gebruikers,
          melding: meldingVan(req),
        }),
      );
    });

    app.get('/beheer/gebruikers/nieuw', { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const keuzes = await service.keuzes(actor);
      const waarden: GebruikerWaarden = {
        naam: '',
        email: '',
        rol: '',
        teamIds: [],
        gemeenteIds: keuzes.gemeenten.length === 1 ? [keuzes.gemeenten[0]!.id] : [],
      };
      return renderPage(
        reply,
        createElement(GebruikerFormulier, { chrome: chromeVan(req, reply), keuzes, waarden }),
      );
    });

    app.post('/beheer/gebruikers', { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const waarden = gebruikerWaarden(bodyVan(req));
      let resultaat: Awaited<ReturnType<BeheerService['createGebruiker']>>;
      try {
        resultaat = await service.createGebruiker(actor, waarden);
      } catch (e) {
        if (!(e instanceof Invoerfout)) throw e;
        const keuzes = await service.keuzes(actor);
        return renderPage(
          reply,
          createElement(GebruikerFormulier, {
            chrome: chromeVan(req, reply),
            keuzes,
            waarden,
            fouten: e.velden,
          }),
          422,
        );
      }
      const { gebruiker, uitnodigingslink } = resultaat;
      if (uitnodigingslink) bewaarLink(reply, gebruiker.id, uitnodigingslink);
      return reply.redirect(paths.metMelding(paths.beheerGebruiker(gebruiker.id), 'aangemaakt'), 303);
    });

    const toonGebruiker = async (
      req: FastifyRequest,
      reply: FastifyReply,
      actor: Gebruiker,
      id: string,
      extra: { waarden?: GebruikerWaarden; fouten?: Record<string, string> } = {},
    ) => {
      const gebruiker = await service.findGebruiker(actor, id);
      const keuzes = await service.keuzes(actor);
      const waarden: GebruikerWaarden = extra.waarden ?? {
        naam: gebruiker.naam,
        email: gebruiker.email,
        rol: gebruiker.rol,
        teamIds: gebruiker.teams.map((t) => t.id),
        gemeenteIds: gebruiker.gemeenten.map((g) => g.id),
      };
      return renderPage(
        reply,
        createElement(GebruikerFormulier, {
          chrome: chromeVan(req, reply),
          keuzes,
          waarden,
          gebruiker,
          isEigenAccount: gebruiker.id === actor.gebruikerId,
          uitnodigingslink: extra.fouten ? undefined : neemLink(req, reply, id),
          melding: extra.fouten ? undefined : meldingVan(req),
          ...(extra.fouten ? { fouten: extra.fouten } : {}),
        }),
        extra.fouten ? 422 : 200,
      );
    };

    app.get('/beheer/gebruikers/:id', { schema: { hide: true } }, async (req, reply) =>
      toonGebruiker(req, reply, beheerder(req), idVan(req)),
    );

    app.post('/beheer/gebruikers/:id', { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const id = idVan(req);
      const waarden = gebruikerWaarden(bodyVan(req));
      try {
        await service.updateGebruiker(actor, id, waarden);
      } catch (e) {
        if (!(e instanceof Invoerfout)) throw e;
        return toonGebruiker(req, reply, actor, id, { waarden, fouten: e.velden });
      }
      return reply.redirect(paths.metMelding(paths.beheerGebruikers(), 'gewijzigd'), 303);
    });

    app.post('/beheer/gebruikers/:id/uitzetten', { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const id = idVan(req);
      await service.zetActief(actor, id, false);
      return reply.redirect(paths.metMelding(paths.beheerGebruiker(id), 'uitgezet'), 303);
    });

    app.post('/beheer/gebruikers/:id/aanzetten', { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const id = idVan(req);
      await service.zetActief(actor, id, true);
      return reply.redirect(paths.metMelding(paths.beheerGebruiker(id), 'aangezet'), 303);
    });

    app.post(
      '/beheer/gebruikers/:id/tweestapsverificatie',
      { schema: { hide: true } },
      async (req, reply) => {
        const actor = beheerder(req);
        const id = idVan(req);
        await service.resetTweestapsverificatie(actor, id);
        return reply.redirect(paths.metMelding(paths.beheerGebruiker(id), 'tweestap-uit'), 303);
      },
    );

    app.post('/beheer/gebruikers/:id/uitnodiging', { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const id = idVan(req);
      const link = await service.nieuweUitnodiging(actor, id);
      bewaarLink(reply, id, link);
      return reply.redirect(paths.beheerGebruiker(id), 303);
    });
  };
}
