import { join } from 'node:path';
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

async function login(page: Page, email: string): Promise<void> {
  await page.goto(`${e.baseUrl}/`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(DEMO_WACHTWOORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(`${e.baseUrl}/`);
}

/** Screenshots at a 1280-px laptop and a portrait tablet, to look at. */
async function tweeSchermen(page: Page, naam: string): Promise<void> {
  if (!process.env.E2E_SCREENSHOTS) return;
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, `${naam}-1280`);
  await page.setViewportSize({ width: 820, height: 1180 });
  await screenshot(page, `${naam}-820`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('client files for the klantmanager (demo account)', () => {
  it('searches, creates a client after a validation error, and edits it — accessible on every page', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    const errors = watchConsole(page);
    await login(page, 'klantmanager.aardam@demo.wederkerig.nl');

    // The caseload.
    await menu(page).getByRole('link', { name: 'Klanten' }).click();
    expect(await page.locator('h1').textContent()).toBe('Klanten');
    await expectAccessible(page);
    await tweeSchermen(page, 'klanten-lijst');

    // Search by name: a client from the list is found by part of their name.
    const eerste = page.locator('tbody a').first();
    const naam = (await eerste.textContent())!.trim();
    const deel = naam.split(' ').at(-1)!;
    await page.getByLabel('Zoek op naam of klantnummer').fill(deel);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.waitForURL(/zoek=/);
    expect(await page.getByRole('link', { name: naam }).count()).toBeGreaterThan(0);
    expect(page.url()).toContain(`zoek=${encodeURIComponent(deel)}`);

    // Filter and sort.
    await page.getByLabel('Tegenprestatie').selectOption('van-toepassing');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.waitForURL(/toepasselijkheid=van-toepassing/);
    await page.getByRole('link', { name: /^Geboortedatum/ }).click();
    await page.waitForURL(/sorteer=geboortedatum/);
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('Geboortedatum');
    await expectAccessible(page);

    // The file: profile and obligations.
    await page.locator('tbody a').first().click();
    await page.getByRole('navigation', { name: 'Onderdelen van het dossier' }).waitFor();
    await expectAccessible(page);
    await tweeSchermen(page, 'klant-profiel');
    await page.getByRole('link', { name: 'Verplichtingen en ontheffingen' }).click();
    await page.getByRole('heading', { name: 'Ontheffing vastleggen' }).waitFor();
    await expectAccessible(page);
    await tweeSchermen(page, 'klant-verplichtingen');

    // Create: first with errors (kept input, error summary), then valid.
    await menu(page).getByRole('link', { name: 'Klanten' }).click();
    await page.getByRole('link', { name: 'Klant inschrijven' }).click();
    await expectAccessible(page);
    await page.getByLabel('Voornamen').fill('Joris');
    await page.getByLabel('Postcode').fill('5611');
    await page.getByRole('button', { name: 'Klant inschrijven' }).click();
    await page.getByText('Er is een probleem').waitFor();
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.getByLabel('Voornamen').inputValue()).toBe('Joris');
    expect(await page.getByLabel('Postcode').inputValue()).toBe('5611');
    await page.getByRole('link', { name: 'Vul de achternaam in.' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('achternaam');
    await expectAccessible(page);
    await tweeSchermen(page, 'klant-nieuw-fouten');

    await page.getByLabel('Achternaam (verplicht)').fill('de Wit-E2e');
    await page.getByLabel('Geboortedatum (verplicht)').fill('1990-02-28');
    await page.getByLabel('Postcode').fill('5611 AB');
    await page.getByRole('button', { name: 'Klant inschrijven' }).click();
    await page.getByText('De klant is ingeschreven.').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Joris de Wit-E2e');
    expect(await page.getByText('Centrum').count()).toBeGreaterThan(0);
    const dossier = page.url().split('?')[0]!;

    // Edit.
    await page.getByRole('link', { name: 'Gegevens wijzigen' }).click();
    expect(await page.getByLabel('Achternaam (verplicht)').inputValue()).toBe('de Wit-E2e');
    await expectAccessible(page);
    await page.getByLabel('Roepnaam').fill('Joop');
    await page.getByLabel('E-mailadres').fill('joop@voorbeeld');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Er is een probleem').waitFor();
    expect(await page.getByLabel('Roepnaam').inputValue()).toBe('Joop');
    await page.getByLabel('E-mailadres').fill('joop@voorbeeld.nl');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('De wijzigingen zijn opgeslagen.').waitFor();
    expect(page.url()).toBe(`${dossier}?melding=gewijzigd`);
    expect(await page.locator('h1').textContent()).toBe('Joop de Wit-E2e');

    // Found again by search.
    await page.goto(`${e.baseUrl}/klanten?zoek=Wit-E2e`);
    expect(await page.getByRole('link', { name: 'Joop de Wit-E2e' }).count()).toBe(1);
    expect(errors.filter((m) => !m.includes('status of 422'))).toEqual([]);
    await ctx.close();
  });

  it('creates a client with JavaScript disabled, each state checked with axe', async () => {
    const ctx = await newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await login(page, 'klantmanager.aardam@demo.wederkerig.nl');
    await page.goto(`${e.baseUrl}/klanten/nieuw`);
    await expectAccessibleZonderJs(page);
    await page.getByLabel('Achternaam (verplicht)').fill('Zonder Script');
    await page.getByLabel('Geboortedatum (verplicht)').fill('1985-05-05');
    await page.getByLabel('BSN', { exact: true }).fill('123456789');
    await page.getByRole('button', { name: 'Klant inschrijven' }).click();
    await page.getByText('Er is een probleem').waitFor();
    expect(await page.getByText('Dit is geen geldig BSN').count()).toBeGreaterThan(0);
    expect(await page.getByLabel('Achternaam (verplicht)').inputValue()).toBe('Zonder Script');
    await expectAccessibleZonderJs(page);
    await page.getByLabel('BSN', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Klant inschrijven' }).click();
    await page.getByText('De klant is ingeschreven.').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Zonder Script');
    await expectAccessibleZonderJs(page);
    await ctx.close();
  });

  it('art. 9a without JavaScript: grant, 422s that keep the input, suspension — each state checked with axe', async () => {
    const ctx = await newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await login(page, 'klantmanager.aardam@demo.wederkerig.nl');
    await page.goto(`${e.baseUrl}/klanten/nieuw`);
    await page.getByLabel('Achternaam (verplicht)').fill('Ouder-E2e');
    await page.getByLabel('Geboortedatum (verplicht)').fill('1992-04-04');
    await page.getByRole('button', { name: 'Klant inschrijven' }).click();
    await page.getByText('De klant is ingeschreven.').waitFor();
    await page.getByRole('link', { name: 'Verplichtingen en ontheffingen' }).click();
    await page.getByRole('heading', { name: 'Ontheffing vastleggen' }).waitFor();

    // Without the day the request came in (art. 9a lid 7): 422, the typed dates kept.
    await page.getByLabel('Soort ontheffing').selectOption('alleenstaande-ouder-kind-onder-5');
    await page.getByLabel('Begindatum').fill('2026-03-01');
    await page
      .getByLabel('Geboortedatum van het jongste kind (alleen bij alleenstaande ouder)')
      .fill('2025-12-01');
    await page.getByRole('button', { name: 'Ontheffing vastleggen' }).click();
    await page.getByText('Er is een probleem').waitFor();
    expect(
      await page
        .getByLabel('Geboortedatum van het jongste kind (alleen bij alleenstaande ouder)')
        .inputValue(),
    ).toBe('2025-12-01');
    await expectAccessibleZonderJs(page);
    await page.getByLabel('Verzoek ontvangen op (alleen bij alleenstaande ouder)').fill('2026-02-10');
    await page.getByRole('button', { name: 'Ontheffing vastleggen' }).click();
    await page.getByText('De ontheffing is vastgelegd.').waitFor();
    await page
      .getByRole('heading', { name: 'Ontheffing alleenstaande ouder (art. 9a Participatiewet)' })
      .waitFor();
    expect(await page.getByText('Loopt tot 1 december 2030').count()).toBe(1);
    await expectAccessibleZonderJs(page);
    await tweeSchermen(page, 'klant-negen-a');

    // A resumption while it runs: 422 on the form, the typed note kept.
    await page.getByLabel('Wat legt u vast?').selectOption('hervatting');
    await page.getByLabel('Met ingang van').fill('2026-06-01');
    await page.getByLabel('Toelichting').fill('Getypt in de e2e-test');
    await page.getByRole('button', { name: 'Vastleggen', exact: true }).click();
    await page.getByText('Er is een probleem').waitFor();
    expect(await page.getByLabel('Toelichting').inputValue()).toBe('Getypt in de e2e-test');
    await expectAccessibleZonderJs(page);
    await page.getByLabel('Wat legt u vast?').selectOption('opschorting-verzoek');
    await page.getByRole('button', { name: 'Vastleggen', exact: true }).click();
    await page.getByText('De opschorting of hervatting van de ontheffing is vastgelegd.').waitFor();
    expect(await page.getByText('Opgeschort sinds 1 juni 2026: op verzoek van de ouder').count()).toBe(1);
    await expectAccessibleZonderJs(page);
    await ctx.close();
  });

  it('does not let a netwerkmakelaar open client files', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    await login(page, 'netwerk@demo.wederkerig.nl');
    expect(await menu(page).getByRole('link', { name: 'Klanten', exact: true }).count()).toBe(0);
    const res = await page.goto(`${e.baseUrl}/klanten`);
    expect(res?.status()).toBe(403);
    await ctx.close();
  });
});

describe('the client import for the functioneel beheerder (demo account)', () => {
  it('uploads the example file, shows the dry run, imports with progress — accessible', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    const errors = watchConsole(page);
    await login(page, 'beheer@demo.wederkerig.nl');
    await menu(page).getByRole('link', { name: 'Klanten importeren' }).click();
    expect(await page.locator('h1').textContent()).toBe('Klanten importeren');
    await expectAccessible(page);

    const gemeente = page.getByLabel('Gemeente', { exact: true });
    if (await gemeente.count()) await gemeente.selectOption({ label: 'Aardam' });
    await page
      .getByLabel('CSV-bestand')
      .setInputFiles(join(import.meta.dirname, '../docs/voorbeelden/klanten.csv'));
    await page.getByRole('button', { name: 'Proefrun maken' }).click();
    await page.getByRole('heading', { name: 'Verslag per rij' }).waitFor();
    expect(await page.getByText('4 klanten aanmaken, 0 klanten bijwerken en 0 rijen afgewezen').count()).toBe(
      1,
    );
    expect(await page.getByRole('cell', { name: '2026-00101' }).count()).toBe(1);
    await expectAccessible(page);
    await tweeSchermen(page, 'import-proefrun');

    await page.getByRole('button', { name: 'Importeren' }).click();
    await page.getByText('De import is gestart.').waitFor();
    // htmx polls the progress until the import is done.
    await page.getByText(/^Klaar: 4 van 4 rijen verwerkt/).waitFor();
    expect(await page.locator('#voortgang-balk').getAttribute('value')).toBe('4');
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
