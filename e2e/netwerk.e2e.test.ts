import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_WACHTWOORD } from '../src/demo/demo.ts';
import { VRAGEN } from '../src/modules/netwerk/index.ts';
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

async function login(page: Page, email: string, menuItem: string): Promise<void> {
  await page.goto(`${e.baseUrl}/`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(DEMO_WACHTWOORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await menu(page).getByRole('link', { name: menuItem }).waitFor();
}

/** The 422 re-render of an invalid form is meant; Chromium reports every 4xx document as a console error. */
const echteFouten = (errors: string[]) => errors.filter((m) => !m.includes('status of 422'));

describe('the network for the netwerkmakelaar (demo account)', () => {
  it('creates an organisation and an activity and assesses it, accessible on every page', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    const errors = watchConsole(page);
    await login(page, 'netwerk@demo.wederkerig.nl', 'Organisaties');

    // The list with search and filters.
    await menu(page).getByRole('link', { name: 'Organisaties' }).click();
    expect(await page.locator('h1').textContent()).toBe('Organisaties');
    await expectAccessible(page);
    await page.getByLabel('Zoeken op naam, plaats of notitie').fill('kringloop');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('link', { name: 'Kringloopcentrum De Cirkel' }).first().waitFor();
    expect(await page.locator('caption').textContent()).toBe('2 organisaties gevonden');
    await screenshot(page, 'netwerk-organisaties');

    // A new organisation: first with an error, then valid.
    await page.getByRole('link', { name: 'Organisatie toevoegen' }).click();
    await expectAccessible(page);
    await page.locator('#naam').fill('Speeltuin De Wipwap');
    await page.getByLabel('KvK-nummer (niet verplicht)').fill('1234');
    await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await page.getByText('Er is een probleem').waitFor();
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.locator('#naam').inputValue()).toBe('Speeltuin De Wipwap');
    await expectAccessible(page);
    await page.getByLabel('Soort organisatie').selectOption('vereniging');
    await page.getByLabel('KvK-nummer (niet verplicht)').fill('');
    await page.getByLabel('Postcode').fill('5621 ab');
    await page
      .getByRole('group', { name: 'In welke gemeenten werkt de organisatie?' })
      .getByLabel('Aardam')
      .check();
    await page.getByLabel('Netwerk en introducties').fill('Kennismaken met de ouders in de buurt.');
    await page.locator('#contact-0-naam').fill('Wendy Coolen');
    await page.locator('#contact-0-email').fill('wendy@wipwap.nl');
    await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await page.getByText('De organisatie is toegevoegd.').waitFor();
    // Same-named organisations of different municipalities are told apart: the municipality in the heading.
    expect(await page.locator('h1').textContent()).toMatch(/^Speeltuin De Wipwap \(\p{L}[^)]*\)$/u);
    expect(await page.getByText('Woensel-Zuid').count()).toBe(1);
    await expectAccessible(page);

    // An activity at it.
    await page.getByRole('link', { name: 'Activiteit toevoegen' }).click();
    expect(await page.getByLabel('Organisatie', { exact: true }).inputValue()).not.toBe('');
    await page.getByLabel('Titel').fill('Speeltoestellen schoonmaken');
    await page
      .getByLabel('Omschrijving')
      .fill('U maakt samen met een vrijwilliger de speeltoestellen schoon.');
    await page.getByLabel('Categorie').selectOption('buurt-en-wijk');
    await page.getByLabel('Lichamelijke belasting').selectOption('midden');
    await page.getByLabel('Minimaal uren per week').fill('2');
    await page.getByLabel('Maximaal uren per week').fill('4');
    await page.getByLabel('woensdagochtend').check();
    await page.getByLabel('Aantal plaatsen').fill('2');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Activiteit toevoegen' }).click();
    await page.getByText('Doe nu de verdringingstoets').waitFor();
    expect(
      await page.getByText('Er is nog geen verdringingstoets gedaan voor deze activiteit.').count(),
    ).toBe(1);
    await expectAccessible(page);

    // The checklist.
    await page.getByRole('link', { name: 'Verdringingstoets doen' }).click();
    await expectAccessible(page);
    for (const v of VRAGEN) {
      const antwoord = v.alleenCommercieel ? 'niet-van-toepassing' : v.risicoBij === 'ja' ? 'nee' : 'ja';
      await page.locator(`#vraag-${v.id}-${antwoord}`).check();
      if (!v.alleenCommercieel)
        await page.locator(`#toelichting-${v.id}`).fill('Besproken met Wendy Coolen.');
    }
    await page.locator('#conclusie-geen-risico').check();
    await page
      .locator('#motivering')
      .fill('Het schoonmaken gebeurt nu niet; er is geen betaalde kracht voor.');
    await screenshot(page, 'netwerk-verdringingstoets');
    await page.getByRole('button', { name: 'Toets vastleggen' }).click();
    await page.getByText('De verdringingstoets is vastgelegd.').waitFor();
    expect(await page.getByText('Deze activiteit kan gebruikt worden').count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'netwerk-activiteit');

    // The activity list with the assessment filter.
    await menu(page).getByRole('link', { name: 'Activiteiten' }).click();
    await page.getByLabel('Verdringingstoets').selectOption('verdringing');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText('1 activiteit gevonden').waitFor();
    await expectAccessible(page);
    expect(echteFouten(errors)).toEqual([]);
    await ctx.close();
  });
});

