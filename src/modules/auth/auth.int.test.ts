import { sql } from 'kysely';
import * as OTPAuth from 'otpauth';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { ingelogdAls, TestBrowser, totpCode } from '../../../test/browser.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker, insertTeam, type TestGebruiker } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { ROLLEN, withContext } from '../../db/context.ts';
import { systeemActor } from './actor.ts';
import { sha256Hex } from './tokens.ts';
import { type AuthService, createAuthService } from './auth.service.ts';

let t: TestApp;
let auth: AuthService;
let ipTeller = 0;
/** Every test gets its own client address, so the per-IP throttle of one test does not touch another. */
const nieuwIp = () => `10.9.${Math.floor(ipTeller / 250)}.${(ipTeller++ % 250) + 1}`;

beforeAll(async () => {
  t = await createTestApp();
  auth = createAuthService({ db: t.db.app, config: t.config });
});

const alsSysteem = <T>(fn: Parameters<typeof withContext<T>>[2]) =>
  withContext(t.db.owner, { kind: 'systeem', reden: 'test:manipulatie' }, fn);

async function sessieRijen(gebruikerId: string) {
  return alsSysteem((tx) =>
    tx
      .selectFrom('sessie')
      .selectAll()
      .where('gebruikerId', '=', gebruikerId)
      .orderBy('aangemaaktOp')
      .execute(),
  );
}

/** `n` failed attempts of a throttle key, as if just now. */
const meerMislukt = (sleutel: string, n: number) =>
  alsSysteem((tx) =>
    tx
      .insertInto('inlogpoging')
      .values(Array.from({ length: n }, () => ({ sleutel, tijdstip: new Date() })))
      .execute(),
  );

const browser = (ua?: string) =>
  new TestBrowser(t.app, { remoteAddress: nieuwIp(), ...(ua ? { userAgent: ua } : {}) });

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const CHROME_WIN =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

describe('login page', () => {
  it('shows anonymous visitors a Dutch login form with labelled e-mail and password fields', async () => {
    const res = await browser().get('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<label class="utrecht-form-label" for="email">E-mailadres</label>');
    expect(res.body).toMatch(
      /<input[^>]*id="email"[^>]*type="email"[^>]*autoComplete="username"|<input[^>]*type="email"[^>]*autocomplete="username"/i,
    );
    expect(res.body).toMatch(/<input[^>]*type="password"[^>]*autocomplete="current-password"/i);
    expect(res.body).toContain('for="wachtwoord">Wachtwoord</label>');
    expect(res.body).toContain('name="_csrf"');
    expect(res.body).toContain('Welkom bij Wederkerig');
  });

  it('refuses a login post without the CSRF token', async () => {
    const g = await insertGebruiker(t.db.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/',
      payload: { email: g.email, wachtwoord: g.wachtwoord },
      remoteAddress: nieuwIp(),
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['set-cookie'] ?? '').not.toContain('wk-sessie');
  });
});

