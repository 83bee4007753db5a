import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import type { Config } from '../../config.ts';
import { paths } from '../../web/paths.ts';
import { renderPage } from '../../web/render.ts';
import { clearSessieCookie, sessieCookieNaam, setSessieCookie } from './auth.hook.ts';
import { ApiTokenInput, veldFouten } from './auth.schemas.ts';
import type { AuthService } from './auth.service.ts';
import { beschrijfBrowser } from './regels.ts';
import { pageChrome, requireGebruiker } from './request.ts';
import { createSsoClient, pogingAlsTekst, pogingUitTekst, SSO_POGING_MS, SsoFout } from './sso.ts';
import { ApiTokensPagina } from './views/api-tokens-pagina.tsx';
import { CodePagina } from './views/code-pagina.tsx';
import { LoginPagina, ONJUIST_TEKST } from './views/login-pagina.tsx';
import { SessiesPagina } from './views/sessies-pagina.tsx';
import { TweestapsverificatiePagina } from './views/tweestapsverificatie-pagina.tsx';
import { UitnodigingPagina } from './views/uitnodiging-pagina.tsx';
import { WachtwoordHerstellenPagina } from './views/wachtwoord-herstellen-pagina.tsx';
import { WachtwoordVergetenPagina } from './views/wachtwoord-vergeten-pagina.tsx';
import { beoordeelNieuwWachtwoord } from './wachtwoord.ts';

type Body = Record<string, unknown> | undefined;

/** One text field of a posted form ('' when missing; the first value when repeated). */
function veld(req: FastifyRequest, naam: string): string {
  const v = (req.body as Body)?.[naam];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
}

const MELDINGEN: Record<string, string> = {
  'sessie-beeindigd': 'De sessie is beëindigd.',
  'token-ingetrokken': 'Het API-token is ingetrokken. Het werkt niet meer.',
};

/** Confirmation after a redirect: only known codes, never text from the address bar. */
function melding(req: FastifyRequest, bekend: Record<string, string> = MELDINGEN): string | undefined {
  const code = (req.query as Record<string, unknown> | undefined)?.melding;
  return typeof code === 'string' ? bekend[code] : undefined;
}

const LOGIN_MELDINGEN: Record<string, string> = {
  'wachtwoord-gewijzigd':
    'Uw wachtwoord is gewijzigd. Log in met uw nieuwe wachtwoord. Uw API-tokens zijn ingetrokken: maak zo nodig nieuwe aan.',
};

/**
 * What the login page shows besides the form, for the page at `/` (the home module renders it): password reset
 * and SSO when they are available, and a confirmation after a redirect.
 */
export function loginPaginaOpties(auth: AuthService) {
  return (req: FastifyRequest) => ({ ...auth.loginOpties(), melding: melding(req, LOGIN_MELDINGEN) });
}

/** Pages with a secret in their path: no referrer to other sites, never cached. */
function geheimePagina(reply: FastifyReply): void {
  reply.header('Referrer-Policy', 'no-referrer').header('Cache-Control', 'no-store');
}

export interface AuthRoutesDeps {
  auth: AuthService;
  config: Pick<Config, 'mode' | 'secureCookies'> & Partial<Pick<Config, 'sso'>>;
}

const SSO_FOUTEN: Record<SsoFout['soort'] | 'geen-poging', { melding: string; status: number }> = {
  'geen-poging': {
    melding:
      'Het inloggen is verlopen of is niet in deze browser begonnen. Klik opnieuw op “Inloggen met uw organisatie-account”.',
    status: 400,
  },
  verlopen: {
    melding: 'Het inloggen duurde te lang. Klik opnieuw op “Inloggen met uw organisatie-account”.',
    status: 400,
  },
  afgebroken: {
    melding: 'Het inloggen bij uw organisatie is afgebroken. Probeer het opnieuw.',
    status: 400,
  },
  ongeldig: {
    melding:
      'Het antwoord van uw organisatie klopte niet, daarom bent u niet ingelogd. Klik opnieuw op “Inloggen met uw organisatie-account”.',
    status: 400,
  },
  'idp-onbereikbaar': {
    melding:
      'De inlogdienst van uw organisatie is nu niet bereikbaar. Probeer het later opnieuw, of log in met uw e-mailadres en wachtwoord.',
    status: 503,
  },
};

