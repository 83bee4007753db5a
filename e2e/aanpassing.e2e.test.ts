import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { systeem, withContext } from '../src/db/context.ts';
import { createDemoServices, DEMO_WACHTWOORD } from '../src/demo/demo.ts';
import { plusDagen, vandaag } from '../src/modules/klanten/index.ts';
import { actorVan } from '../test/factories/actoren.ts';
import { insertLopendeTegenprestatie } from '../test/factories/uitvoering.ts';
import {
  type E2eApp,
  expectAccessible,
  expectAccessibleZonderJs,
  newContext,
  startE2eApp,
} from './support.ts';

/**
 * The caseworker's day, continued (issue 16): a running placement with its signed agreement → an evaluation with
 * "aanpassen" → a new version of the agreement → the three parties' confirmation → the placement shows it. Without
 * JavaScript, axe on each page. Bergdorp only offers (no decision).
 */
let e: E2eApp;
let id: string;
const KM = 'klantmanager.bergdorp@demo.wederkerig.nl';

beforeAll(async () => {
  e = await startE2eApp();
  const s = createDemoServices(e.db.app);
  const { g, gemeenten, teams } = await withContext(e.db.app, systeem('e2e'), async (tx) => {
    const g = await tx
      .selectFrom('gebruiker')
      .select(['dienstId', 'id', 'naam'])
      .where('email', '=', KM)
      .executeTakeFirstOrThrow();
    const gemeenten = (
      await tx.selectFrom('gebruikerGemeente').select('gemeenteId').where('gebruikerId', '=', g.id).execute()
    ).map((r) => r.gemeenteId);
    const teams = (
      await tx.selectFrom('gebruikerTeam').select('teamId').where('gebruikerId', '=', g.id).execute()
    ).map((r) => r.teamId);
    return { g, gemeenten, teams };
  });
  const km = actorVan(
    { dienstId: g.dienstId, gebruikerId: g.id, naam: g.naam, rol: 'klantmanager' },
    { gemeenten, teams },
  );
  const start = plusDagen(vandaag(), -28);
  ({ id } = await insertLopendeTegenprestatie(e.db.app, {
    km,
    gemeenteId: gemeenten[0] as string,
    startdatum: start,
    einddatum: plusDagen(start, 120),
    evaluatiedata: [vandaag()],
    tot: 'toetsing',
    tegenprestaties: s.tegenprestaties,
  }));
  await s.overeenkomsten.voerToetsingUit(km, id);
  const getekend = plusDagen(start, -3);
  await s.overeenkomsten.legAcceptatieVast(km, id, {
    overeenkomstDatum: getekend,
    klantGetekendOp: getekend,
    organisatieGetekendOp: getekend,
  });
  await s.tegenprestaties.voerDeel2OvergangUit(km, id, { naar: 'lopend' });
}, 240_000);

async function login(page: Page): Promise<void> {
  page.setDefaultTimeout(20_000);
  await page.goto(`${e.baseUrl}/`);
  await page.getByLabel('E-mailadres').fill(KM);
  await page.getByLabel('Wachtwoord').fill(DEMO_WACHTWOORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(`${e.baseUrl}/`);
}

describe('evaluation → adjustment, without JavaScript', () => {
  it('records "aanpassen", proposes and confirms version 2; the placement shows it; axe on each page', async () => {
    const ctx = await newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await login(page);
    await page.goto(`${e.baseUrl}/tegenprestaties/${id}/uitvoering`);
    expect(await page.locator('main').textContent()).toContain('Versie 1 geldt');
    await expectAccessibleZonderJs(page);
    const evaluatie = page.locator('#evaluatie-formulier');
    await evaluatie.getByLabel('Wat zegt de klant zelf?').fill('Twee ochtenden is te veel.');
    await evaluatie.getByLabel('Uw conclusie').fill('Eén ochtend.');
    await evaluatie.getByLabel('Aanpassen').check();
    await evaluatie.getByRole('button', { name: 'Evaluatie vastleggen' }).click();
    await page.waitForURL(/melding=evaluatie/);
    // The step is offered now, with a link to the versions.
    await page.getByRole('link', { name: 'Naar de versies van de overeenkomst' }).click();
    await page.waitForURL(`${e.baseUrl}/tegenprestaties/${id}/aanpassing`);
    await expectAccessibleZonderJs(page);
    // A refused proposal keeps what was typed (422).
    await page.getByLabel('Uren per week').fill('zes');
    await page.getByLabel('Wat verandert er en waarom?').fill('Eén ochtend, minder uren.');
    await page.getByLabel('Ja').check();
    await page.getByRole('button', { name: 'Nieuwe versie opslaan' }).click();
    expect(await page.locator('.utrecht-form-field-error-message').first().textContent()).toContain(
      'Vul het aantal uren per week in als getal',
    );
    expect(await page.getByLabel('Uren per week').inputValue()).toBe('zes');
    await expectAccessibleZonderJs(page);
    await page.getByLabel('Uren per week').fill('6');
    await page.getByLabel('woensdagochtend', { exact: true }).uncheck();
    await page.getByRole('button', { name: 'Nieuwe versie opslaan' }).click();
    await page.waitForURL(/melding=voorgesteld/);
    expect(await page.locator('main').textContent()).toContain('Versie 2: bevestigen');
    await expectAccessibleZonderJs(page);
    await page.getByRole('button', { name: 'Versie 2 bevestigen' }).click();
    await page.waitForURL(/melding=bevestigd/);
    await expectAccessibleZonderJs(page);
    await page.goto(`${e.baseUrl}/tegenprestaties/${id}/uitvoering`);
    expect(await page.locator('main').textContent()).toContain('Versie 2 geldt');
    await ctx.close();
  });

  it('with JavaScript the versions page has no axe findings either', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    await login(page);
    await page.goto(`${e.baseUrl}/tegenprestaties/${id}/aanpassing`);
    await expectAccessible(page);
    await ctx.close();
  });
});
