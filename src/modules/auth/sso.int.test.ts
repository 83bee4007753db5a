import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { TestBrowser } from '../../../test/browser.ts';
import { insertGebruiker, insertTeam } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { CookieJar, startTestOp, type TestOp } from '../../../test/oidc-provider.ts';
import type { SsoConfig } from '../../config.ts';
import { withContext } from '../../db/context.ts';
import { systeemActor } from './actor.ts';

const REDIRECT = 'http://127.0.0.1:3000/inloggen/sso/terug';
let op: TestOp;
let t: TestApp;
let ip = 0;
const browser = () => new TestBrowser(t.app, { remoteAddress: `10.6.0.${++ip}` });

function ssoConfig(extra: Partial<SsoConfig> = {}): SsoConfig {
  return {
    issuerUrl: op.issuer,
    clientId: op.clientId,
    clientSecret: op.clientSecret,
    redirectUrl: REDIRECT,
    scopes: 'openid email profile',
    rolClaim: 'groups',
    rolMap: [
      ['wk-teamleider', 'teamleider'],
      ['wk-klantmanager', 'klantmanager'],
      ['wk-beheer', 'functioneel-beheerder'],
    ],
    teamClaim: 'teams',
    gemeenteClaim: 'gemeenten',
    acrValues: ['urn:wk:mfa'],
    amrValues: [],
    ...extra,
  };
}

beforeAll(async () => {
  op = await startTestOp({ redirectUri: REDIRECT });
  // Production mode: every staff account must have passed two-step verification to work.
  t = await createTestApp({ mode: 'production', sso: ssoConfig() });
});
afterAll(async () => {
  await op?.close();
});

/**
 * The browser's way to the identity provider and back: start at Wederkerig, follow the redirects through the
 * identity provider (with its own cookie jar) up to the return URL. Returns the authorization URL and the return
 * URL (not yet opened).
 */
async function naarIdpEnTerug(b: TestBrowser): Promise<{ authUrl: URL; terug: URL }> {
  const start = await b.get('/inloggen/sso');
  expect(start.statusCode).toBe(303);
  const authUrl = new URL(start.headers.location as string);
  const jar = new CookieJar();
  let url = authUrl.href;
  for (let i = 0; i < 10 && !url.startsWith(REDIRECT); i++) {
    const res = await jar.fetch(url);
    expect([302, 303]).toContain(res.status);
    url = new URL(res.headers.get('location') ?? '', url).href;
  }
  expect(url.startsWith(REDIRECT)).toBe(true);
  return { authUrl, terug: new URL(url) };
}

const open = (b: TestBrowser, u: URL) => b.get(`${u.pathname}${u.search}`);

/** The whole round trip; returns the app's answer to the return URL. */
async function ssoLogin(b: TestBrowser) {
  const { authUrl, terug } = await naarIdpEnTerug(b);
  return { res: await open(b, terug), authUrl, terug };
}

function account(id: string, claims: Record<string, unknown>, login: { acr?: string; amr?: string[] } = {}) {
  op.accounts.set(id, claims);
  op.volgendeLogin = { accountId: id, acr: 'urn:wk:mfa', ...login };
}

