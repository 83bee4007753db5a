import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { ErrorPage, type FoutChrome } from '../web/error-page.tsx';
import { paths } from '../web/paths.ts';
import { renderPage } from '../web/render.ts';
import { isPoolBezet } from '../db/verbindingen.ts';
import { AppError, defaultTitle } from './app-error.ts';
import { sendProblem } from './problem.ts';

export const isApiRequest = (req: FastifyRequest): boolean => req.url.startsWith('/api/');

const STATUS_TITLES: Record<number, string> = {
  400: 'Het verzoek is niet geldig.',
  401: 'U bent niet ingelogd.',
  403: 'U heeft geen toegang tot deze pagina of gegevens.',
  404: 'Deze pagina bestaat niet.',
  405: 'Deze methode is hier niet toegestaan.',
  406: 'Dit formaat kunnen wij niet leveren.',
  413: 'Het verzoek is te groot.',
  415: 'Dit soort inhoud wordt niet ondersteund.',
  429: 'Te vaak geprobeerd. Wacht even en probeer het dan opnieuw.',
  500: 'Er ging iets mis aan onze kant.',
  503: 'De dienst is tijdelijk niet beschikbaar.',
};

const DRUK = 'Het is op dit moment erg druk. Probeer het over een paar seconden opnieuw.';

/**
 * The menu and account block (with the logout button) of a signed-in user's error page; set once by `buildApp`
 * (the auth module knows who is signed in; this file imports no module).
 */
type ChromeBron = (req: FastifyRequest, reply: FastifyReply) => FoutChrome | undefined;

/** Decorated on the root app, so every plugin's (encapsulated) instance inherits it. */
const metChrome = (app: FastifyInstance) => app as FastifyInstance & { foutChrome?: ChromeBron | undefined };

/** Sends an error as problem+json (API) or as a Dutch error page (pages). Never a stack trace. */
export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  title: string,
  invalidParams?: Array<{ name: string; reason: string }>,
): FastifyReply {
  if (isApiRequest(req)) {
    return sendProblem(reply, {
      type: `https://wederkerig.nl/problemen/${status}`,
      title,
      status,
      instance: req.id,
      ...(invalidParams ? { invalidParams } : {}),
    });
  }
  let chrome: FoutChrome | undefined;
  try {
    chrome = metChrome(req.server).foutChrome?.(req, reply);
  } catch (e) {
    // The error page itself must not fail: without the menu it still says what went wrong.
    req.log.warn({ err: e }, 'error page without the menu');
  }
  return renderPage(reply, createElement(ErrorPage, { status, title, chrome }), status);
}

/** Seconds a client is asked to wait when the app is too busy (`Retry-After`). */
export const RETRY_AFTER_SECONDEN = 5;

/** PostgreSQL cancelled a statement that ran past `statement_timeout` (SQLSTATE 57014). */
const isStatementTimeout = (e: unknown): boolean =>
  e instanceof Error && (e as { code?: unknown }).code === '57014';

/**
 * The multipart parser (busboy) rejects a body that ends before its closing boundary, or has none, with a plain
 * `Error`: the client sent a broken body (400), not our fault (500).
 */
const isKapotteMultipart = (e: unknown): boolean =>
  e instanceof Error &&
  (e.message === 'Unexpected end of multipart data' ||
    e.message === 'Multipart: Boundary not found' ||
    e.message.endsWith('terminated early due to unexpected end of multipart data'));

/**
 * One error handler for the whole app: AppError codes, validation errors, framework errors, the rest is 500.
 * `chrome`: the signed-in user's menu and account block for error pages (undefined for anonymous visitors).
 */
export function registerErrorHandlers(
  app: FastifyInstance,
  chrome?: (req: FastifyRequest, reply: FastifyReply) => FoutChrome | undefined,
): void {
  app.decorate('foutChrome', chrome);
  app.setErrorHandler((error: FastifyError | AppError | Error, req, reply) => {
    // Every connection busy, or a statement cut off: the app is overloaded, not broken. Ask to retry, never hang.
    if (isPoolBezet(error) || isStatementTimeout(error)) {
      req.log.warn({ err: error }, 'busy: no database connection or statement timeout');
      reply.header('Retry-After', String(RETRY_AFTER_SECONDEN));
      return sendError(req, reply, 503, DRUK);
    }
    if (error instanceof AppError) {
      if (error.status >= 500) req.log.error({ err: error }, 'application error');
      // Not signed in: a page sends the browser to the login page; the API asks for a bearer token.
      if (error.code === 'niet-ingelogd') {
        if (!isApiRequest(req)) return reply.redirect(paths.home(), 303);
        reply.header('WWW-Authenticate', 'Bearer realm="wederkerig"');
      }
      return sendError(req, reply, error.status, error.userMessage);
    }
    if (isKapotteMultipart(error)) {
      req.log.info({ err: error }, 'broken multipart body');
      return sendError(req, reply, 400, STATUS_TITLES[400]!);
    }
    const fe = error as FastifyError;
    if (fe.validation) {
      const invalidParams = fe.validation.map((v) => ({
        name: String(
          v.instancePath ||
            (v.params as { missingProperty?: string })?.missingProperty ||
            fe.validationContext ||
            '',
        ),
        reason: v.message ?? 'ongeldig',
      }));
      return sendError(req, reply, 400, defaultTitle('ongeldige-invoer'), invalidParams);
    }
    const status =
      typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500 ? fe.statusCode : 500;
    if (status >= 500) req.log.error({ err: error }, 'unhandled error');
    else req.log.info({ code: fe.code, status }, 'request rejected');
    const title =
      fe.code === 'FST_CSRF_INVALID_TOKEN' || fe.code === 'FST_CSRF_MISSING_SECRET'
        ? 'Het formulier is verlopen of ongeldig. Laad de pagina opnieuw en probeer het nog eens.'
        : (STATUS_TITLES[status] ?? STATUS_TITLES[500]!);
    return sendError(req, reply, status, title);
  });

  app.setNotFoundHandler((req, reply) => sendError(req, reply, 404, STATUS_TITLES[404]!));
}
