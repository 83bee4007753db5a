import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_WACHTWOORD, type DemoResult } from '../../src/demo/demo.ts';
import { TestBrowser } from '../browser.ts';
import { TestPostvak } from '../mail.ts';
import { type AanvalApp, alsRol, type Ingelogd, ROLLEN, startDemoAanvalApp } from './opzet.ts';

/** Session fixation and replayed single-use links (invitation, password reset). */
let t: AanvalApp;
let demo: DemoResult;
let beheerder: Ingelogd;
const postvak = new TestPostvak();
let ip = 1;
const browser = () => new TestBrowser(t.app, { remoteAddress: `10.8.0.${ip++}` });

beforeAll(async () => {
  const d = await startDemoAanvalApp({}, { mailer: postvak });
  t = d;
  demo = d.demo;
  beheerder = await alsRol(t, 'beheerder');
}, 120_000);

describe('session fixation', () => {
  it('a session cookie planted before login is not the one after it, and does not sign anyone in', async () => {
    const b = browser();
    await b.get('/');
    const geplant = 'aanvaller-gekozen-sessie-waarde-0123456789abcdef';
    b.cookies.set('wk-sessie', geplant);
    expect((await b.get('/klanten')).statusCode).toBe(303);
    const res = await b.login({ email: ROLLEN['km-aardam'], wachtwoord: DEMO_WACHTWOORD });
    expect(res.statusCode).toBe(303);
    const na = b.cookies.get('wk-sessie');
    expect(na).toBeDefined();
    expect(na).not.toBe(geplant);
    expect((await b.get('/klanten')).statusCode).toBe(200);
    // The attacker, who still holds the planted value, is not signed in.
    const aanvaller = browser();
    aanvaller.cookies.set('wk-sessie', geplant);
    expect((await aanvaller.get('/klanten')).statusCode).toBe(303);
  });

  it('signing in again in the same browser gives a new session; the old one stops working after logout', async () => {
    const b = browser();
    await b.login({ email: ROLLEN['km-aardam'], wachtwoord: DEMO_WACHTWOORD });
    const eerste = b.cookies.get('wk-sessie');
    await b.login({ email: ROLLEN['km-aardam'], wachtwoord: DEMO_WACHTWOORD });
    const tweede = b.cookies.get('wk-sessie');
    expect(tweede).toBeDefined();
    expect(tweede).not.toBe(eerste);
    await b.post('/uitloggen');
    const oud = browser();
    oud.cookies.set('wk-sessie', tweede ?? '');
    expect((await oud.get('/klanten')).statusCode).toBe(303);
  });
});

describe('single-use links', () => {
  it('an invitation made on the beheer pages works once; a replay is refused', async () => {
    await beheerder.browser.get('/beheer/gebruikers/nieuw');
    const gemaakt = await beheerder.browser.post('/beheer/gebruikers', {
      naam: 'Nieuwe Aanvalstest',
      email: 'nieuw.aanval@voorbeeld.nl',
      rol: 'klantmanager',
      gemeenteIds: demo.gemeenten.Aardam as string,
      teamIds: demo.teams['Team Aardam'] as string,
    });
    expect(gemaakt.statusCode).toBe(303);
    const pagina = await beheerder.browser.get(gemaakt.headers.location ?? '');
    const link = /id="uitnodigingslink">([^<]+)</.exec(pagina.body)?.[1];
    expect(link).toBeDefined();
    const pad = new URL(link ?? '').pathname;
    const b = browser();
    expect((await b.get(pad)).statusCode).toBe(200);
    const gekozen = await b.post(pad, {
      wachtwoord: 'Een-lang-wachtwoord-9',
      herhaling: 'Een-lang-wachtwoord-9',
    });
    expect(gekozen.statusCode).toBe(303);
    // Replayed from another browser (the attacker who saw the link): refused, no second password.
    const x = browser();
    expect((await x.get(pad)).statusCode).toBe(410);
    const nogmaals = await x.post(pad, {
      wachtwoord: 'Aanvaller-wachtwoord-7',
      herhaling: 'Aanvaller-wachtwoord-7',
    });
    expect(nogmaals.statusCode).toBe(410);
    expect(
      (await browser().login({ email: 'nieuw.aanval@voorbeeld.nl', wachtwoord: 'Aanvaller-wachtwoord-7' }))
        .statusCode,
    ).toBe(422);
  });

  it('a password-reset link works once; a replay is refused', async () => {
    const email = ROLLEN['km-bergdorp'];
    const b = browser();
    await b.get('/wachtwoord-vergeten');
    expect((await b.post('/wachtwoord-vergeten', { email })).statusCode).toBeLessThan(400);
    const link = postvak.aan(email).at(-1)?.link;
    expect(link).toBeDefined();
    const pad = new URL(link ?? '').pathname;
    await b.get(pad);
    const nieuw = await b.post(pad, {
      wachtwoord: 'Nieuw-lang-wachtwoord-3',
      herhaling: 'Nieuw-lang-wachtwoord-3',
    });
    expect(nieuw.statusCode).toBe(303);
    const x = browser();
    const opnieuw = await x.get(pad);
    expect([404, 410]).toContain(opnieuw.statusCode);
    const poging = await x.post(pad, {
      wachtwoord: 'Aanvaller-wachtwoord-7',
      herhaling: 'Aanvaller-wachtwoord-7',
    });
    expect([404, 410]).toContain(poging.statusCode);
    expect((await browser().login({ email, wachtwoord: 'Aanvaller-wachtwoord-7' })).statusCode).toBe(422);
    expect((await browser().login({ email, wachtwoord: 'Nieuw-lang-wachtwoord-3' })).statusCode).toBe(303);
  });
});
