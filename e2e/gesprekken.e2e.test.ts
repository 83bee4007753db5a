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

async function login(page: Page, email: string): Promise<void> {
  await page.goto(`${e.baseUrl}/`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(DEMO_WACHTWOORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(`${e.baseUrl}/`);
}

/** A client of the demo klantmanager to whom the tegenprestatie applies: their Gesprekken tab. */
async function naarGesprekken(page: Page): Promise<void> {
  await page.goto(`${e.baseUrl}/klanten?toepasselijkheid=van-toepassing`);
  await page.locator('tbody a').first().click();
  const dossier = page.getByRole('navigation', { name: 'Onderdelen van het dossier' });
  await dossier.getByRole('link', { name: 'Gesprekken' }).click();
  await page.waitForURL(/\/gesprekken$/);
}

describe('conversations (demo klantmanager)', () => {
  it('records a conversation and an own proposal without a host, with JavaScript off, each state checked with axe', async () => {
    const ctx = await newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await login(page, 'klantmanager.aardam@demo.wederkerig.nl');
    await naarGesprekken(page);
    await expectAccessibleZonderJs(page);

    // New conversation: first without a date (422 with the error summary, input kept), then valid.
    await page.getByRole('link', { name: 'Nieuw gesprek' }).click();
    await page.getByLabel('Datum van het gesprek').waitFor();
    await expectAccessibleZonderJs(page);
    await page.getByLabel('Datum van het gesprek').fill('');
    await page.getByLabel('Wensen, ambities en kwaliteiten').fill('Wil graag met dieren werken.');
    await page.getByRole('button', { name: 'Gesprek vastleggen' }).click();
    await page.getByRole('heading', { name: 'Er is een probleem' }).waitFor();
    expect(await page.getByLabel('Wensen, ambities en kwaliteiten').inputValue()).toBe(
      'Wil graag met dieren werken.',
    );
    await expectAccessibleZonderJs(page);
    await page.getByLabel('Datum van het gesprek').fill('2026-11-20');
    await page.getByLabel('Wie deden mee?').fill('De klant\nSanne de Vries');
    await page.getByLabel('Kracht en bekwaamheid').fill('Punctueel en zorgzaam.');
    await page.getByLabel('Eigen voorstel').fill('Boodschappen doen voor de buurvrouw.');
    await page.getByLabel('Eigen sociale omgeving').fill('Kent de buren goed.');
    await page.getByLabel('Afspraken en vervolgstappen').fill('Over vier weken evalueren.');
    await page.getByRole('button', { name: 'Gesprek vastleggen' }).click();
    await page.getByText('Het gesprek is vastgelegd.').waitFor();
    expect(await page.getByText('Alle 4 onderdelen ingevuld').count()).toBeGreaterThan(0);
    await expectAccessibleZonderJs(page);

    // Own proposal without a host.
    await page.getByRole('link', { name: 'Eigen voorstel vastleggen' }).click();
    await page.getByLabel('Wat wil de klant doen? (korte titel)').waitFor();
    await expectAccessibleZonderJs(page);
    await page.getByLabel('Wat wil de klant doen? (korte titel)').fill('Boodschappen voor de buurvrouw');
    await page.getByLabel('Beschrijf het voorstel').fill('Twee keer per week boodschappen doen.');
    await page.getByLabel(/^Zonder organisatie/).check();
    await page.getByRole('radio', { name: 'Ja', exact: true }).check();
    await page.getByLabel('Waarom wel of niet?').fill('Helpt een oudere buurvrouw zelfstandig te blijven.');
    await page.getByLabel('Categorie').selectOption('buurt-en-wijk');
    await page.getByLabel('Hoe zwaar is het werk lichamelijk?').selectOption('laag');
    await page.getByLabel('Ongeveer hoeveel uur per week?').fill('2,5');
    await page.getByRole('button', { name: 'Voorstel vastleggen' }).click();
    await page.getByText(/staat nu als maatwerkactiviteit in het netwerk/).waitFor();
    expect(await page.getByRole('heading', { name: 'Boodschappen voor de buurvrouw' }).count()).toBe(1);
    await expectAccessibleZonderJs(page);

    // Back on the tab: the conversation is listed.
    await page.getByRole('link', { name: 'Terug naar alle gesprekken' }).click();
    expect(await page.getByRole('link', { name: /Gesprek van 20 november 2026/ }).count()).toBe(1);
    await expectAccessibleZonderJs(page);
    await ctx.close();
  });

  it('has no accessibility violations on the tab, the forms (also with errors) and a conversation', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    const errors = watchConsole(page);
    await login(page, 'klantmanager.aardam@demo.wederkerig.nl');
    await naarGesprekken(page);
    await expectAccessible(page);
    await screenshot(page, 'gesprekken-tab');
    await page.getByRole('link', { name: 'Nieuw gesprek' }).click();
    await expectAccessible(page);
    await page.getByLabel('Datum van het gesprek').fill('');
    await page.getByRole('button', { name: 'Gesprek vastleggen' }).click();
    await page.getByRole('heading', { name: 'Er is een probleem' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Datum van het gesprek').fill('2026-11-21');
    await page.getByLabel('Wensen, ambities en kwaliteiten').fill('Buiten werken.\n\nLiefst met dieren.');
    await page.getByRole('button', { name: 'Gesprek vastleggen' }).click();
    await page.getByText('Het gesprek is vastgelegd.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'gesprek');
    await page.getByRole('link', { name: 'Eigen voorstel vastleggen' }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Voorstel vastleggen' }).click();
    await page.getByRole('heading', { name: 'Er is een probleem' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'eigen-voorstel-fouten');
    // The refused forms answer 422 on purpose; nothing else may fail (no CSP violations, no script errors).
    expect(errors.filter((m) => !m.includes('status of 422'))).toEqual([]);
    await ctx.close();
  });
});
