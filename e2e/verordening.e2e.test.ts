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

async function inloggen(page: Page, email: string): Promise<void> {
  await page.goto(`${e.baseUrl}/`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(DEMO_WACHTWOORD);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await menu(page).waitFor();
}

describe('the ordinance pages (demo)', () => {
  it('the functioneel beheerder saves a new version: 422 keeps the input, axe finds nothing', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    const errors = watchConsole(page);
    await inloggen(page, 'beheer@demo.wederkerig.nl');

    await menu(page).getByRole('link', { name: 'Verordeningen' }).click();
    expect(await page.locator('h1').textContent()).toBe('Verordeningen tegenprestatie');
    expect(await page.getByRole('cell', { name: 'Alleen aanbieden' }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'verordeningen');

    await page.getByRole('link', { name: 'Aardam' }).click();
    expect(await page.locator('h1').textContent()).toBe('Verordening Aardam');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Nieuwe versie' }).click();
    expect(await page.getByLabel('Titel van de verordening').inputValue()).toBe(
      'Verordening maatschappelijke participatie Aardam 2026',
    );
    await expectAccessible(page);
    await page.getByLabel(/^Minimum aantal uren/).fill('10');
    await page.getByRole('button', { name: 'Versie vastleggen' }).click();
    await page.getByText('Er is een probleem').waitFor();
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.getByLabel(/^Minimum aantal uren/).inputValue()).toBe('10');
    await expectAccessible(page);
    await screenshot(page, 'verordening-versie-fouten');

    await page.getByLabel('Ingangsdatum').fill('2028-01-01');
    await page.getByLabel(/^Minimum aantal uren/).fill('4');
    await page
      .getByLabel('Titel van de verordening')
      .fill('Verordening maatschappelijke participatie Aardam 2028');
    await page.getByRole('button', { name: 'Versie vastleggen' }).click();
    await page.getByText('De nieuwe versie is vastgelegd').waitFor();
    expect(await page.locator('h1').textContent()).toBe(
      'Verordening maatschappelijke participatie Aardam 2028, vanaf 1 januari 2028',
    );
    await expectAccessible(page);
    await screenshot(page, 'verordening-versie');

    await page.getByRole('link', { name: 'Overgangslijst op 1 januari 2028' }).click();
    expect(await page.getByText('De teamleider bekijkt haar').count()).toBe(1);
    await expectAccessible(page);

    await page.goto(`${e.baseUrl}/beheer/verordeningen/rechtsgrond`);
    expect(await page.getByRole('cell', { name: /^Geen wettelijke grondslag vastgelegd/ }).count()).toBe(1);
    expect((await page.content()).toLowerCase()).not.toContain('nog in te vullen');
    await expectAccessible(page);
    // The refused form answers 422 on purpose (Chromium logs every 4xx document); nothing else may be logged.
    expect(errors.filter((m) => !m.includes('status of 422'))).toEqual([]);
    await ctx.close();
  }, 240_000);

  it('the version form works without JavaScript, each state checked with axe', async () => {
    const ctx = await newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await inloggen(page, 'beheer@demo.wederkerig.nl');
    await menu(page).getByRole('link', { name: 'Verordeningen' }).click();
    await page.getByRole('link', { name: 'Bergdorp' }).waitFor();
    await expectAccessibleZonderJs(page);
    await page.getByRole('link', { name: 'Bergdorp' }).click();
    await page.getByRole('link', { name: 'Nieuwe versie' }).waitFor();
    await expectAccessibleZonderJs(page);
    await page.getByRole('link', { name: 'Nieuwe versie' }).click();
    await page.getByRole('button', { name: 'Versie vastleggen' }).waitFor();
    await expectAccessibleZonderJs(page);
    await page.getByRole('button', { name: 'Versie vastleggen' }).click();
    await page.getByText('Vul de ingangsdatum in').first().waitFor();
    expect(await page.getByLabel('Titel van de verordening').inputValue()).toBe(
      'Verordening tegenprestatie Bergdorp 2015',
    );
    await expectAccessibleZonderJs(page);
    await page.getByLabel('Ingangsdatum').fill('2027-01-01');
    await page.getByRole('button', { name: 'Versie vastleggen' }).click();
    await page.getByText('De nieuwe versie is vastgelegd').waitFor();
    expect(
      await page.getByText('Alleen aanbieden (vrijwillig, zonder besluit)', { exact: false }).count(),
    ).toBe(1);
    await expectAccessibleZonderJs(page);
    await ctx.close();
  }, 120_000);

  it('the teamleider opens the transition list of 2027 from the menu, accessible', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    const errors = watchConsole(page);
    await inloggen(page, 'teamleider@demo.wederkerig.nl');
    await menu(page).getByRole('link', { name: 'Overgangslijst 2027' }).click();
    expect(await page.locator('h1').textContent()).toBe(
      'Overgangslijst: lopende tegenprestaties op 1 januari 2027',
    );
    expect(await page.getByRole('heading', { name: 'Lopende tegenprestaties', exact: true }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'verordening-overgang');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('the teamleider previews a new version before it is saved, without JavaScript, checked with axe', async () => {
    const ctx = await newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await inloggen(page, 'teamleider@demo.wederkerig.nl');
    await page.goto(`${e.baseUrl}/beheer/verordeningen/overgang?peildatum=2026-12-15`);
    await page.getByRole('heading', { name: 'Voorbeeld van een nieuwe versie' }).waitFor();
    await expectAccessibleZonderJs(page);
    // Not a number: the form comes back with the message and what was typed.
    await page.getByLabel('Maximum aantal uren per week (mag leeg)').fill('veel');
    await page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
    await page.getByRole('heading', { name: 'Er is een probleem' }).waitFor();
    expect(await page.getByLabel('Maximum aantal uren per week (mag leeg)').inputValue()).toBe('veel');
    await expectAccessibleZonderJs(page);
    // At most 5 hours (the version in force asks at least 4): each running placement with its outcome per rule.
    await page.getByLabel('Maximum aantal uren per week (mag leeg)').fill('5');
    await page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
    await page.getByText(/Uitkomst van de nieuwe versie vanaf|geen plaatsingen in deze gemeente/).waitFor();
    expect(await page.getByRole('heading', { name: 'Er is een probleem' }).count()).toBe(0);
    await expectAccessibleZonderJs(page);
    await ctx.close();
  }, 120_000);
});
