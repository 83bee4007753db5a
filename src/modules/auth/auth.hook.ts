import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../../config.ts';
import { AppError } from '../../http/app-error.ts';
import { isApiRequest } from '../../http/error-handler.ts';
import { API_PREFIX } from '../../http/openapi.ts';
import { paths } from '../../web/paths.ts';
import type { AuthService } from './auth.service.ts';

/** The session cookie's name: `__Host-` (Secure, path /, no domain) whenever cookies are Secure. */
export const sessieCookieNaam = (secure: boolean) => (secure ? '__Host-wk-sessie' : 'wk-sessie');

/** Paths that do not need the session looked up at all. */
const ZONDER_AUTH = /^\/(assets\/|healthz$|metrics$)/;

/** The one API path that needs no token. */
const OPENAPI = `${API_PREFIX}/openapi.json`;

/** Paths a user who still has to set up two-step verification may reach. */
const TIJDENS_MFA_INSTELLEN = new Set([paths.tweestapsverificatie(), paths.uitloggen()]);

export function setSessieCookie(
  reply: FastifyReply,
  config: Pick<Config, 'secureCookies'>,
  token: string,
): void {
  reply.setCookie(sessieCookieNaam(config.secureCookies), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
  });
}

export function clearSessieCookie(reply: FastifyReply, config: Pick<Config, 'secureCookies'>): void {
  reply.clearCookie(sessieCookieNaam(config.secureCookies), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
  });
}

/**
 * The auth hook: resolves `req.actor` from `Authorization: Bearer <token>` under `/api/` and from the session
 * cookie elsewhere (never the other way round, so the API is not reachable with a cookie and needs no CSRF).
 * A user who must set up two-step verification reaches only that page (pages) or gets 403 (API).
 */
export function registerAuthHook(
  app: FastifyInstance,
  auth: AuthService,
  config: Pick<Config, 'secureCookies'>,
): void {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('sessie', undefined);
  const cookieNaam = sessieCookieNaam(config.secureCookies);

  app.addHook('onRequest', async (req, reply) => {
    const pad = req.url.split('?')[0] ?? '/';
    if (ZONDER_AUTH.test(pad)) return;

    if (isApiRequest(req)) {
      const header = req.headers.authorization;
      // Without a token only the API description (and the 404 of an unknown path) is public; every other route
      // answers 401 before it validates the input (a 400 would tell an anonymous caller about the schema).
      if (header === undefined) {
        if (pad === OPENAPI || req.routeOptions.url === undefined) return;
        throw new AppError('niet-ingelogd');
      }
      const token = /^Bearer +([^\s]+) *$/i.exec(header)?.[1];
      const gevonden = token ? await auth.vindApiToken(token) : undefined;
      if (!gevonden)
        throw new AppError('niet-ingelogd', {
          userMessage: 'Het API-token is ongeldig of ingetrokken.',
        });
      if (gevonden.mfaOntbreekt)
        throw new AppError('geen-toegang', {
          userMessage:
            'Stel eerst tweestapsverificatie in (in Wederkerig, pagina Tweestapsverificatie); daarna werkt dit API-token.',
        });
      req.actor = gevonden.actor;
      return;
    }

    const token = req.cookies[cookieNaam];
    if (!token) return;
    const sessie = await auth.vindSessie(token);
    if (!sessie) {
      clearSessieCookie(reply, config);
      return;
    }
    req.sessie = { id: sessie.sessieId, status: sessie.status };
    if (sessie.status === 'wacht-op-code') return;
    req.actor = sessie.actor;
    if (sessie.status === 'moet-mfa-instellen' && !TIJDENS_MFA_INSTELLEN.has(pad)) {
      return reply.redirect(paths.tweestapsverificatie(), 303);
    }
  });

  // Pages of a signed-in user are personal: never stored by a browser or proxy cache.
  app.addHook('onSend', async (req, reply) => {
    if (req.sessie || req.actor) reply.header('Cache-Control', 'no-store');
  });
}

/** A request path fit for logs: the secret in an invitation or password-reset link is replaced. */
export function padVoorLog(url: string): string {
  return (url.split('?')[0] ?? '').replace(
    /^\/(uitnodiging|wachtwoord-herstellen)\/[^/]+/,
    (_, soort: string) => `/${soort}/[token]`,
  );
}
