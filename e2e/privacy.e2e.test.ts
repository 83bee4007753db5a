import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { withContext } from '../src/db/context.ts';
import { createDemoServices, DEMO_WACHTWOORD } from '../src/demo/demo.ts';
import { plusDagen, vandaag } from '../src/modules/klanten/index.ts';
import { actorVan } from '../test/factories/actoren.ts';
import {
  type E2eApp,
  expectAccessible,
  expectAccessibleZonderJs,
  newContext,
  startE2eApp,
  watchConsole,
} from './support.ts';

let e: E2eApp;
let klantnummer: string;

const menu = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });

async function login(page: Page, email: string): Promise<void> {
  await page.goto(`${e.baseUrl}/`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(DEMO_WACHTWOORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await menu(page).waitFor();
}

// The app's days are days in the Netherlands (between 23:00 and 24:00 UTC the UTC date is a day behind).
const maandGeleden = () => plusDagen(vandaag(), -30);

beforeAll(async () => {
  e = await startE2eApp();
  // Sanne de Vries (klantmanager in Aardam) opens the file of one of her clients: that is what the officer looks up.
  const { km, klant } = await withContext(e.db.app, { kind: 'systeem', reden: 'e2e' }, async (tx) => {
    const g = await tx
      .selectFrom('gebruiker')
      .innerJoin('gebruikerGemeente', 'gebruikerGemeente.gebruikerId', 'gebruiker.id')
      .innerJoin('gebruikerTeam', 'gebruikerTeam.gebruikerId', 'gebruiker.id')
      .select([
        'gebruiker.id',
        'gebruiker.dienstId',
        'gebruiker.naam',
        'gebruikerGemeente.gemeenteId',
        'gebruikerTeam.teamId',
      ])
      .where('gebruiker.email', '=', 'klantmanager.aardam@demo.wederkerig.nl')
      .executeTakeFirstOrThrow();
    const k = await tx
      .selectFrom('klant')
      .select(['id', 'klantnummer'])
      .where('klantmanagerId', '=', g.id)
      .where('klantnummer', 'is not', null)
      .orderBy('klantnummer')
      .executeTakeFirstOrThrow();
    return { km: g, klant: k };
  });
  klantnummer = klant.klantnummer as string;
  const actor = actorVan(
    { dienstId: km.dienstId, gebruikerId: km.id, naam: km.naam, rol: 'klantmanager' },
    { gemeenten: [km.gemeenteId], teams: [km.teamId] },
  );
  await createDemoServices(e.db.app).klanten.findKlant(actor, klant.id);
});

describe('the privacy officer', () => {
  it('answers "who looked at this client\'s file in the last month, and why" (accessible pages)', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    const errors = watchConsole(page);
    await login(page, 'privacy@demo.wederkerig.nl');
    await menu(page).getByRole('link', { name: 'Verwerkingen inzien' }).click();
    expect(await page.locator('h1').textContent()).toBe('Verwerkingen inzien');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText('Er is een probleem').waitFor();
    await expectAccessible(page);

    await page.getByLabel('Klantnummer').fill(klantnummer);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('heading', { level: 1, name: `Verwerkingen van klant ${klantnummer}` }).waitFor();
    await page.getByText('Gemeente: Aardam').waitFor();

    await page.getByLabel('Vanaf').fill(maandGeleden());
    await page.getByLabel('Tot en met').fill(vandaag());
    await page.getByLabel('Handeling').selectOption('lezen');
    await page.getByLabel('Medewerker').selectOption({ label: 'Sanne de Vries' });
    await page.getByRole('button', { name: 'Filteren' }).click();
    const tabel = page.getByRole('table', { name: 'Wie de gegevens van deze klant bekeek of wijzigde' });
    await tabel.waitFor();
    const rij = tabel.getByRole('row').filter({ hasText: 'Sanne de Vries' }).first();
    expect(await rij.textContent()).toContain('Bekeken');
    expect(await rij.textContent()).toContain('Klantdossier tegenprestatie');
    await expectAccessible(page);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Inzageoverzicht maken (PDF)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^inzage-.*\.pdf$/);
    expect(errors.filter((m) => !m.includes('status of 422'))).toEqual([]);
    await ctx.close();
  });

  it('finds the client without JavaScript (posted form, redirect), each state checked with axe', async () => {
    const ctx = await newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await login(page, 'privacy@demo.wederkerig.nl');
    await page.goto(`${e.baseUrl}/privacy/verwerkingen`);
    await expectAccessibleZonderJs(page);
    await page.getByLabel('Klantnummer').fill(klantnummer);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('heading', { level: 1, name: `Verwerkingen van klant ${klantnummer}` }).waitFor();
    expect(page.url()).not.toContain(klantnummer);
    await expectAccessibleZonderJs(page);
    await ctx.close();
  });

  it('is not offered to a klantmanager, and refused when typed in', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    await login(page, 'klantmanager.aardam@demo.wederkerig.nl');
    expect(await menu(page).getByRole('link', { name: 'Verwerkingen inzien' }).count()).toBe(0);
    expect((await page.goto(`${e.baseUrl}/privacy/verwerkingen`))?.status()).toBe(403);
    await ctx.close();
  });
});

describe('the functioneel beheerder', () => {
  it('sets a retention period and draws up a destruction list (accessible pages)', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    await login(page, 'beheer@demo.wederkerig.nl');
    await menu(page).getByRole('link', { name: 'Bewaartermijnen' }).click();
    await expectAccessible(page);
    await page.getByLabel('Bewaartermijn in maanden voor Aardam').fill('tien');
    await page.getByLabel('Grondslag voor Aardam').fill('Selectielijst 2020, resultaat 12.1.1');
    await page.getByRole('button', { name: 'Opslaan' }).first().click();
    await page.getByText('Er is een probleem').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Bewaartermijn in maanden voor Aardam').fill('120');
    await page.getByRole('button', { name: 'Opslaan' }).first().click();
    await page.getByText('De bewaartermijn is opgeslagen.').waitFor();

    await menu(page).getByRole('link', { name: 'Vernietigingslijsten' }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Lijst opstellen voor Aardam' }).click();
    await page.getByText('Er is een nieuwe vernietigingslijst opgesteld.').waitFor();
    await expectAccessible(page);
    await ctx.close();
  });
});