describe('the CSV import (demo netwerkmakelaar)', () => {
  it('does a dry run and reads the file in, accessible on every page', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    const errors = watchConsole(page);
    await login(page, 'netwerk@demo.wederkerig.nl', 'Netwerk importeren');
    await menu(page).getByRole('link', { name: 'Netwerk importeren' }).click();
    await expectAccessible(page);
    await page.getByLabel('Organisaties', { exact: true }).check();
    await page.getByLabel('CSV-bestand (hoogstens 5 MB)').setInputFiles({
      name: 'organisaties.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'naam;soort;postcode;plaats;gemeenten\nSportschool Fit & Vrij;commercieel bedrijf;5614 AA;Aardam;Aardam\nZonder soort;;;;\n',
      ),
    });
    await page.getByRole('button', { name: 'Proefrun doen' }).click();
    await page.getByText('Proefrun: Nieuw: 1').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'netwerk-import-proefrun');
    await page.getByRole('button', { name: 'Bestand inlezen' }).click();
    await page.getByText('Het inlezen is gestart.').waitFor();
    await page.getByText('2 van 2 regels verwerkt').waitFor();
    await expectAccessible(page);
    expect(echteFouten(errors)).toEqual([]);
    await ctx.close();
  });
});

describe('intervision for the teamleider (demo account)', () => {
  it('decides an intervision request from the queue', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    const errors = watchConsole(page);
    await login(page, 'teamleider@demo.wederkerig.nl', 'Intervisie');
    await menu(page).getByRole('link', { name: 'Intervisie' }).click();
    expect(await page.locator('caption').textContent()).toBe('Open intervisieverzoeken, oudste eerst');
    await expectAccessible(page);
    await screenshot(page, 'netwerk-intervisie-wachtrij');
    const eerste = page.getByRole('table').getByRole('link').first();
    const titel = await eerste.textContent();
    await eerste.click();
    await expectAccessible(page);
    await page
      .getByLabel('Wie deden mee aan de intervisie?')
      .fill('Anouk Jansen\nBram Hendriks\nSanne de Vries');
    await page.getByLabel('Toegestaan onder voorwaarden', { exact: true }).check();
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByText('Er is een probleem').waitFor();
    await expectAccessible(page);
    await page
      .getByLabel('Voorwaarden (bij toegestaan onder voorwaarden)')
      .fill('Altijd samen met een vaste medewerker.');
    await page.getByLabel('Motivering').fill('Na navraag geen betaalde kracht voor dit werk.');
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByText('Het besluit is vastgelegd.').waitFor();
    expect(await page.getByText('Altijd samen met een vaste medewerker.').count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'netwerk-intervisie-besluit');
    await page
      .getByRole('link', { name: titel ?? '' })
      .first()
      .click();
    await page.getByText('Deze activiteit kan gebruikt worden').waitFor();
    expect(echteFouten(errors)).toEqual([]);
    await ctx.close();
  });
});

describe('without JavaScript', () => {
  it('edits an organisation through the plain form, each state checked with axe', async () => {
    const ctx = await newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await login(page, 'netwerk@demo.wederkerig.nl', 'Organisaties');
    await page.goto(`${e.baseUrl}/organisaties?zoek=linde`);
    await expectAccessibleZonderJs(page);
    await page.getByRole('link', { name: 'Zorgcentrum De Linde' }).first().click();
    await page.getByRole('link', { name: 'Organisatie wijzigen' }).waitFor();
    await expectAccessibleZonderJs(page);
    await page.getByRole('link', { name: 'Organisatie wijzigen' }).click();
    await page.locator('#contact-0-email').waitFor();
    await expectAccessibleZonderJs(page);
    await page.locator('#contact-0-email').fill('geen-adres');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Er is een probleem').waitFor();
    expect(await page.locator('#contact-0-email').inputValue()).toBe('geen-adres');
    await expectAccessibleZonderJs(page);
    await page.locator('#contact-0-email').fill('ingrid@delinde.nl');
    await page.locator('#contact-1-naam').fill('Johan Kusters');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('De wijzigingen zijn opgeslagen.').waitFor();
    expect(await page.getByRole('cell', { name: 'Johan Kusters' }).count()).toBe(1);
    expect(await page.getByRole('cell', { name: 'ingrid@delinde.nl' }).count()).toBe(1);
    await expectAccessibleZonderJs(page);
    await ctx.close();
  });

  it('keeps the klantmanager read-only and the functioneel beheerder out', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    await login(page, 'klantmanager.aardam@demo.wederkerig.nl', 'Activiteiten');
    await menu(page).getByRole('link', { name: 'Activiteiten' }).click();
    expect(await page.getByRole('link', { name: 'Activiteit toevoegen' }).count()).toBe(0);
    await expectAccessible(page);
    expect((await page.goto(`${e.baseUrl}/organisaties/nieuw`))?.status()).toBe(403);
    expect((await page.goto(`${e.baseUrl}/intervisies`))?.status()).toBe(403);
    await ctx.close();
  });
});