describe('SSO with OpenID Connect (against a real oidc-provider)', () => {
  it('shows "Inloggen met uw organisatie-account" below the local login form', async () => {
    const res = await browser().get('/');
    expect(res.body).toContain('Inloggen met uw organisatie-account');
    expect(res.body).toContain('href="/inloggen/sso"');
    expect(res.body.indexOf('type="password"')).toBeLessThan(res.body.indexOf('href="/inloggen/sso"'));
  });

  it('logs an existing user in with code + PKCE (S256) + state + nonce, mapping role, team and municipalities', async () => {
    const aardam = await insertGemeente(t.db.app, { naam: 'Aardam', code: 'GM7001' });
    const bergdorp = await insertGemeente(t.db.app, {
      dienstId: aardam.dienstId,
      naam: 'Bergdorp',
      code: 'GM7002',
    });
    const team = await insertTeam(t.db.app, {
      dienstId: aardam.dienstId,
      naam: 'Team Noord',
      gemeenten: [aardam.gemeenteId],
    });
    const g = await insertGebruiker(t.db.app, {
      dienstId: aardam.dienstId,
      rol: 'netwerkmakelaar',
      email: 'j.devries@aardam.example',
      gemeenten: [bergdorp.gemeenteId],
    });
    account('idp-jdevries', {
      email: 'J.deVries@Aardam.example',
      email_verified: true,
      name: 'J. de Vries',
      groups: ['medewerkers', 'wk-klantmanager'],
      teams: ['team noord'],
      gemeenten: ['GM7001'],
    });
    const b = browser();
    const { res, authUrl } = await ssoLogin(b);
    expect(authUrl.origin).toBe(op.issuer);
    expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authUrl.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authUrl.searchParams.get('state')).toBeTruthy();
    expect(authUrl.searchParams.get('nonce')).toBeTruthy();
    expect(authUrl.searchParams.get('response_type')).toBe('code');
    expect(authUrl.searchParams.get('acr_values')).toBe('urn:wk:mfa');
    expect(res.statusCode).toBe(303);
    // The identity provider's MFA counts: straight to the start page, also in production without local TOTP.
    expect(res.headers.location).toBe('/');
    const start = await b.get('/');
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('Klantmanager');
    const rij = await withContext(t.db.owner, systeemActor('test:lezen'), async (tx) => ({
      gebruiker: await tx
        .selectFrom('gebruiker')
        .select('rol')
        .where('id', '=', g.gebruikerId)
        .executeTakeFirstOrThrow(),
      teams: await tx
        .selectFrom('gebruikerTeam')
        .select('teamId')
        .where('gebruikerId', '=', g.gebruikerId)
        .execute(),
      gemeenten: await tx
        .selectFrom('gebruikerGemeente')
        .select('gemeenteId')
        .where('gebruikerId', '=', g.gebruikerId)
        .execute(),
      sessies: await tx
        .selectFrom('sessie')
        .select(['isMfaVoldaan', 'verlooptOp', 'aangemaaktOp'])
        .where('gebruikerId', '=', g.gebruikerId)
        .execute(),
      log: await tx
        .selectFrom('logboek')
        .select(['subjectType', 'actorReden', 'verwerkingsactiviteitId'])
        .where('subjectId', '=', g.gebruikerId)
        .orderBy('tijdstip')
        .execute(),
    }));
    expect(rij.gebruiker.rol).toBe('klantmanager');
    expect(rij.teams).toEqual([{ teamId: team.teamId }]);
    expect(rij.gemeenten).toEqual([{ gemeenteId: aardam.gemeenteId }]);
    // A normal session: the same cookie and limits, with two-step verification met by the identity provider.
    expect(rij.sessies).toHaveLength(1);
    expect(rij.sessies[0]?.isMfaVoldaan).toBe(true);
    const uren =
      ((rij.sessies[0]?.verlooptOp.getTime() ?? 0) - (rij.sessies[0]?.aangemaaktOp.getTime() ?? 0)) /
      3_600_000;
    expect(uren).toBeCloseTo(12, 1);
    expect(rij.log).toEqual(
      expect.arrayContaining([
        {
          subjectType: 'gebruiker',
          actorReden: 'auth:sso',
          verwerkingsactiviteitId: 'va-beheer-organisatie',
        },
        {
          subjectType: 'inlog',
          actorReden: 'auth:sso',
          verwerkingsactiviteitId: 'va-toegang-en-beveiliging',
        },
      ]),
    );
    // Logging out ends our session and then the identity provider's (RP-initiated logout).
    const uit = await b.post('/uitloggen');
    expect(uit.statusCode).toBe(303);
    const naarIdp = new URL(uit.headers.location as string);
    expect(naarIdp.origin).toBe(op.issuer);
    expect(naarIdp.searchParams.get('client_id')).toBe(op.clientId);
    expect(naarIdp.searchParams.get('post_logout_redirect_uri')).toBe('http://127.0.0.1:3000/');
    // The identity provider knows that end-session URL and offers to sign out there (its own page).
    expect((await new CookieJar().fetch(naarIdp.href)).status).toBe(200);
    expect((await b.get('/account/sessies')).statusCode).not.toBe(200);
    // A second logout in the same browser is local only: the SSO mark went with the first.
    expect((await b.post('/uitloggen')).headers.location).toBe('/');
  });

  it('refuses a login whose acr does not show multi-factor authentication, with a Dutch message', async () => {
    const g = await insertGebruiker(t.db.app, { email: 'zwak@aardam.example', rol: 'teamleider' });
    account('idp-zwak', { email: g.email, groups: ['wk-teamleider'] }, { acr: 'urn:wk:wachtwoord' });
    const b = browser();
    const { res } = await ssoLogin(b);
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Inloggen met uw organisatie-account lukte niet');
    expect(res.body).toContain('niet bevestigd dat u met tweestapsverificatie bent ingelogd');
    expect(Object.keys(Object.fromEntries(b.cookies))).not.toContain('wk-sessie');
    const log = await withContext(t.db.owner, systeemActor('test:lezen'), (tx) =>
      tx.selectFrom('logboek').select('subjectType').where('subjectId', '=', g.gebruikerId).execute(),
    );
    expect(log).toEqual([{ subjectType: 'inlog-mislukt' }]);
  });

  it('rejects a return with a wrong state, and one without the attempt cookie (another browser)', async () => {
    const gemeente = await insertGemeente(t.db.app);
    const team = await insertTeam(t.db.app, {
      dienstId: gemeente.dienstId,
      gemeenten: [gemeente.gemeenteId],
    });
    const g = await insertGebruiker(t.db.app, {
      dienstId: gemeente.dienstId,
      email: 'staat@aardam.example',
      rol: 'teamleider',
      gemeenten: [gemeente.gemeenteId],
      teams: [team.teamId],
    });
    account('idp-staat', {
      email: g.email,
      groups: ['wk-teamleider'],
      teams: [team.naam],
      gemeenten: [gemeente.code],
    });
    const b = browser();
    const { terug } = await naarIdpEnTerug(b);
    terug.searchParams.set('state', 'een-andere-state-van-een-aanvaller');
    const res = await open(b, terug);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Het antwoord van uw organisatie klopte niet');
    expect(b.cookies.has('wk-sessie')).toBe(false);

    // A valid answer opened in another browser (login CSRF: no attempt cookie there) is refused too…
    const a = browser();
    const eerlijk = await naarIdpEnTerug(a);
    const ander = browser();
    const fout = await open(ander, eerlijk.terug);
    expect(fout.statusCode).toBe(400);
    expect(fout.body).toContain('niet in deze browser begonnen');
    expect(ander.cookies.has('wk-sessie')).toBe(false);
    // … and the attempt is used up in the browser that started it only once.
    expect((await open(a, eerlijk.terug)).statusCode).toBe(303);
    expect((await open(a, eerlijk.terug)).statusCode).toBe(400);
  });

  it('never grants a role outside the mapping, and refuses an account Wederkerig does not know', async () => {
    const g = await insertGebruiker(t.db.app, { email: 'geenrol@aardam.example', rol: 'klantmanager' });
    account('idp-geenrol', { email: g.email, groups: ['functioneel-beheerder', 'privacy-officer'] });
    const a = await ssoLogin(browser());
    expect(a.res.statusCode).toBe(403);
    expect(a.res.body).toContain('geen rol voor Wederkerig');
    account('idp-onbekend', { email: 'niemand@aardam.example', groups: ['wk-beheer'] });
    const b = await ssoLogin(browser());
    expect(b.res.statusCode).toBe(403);
    expect(b.res.body).toContain('geen account met het e-mailadres');
    const rol = await withContext(t.db.owner, systeemActor('test:lezen'), (tx) =>
      tx.selectFrom('gebruiker').select('rol').where('id', '=', g.gebruikerId).executeTakeFirstOrThrow(),
    );
    expect(rol.rol).toBe('klantmanager');
  });

  it('refuses a deactivated account and an unverified e-mail address', async () => {
    const uit = await insertGebruiker(t.db.app, { email: 'uit@aardam.example', isActief: false });
    account('idp-uit', { email: uit.email, groups: ['wk-klantmanager'] });
    expect((await ssoLogin(browser())).res.body).toContain('staat uit');
    account('idp-onbevestigd', {
      email: 'x@aardam.example',
      email_verified: false,
      groups: ['wk-klantmanager'],
    });
    expect((await ssoLogin(browser())).res.body).toContain('geen bevestigd e-mailadres');
  });
});

describe('SSO accepted by amr', () => {
  let app2: TestApp;
  beforeAll(async () => {
    app2 = await createTestApp({
      mode: 'production',
      sso: ssoConfig({
        acrValues: [],
        amrValues: ['otp', 'hwk'],
        teamClaim: undefined,
        gemeenteClaim: undefined,
      }),
    });
  });

  it('accepts amr with one of the configured methods and refuses one without', async () => {
    const gemeente = await insertGemeente(app2.db.app);
    const g = await insertGebruiker(app2.db.app, {
      dienstId: gemeente.dienstId,
      email: 'amr@aardam.example',
      rol: 'teamleider',
      gemeenten: [gemeente.gemeenteId],
    });
    const eigen = async (b: TestBrowser) => (await ssoLogin(b)).res;
    account(
      'idp-amr',
      { email: g.email, groups: ['wk-teamleider'] },
      { acr: undefined, amr: ['pwd', 'otp'] },
    );
    expect((await eigen(new TestBrowser(app2.app))).statusCode).toBe(303);
    op.volgendeLogin = { accountId: 'idp-amr', amr: ['pwd'] };
    const geweigerd = await eigen(new TestBrowser(app2.app));
    expect(geweigerd.statusCode).toBe(403);
  });
});
