import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { ingelogdAls, TestBrowser } from '../../../test/browser.ts';
import { insertGebruiker } from '../../../test/factories/gebruikers.ts';
import { TestPostvak } from '../../../test/mail.ts';
import { withContext } from '../../db/context.ts';
import { systeemActor } from './actor.ts';
import { createAuthService } from './auth.service.ts';
import { padVoorLog } from './auth.hook.ts';
import { sha256Hex } from './tokens.ts';

let t: TestApp;
const postvak = new TestPostvak();
let ipTeller = 0;
const browser = () =>
  new TestBrowser(t.app, { remoteAddress: `10.8.${Math.floor(ipTeller / 200)}.${(ipTeller++ % 200) + 1}` });
const NIEUW = 'Paarse-olifant-fietst-langzaam';

beforeAll(async () => {
  t = await createTestApp({}, undefined, { mailer: postvak });
});

/** Asks for a reset link in a fresh browser; returns the response. */
async function vraagAan(email: string, b = browser()) {
  await b.get('/wachtwoord-vergeten');
  return b.post('/wachtwoord-vergeten', { email });
}

/** The path of the last reset link mailed to this address. */
function laatsteLink(email: string): string {
  const link = postvak.aan(email).at(-1)?.link;
  if (!link) throw new Error(`no mail to ${email}`);
  return new URL(link).pathname;
}

const alsSysteem = <T>(fn: Parameters<typeof withContext<T>>[2]) =>
  withContext(t.db.owner, systeemActor('test:lezen'), fn);

