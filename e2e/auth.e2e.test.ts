import * as OTPAuth from 'otpauth';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { withContext } from '../src/db/context.ts';
import { DEMO_ACCOUNTS, DEMO_DIENST, DEMO_WACHTWOORD } from '../src/demo/demo.ts';
import { createAuthService, systeemActor } from '../src/modules/auth/index.ts';
import { insertGebruiker } from '../test/factories/gebruikers.ts';
import {
  type E2eApp,
  expectAccessible,
  expectAccessibleZonderJs,
  newContext,
  screenshot,
  startE2eApp,
  watchConsole,
} from './support.ts';

let e: E2eApp;
beforeAll(async () => {
  e = await startE2eApp();
});

/** What the start page of each role says (a work list for the first three). */
const ROLTEKST: Record<string, string> = {
  klantmanager: 'Hier ziet u uw eigen klanten',
  teamleider: 'per team en per gemeente',
  netwerkmakelaar: 'Dit vraagt nu aandacht in het netwerk',
  'functioneel-beheerder': 'Als functioneel beheerder',
  'privacy-officer': 'Als privacy officer',
};

async function inloggen(page: Page, email: string, wachtwoord = DEMO_WACHTWOORD) {
  await page.goto(`${e.baseUrl}/`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(wachtwoord);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await page.waitForLoadState('domcontentloaded');
}

/** The demo social service (looked up under an explicit system context: without one, RLS shows nothing). */
const demoDienst = () =>
  withContext(e.db.app, { kind: 'systeem', reden: 'e2e:dienst' }, async (tx) => {
    const d = await tx
      .selectFrom('dienst')
      .select('dienstId')
      .where('naam', '=', DEMO_DIENST)
      .executeTakeFirstOrThrow();
    return d.dienstId;
  });

const menu = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });

const totpCode = (geheim: string) =>
  new OTPAuth.TOTP({
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(geheim),
  }).generate();

describe('logging in as each demo account', () => {
  it.each(DEMO_ACCOUNTS.map((a) => [a.email, a] as const))(
    '%s sees the start page of its role',
    async (_email, account) => {
      const ctx = await newContext();
      const page = await ctx.newPage();
      const errors = watchConsole(page);
      await inloggen(page, account.email);
      expect(new URL(page.url()).pathname).toBe('/');
      const werklijst = ['klantmanager', 'teamleider', 'netwerkmakelaar'].includes(account.rol);
      expect(await page.locator('h1').textContent()).toBe(
        werklijst ? 'Werklijst' : `Welkom, ${account.naam}`,
      );
      expect(await page.locator('main').textContent()).toContain(`Welkom, ${account.naam}`);
      expect(await page.locator('main').textContent()).toContain(ROLTEKST[account.rol]);
      expect(await page.locator('main').textContent()).not.toContain('Wat er nog komt');
      expect(await page.getByRole('button', { name: 'Uitloggen' }).count()).toBe(1);
      await expectAccessible(page);
      await screenshot(page, `start-${account.rol}`);
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.waitForLoadState('domcontentloaded');
      expect(await page.getByLabel('E-mailadres').count()).toBe(1);
      expect(errors).toEqual([]);
      await ctx.close();
    },
  );
});

