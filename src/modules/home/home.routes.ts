import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { paths } from '../../web/paths.ts';
import { renderPage } from '../../web/render.ts';
import { LoginPagina, pageChrome, ROL_NAMEN } from '../auth/index.ts';
import type { GemeentenService } from '../gemeenten/index.ts';
import type { HomeService } from './home.service.ts';
import { leesWerklijstVraag } from './werklijst.ts';
import { RolStartpagina } from './views/rol-startpagina.tsx';
import { NetwerkStartPagina, WerklijstPagina } from './views/werklijst.tsx';

/** The start page `/`: the login page for anonymous visitors, the role's start page for a signed-in user. */
export function homeRoutes(opts: {
  demo: boolean;
  gemeenten: GemeentenService;
  /** The work lists (klantmanager, teamleider, netwerkmakelaar). */
  home: HomeService;
  /** What the login page shows besides the form (reset, SSO, a confirmation): from the auth module. */
  login?: (req: FastifyRequest) => { wachtwoordHerstel: boolean; sso: boolean; melding: string | undefined };
}) {
  return async (app: FastifyInstance) => {
    app.get('/', { schema: { hide: true } }, async (req, reply) => {
      const banner = opts.demo ? createElement(DemoBanner) : undefined;
      const actor = req.actor;
      if (actor) {
        // One after the other: a request uses one database connection at a time.
        const gemeenten = await opts.gemeenten.findGemeenten(actor);
        const chrome = pageChrome(req, reply);
        const basis = { naam: actor.naam, rolNaam: ROL_NAMEN[actor.rol], chrome, banner };
        if (actor.rol === 'klantmanager' || actor.rol === 'teamleider') {
          const lijst = await opts.home.werklijst(actor, leesWerklijstVraag(req.query));
          return renderPage(
            reply,
            createElement(WerklijstPagina, {
              ...basis,
              lijst,
              gemeenten: gemeenten.map((g) => ({ id: g.id, naam: g.naam })),
              isTeamleider: actor.rol === 'teamleider',
            }),
          );
        }
        if (actor.rol === 'netwerkmakelaar') {
          const werk = await opts.home.netwerkWerk(actor);
          return renderPage(reply, createElement(NetwerkStartPagina, { ...basis, werk, gemeenten }));
        }
        return renderPage(
          reply,
          createElement(RolStartpagina, {
            naam: actor.naam,
            rol: actor.rol,
            rolNaam: ROL_NAMEN[actor.rol],
            gemeenten: gemeenten.map((g) => g.naam),
            chrome,
            banner,
          }),
        );
      }
      if (req.sessie?.status === 'wacht-op-code') return reply.redirect(paths.inlogCode(), 303);
      return renderPage(
        reply,
        createElement(LoginPagina, {
          csrfToken: reply.generateCsrf(),
          demo: opts.demo,
          ...(opts.login ? opts.login(req) : {}),
        }),
      );
    });
  };
}

/** Shown on the start page in demo mode. */
export function DemoBanner() {
  return createElement(
    'p',
    { className: 'wk-banner utrecht-paragraph' },
    'Demo-omgeving: alle personen en gegevens zijn verzonnen.',
  );
}