describe('password reset ("Wachtwoord vergeten")', () => {
  it('is offered on the login page and asks for the e-mail address (labelled type="email")', async () => {
    const login = await browser().get('/');
    expect(login.body).toContain('href="/wachtwoord-vergeten"');
    const pagina = await browser().get('/wachtwoord-vergeten');
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toMatch(/<input[^>]*type="email"/);
    expect(pagina.body).toContain('for="email">E-mailadres</label>');
  });

  it('gives the same answer for a known and an unknown address, and mails only the known one', async () => {
    const g = await insertGebruiker(t.db.app);
    const onbekend = `niemand.${Date.now()}@test.wederkerig.nl`;
    const a = await vraagAan(g.email);
    const b = await vraagAan(onbekend);
    expect([a.statusCode, a.headers.location]).toEqual([303, '/wachtwoord-vergeten?melding=aangevraagd']);
    expect([b.statusCode, b.headers.location]).toEqual([a.statusCode, a.headers.location]);
    const pa = await browser().get(a.headers.location as string);
    const pb = await browser().get(b.headers.location as string);
    expect(pa.body.replace(/name="_csrf" value="[^"]*"/, '')).toBe(
      pb.body.replace(/name="_csrf" value="[^"]*"/, ''),
    );
    expect(pa.body).toContain('Als er een account is met dit e-mailadres');
    expect(postvak.aan(onbekend)).toEqual([]);
    const [mail] = postvak.aan(g.email);
    expect(mail?.onderwerp).toBe('Nieuw wachtwoord kiezen voor Wederkerig');
    expect(mail?.verzonden).toContain(`Beste ${g.naam},`);
    expect(mail?.verzonden).toMatch(/http:\/\/127\.0\.0\.1:3000\/wachtwoord-herstellen\/[A-Za-z0-9_-]{43}\n/);
    expect(mail?.verzonden).toContain('De link werkt 1 uur en maar één keer.');
  });

  it('stores only the hash of the token, valid for one hour', async () => {
    const g = await insertGebruiker(t.db.app);
    await vraagAan(g.email);
    const token = laatsteLink(g.email).split('/').pop() ?? '';
    const rijen = await alsSysteem((tx) =>
      tx.selectFrom('wachtwoordHerstel').selectAll().where('gebruikerId', '=', g.gebruikerId).execute(),
    );
    expect(rijen).toHaveLength(1);
    expect(rijen[0]?.tokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(rijen)).not.toContain(token);
    const minuten =
      ((rijen[0]?.verlooptOp.getTime() ?? 0) - (rijen[0]?.aangemaaktOp.getTime() ?? 0)) / 60_000;
    expect(minuten).toBeCloseTo(60, 0);
  });

  it('sets a strong new password once, ends every session and API token, and the old password stops working', async () => {
    const g = await insertGebruiker(t.db.app);
    const eerder = await ingelogdAls(t.app, g, { remoteAddress: '10.8.250.1' });
    expect((await eerder.get('/account/sessies')).statusCode).toBe(200);
    const { token } = await createAuthService({ db: t.db.app, config: t.config }).createApiTokenVoorEmail(
      systeemActor('test'),
      { email: g.email, naam: 'voor de reset' },
    );
    const metToken = () =>
      t.app.inject({ url: '/api/v1/gemeenten', headers: { authorization: `Bearer ${token}` } });
    expect((await metToken()).statusCode).toBe(200);
    await vraagAan(g.email);
    const pad = laatsteLink(g.email);
    const b = browser();
    const pagina = await b.get(pad);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.headers['referrer-policy']).toBe('no-referrer');
    expect(pagina.body).toMatch(/type="password"[^>]*autocomplete="new-password"/i);
    const zwak = await b.post(pad, { wachtwoord: 'Wachtwoord1234', herhaling: 'Wachtwoord1234' });
    expect(zwak.statusCode).toBe(422);
    expect(zwak.body).toContain('Dit wachtwoord is te makkelijk te raden.');
    const anders = await b.post(pad, { wachtwoord: NIEUW, herhaling: `${NIEUW}!` });
    expect(anders.statusCode).toBe(422);
    expect(anders.body).toContain('niet gelijk');
    const ok = await b.post(pad, { wachtwoord: NIEUW, herhaling: NIEUW });
    expect([ok.statusCode, ok.headers.location]).toEqual([303, '/?melding=wachtwoord-gewijzigd']);
    const melding = (await b.get('/?melding=wachtwoord-gewijzigd')).body;
    expect(melding).toContain('Uw wachtwoord is gewijzigd.');
    expect(melding).toContain('Uw API-tokens zijn ingetrokken');
    expect(pagina.body).toContain('werken uw API-tokens niet meer');
    // The session and the API token from before the reset are gone.
    expect((await eerder.get('/account/sessies')).statusCode).not.toBe(200);
    expect((await metToken()).statusCode).toBe(401);
    expect((await browser().login({ email: g.email, wachtwoord: g.wachtwoord })).statusCode).toBe(422);
    expect((await browser().login({ email: g.email, wachtwoord: NIEUW })).statusCode).toBe(303);
  });

  it('refuses a replayed link: it works once', async () => {
    const g = await insertGebruiker(t.db.app);
    await vraagAan(g.email);
    const pad = laatsteLink(g.email);
    expect((await browser().post(pad, { wachtwoord: NIEUW, herhaling: NIEUW })).statusCode).toBe(303);
    const nogmaals = await browser().get(pad);
    expect(nogmaals.statusCode).toBe(410);
    expect(nogmaals.body).toContain('Deze link is al gebruikt');
    const ander = 'Groene-giraf-leest-kranten';
    const replay = await browser().post(pad, { wachtwoord: ander, herhaling: ander });
    expect(replay.statusCode).toBe(410);
    expect((await browser().login({ email: g.email, wachtwoord: ander })).statusCode).toBe(422);
    expect((await browser().login({ email: g.email, wachtwoord: NIEUW })).statusCode).toBe(303);
  });

  it('refuses an expired link (older than one hour)', async () => {
    const g = await insertGebruiker(t.db.app);
    await vraagAan(g.email);
    const pad = laatsteLink(g.email);
    await alsSysteem((tx) =>
      tx
        .updateTable('wachtwoordHerstel')
        .set({ aangemaaktOp: new Date(Date.now() - 62 * 60_000), verlooptOp: new Date(Date.now() - 60_000) })
        .where('gebruikerId', '=', g.gebruikerId)
        .execute(),
    );
    const pagina = await browser().get(pad);
    expect(pagina.statusCode).toBe(410);
    expect(pagina.body).toContain('Deze link is verlopen');
    expect((await browser().post(pad, { wachtwoord: NIEUW, herhaling: NIEUW })).statusCode).toBe(410);
    expect((await browser().login({ email: g.email, wachtwoord: g.wachtwoord })).statusCode).toBe(303);
  });

  it('makes an earlier link stop working when a new one is asked for; an unknown token is a 404', async () => {
    const g = await insertGebruiker(t.db.app);
    await vraagAan(g.email);
    const oud = laatsteLink(g.email);
    await vraagAan(g.email);
    expect(laatsteLink(g.email)).not.toBe(oud);
    expect((await browser().get(oud)).statusCode).toBe(404);
    expect((await browser().get('/wachtwoord-herstellen/dit-is-geen-token')).statusCode).toBe(404);
  });

  it('throttles requests per address (whether or not it exists) with 429, in PostgreSQL', async () => {
    const g = await insertGebruiker(t.db.app);
    const onbekend = `niemand.${g.gebruikerId}@test.wederkerig.nl`;
    for (const adres of [g.email, onbekend]) {
      for (let i = 0; i < 3; i++) expect((await vraagAan(adres)).statusCode).toBe(303);
      const res = await vraagAan(adres);
      expect(res.statusCode).toBe(429);
      expect(res.body).toContain('Te vaak geprobeerd.');
    }
    expect(postvak.aan(g.email)).toHaveLength(3);
  });

  it('re-renders an invalid address with 422, keeping the input', async () => {
    const res = await vraagAan('geen-adres');
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Vul een e-mailadres in zoals naam@gemeente.nl.');
    expect(res.body).toContain('value="geen-adres"');
  });

  it('records the request and the new password in the access log, and never mails an inactive account', async () => {
    const g = await insertGebruiker(t.db.app);
    await vraagAan(g.email);
    await browser().post(laatsteLink(g.email), { wachtwoord: NIEUW, herhaling: NIEUW });
    const regels = await alsSysteem((tx) =>
      tx
        .selectFrom('logboek')
        .select(['subjectType', 'actie', 'actorReden'])
        .where('subjectId', '=', g.gebruikerId)
        .orderBy('tijdstip')
        .execute(),
    );
    expect(regels).toEqual([
      { subjectType: 'wachtwoord-herstel', actie: 'aanmaken', actorReden: 'auth:wachtwoord-herstel' },
      { subjectType: 'wachtwoord', actie: 'wijzigen', actorReden: 'auth:wachtwoord-herstel' },
    ]);
    const uit = await insertGebruiker(t.db.app, { isActief: false });
    expect((await vraagAan(uit.email)).statusCode).toBe(303);
    expect(postvak.aan(uit.email)).toEqual([]);
  });

  it('answers the strength meter with the same check as the form (CSRF required), and loads its script', async () => {
    const b = browser();
    const g = await insertGebruiker(t.db.app);
    await vraagAan(g.email);
    const pagina = await b.get(laatsteLink(g.email));
    expect(pagina.body).toContain('<script src="/assets/wachtwoordmeter.js" defer="">');
    const zwak = await b.post('/wachtwoord-sterkte', { wachtwoord: 'Wachtwoord1234', email: g.email });
    expect(zwak.statusCode).toBe(200);
    expect(zwak.headers['cache-control']).toBe('no-store');
    expect(zwak.json()).toMatchObject({
      voldoende: false,
      melding: expect.stringContaining('te makkelijk te raden'),
    });
    expect(zwak.json().score).toBeLessThan(3);
    const sterk = await b.post('/wachtwoord-sterkte', { wachtwoord: NIEUW, email: g.email });
    expect(sterk.json()).toEqual({ score: 4, voldoende: true, melding: 'Dit wachtwoord is sterk genoeg.' });
    const zonderCsrf = await t.app.inject({
      method: 'POST',
      url: '/wachtwoord-sterkte',
      payload: { wachtwoord: NIEUW },
    });
    expect(zonderCsrf.statusCode).toBe(403);
    const script = await b.get('/assets/wachtwoordmeter.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toContain('text/javascript');
  });

  it('keeps the token out of request logs', () => {
    expect(padVoorLog('/wachtwoord-herstellen/abcDEF123_-xyz?x=1')).toBe('/wachtwoord-herstellen/[token]');
    expect(padVoorLog('/uitnodiging/abc')).toBe('/uitnodiging/[token]');
  });
});

describe('password reset in production without SMTP', () => {
  let prod: TestApp;
  beforeAll(async () => {
    prod = await createTestApp({ mode: 'production' });
  });

  it('is switched off: no link on the login page, and the old advice instead of a form', async () => {
    const b = new TestBrowser(prod.app);
    expect((await b.get('/')).body).not.toContain('href="/wachtwoord-vergeten"');
    const pagina = await b.get('/wachtwoord-vergeten');
    expect(pagina.body).toContain('Vraag de functioneel beheerder');
    expect(pagina.body).not.toContain('type="email"');
    expect((await b.post('/wachtwoord-vergeten', { email: 'a@b.nl' })).statusCode).toBe(404);
  });
});