describe('auth pages in Chromium', () => {
  it('the login page is accessible, also with an error', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    await page.goto(`${e.baseUrl}/`);
    expect(await page.getByLabel('E-mailadres').getAttribute('type')).toBe('email');
    expect(await page.getByLabel('Wachtwoord').getAttribute('type')).toBe('password');
    await expectAccessible(page);
    await screenshot(page, 'login');
    await inloggen(page, 'teamleider@demo.wederkerig.nl', 'Niet-het-goede-wachtwoord');
    expect(await page.getByRole('alert').first().textContent()).toContain(
      'E-mailadres of wachtwoord klopt niet.',
    );
    expect(await page.getByLabel('E-mailadres').inputValue()).toBe('teamleider@demo.wederkerig.nl');
    await expectAccessible(page);
    await screenshot(page, 'login-fout');
    await ctx.close();
  });

  it('works without JavaScript: login, a signed-in page, logout, each checked with axe', async () => {
    const ctx = await newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${e.baseUrl}/`);
    await expectAccessibleZonderJs(page);
    await inloggen(page, 'netwerk@demo.wederkerig.nl');
    expect(await page.locator('h1').textContent()).toBe('Werklijst');
    await expectAccessibleZonderJs(page);
    await menu(page).getByRole('link', { name: 'Mijn sessies' }).click();
    expect(await page.locator('h1').textContent()).toBe('Mijn sessies');
    await expectAccessibleZonderJs(page);
    await page.getByRole('button', { name: 'Uitloggen', exact: true }).first().click();
    await page.waitForLoadState('domcontentloaded');
    expect(await page.getByLabel('E-mailadres').count()).toBe(1);
    await expectAccessibleZonderJs(page);
    await ctx.close();
  });

  it('Mijn sessies and API-tokens are accessible; a new token is shown once', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    const errors = watchConsole(page);
    await inloggen(page, 'klantmanager.aardam@demo.wederkerig.nl');
    await menu(page).getByRole('link', { name: 'Mijn sessies' }).click();
    expect(await page.locator('h1').textContent()).toBe('Mijn sessies');
    expect(await page.locator('table').textContent()).toContain('(deze sessie)');
    await expectAccessible(page);
    await screenshot(page, 'sessies');
    await menu(page).getByRole('link', { name: 'API-tokens' }).click();
    await expectAccessible(page);
    await page.getByLabel('Naam van het token').fill('Koppeling e2e');
    await page.getByRole('button', { name: 'Token maken' }).click();
    await page.waitForLoadState('domcontentloaded');
    const token = (await page.locator('#nieuw-token').textContent()) ?? '';
    expect(token).toMatch(/^wkt_/);
    await expectAccessible(page);
    await screenshot(page, 'api-tokens');
    const api = await fetch(`${e.baseUrl}/api/v1/gemeenten`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect((await api.json()).map((g: { naam: string }) => g.naam)).toEqual(['Aardam']);
    await menu(page).getByRole('link', { name: 'API-tokens' }).click();
    expect(await page.locator('#nieuw-token').count()).toBe(0);
    await page
      .getByRole('button', { name: /Intrekken/ })
      .first()
      .click();
    await page.waitForLoadState('domcontentloaded');
    expect(await page.locator('main').textContent()).toContain('Het API-token is ingetrokken');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('two-step verification: enrolment, recovery codes and the code step are accessible', async () => {
    const g = await insertGebruiker(e.db.app, {
      dienstId: await demoDienst(),
      rol: 'teamleider',
      wachtwoord: 'Een-wachtwoord-voor-e2e',
    });
    const ctx = await newContext();
    const page = await ctx.newPage();
    const errors = watchConsole(page);
    // Not a demo account: in demo mode it must set up two-step verification first.
    await inloggen(page, g.email, g.wachtwoord);
    expect(new URL(page.url()).pathname).toBe('/account/tweestapsverificatie');
    expect(await page.locator('img.wk-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    const geladen = await page.locator('img.wk-qr').evaluate((img: HTMLImageElement) => img.naturalWidth > 0);
    expect(geladen).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'tweestapsverificatie-instellen');
    const geheim = ((await page.locator('#totp-sleutel').textContent()) ?? '').replace(/\s/g, '');
    await page.getByLabel('Code uit de app').fill(totpCode(geheim));
    await page.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }).click();
    await page.waitForLoadState('domcontentloaded');
    expect(await page.locator('h1').textContent()).toBe('Uw herstelcodes');
    const codes = await page.locator('ol[aria-label="Herstelcodes"] li').allTextContents();
    expect(codes).toHaveLength(10);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForLoadState('domcontentloaded');

    await inloggen(page, g.email, g.wachtwoord);
    expect(new URL(page.url()).pathname).toBe('/inloggen/code');
    await expectAccessible(page);
    await screenshot(page, 'inloggen-code');
    await page.getByLabel('Code').fill(codes[0] ?? '');
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.waitForLoadState('domcontentloaded');
    expect(await page.locator('main').textContent()).toContain('U heeft een herstelcode gebruikt');
    await expectAccessible(page);
    await screenshot(page, 'tweestapsverificatie-aan');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('the invitation page is accessible and leads to enrolment', async () => {
    const g = await insertGebruiker(e.db.app, { dienstId: await demoDienst(), wachtwoord: null });
    const link = await createAuthService({ db: e.db.app, config: e.config }).maakUitnodiging(
      systeemActor('e2e'),
      g.gebruikerId,
    );
    const ctx = await newContext();
    const page = await ctx.newPage();
    await page.goto(`${e.baseUrl}${new URL(link).pathname}`);
    expect(await page.locator('h1').textContent()).toContain(g.naam);
    await expectAccessible(page);
    await screenshot(page, 'uitnodiging');
    await page.getByLabel('Nieuw wachtwoord').fill('Mijn-nieuwe-wachtwoord');
    await page.getByLabel('Herhaal het wachtwoord').fill('Mijn-nieuwe-wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.waitForLoadState('domcontentloaded');
    expect(new URL(page.url()).pathname).toBe('/account/tweestapsverificatie');
    const ander = await (await newContext()).newPage();
    await ander.goto(`${e.baseUrl}${new URL(link).pathname}`);
    expect(await ander.locator('h1').textContent()).toBe('Deze uitnodiging is al gebruikt');
    await expectAccessible(ander);
    await ctx.close();
  });
});
