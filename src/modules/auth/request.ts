import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Rol } from '../../db/context.ts';
import { AppError } from '../../http/app-error.ts';
import type { LayoutProps, NavItem } from '../../web/layout.tsx';
import { navigationFor } from '../../web/navigation.ts';
import { paths } from '../../web/paths.ts';
import type { Gebruiker } from './actor.ts';
import { ROL_NAMEN } from './policy.ts';
import type { SessieStatus } from './regels.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member, set by the auth hook (session cookie for pages, bearer token for the API). */
    actor: Gebruiker | undefined;
    /** The page session of this request, also while it waits for the TOTP code (then `actor` is unset). */
    sessie: { id: string; status: SessieStatus } | undefined;
  }
}

/** The signed-in user, or `niet-ingelogd` (pages redirect to the login page, the API answers 401). */
export function requireGebruiker(req: FastifyRequest): Gebruiker {
  if (!req.actor) throw new AppError('niet-ingelogd');
  return req.actor;
}

/** The signed-in user with one of these roles, or `geen-toegang` (403). */
export function requireRol(req: FastifyRequest, ...rollen: Rol[]): Gebruiker {
  const actor = requireGebruiker(req);
  if (!rollen.includes(actor.rol)) throw new AppError('geen-toegang');
  return actor;
}

/** What every signed-in page needs: the header's account block (with logout form), the menu and a CSRF token. */
export function pageChrome(
  req: FastifyRequest,
  reply: FastifyReply,
): { account: LayoutProps['account']; nav: NavItem[]; csrfToken: string } {
  const csrfToken = reply.generateCsrf();
  const actor = req.actor;
  if (!actor) return { account: undefined, nav: [], csrfToken };
  return {
    account: {
      naam: actor.naam,
      rolNaam: ROL_NAMEN[actor.rol],
      logoutAction: paths.uitloggen(),
      csrfToken,
      // Counted by the signalen module's preHandler (absent while two-step verification is being set up).
      signalen: req.signalenOngelezen,
    },
    // Until two-step verification is set up, no other page is reachable: show no menu.
    nav:
      req.sessie?.status === 'moet-mfa-instellen'
        ? []
        : navigationFor(actor.rol, req.url.split('?')[0] ?? '/'),
    csrfToken,
  };
}