/**
 * Pages of logging in and out, the TOTP step, invitations and the user's own account (sessions, API tokens,
 * two-step verification). Thin: parse, authorise, one service call, render or redirect.
 */
export function authRoutes({ auth, config }: AuthRoutesDeps) {
  const cookieNaam = sessieCookieNaam(config.secureCookies);
  const demo = config.mode === 'demo';
  const sso = config.sso ? createSsoClient(config.sso) : undefined;
  // The SSO attempt (state, nonce, PKCE verifier) lives in a signed, HttpOnly cookie for 10 minutes, sent only
  // to the SSO paths; SameSite=Lax lets the identity provider's redirect back carry it.
  const ssoCookie = config.secureCookies ? '__Secure-wk-sso' : 'wk-sso';
  const ssoCookieOpties = {
    path: '/inloggen/sso',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
  } as const;
  // Marks a browser whose session came from SSO, so logging out also ends the identity provider's session.
  const viaSsoCookie = config.secureCookies ? '__Secure-wk-via-sso' : 'wk-via-sso';
  const viaSsoOpties = { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies } as const;
  const hide = { schema: { hide: true } };

  const naInloggen = (reply: FastifyReply, status: 'actief' | 'wacht-op-code' | 'moet-mfa-instellen') =>
    reply.redirect(
      status === 'wacht-op-code'
        ? paths.inlogCode()
        : status === 'moet-mfa-instellen'
          ? paths.tweestapsverificatie()
          : paths.home(),
      303,
    );

  return async (app: FastifyInstance) => {
    // Login (the form is on the start page, `/`).
    app.post('/', hide, async (req, reply) => {
      const email = veld(req, 'email');
      const uitkomst = await auth.login({
        email,
        wachtwoord: veld(req, 'wachtwoord'),
        ip: req.ip,
        userAgentOmschrijving: beschrijfBrowser(req.headers['user-agent']),
        vorigeSessieToken: req.cookies[cookieNaam],
      });
      const csrfToken = reply.generateCsrf();
      if (uitkomst.kind === 'ingelogd') {
        setSessieCookie(reply, config, uitkomst.sessieToken);
        return naInloggen(reply, uitkomst.status);
      }
      const opties = { ...auth.loginOpties(), csrfToken, email, demo };
      if (uitkomst.kind === 'te-vaak')
        return renderPage(
          reply.header('Retry-After', String(uitkomst.wachtSeconden)),
          createElement(LoginPagina, { ...opties, wachtSeconden: uitkomst.wachtSeconden }),
          429,
        );
      const fouten = uitkomst.kind === 'ongeldig' ? uitkomst.fouten : { email: ONJUIST_TEKST };
      return renderPage(reply, createElement(LoginPagina, { ...opties, fouten }), 422);
    });

    // SSO with OpenID Connect: start (to the identity provider) and return (code exchange, then a session).
    const ssoFout = (reply: FastifyReply, melding: string, status: number) =>
      renderPage(
        reply.header('Cache-Control', 'no-store'),
        createElement(LoginPagina, {
          ...auth.loginOpties(),
          csrfToken: reply.generateCsrf(),
          demo,
          ssoFout: melding,
        }),
        status,
      );

    app.get('/inloggen/sso', hide, async (req, reply) => {
      if (!sso) return reply.callNotFound();
      let start: Awaited<ReturnType<typeof sso.start>>;
      try {
        start = await sso.start();
      } catch (e) {
        if (!(e instanceof SsoFout)) throw e;
        req.log.warn({ err: e.cause ?? e }, 'SSO: identity provider unreachable');
        return ssoFout(reply, SSO_FOUTEN['idp-onbereikbaar'].melding, 503);
      }
      reply.setCookie(ssoCookie, pogingAlsTekst(start.poging), {
        ...ssoCookieOpties,
        signed: true,
        maxAge: SSO_POGING_MS / 1000,
      });
      return reply.header('Cache-Control', 'no-store').redirect(start.url, 303);
    });

    app.get('/inloggen/sso/terug', hide, async (req, reply) => {
      if (!sso) return reply.callNotFound();
      const ruw = req.cookies[ssoCookie];
      // One attempt, one return: the cookie is cleared whatever happens next.
      reply.clearCookie(ssoCookie, ssoCookieOpties);
      const ontcijferd = ruw ? req.unsignCookie(ruw) : undefined;
      const poging = ontcijferd?.valid && ontcijferd.value ? pogingUitTekst(ontcijferd.value) : undefined;
      if (!poging) return ssoFout(reply, SSO_FOUTEN['geen-poging'].melding, SSO_FOUTEN['geen-poging'].status);
      const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      let claims: Awaited<ReturnType<typeof sso.terug>>;
      try {
        claims = await sso.terug(query, poging);
      } catch (e) {
        if (!(e instanceof SsoFout)) throw e;
        req.log.warn({ sso: e.soort, err: e.cause ?? e }, 'SSO: login refused');
        return ssoFout(reply, SSO_FOUTEN[e.soort].melding, SSO_FOUTEN[e.soort].status);
      }
      const uitkomst = await auth.ssoLogin({
        claims,
        userAgentOmschrijving: beschrijfBrowser(req.headers['user-agent']),
        vorigeSessieToken: req.cookies[cookieNaam],
      });
      if (uitkomst.kind === 'geweigerd') return ssoFout(reply, uitkomst.melding, 403);
      setSessieCookie(reply, config, uitkomst.sessieToken);
      reply.setCookie(viaSsoCookie, '1', viaSsoOpties);
      return naInloggen(reply, uitkomst.status);
    });

    app.get('/inloggen/code', hide, async (req, reply) => {
      if (req.sessie?.status !== 'wacht-op-code') return reply.redirect(paths.home(), 303);
      return renderPage(reply, createElement(CodePagina, { csrfToken: reply.generateCsrf() }));
    });

    app.post('/inloggen/code', hide, async (req, reply) => {
      const token = req.cookies[cookieNaam];
      if (!token || req.sessie?.status !== 'wacht-op-code') return reply.redirect(paths.home(), 303);
      const code = veld(req, 'code');
      const csrfToken = reply.generateCsrf();
      if (code.trim() === '')
        return renderPage(
          reply,
          createElement(CodePagina, { csrfToken, fouten: { code: 'Vul de code uit uw app in.' } }),
          422,
        );
      const uitkomst = await auth.verifieerCode({
        sessieToken: token,
        code,
        ip: req.ip,
        userAgentOmschrijving: beschrijfBrowser(req.headers['user-agent']),
      });
      switch (uitkomst.kind) {
        case 'geen-sessie':
          return reply.redirect(paths.home(), 303);
        case 'te-vaak':
          return renderPage(
            reply.header('Retry-After', String(uitkomst.wachtSeconden)),
            createElement(CodePagina, { csrfToken, wachtSeconden: uitkomst.wachtSeconden }),
            429,
          );
        case 'onjuist':
          return renderPage(
            reply,
            createElement(CodePagina, {
              csrfToken,
              fouten: {
                code: 'Deze code klopt niet. Vul de nieuwste code uit uw app in, of een herstelcode.',
              },
            }),
            422,
          );
        case 'ingelogd':
          setSessieCookie(reply, config, uitkomst.sessieToken);
          return reply.redirect(
            uitkomst.herstelcodesOver === undefined
              ? paths.home()
              : `${paths.tweestapsverificatie()}?herstelcode=gebruikt`,
            303,
          );
      }
    });

    app.post('/uitloggen', hide, async (req, reply) => {
      const token = req.cookies[cookieNaam];
      if (token) await auth.uitloggen(token);
      clearSessieCookie(reply, config);
      if (req.cookies[viaSsoCookie]) {
        reply.clearCookie(viaSsoCookie, viaSsoOpties);
        const bijIdp = sso ? await sso.uitlogUrl() : undefined;
        if (bijIdp) return reply.redirect(bijIdp, 303);
      }
      return reply.redirect(paths.home(), 303);
    });

    // My sessions.
    app.get('/account/sessies', hide, async (req, reply) => {
      const actor = requireGebruiker(req);
      const sessies = await auth.findSessies(actor, req.sessie?.id);
      return renderPage(
        reply,
        createElement(SessiesPagina, { sessies, melding: melding(req), chrome: pageChrome(req, reply) }),
      );
    });

    app.post<{ Params: { id: string } }>('/account/sessies/:id/beeindigen', hide, async (req, reply) => {
      const actor = requireGebruiker(req);
      await auth.revokeSessie(actor, req.params.id);
      if (req.params.id === req.sessie?.id) {
        clearSessieCookie(reply, config);
        return reply.redirect(paths.home(), 303);
      }
      return reply.redirect(paths.metMelding(paths.sessies(), 'sessie-beeindigd'), 303);
    });

    // API tokens.
    app.get('/account/api-tokens', hide, async (req, reply) => {
      const actor = requireGebruiker(req);
      const tokens = await auth.findApiTokens(actor);
      return renderPage(
        reply,
        createElement(ApiTokensPagina, { tokens, melding: melding(req), chrome: pageChrome(req, reply) }),
      );
    });

    app.post('/account/api-tokens', hide, async (req, reply) => {
      const actor = requireGebruiker(req);
      const naam = veld(req, 'naam');
      const parsed = ApiTokenInput.safeParse({ naam });
      if (!parsed.success) {
        const tokens = await auth.findApiTokens(actor);
        return renderPage(
          reply,
          createElement(ApiTokensPagina, {
            tokens,
            naam,
            fouten: veldFouten(parsed.error),
            chrome: pageChrome(req, reply),
          }),
          422,
        );
      }
      const nieuw = await auth.createApiToken(actor, parsed.data);
      const tokens = await auth.findApiTokens(actor);
      // The token is shown once, in this response (no redirect: it is not stored anywhere to show later).
      return renderPage(
        reply,
        createElement(ApiTokensPagina, {
          tokens,
          nieuwToken: { naam: parsed.data.naam, token: nieuw.token },
          chrome: pageChrome(req, reply),
        }),
        201,
      );
    });

    app.post<{ Params: { id: string } }>('/account/api-tokens/:id/intrekken', hide, async (req, reply) => {
      const actor = requireGebruiker(req);
      if (!/^[0-9a-f-]{36}$/i.test(req.params.id)) return reply.callNotFound();
      await auth.revokeApiToken(actor, req.params.id);
      return reply.redirect(paths.metMelding(paths.apiTokens(), 'token-ingetrokken'), 303);
    });

    // Two-step verification.
    const tweestapsPagina = async (
      req: FastifyRequest,
      reply: FastifyReply,
      opts: { fouten?: Record<string, string>; status?: number } = {},
    ) => {
      const actor = requireGebruiker(req);
      const huidig = await auth.totpStatus(actor);
      const herstelcodeGebruikt =
        (req.query as Record<string, unknown> | undefined)?.herstelcode === 'gebruikt';
      const stand = huidig.actief
        ? ({ stand: 'aan', sinds: huidig.sinds, herstelcodesOver: huidig.herstelcodesOver } as const)
        : ({
            stand: 'instellen',
            verplicht: req.sessie?.status === 'moet-mfa-instellen',
            ...(await auth.startTotp(actor)),
          } as const);
      return renderPage(
        reply,
        createElement(TweestapsverificatiePagina, {
          chrome: pageChrome(req, reply),
          stand,
          herstelcodeGebruikt,
          ...(opts.fouten ? { fouten: opts.fouten } : {}),
        }),
        opts.status ?? 200,
      );
    };

    app.get('/account/tweestapsverificatie', hide, (req, reply) => tweestapsPagina(req, reply));

    app.post('/account/tweestapsverificatie', hide, async (req, reply) => {
      const actor = requireGebruiker(req);
      const code = veld(req, 'code');
      if (code.trim() === '')
        return tweestapsPagina(req, reply, { fouten: { code: 'Vul de code uit uw app in.' }, status: 422 });
      const uitkomst = await auth.bevestigTotp(actor, { code, sessieId: req.sessie?.id });
      if (uitkomst.kind === 'onjuist')
        return tweestapsPagina(req, reply, {
          fouten: {
            code: 'Deze code klopt niet. Controleer of de app de goede sleutel heeft en vul de nieuwste code in.',
          },
          status: 422,
        });
      // Now set up: this request may use the full menu again.
      if (req.sessie) req.sessie = { ...req.sessie, status: 'actief' };
      return renderPage(
        reply,
        createElement(TweestapsverificatiePagina, {
          chrome: pageChrome(req, reply),
          stand: { stand: 'herstelcodes', herstelcodes: uitkomst.herstelcodes, nieuw: true },
        }),
      );
    });

    app.post('/account/tweestapsverificatie/herstelcodes', hide, async (req, reply) => {
      const actor = requireGebruiker(req);
      const uitkomst = await auth.vernieuwHerstelcodes(actor, { code: veld(req, 'code') });
      if (uitkomst.kind === 'onjuist')
        return tweestapsPagina(req, reply, {
          fouten: { code: 'Deze code klopt niet. Vul de nieuwste code uit uw app in.' },
          status: 422,
        });
      return renderPage(
        reply,
        createElement(TweestapsverificatiePagina, {
          chrome: pageChrome(req, reply),
          stand: { stand: 'herstelcodes', herstelcodes: uitkomst.herstelcodes, nieuw: false },
        }),
      );
    });

    // Password reset ("Wachtwoord vergeten"): request a link, then choose a new password with it.
    app.get('/wachtwoord-vergeten', hide, async (req, reply) => {
      if (!auth.loginOpties().wachtwoordHerstel)
        return renderPage(reply, createElement(WachtwoordVergetenPagina, { stand: 'uit' }));
      if ((req.query as Record<string, unknown> | undefined)?.melding === 'aangevraagd')
        return renderPage(reply, createElement(WachtwoordVergetenPagina, { stand: 'aangevraagd' }));
      return renderPage(
        reply,
        createElement(WachtwoordVergetenPagina, { stand: 'formulier', csrfToken: reply.generateCsrf() }),
      );
    });

    app.post('/wachtwoord-vergeten', hide, async (req, reply) => {
      if (!auth.loginOpties().wachtwoordHerstel)
        return renderPage(reply, createElement(WachtwoordVergetenPagina, { stand: 'uit' }), 404);
      const email = veld(req, 'email');
      const uitkomst = await auth.vraagWachtwoordHerstelAan({ email, ip: req.ip });
      if (uitkomst.kind === 'aangevraagd')
        return reply.redirect(paths.metMelding(paths.wachtwoordVergeten(), 'aangevraagd'), 303);
      const csrfToken = reply.generateCsrf();
      return renderPage(
        reply,
        createElement(
          WachtwoordVergetenPagina,
          uitkomst.kind === 'te-vaak'
            ? { stand: 'formulier', csrfToken, email, teVaak: true }
            : { stand: 'formulier', csrfToken, email, fouten: uitkomst.fouten },
        ),
        uitkomst.kind === 'te-vaak' ? 429 : 422,
      );
    });

    // The strength meter's question while typing (wachtwoordmeter.js): the same check as when the form is sent.
    app.post('/wachtwoord-sterkte', hide, async (req, reply) => {
      const email = veld(req, 'email');
      const uitkomst = beoordeelNieuwWachtwoord(veld(req, 'wachtwoord').slice(0, 300), {
        ...(/^[^@\s]{1,100}@[^@\s]{1,200}$/.test(email) ? { email } : {}),
      });
      return reply.header('Cache-Control', 'no-store').send(uitkomst);
    });

    app.get<{ Params: { token: string } }>('/wachtwoord-herstellen/:token', hide, async (req, reply) => {
      geheimePagina(reply);
      const h = await auth.bekijkHerstel(req.params.token);
      if (h.status !== 'geldig')
        return renderPage(
          reply,
          createElement(WachtwoordHerstellenPagina, { status: h.status }),
          h.status === 'onbekend' ? 404 : 410,
        );
      return renderPage(
        reply,
        createElement(WachtwoordHerstellenPagina, {
          status: 'geldig',
          token: req.params.token,
          email: h.email ?? '',
          csrfToken: reply.generateCsrf(),
        }),
      );
    });

    app.post<{ Params: { token: string } }>('/wachtwoord-herstellen/:token', hide, async (req, reply) => {
      geheimePagina(reply);
      const uitkomst = await auth.herstelWachtwoord({
        token: req.params.token,
        wachtwoord: veld(req, 'wachtwoord'),
        herhaling: veld(req, 'herhaling'),
      });
      if (uitkomst.kind === 'ongeldig')
        return renderPage(
          reply,
          createElement(WachtwoordHerstellenPagina, { status: uitkomst.status }),
          uitkomst.status === 'onbekend' ? 404 : 410,
        );
      if (uitkomst.kind === 'fouten') {
        const h = await auth.bekijkHerstel(req.params.token);
        return renderPage(
          reply,
          createElement(WachtwoordHerstellenPagina, {
            status: 'geldig',
            token: req.params.token,
            email: h.email ?? '',
            csrfToken: reply.generateCsrf(),
            fouten: uitkomst.fouten,
          }),
          422,
        );
      }
      // Every session of the user has ended; this browser's cookie is cleared too.
      clearSessieCookie(reply, config);
      return reply.redirect(paths.metMelding(paths.home(), 'wachtwoord-gewijzigd'), 303);
    });

    // Invitations (the token in the path is a random value, not personal data).
    app.get<{ Params: { token: string } }>('/uitnodiging/:token', hide, async (req, reply) => {
      const u = await auth.bekijkUitnodiging(req.params.token);
      reply.header('Referrer-Policy', 'no-referrer').header('Cache-Control', 'no-store');
      if (u.status !== 'geldig')
        return renderPage(
          reply,
          createElement(UitnodigingPagina, { status: u.status }),
          u.status === 'onbekend' ? 404 : 410,
        );
      return renderPage(
        reply,
        createElement(UitnodigingPagina, {
          status: 'geldig',
          token: req.params.token,
          naam: u.naam ?? '',
          email: u.email ?? '',
          csrfToken: reply.generateCsrf(),
        }),
      );
    });

    app.post<{ Params: { token: string } }>('/uitnodiging/:token', hide, async (req, reply) => {
      reply.header('Referrer-Policy', 'no-referrer').header('Cache-Control', 'no-store');
      const vorige = req.cookies[cookieNaam];
      const uitkomst = await auth.accepteerUitnodiging({
        token: req.params.token,
        wachtwoord: veld(req, 'wachtwoord'),
        herhaling: veld(req, 'herhaling'),
        userAgentOmschrijving: beschrijfBrowser(req.headers['user-agent']),
      });
      if (uitkomst.kind === 'ongeldig')
        return renderPage(
          reply,
          createElement(UitnodigingPagina, { status: uitkomst.status }),
          uitkomst.status === 'onbekend' ? 404 : 410,
        );
      if (uitkomst.kind === 'fouten') {
        const u = await auth.bekijkUitnodiging(req.params.token);
        return renderPage(
          reply,
          createElement(UitnodigingPagina, {
            status: 'geldig',
            token: req.params.token,
            naam: u.naam ?? '',
            email: u.email ?? '',
            csrfToken: reply.generateCsrf(),
            fouten: uitkomst.fouten,
          }),
          422,
        );
      }
      if (vorige) await auth.uitloggen(vorige);
      setSessieCookie(reply, config, uitkomst.sessieToken);
      return reply.redirect(
        uitkomst.status === 'wacht-op-code' ? paths.inlogCode() : paths.tweestapsverificatie(),
        303,
      );
    });
  };
}
