import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_WACHTWOORD } from '../src/demo/demo.ts';
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

const menu = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });

async function loginAlsBeheer(page: Page): Promise<void> {
  await page.goto(`${e.baseUrl}/`);
  await page.getByLabel('E-mailadres').fill('beheer@demo.wederkerig.nl');
  await page.getByLabel('Wachtwoord').fill(DEMO_WACHTWOORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await menu(page).getByRole('link', { name: 'Gebruikers' }).waitFor();
}

describe('user administration by the functioneel beheerder (demo account)', () => {
  it('creates a team and a user in Chromium, accessible on every page', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    const errors = watchConsole(page);
    await loginAlsBeheer(page);

    // A team.
    await menu(page).getByRole('link', { name: 'Teams' }).click();
    expect(await page.locator('h1').textContent()).toBe('Teams');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Team toevoegen' }).click();
    await page.getByLabel('Naam van het team').fill('Team Centrum');
    await page.getByLabel('Aardam').check();
    await page.getByRole('button', { name: 'Team toevoegen' }).click();
    await page.getByText('Aangemaakt.').waitFor();
    expect(await page.getByRole('link', { name: 'Team Centrum' }).count()).toBe(1);

    // The user list, then the form: first with errors, then valid.
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Gebruikers' })
      .click();
    expect(await page.locator('caption').textContent()).toContain('Gebruikers in uw gemeenten');
    expect(await page.getByRole('cell', { name: 'klantmanager.aardam@demo.wederkerig.nl' }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'beheer-gebruikers');

    await page.getByRole('link', { name: 'Gebruiker toevoegen' }).click();
    await expectAccessible(page);
    await page.getByLabel('Naam', { exact: true }).fill('Joris Smit');
    await page.getByLabel('E-mailadres').fill('joris.smit');
    await page.getByLabel('Rol').selectOption('klantmanager');
    await page.getByRole('button', { name: 'Gebruiker toevoegen en uitnodiging maken' }).click();
    await page.getByText('Er is een probleem').waitFor();
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toBe('Joris Smit');
    await expectAccessible(page);
    await screenshot(page, 'beheer-gebruiker-fouten');

    await page.getByLabel('E-mailadres').fill('joris.smit@aardam.nl');
    await page.getByLabel(/^Team Centrum/).check();
    await page
      .getByRole('group', { name: /^Gemeenten/ })
      .getByLabel('Aardam')
      .check();
    await page.getByRole('button', { name: 'Gebruiker toevoegen en uitnodiging maken' }).click();
    await page.getByText('Uitnodigingslink', { exact: true }).waitFor();
    expect(await page.locator('#uitnodigingslink').textContent()).toMatch(
      /\/uitnodiging\/[A-Za-z0-9_-]{20,}$/,
    );
    expect(await page.locator('h1').textContent()).toBe('Gebruiker Joris Smit');
    await expectAccessible(page);
    await screenshot(page, 'beheer-gebruiker');

    // The link is shown once.
    await page.reload();
    expect(await page.locator('#uitnodigingslink').count()).toBe(0);
    await page.getByRole('link', { name: 'Terug naar gebruikers' }).click();
    const rij = page.getByRole('row').filter({ hasText: 'joris.smit@aardam.nl' });
    expect(await rij.textContent()).toContain('Team Centrum');
    expect(await rij.textContent()).toContain('Uitgenodigd');
    // The 422 re-render of the invalid form is meant; Chromium reports every 4xx document as a console error.
    expect(errors.filter((m) => !m.includes('status of 422'))).toEqual([]);
    await ctx.close();
  });

  it('keeps the gemeenten page accessible, with the wijken read-only', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    await loginAlsBeheer(page);
    await page.goto(`${e.baseUrl}/beheer/gemeenten`);
    expect(await page.getByRole('cell', { name: 'GM9901' }).count()).toBe(1);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Bergdorp' }).click();
    expect(await page.getByRole('cell', { name: 'Zeelst' }).count()).toBe(1);
    await expectAccessible(page);
    await ctx.close();
  });

  it('creates a user with JavaScript disabled, each state checked with axe', async () => {
    const ctx = await newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await loginAlsBeheer(page);
    await page.goto(`${e.baseUrl}/beheer/gebruikers/nieuw`);
    await expectAccessibleZonderJs(page);
    await page.getByLabel('Naam', { exact: true }).fill('Zonder Script');
    await page.getByLabel('E-mailadres').fill('zonder.script@bergdorp.nl');
    await page.getByLabel('Rol').selectOption('netwerkmakelaar');
    await page.getByRole('button', { name: 'Gebruiker toevoegen en uitnodiging maken' }).click();
    await page.getByText('Er is een probleem').waitFor();
    expect(await page.getByText('Kies minstens één gemeente.').count()).toBeGreaterThan(0);
    expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toBe('Zonder Script');
    await expectAccessibleZonderJs(page);
    await page
      .getByRole('group', { name: /^Gemeenten/ })
      .getByLabel('Bergdorp')
      .check();
    await page.getByRole('button', { name: 'Gebruiker toevoegen en uitnodiging maken' }).click();
    await page.locator('#uitnodigingslink').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Gebruiker Zonder Script');
    await expectAccessibleZonderJs(page);
    await ctx.close();
  });

  it('does not let a klantmanager reach the user administration', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    await page.goto(`${e.baseUrl}/`);
    await page.getByLabel('E-mailadres').fill('klantmanager.aardam@demo.wederkerig.nl');
    await page.getByLabel('Wachtwoord').fill(DEMO_WACHTWOORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(`${e.baseUrl}/`);
    expect(await page.locator('a[href^="/beheer/"]').count()).toBe(0);
    const res = await page.goto(`${e.baseUrl}/beheer/gebruikers`);
    expect(res?.status()).toBe(403);
    await ctx.close();
  });
});