describe('login', () => {
  it('signs in with e-mail and password: an HttpOnly, SameSite=Lax session cookie and the role start page', async () => {
    const gemeente = await insertGemeente(t.db.app, { naam: 'Loginstad' });
    const g = await insertGebruiker(t.db.app, {
      dienstId: gemeente.dienstId,
      gemeenten: [gemeente.gemeenteId],
    });
    const b = browser();
    await b.get('/');
    const res = await b.post('/', { email: `  ${g.email.toUpperCase()} `, wachtwoord: g.wachtwoord });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/wk-sessie=[A-Za-z0-9_-]{43}/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const home = await b.get('/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(`Welkom, ${g.naam}`);
    expect(home.body).toContain('Loginstad');
    expect(home.headers['cache-control']).toBe('no-store');
    // The database stores only the hash of the cookie value.
    const [rij] = await sessieRijen(g.gebruikerId);
    expect(rij?.id).toMatch(/^[0-9a-f]{64}$/);
    expect(rij?.id).not.toBe(b.cookies.get('wk-sessie'));
  });

  it('answers a wrong password and an unknown address the same way, keeping the e-mail address (422)', async () => {
    const g = await insertGebruiker(t.db.app);
    for (const email of [g.email, 'niemand@test.wederkerig.nl']) {
      const b = browser();
      await b.get('/');
      const res = await b.post('/', { email, wachtwoord: 'Verkeerd-wachtwoord-1' });
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('E-mailadres of wachtwoord klopt niet.');
      expect(res.body).toContain('Er is een probleem');
      expect(res.body).toContain(`value="${email}"`);
      expect(res.body).not.toContain('Verkeerd-wachtwoord-1');
      expect(b.cookies.has('wk-sessie')).toBe(false);
    }
  });

  it('asks for missing fields with field messages (422)', async () => {
    const b = browser();
    await b.get('/');
    const res = await b.post('/', { email: '', wachtwoord: '' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Vul uw e-mailadres in.');
    expect(res.body).toContain('Vul uw wachtwoord in.');
    expect(res.body).toContain('<title>Fout: Inloggen – Wederkerig</title>');
  });

  it('does not sign in a user who was switched off or has no password yet', async () => {
    const uit = await insertGebruiker(t.db.app, { isActief: false });
    const zonder = await insertGebruiker(t.db.app, { wachtwoord: null });
    for (const g of [uit, zonder]) {
      const b = browser();
      await b.get('/');
      const res = await b.post('/', { email: g.email, wachtwoord: g.wachtwoord || 'Test-wachtwoord-2026' });
      expect(res.statusCode).toBe(422);
    }
  });

  it('gives a new session id at every login and ends the old session of that browser', async () => {
    const g = await insertGebruiker(t.db.app);
    const b = await ingelogdAls(t.app, g, { remoteAddress: nieuwIp() });
    const eerste = b.cookies.get('wk-sessie');
    await b.post('/', { email: g.email, wachtwoord: g.wachtwoord });
    const tweede = b.cookies.get('wk-sessie');
    expect(tweede).toBeDefined();
    expect(tweede).not.toBe(eerste);
    expect(await sessieRijen(g.gebruikerId)).toHaveLength(1);
    const oud = new TestBrowser(t.app);
    oud.cookies.set('wk-sessie', eerste ?? '');
    expect((await oud.get('/account/sessies')).statusCode).toBe(303);
  });

  it('logs out: the session is removed and the cookie cleared', async () => {
    const g = await insertGebruiker(t.db.app);
    const b = await ingelogdAls(t.app, g, { remoteAddress: nieuwIp() });
    const token = b.cookies.get('wk-sessie');
    await b.get('/');
    const res = await b.post('/uitloggen');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(b.cookies.has('wk-sessie')).toBe(false);
    expect(await sessieRijen(g.gebruikerId)).toHaveLength(0);
    const oud = new TestBrowser(t.app);
    oud.cookies.set('wk-sessie', token ?? '');
    expect((await oud.get('/account/sessies')).headers.location).toBe('/');
  });

  it('sends anonymous visitors of signed-in pages to the login page (303)', async () => {
    const b = browser();
    for (const url of [
      '/account/sessies',
      '/account/api-tokens',
      '/account/tweestapsverificatie',
      '/inloggen/code',
    ]) {
      const res = await b.get(url);
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location, url).toBe('/');
    }
    await b.get('/');
    for (const url of [
      '/account/sessies/abc/beeindigen',
      '/account/api-tokens',
      '/account/api-tokens/00000000-0000-4000-8000-000000000000/intrekken',
      '/account/tweestapsverificatie',
      '/account/tweestapsverificatie/herstelcodes',
      '/inloggen/code',
    ]) {
      const res = await b.post(url, { naam: 'x', code: '123456' });
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location, url).toBe('/');
    }
  });
});

describe('failed-login slow-down (counted in PostgreSQL)', () => {
  /** A service whose clock the test moves (the delays are judged against it, never against the wall clock). */
  function metKlok() {
    let klok = new Date();
    const s = createAuthService({ db: t.db.app, config: t.config, nu: () => klok });
    return {
      login: (email: string, wachtwoord: string, ip: string) =>
        s.login({ email, wachtwoord, ip, userAgentOmschrijving: 'Firefox op Linux' }),
      verder: (ms: number) => {
        klok = new Date(klok.getTime() + ms);
      },
    };
  }

  it('slows an account down after 5 failures, from any address, with delays that double up to a minute — never a lock-out', async () => {
    const g = await insertGebruiker(t.db.app);
    const { login, verder } = metKlok();
    for (let i = 0; i < 5; i++) expect((await login(g.email, `Fout-${i}`, nieuwIp())).kind).toBe('onjuist');
    // The right password, at once and from another address: wait a second.
    expect(await login(g.email, g.wachtwoord, nieuwIp())).toEqual({ kind: 'te-vaak', wachtSeconden: 1 });
    verder(999);
    expect(await login(g.email, g.wachtwoord, nieuwIp())).toEqual({ kind: 'te-vaak', wachtSeconden: 1 });
    verder(1);
    // Each further failure doubles the wait, up to a minute.
    for (const wacht of [2, 4, 8, 16, 32, 60, 60, 60]) {
      expect((await login(g.email, 'Nog-steeds-fout', nieuwIp())).kind).toBe('onjuist');
      expect(await login(g.email, g.wachtwoord, nieuwIp())).toEqual({
        kind: 'te-vaak',
        wachtSeconden: wacht,
      });
      verder(wacht * 1000);
    }
    // However often it was tried, once the wait is over the right password works …
    expect((await login(g.email, g.wachtwoord, nieuwIp())).kind).toBe('ingelogd');
    // … and clears the account's count: four failures later the right password works at once.
    for (let i = 0; i < 4; i++) expect((await login(g.email, `Fout-${i}`, nieuwIp())).kind).toBe('onjuist');
    expect((await login(g.email, g.wachtwoord, nieuwIp())).kind).toBe('ingelogd');
  });

  it('slows one address down after 20 failures for any account (at most 30 seconds); other addresses go on', async () => {
    const { login, verder } = metKlok();
    const ip = nieuwIp();
    for (let i = 0; i < 20; i++)
      expect((await login(`onbekend${i}@test.wederkerig.nl`, 'Fout-wachtwoord', ip)).kind).toBe('onjuist');
    const g = await insertGebruiker(t.db.app);
    expect(await login(g.email, g.wachtwoord, ip)).toEqual({ kind: 'te-vaak', wachtSeconden: 1 });
    for (let i = 0; i < 6; i++) {
      verder(30_000);
      expect((await login(`ander${i}@test.wederkerig.nl`, 'Fout-wachtwoord', ip)).kind).toBe('onjuist');
    }
    expect(await login(g.email, g.wachtwoord, ip)).toEqual({ kind: 'te-vaak', wachtSeconden: 30 });
    expect((await login(g.email, g.wachtwoord, nieuwIp())).kind).toBe('ingelogd');
    verder(30_000);
    expect((await login(g.email, g.wachtwoord, ip)).kind).toBe('ingelogd');
  });

  it('answers a slowed-down login with 429, Retry-After and how long to wait, and keeps others out of it', async () => {
    const g = await insertGebruiker(t.db.app);
    for (let i = 0; i < 5; i++) {
      const b = browser();
      await b.get('/');
      expect((await b.post('/', { email: g.email, wachtwoord: `Fout-wachtwoord-${i}` })).statusCode).toBe(
        422,
      );
    }
    // Six more failures, as if just now: the account waits a minute after them.
    await meerMislukt(`account:${sha256Hex(g.email.toLowerCase())}`, 6);
    const b = browser();
    await b.get('/');
    const res = await b.post('/', { email: g.email, wachtwoord: g.wachtwoord });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(res.body).toContain('Te vaak een verkeerd wachtwoord of een verkeerde code. Wacht');
    expect(b.cookies.has('wk-sessie')).toBe(false);
    // Another account from the same kind of place is not affected.
    const ander = await insertGebruiker(t.db.app);
    expect((await browser().login(ander)).statusCode).toBe(303);
    // The keys are hashed: no e-mail address or IP address in the table.
    const sleutels = await alsSysteem((tx) => tx.selectFrom('inlogpoging').select('sleutel').execute());
    expect(sleutels.length).toBeGreaterThan(0);
    for (const { sleutel } of sleutels) expect(sleutel).toMatch(/^(account|ip):[0-9a-f]{64}$/);
  });

  it('believes X-Forwarded-For only from a configured trusted proxy', async () => {
    const proxy = '10.200.0.1';
    const achterProxy = await createTestApp({ trustedProxies: [proxy] }, t.db);
    // The address 192.0.2.7 failed 30 times just now: it waits 30 seconds.
    await meerMislukt(`ip:${sha256Hex('192.0.2.7')}`, 30);
    const g = await insertGebruiker(t.db.app);
    const via = (app: TestApp['app'], socket: string, doorgestuurd: string) =>
      new TestBrowser(app, { remoteAddress: socket, headers: { 'x-forwarded-for': doorgestuurd } }).login(g);
    // Through the trusted proxy the forwarded address counts: 192.0.2.7 waits, a colleague at 192.0.2.8 does not.
    expect((await via(achterProxy.app, proxy, '192.0.2.7')).statusCode).toBe(429);
    expect((await via(achterProxy.app, proxy, '192.0.2.8')).statusCode).toBe(303);
    // From anywhere else, or with no proxy configured, the header is ignored: the socket's address counts.
    expect((await via(achterProxy.app, nieuwIp(), '192.0.2.7')).statusCode).toBe(303);
    expect((await via(t.app, proxy, '192.0.2.7')).statusCode).toBe(303);
  });

  it('prunes old attempts and does not count them', async () => {
    const g = await insertGebruiker(t.db.app);
    const b = browser();
    await b.get('/');
    await b.post('/', { email: g.email, wachtwoord: 'Fout-wachtwoord' });
    const oud = new Date(Date.now() - 60 * 60 * 1000);
    await alsSysteem((tx) =>
      tx.insertInto('inlogpoging').values({ sleutel: 'account:oud', tijdstip: oud }).execute(),
    );
    await alsSysteem((tx) =>
      tx
        .updateTable('inlogpoging')
        .set({ tijdstip: new Date(Date.now() - 16 * 60 * 1000) })
        .execute(),
    );
    expect((await browser().login(g)).statusCode).toBe(303);
    const over = await alsSysteem((tx) =>
      tx
        .selectFrom('inlogpoging')
        .select('id')
        .where('tijdstip', '<', new Date(Date.now() - 15 * 60 * 1000))
        .execute(),
    );
    expect(over).toEqual([]);
  });
});

describe('session timeouts', () => {
  it('ends a session after 30 minutes without activity', async () => {
    const g = await insertGebruiker(t.db.app);
    const b = await ingelogdAls(t.app, g, { remoteAddress: nieuwIp() });
    expect((await b.get('/account/sessies')).statusCode).toBe(200);
    await alsSysteem((tx) =>
      tx
        .updateTable('sessie')
        .set({ laatstActiefOp: sql<Date>`now() - interval '31 minutes'` })
        .where('gebruikerId', '=', g.gebruikerId)
        .execute(),
    );
    const res = await b.get('/account/sessies');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(await sessieRijen(g.gebruikerId)).toHaveLength(0);
  });

  it('ends a session 12 hours after login, however active it is', async () => {
    const g = await insertGebruiker(t.db.app);
    const b = await ingelogdAls(t.app, g, { remoteAddress: nieuwIp() });
    await alsSysteem((tx) =>
      tx
        .updateTable('sessie')
        .set({
          aangemaaktOp: sql<Date>`now() - interval '12 hours 1 minute'`,
          laatstActiefOp: sql<Date>`now()`,
        })
        .where('gebruikerId', '=', g.gebruikerId)
        .execute(),
    );
    expect((await b.get('/account/sessies')).statusCode).toBe(303);
    expect(await sessieRijen(g.gebruikerId)).toHaveLength(0);
  });

  it('records activity at most once a minute', async () => {
    const g = await insertGebruiker(t.db.app);
    const b = await ingelogdAls(t.app, g, { remoteAddress: nieuwIp() });
    const zet = (interval: string) =>
      alsSysteem((tx) =>
        tx
          .updateTable('sessie')
          .set({ laatstActiefOp: sql<Date>`now() - ${interval}::interval` })
          .where('gebruikerId', '=', g.gebruikerId)
          .execute(),
      );
    await zet('2 minutes');
    await b.get('/account/sessies');
    const [na] = await sessieRijen(g.gebruikerId);
    expect(Date.now() - (na?.laatstActiefOp.getTime() ?? 0)).toBeLessThan(60_000);
    await zet('30 seconds');
    const [voor] = await sessieRijen(g.gebruikerId);
    await b.get('/account/sessies');
    const [daarna] = await sessieRijen(g.gebruikerId);
    expect(daarna?.laatstActiefOp.getTime()).toBe(voor?.laatstActiefOp.getTime());
  });
});

describe('Mijn sessies', () => {
  it('lists the own sessions with a browser description and no IP address, and ends another one', async () => {
    const g = await insertGebruiker(t.db.app);
    const ip = '10.200.1.2';
    const hier = await ingelogdAls(t.app, g, { remoteAddress: ip, userAgent: FIREFOX });
    const daar = await ingelogdAls(t.app, g, { remoteAddress: nieuwIp(), userAgent: CHROME_WIN });
    const ander = await ingelogdAls(t.app, await insertGebruiker(t.db.app), { remoteAddress: nieuwIp() });
    const res = await hier.get('/account/sessies');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Firefox op Linux (deze sessie)');
    expect(res.body).toContain('Chrome op Windows');
    expect(res.body).not.toContain(ip);
    const [, tweede] = await sessieRijen(g.gebruikerId);
    expect(res.body).toContain(`/account/sessies/${tweede?.id}/beeindigen`);
    // Someone else cannot end this user's session.
    await ander.get('/account/sessies');
    expect((await ander.post(`/account/sessies/${tweede?.id}/beeindigen`)).statusCode).toBe(404);
    expect((await daar.get('/account/sessies')).statusCode).toBe(200);
    const weg = await hier.post(`/account/sessies/${tweede?.id}/beeindigen`);
    expect(weg.statusCode).toBe(303);
    expect(weg.headers.location).toBe('/account/sessies?melding=sessie-beeindigd');
    expect((await hier.get(weg.headers.location ?? '')).body).toContain('De sessie is beëindigd.');
    expect((await daar.get('/account/sessies')).statusCode).toBe(303);
  });

  it('logs out when the current session is ended', async () => {
    const g = await insertGebruiker(t.db.app);
    const b = await ingelogdAls(t.app, g, { remoteAddress: nieuwIp() });
    await b.get('/account/sessies');
    const [rij] = await sessieRijen(g.gebruikerId);
    const res = await b.post(`/account/sessies/${rij?.id}/beeindigen`);
    expect(res.headers.location).toBe('/');
    expect(b.cookies.has('wk-sessie')).toBe(false);
  });
});

describe('API tokens', () => {
  it('creates a token shown once, lists it, lets it call the API, and revokes it (then 401)', async () => {
    const gemeente = await insertGemeente(t.db.app);
    const g = await insertGebruiker(t.db.app, {
      dienstId: gemeente.dienstId,
      gemeenten: [gemeente.gemeenteId],
    });
    const b = await ingelogdAls(t.app, g, { remoteAddress: nieuwIp() });
    const leeg = await b.get('/account/api-tokens');
    expect(leeg.statusCode).toBe(200);
    expect(leeg.body).toContain('U heeft nog geen API-tokens.');
    const gemaakt = await b.post('/account/api-tokens', { naam: 'Koppeling kernsysteem' });
    expect(gemaakt.statusCode).toBe(201);
    const token = /id="nieuw-token">(wkt_[A-Za-z0-9_-]{43})</.exec(gemaakt.body)?.[1];
    expect(token).toBeDefined();
    expect(gemaakt.headers['cache-control']).toBe('no-store');
    const lijst = await b.get('/account/api-tokens');
    expect(lijst.body).toContain('Koppeling kernsysteem');
    expect(lijst.body).toContain('Nog niet gebruikt');
    expect(lijst.body).not.toContain(token);
    const stored = await alsSysteem((tx) =>
      tx
        .selectFrom('apiToken')
        .select(['id', 'tokenHash'])
        .where('gebruikerId', '=', g.gebruikerId)
        .execute(),
    );
    expect(stored[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const api = await t.app.inject({
      url: '/api/v1/gemeenten',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(api.statusCode).toBe(200);
    expect(api.json()).toEqual([{ id: gemeente.gemeenteId, naam: gemeente.naam, code: gemeente.code }]);
    expect((await b.get('/account/api-tokens')).body).not.toContain('Nog niet gebruikt');

    const weg = await b.post(`/account/api-tokens/${stored[0]?.id}/intrekken`);
    expect(weg.statusCode).toBe(303);
    expect((await b.get(weg.headers.location ?? '')).body).toContain('Ingetrokken op');
    const na = await t.app.inject({
      url: '/api/v1/gemeenten',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(na.statusCode).toBe(401);
    expect(na.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('asks for a name (422, input kept)', async () => {
    const b = await ingelogdAls(t.app, await insertGebruiker(t.db.app), { remoteAddress: nieuwIp() });
    await b.get('/account/api-tokens');
    const res = await b.post('/account/api-tokens', { naam: '   ' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Geef het token een naam');
    const lang = await b.post('/account/api-tokens', { naam: 'x'.repeat(101) });
    expect(lang.statusCode).toBe(422);
    expect(lang.body).toContain(`value="${'x'.repeat(101)}"`);
  });

  it("cannot revoke another user's token", async () => {
    const eigenaar = await insertGebruiker(t.db.app);
    const { id } = await auth.createApiTokenVoorEmail(systeemActor('test'), {
      email: eigenaar.email,
      naam: 'x',
    });
    const b = await ingelogdAls(t.app, await insertGebruiker(t.db.app), { remoteAddress: nieuwIp() });
    await b.get('/account/api-tokens');
    expect((await b.post(`/account/api-tokens/${id}/intrekken`)).statusCode).toBe(404);
  });

  it('records token use at most once a minute and ignores a cookie on the API', async () => {
    const g = await insertGebruiker(t.db.app);
    const { id, token } = await auth.createApiTokenVoorEmail(systeemActor('test'), {
      email: g.email,
      naam: 'x',
    });
    const roep = () =>
      t.app.inject({ url: '/api/v1/gemeenten', headers: { authorization: `Bearer ${token}` } });
    const gebruikt = async () =>
      (
        await alsSysteem((tx) =>
          tx.selectFrom('apiToken').select('laatstGebruiktOp').where('id', '=', id).executeTakeFirstOrThrow(),
        )
      ).laatstGebruiktOp;
    await roep();
    const eerste = await gebruikt();
    expect(eerste).not.toBeNull();
    await roep();
    expect((await gebruikt())?.getTime()).toBe(eerste?.getTime());
    await alsSysteem((tx) =>
      tx
        .updateTable('apiToken')
        .set({ laatstGebruiktOp: sql<Date>`now() - interval '2 minutes'` })
        .where('id', '=', id)
        .execute(),
    );
    await roep();
    expect(Date.now() - ((await gebruikt())?.getTime() ?? 0)).toBeLessThan(60_000);

    const b = await ingelogdAls(t.app, g, { remoteAddress: nieuwIp() });
    const metCookie = await b.get('/api/v1/gemeenten');
    expect(metCookie.statusCode).toBe(401);
  });

  it('rejects the token of a user who was switched off', async () => {
    const g = await insertGebruiker(t.db.app);
    const { token } = await auth.createApiTokenVoorEmail(systeemActor('test'), { email: g.email, naam: 'x' });
    await alsSysteem((tx) =>
      tx.updateTable('gebruiker').set({ isActief: false }).where('id', '=', g.gebruikerId).execute(),
    );
    const res = await t.app.inject({
      url: '/api/v1/gemeenten',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(401);
  });
});

/** Enrols TOTP through the pages; returns the secret and the recovery codes shown. */
async function schrijfInVoorTotp(b: TestBrowser): Promise<{ geheim: string; herstelcodes: string[] }> {
  const pagina = await b.get('/account/tweestapsverificatie');
  expect(pagina.statusCode).toBe(200);
  const geheim = /id="totp-sleutel">([A-Z2-7 ]+)</.exec(pagina.body)?.[1]?.replace(/ /g, '');
  if (!geheim) throw new Error('no TOTP key on the page');
  const res = await b.post('/account/tweestapsverificatie', { code: totpCode(geheim) });
  expect(res.statusCode).toBe(200);
  const herstelcodes = [...res.body.matchAll(/<li>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})<\/li>/g)].map(
    (m) => m[1] ?? '',
  );
  return { geheim, herstelcodes };
}

describe('two-step verification (TOTP)', () => {
  it('enrols with a QR code (an SVG data URI, no inline style) and one code; shows 10 recovery codes once', async () => {
    const g = await insertGebruiker(t.db.app);
    const b = await ingelogdAls(t.app, g, { remoteAddress: nieuwIp() });
    const pagina = await b.get('/account/tweestapsverificatie');
    expect(pagina.body).toMatch(
      /<img class="wk-qr" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="QR-code/,
    );
    const svg = Buffer.from(
      /data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/.exec(pagina.body)?.[1] ?? '',
      'base64',
    ).toString();
    expect(svg).toMatch(/^<svg/);
    expect(svg).not.toContain('style');
    // Reloading shows the same secret until it is confirmed.
    const sleutel = /id="totp-sleutel">([^<]+)</.exec(pagina.body)?.[1];
    expect(/id="totp-sleutel">([^<]+)</.exec((await b.get('/account/tweestapsverificatie')).body)?.[1]).toBe(
      sleutel,
    );
    const fout = await b.post('/account/tweestapsverificatie', { code: '000000' });
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('Deze code klopt niet');
    const { herstelcodes } = await schrijfInVoorTotp(b);
    expect(herstelcodes).toHaveLength(10);
    expect(new Set(herstelcodes).size).toBe(10);
    const status = await b.get('/account/tweestapsverificatie');
    expect(status.body).toContain('Tweestapsverificatie staat aan');
    expect(status.body).toContain('U heeft nog 10 ongebruikte herstelcodes');
    for (const c of herstelcodes) expect(status.body).not.toContain(c);
    const opgeslagen = await alsSysteem((tx) =>
      tx.selectFrom('herstelcode').select('codeHash').where('gebruikerId', '=', g.gebruikerId).execute(),
    );
    expect(opgeslagen).toHaveLength(10);
    for (const { codeHash } of opgeslagen) expect(codeHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('asks for the code after the password, and signs in with it; a code is accepted once', async () => {
    const geheim = new OTPAuth.Secret({ size: 20 }).base32;
    const g = await insertGebruiker(t.db.app, { totpGeheim: geheim });
    const b = browser();
    await b.get('/');
    const stap1 = await b.post('/', { email: g.email, wachtwoord: g.wachtwoord });
    expect(stap1.headers.location).toBe('/inloggen/code');
    // Waiting for the code is not signed in.
    expect((await b.get('/')).headers.location).toBe('/inloggen/code');
    expect((await b.get('/account/sessies')).headers.location).toBe('/');
    const codePagina = await b.get('/inloggen/code');
    expect(codePagina.statusCode).toBe(200);
    expect(codePagina.body).toMatch(/autocomplete="one-time-code"/i);
    const voorCode = b.cookies.get('wk-sessie');
    const fout = await b.post('/inloggen/code', { code: '000000' });
    expect(fout.statusCode).toBe(422);
    const code = totpCode(geheim);
    const ok = await b.post('/inloggen/code', { code });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/');
    expect(b.cookies.get('wk-sessie')).not.toBe(voorCode);
    expect((await b.get('/')).body).toContain(`Welkom, ${g.naam}`);
    const rijen = await sessieRijen(g.gebruikerId);
    expect(rijen.map((r) => r.isMfaVoldaan)).toEqual([true]);
    // The same code once more (another login within its 30 seconds): refused.
    const tweede = browser();
    await tweede.get('/');
    await tweede.post('/', { email: g.email, wachtwoord: g.wachtwoord });
    await tweede.get('/inloggen/code');
    expect((await tweede.post('/inloggen/code', { code })).statusCode).toBe(422);
  });

  it('accepts a recovery code once', async () => {
    const g = await insertGebruiker(t.db.app);
    const b = await ingelogdAls(t.app, g, { remoteAddress: nieuwIp() });
    const { herstelcodes } = await schrijfInVoorTotp(b);
    const code = herstelcodes[3] ?? '';
    const inloggen = async (c: string) => {
      const x = browser();
      await x.get('/');
      await x.post('/', { email: g.email, wachtwoord: g.wachtwoord });
      await x.get('/inloggen/code');
      return [x, await x.post('/inloggen/code', { code: c })] as const;
    };
    const [x, eerste] = await inloggen(code.toUpperCase().replace(/-/g, ' '));
    expect(eerste.statusCode).toBe(303);
    expect(eerste.headers.location).toBe('/account/tweestapsverificatie?herstelcode=gebruikt');
    const status = await x.get(eerste.headers.location ?? '');
    expect(status.body).toContain('U heeft een herstelcode gebruikt');
    expect(status.body).toContain('U heeft nog 9 ongebruikte herstelcodes');
    const [, tweede] = await inloggen(code);
    expect(tweede.statusCode).toBe(422);
  });

  it('makes new recovery codes with a current code; the old ones stop working', async () => {
    const g = await insertGebruiker(t.db.app);
    const b = await ingelogdAls(t.app, g, { remoteAddress: nieuwIp() });
    const { geheim, herstelcodes } = await schrijfInVoorTotp(b);
    await b.get('/account/tweestapsverificatie');
    expect((await b.post('/account/tweestapsverificatie/herstelcodes', { code: '000000' })).statusCode).toBe(
      422,
    );
    // The enrolment used the current step; the next step's code is valid (one step of drift is allowed).
    const res = await b.post('/account/tweestapsverificatie/herstelcodes', {
      code: totpCode(geheim, Date.now() + 30_000),
    });
    expect(res.statusCode).toBe(200);
    const nieuw = [...res.body.matchAll(/<li>([a-z2-9-]{14})<\/li>/g)].map((m) => m[1]);
    expect(nieuw).toHaveLength(10);
    expect(nieuw).not.toContain(herstelcodes[0]);
    const x = browser();
    await x.get('/');
    await x.post('/', { email: g.email, wachtwoord: g.wachtwoord });
    await x.get('/inloggen/code');
    expect((await x.post('/inloggen/code', { code: herstelcodes[0] ?? '' })).statusCode).toBe(422);
  });

  it('slows wrong codes down like wrong passwords (the same count per account)', async () => {
    const geheim = new OTPAuth.Secret({ size: 20 }).base32;
    const g = await insertGebruiker(t.db.app, { totpGeheim: geheim });
    const b = browser();
    await b.get('/');
    await b.post('/', { email: g.email, wachtwoord: g.wachtwoord });
    await b.get('/inloggen/code');
    for (let i = 0; i < 4; i++)
      expect((await b.post('/inloggen/code', { code: '000000' })).statusCode).toBe(422);
    // Seven more failures of this account, as if just now: it waits a minute after them.
    await meerMislukt(`account:${sha256Hex(g.email.toLowerCase())}`, 7);
    const res = await b.post('/inloggen/code', { code: totpCode(geheim) });
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
    expect(res.body).toContain('Te vaak een verkeerd wachtwoord of een verkeerde code. Wacht');
  });

  it('lets the functioneel beheerder reset it, and nobody else', async () => {
    const geheim = new OTPAuth.Secret({ size: 20 }).base32;
    const g = await insertGebruiker(t.db.app, { totpGeheim: geheim });
    const km = await insertGebruiker(t.db.app, { dienstId: g.dienstId, rol: 'klantmanager' });
    const fb = await insertGebruiker(t.db.app, { dienstId: g.dienstId, rol: 'functioneel-beheerder' });
    await expect(auth.resetTweestapsverificatie(actorVan(km), g.gebruikerId)).rejects.toMatchObject({
      code: 'geen-toegang',
    });
    await auth.resetTweestapsverificatie(actorVan(fb), g.gebruikerId);
    expect((await browser().login(g)).headers.location).toBe('/');
  });
});

describe('cookies over https', () => {
  let https: TestApp;
  beforeAll(async () => {
    https = await createTestApp({ publicUrl: 'https://wederkerig.example.nl', secureCookies: true }, t.db);
  });

  it('uses a __Host- session cookie with Secure, HttpOnly and SameSite=Lax', async () => {
    const g = await insertGebruiker(t.db.app);
    const b = new TestBrowser(https.app, { remoteAddress: nieuwIp() });
    const res = await b.login(g);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/__Host-wk-sessie=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Lax/);
    expect(cookie).not.toMatch(/Domain=/i);
    expect((await b.get('/account/sessies')).statusCode).toBe(200);
  });
});

describe('two-step verification is required in production mode', () => {
  let prod: TestApp;
  beforeAll(async () => {
    prod = await createTestApp({ mode: 'production' }, t.db);
  });

  it('keeps a staff account without TOTP on the enrolment page until it is set up', async () => {
    const gemeente = await insertGemeente(t.db.app);
    const g = await insertGebruiker(t.db.app, {
      dienstId: gemeente.dienstId,
      gemeenten: [gemeente.gemeenteId],
    });
    const { token } = await auth.createApiTokenVoorEmail(systeemActor('test'), { email: g.email, naam: 'x' });
    const b = new TestBrowser(prod.app, { remoteAddress: nieuwIp() });
    await b.get('/');
    const res = await b.post('/', { email: g.email, wachtwoord: g.wachtwoord });
    expect(res.headers.location).toBe('/account/tweestapsverificatie');
    for (const url of [
      '/',
      '/account/sessies',
      '/account/api-tokens',
      '/bestaat-niet',
      '/beheer/gebruikers',
    ]) {
      const r = await b.get(url);
      expect(r.statusCode, url).toBe(303);
      expect(r.headers.location, url).toBe('/account/tweestapsverificatie');
    }
    const gemaakt = await b.post('/account/api-tokens', { naam: 'omweg' });
    expect(gemaakt.statusCode).toBe(303);
    expect(gemaakt.headers.location).toBe('/account/tweestapsverificatie');
    const pagina = await b.get('/account/tweestapsverificatie');
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain('Eerst tweestapsverificatie instellen');
    expect(pagina.body).not.toContain('aria-label="Hoofdmenu"');
    // The API with a token of this user: 403 until TOTP is set up.
    const api = () =>
      prod.app.inject({ url: '/api/v1/gemeenten', headers: { authorization: `Bearer ${token}` } });
    expect((await api()).statusCode).toBe(403);

    await schrijfInVoorTotp(b);
    expect((await b.get('/')).body).toContain(`Welkom, ${g.naam}`);
    expect((await b.get('/account/sessies')).statusCode).toBe(200);
    expect((await api()).statusCode).toBe(200);
  });

  it('lets such an account log out', async () => {
    const g = await insertGebruiker(t.db.app);
    const b = new TestBrowser(prod.app, { remoteAddress: nieuwIp() });
    await b.login(g);
    await b.get('/account/tweestapsverificatie');
    const res = await b.post('/uitloggen');
    expect(res.headers.location).toBe('/');
    expect(await sessieRijen(g.gebruikerId)).toHaveLength(0);
  });

  it('requires it for demo accounts too in production, but not in demo mode; never in development', async () => {
    const demoAccount = await insertGebruiker(t.db.app, { isDemo: true });
    const gewoon = await insertGebruiker(t.db.app);
    const demoApp = await createTestApp({ mode: 'demo' }, t.db);
    const loginOp = async (app: TestApp, g: TestGebruiker) =>
      (await new TestBrowser(app.app, { remoteAddress: nieuwIp() }).login(g)).headers.location;
    expect(await loginOp(prod, demoAccount)).toBe('/account/tweestapsverificatie');
    expect(await loginOp(demoApp, demoAccount)).toBe('/');
    expect(await loginOp(demoApp, gewoon)).toBe('/account/tweestapsverificatie');
    expect(await loginOp(t, gewoon)).toBe('/');
  });
});

describe('invitations', () => {
  const beheerder = (dienstId: string, rol: (typeof ROLLEN)[number] = 'functioneel-beheerder') =>
    actorVan({ dienstId, gebruikerId: '00000000-0000-4000-8000-000000000001' }, { rol });

  it('may be made by the functioneel beheerder only', async () => {
    const g = await insertGebruiker(t.db.app, { wachtwoord: null });
    for (const rol of ROLLEN.filter((r) => r !== 'functioneel-beheerder')) {
      await expect(auth.maakUitnodiging(beheerder(g.dienstId, rol), g.gebruikerId)).rejects.toMatchObject({
        code: 'geen-toegang',
      });
    }
    const link = await auth.maakUitnodiging(beheerder(g.dienstId), g.gebruikerId);
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:3000\/uitnodiging\/[A-Za-z0-9_-]{43}$/);
    // A beheerder of another social service does not find the user (row-level security).
    const anderDienst = await insertGemeente(t.db.app);
    await expect(auth.maakUitnodiging(beheerder(anderDienst.dienstId), g.gebruikerId)).rejects.toMatchObject({
      code: 'niet-gevonden',
    });
  });

  it('lets the new user choose a password once, then sends them to set up TOTP', async () => {
    const g = await insertGebruiker(t.db.app, { wachtwoord: null, naam: 'Nieuwe Collega' });
    const link = await auth.maakUitnodiging(systeemActor('test'), g.gebruikerId);
    const pad = new URL(link).pathname;
    const b = browser();
    const pagina = await b.get(pad);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain('Welkom bij Wederkerig, Nieuwe Collega');
    expect(pagina.body).toMatch(/type="password"[^>]*autocomplete="new-password"/i);
    expect(pagina.headers['referrer-policy']).toBe('no-referrer');
    const kort = await b.post(pad, { wachtwoord: 'kort', herhaling: 'kort' });
    expect(kort.statusCode).toBe(422);
    expect(kort.body).toContain('minstens 12 tekens');
    const zwak = await b.post(pad, { wachtwoord: 'Wachtwoord1234', herhaling: 'Wachtwoord1234' });
    expect(zwak.statusCode).toBe(422);
    expect(zwak.body).toContain('Dit wachtwoord is te makkelijk te raden.');
    // A common word repeated with digits (zxcvbn alone accepted it for an administrator).
    const bekend = await b.post(pad, { wachtwoord: 'welkom123welkom', herhaling: 'welkom123welkom' });
    expect(bekend.statusCode).toBe(422);
    expect(bekend.body).toContain('lijst van veelgebruikte of uitgelekte wachtwoorden');
    const anders = await b.post(pad, {
      wachtwoord: 'Een-lang-wachtwoord',
      herhaling: 'Een-ander-wachtwoord',
    });
    expect(anders.statusCode).toBe(422);
    expect(anders.body).toContain('niet gelijk');
    const ok = await b.post(pad, { wachtwoord: 'Een-lang-wachtwoord', herhaling: 'Een-lang-wachtwoord' });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/account/tweestapsverificatie');
    expect((await b.get('/account/tweestapsverificatie')).statusCode).toBe(200);
    // Used: a clear message, and no second password.
    const nogmaals = await browser().get(pad);
    expect(nogmaals.statusCode).toBe(410);
    expect(nogmaals.body).toContain('Deze uitnodiging is al gebruikt');
    const x = browser();
    await x.get('/');
    expect(
      (await x.post(pad, { wachtwoord: 'Nog-een-wachtwoord', herhaling: 'Nog-een-wachtwoord' })).statusCode,
    ).toBe(410);
    expect((await browser().login({ email: g.email, wachtwoord: 'Een-lang-wachtwoord' })).statusCode).toBe(
      303,
    );
    expect((await browser().login({ email: g.email, wachtwoord: 'Nog-een-wachtwoord' })).statusCode).toBe(
      422,
    );
  });

  it('expires after 7 days, and an older link stops working when a new one is made', async () => {
    const g = await insertGebruiker(t.db.app, { wachtwoord: null });
    const oud = new URL(await auth.maakUitnodiging(systeemActor('test'), g.gebruikerId)).pathname;
    const nieuw = new URL(await auth.maakUitnodiging(systeemActor('test'), g.gebruikerId)).pathname;
    const b = browser();
    const weg = await b.get(oud);
    expect(weg.statusCode).toBe(404);
    expect(weg.body).toContain('Deze uitnodiging werkt niet');
    const verloopt = await alsSysteem((tx) =>
      tx
        .selectFrom('uitnodiging')
        .select('verlooptOp')
        .where('gebruikerId', '=', g.gebruikerId)
        .executeTakeFirstOrThrow(),
    );
    const dagen = (verloopt.verlooptOp.getTime() - Date.now()) / 86_400_000;
    expect(dagen).toBeGreaterThan(6.99);
    expect(dagen).toBeLessThanOrEqual(7);
    await alsSysteem((tx) =>
      tx
        .updateTable('uitnodiging')
        .set({ verlooptOp: sql<Date>`now() - interval '1 minute'` })
        .where('gebruikerId', '=', g.gebruikerId)
        .execute(),
    );
    const verlopen = await b.get(nieuw);
    expect(verlopen.statusCode).toBe(410);
    expect(verlopen.body).toContain('Deze uitnodiging is verlopen');
    expect(
      (await b.post(nieuw, { wachtwoord: 'Een-lang-wachtwoord', herhaling: 'Een-lang-wachtwoord' }))
        .statusCode,
    ).toBe(410);
    expect((await b.get('/uitnodiging/onzin')).statusCode).toBe(404);
  });

  it('asks for the TOTP code after a password reset of a user who has TOTP', async () => {
    const geheim = new OTPAuth.Secret({ size: 20 }).base32;
    const g = await insertGebruiker(t.db.app, { totpGeheim: geheim });
    const pad = new URL(await auth.maakUitnodiging(systeemActor('test'), g.gebruikerId)).pathname;
    const b = browser();
    await b.get(pad);
    const res = await b.post(pad, { wachtwoord: 'Een-lang-wachtwoord', herhaling: 'Een-lang-wachtwoord' });
    expect(res.headers.location).toBe('/inloggen/code');
    expect((await b.get('/account/sessies')).headers.location).toBe('/');
  });
});

describe('role start pages', () => {
  const verwacht: Record<(typeof ROLLEN)[number], string> = {
    // The first three get a work list (docs/werklijst.md).
    klantmanager: 'Hier ziet u uw eigen klanten',
    teamleider: 'per team en per gemeente',
    netwerkmakelaar: 'Dit vraagt nu aandacht in het netwerk',
    'functioneel-beheerder': 'Als functioneel beheerder',
    'privacy-officer': 'Als privacy officer',
  };

  it.each(ROLLEN)('shows the %s what this role finds here, and the municipalities', async (rol) => {
    const a = await insertGemeente(t.db.app, { naam: `Aastad ${rol}` });
    const b = await insertGemeente(t.db.app, { dienstId: a.dienstId, naam: `Bestad ${rol}` });
    const team = await insertTeam(t.db.app, { dienstId: a.dienstId, gemeenten: [b.gemeenteId] });
    const g = await insertGebruiker(t.db.app, { dienstId: a.dienstId, rol, teams: [team.teamId] });
    const x = await ingelogdAls(t.app, g, { remoteAddress: nieuwIp() });
    const res = await x.get('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(verwacht[rol]);
    for (const ander of ROLLEN.filter((r) => r !== rol)) expect(res.body).not.toContain(verwacht[ander]);
    expect(res.body).toContain(`Bestad ${rol}`);
    expect(res.body).not.toContain(`Aastad ${rol}`);
    expect(res.body).toContain('href="/account/sessies"');
    expect(res.body).toContain('Uitloggen');
  });
});
