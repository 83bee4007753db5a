import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { systeem, withContext } from '../src/db/context.ts';
import { createDemoServices, DEMO_WACHTWOORD } from '../src/demo/demo.ts';
import { systeemActor } from '../src/modules/auth/index.ts';
import { vandaag } from '../src/modules/klanten/index.ts';
import type { Tegenprestatie } from '../src/modules/tegenprestaties/index.ts';
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
/** The demo's designs still in verkenning in Aardam (one plain, one from a matching suggestion). */
let verkenningen: Tegenprestatie[];
/** A catalogue activity in Aardam that may be used, with free places and a host offer. */
let activiteit: { id: string; categorie: string };
/** A client with a conversation and no design yet. */
let klantMetGesprek: string;

const KM = 'klantmanager.aardam@demo.wederkerig.nl';
const dagenVerder = (dagen: number) => {
  const d = new Date(`${vandaag()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + dagen);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  e = await startE2eApp();
  const s = createDemoServices(e.db.app);
  const km = await withContext(e.db.app, systeem('e2e'), (tx) =>
    tx.selectFrom('gebruiker').select(['dienstId', 'id']).where('email', '=', KM).executeTakeFirstOrThrow(),
  );
  const dienstId = km.dienstId;
  const actor = systeemActor('e2e', dienstId);
  const gemeente = (await s.gemeenten.findGemeenten(actor)).find((g) => g.naam === 'Aardam')!;
  const { items } = await s.tegenprestaties.findTegenprestaties(actor, {
    status: 'verkenning',
    paginaGrootte: 100,
  });
  verkenningen = items.filter((t) => t.gemeenteId === gemeente.id);
  const kandidaten = await s.netwerk.findActiviteiten(actor, {
    gemeenteId: gemeente.id,
    toetsStatus: 'geen-risico',
    maatwerk: false,
    status: 'actief',
    vrijePlaatsen: true,
    paginaGrootte: 50,
  });
  // A client of the klantmanager with a conversation, hours to spare and no design yet.
  const lijst = await s.klanten.findKlanten(actor, {
    gemeenteId: gemeente.id,
    klantmanagerId: km.id,
    toepasselijkheid: 'van-toepassing',
    sorteer: 'klantnummer',
    paginaGrootte: 100,
  });
  for (const k of lijst.items) {
    if ((await s.tegenprestaties.findTegenprestaties(actor, { klantId: k.id })).totaal > 0) continue;
    if (!(await s.gesprekken.samenvattingVoorKlant(actor, k.id))) continue;
    if (((await s.klanten.findKlant(actor, k.id)).toepasselijkheidDetail.resterendeUren ?? 0) < 2) continue;
    klantMetGesprek = k.id;
    break;
  }
  expect(
    klantMetGesprek,
    'a demo client of the klantmanager with a conversation and no design',
  ).toBeDefined();
  for (const a of kandidaten.items) {
    if (!a.organisatie || a.plaatsenVrij < 3) continue;
    const aanbod = (await s.netwerk.findOrganisatie(actor, a.organisatie.id)).wederkerigheid[0];
    if (aanbod) {
      activiteit = { id: a.id, categorie: aanbod.categorie };
      break;
    }
  }
});

async function login(page: Page): Promise<void> {
  await page.goto(`${e.baseUrl}/`);
  await page.getByLabel('E-mailadres').fill(KM);
  await page.getByLabel('Wachtwoord').fill(DEMO_WACHTWOORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(`${e.baseUrl}/`);
}

/** Fills everything but the activity and hours (the host's offer appears once the activity is saved). */
async function vulOntwerp(page: Page): Promise<void> {
  await page.locator('#startdatum').fill(dagenVerder(14));
  await page.locator('#einddatum').fill(dagenVerder(196));
  await page.locator('#evaluatiedata-0').fill(dagenVerder(105));
  await page.locator('#vervolg-re-integratie').check();
  await page.locator('#maatwerk-leeftijd').fill('Leeftijd speelt geen rol.');
  await page.locator('#maatwerk-opleiding').fill('Geen opleiding nodig.');
  await page.locator('#maatwerk-werkervaring').fill('Sluit aan bij eerder werk.');
  await page.locator('#maatwerk-omstandigheden').fill('Past naast de zorg voor de kinderen.');
  await page.locator('#wederkerigheid-categorie').selectOption(activiteit.categorie);
  await page.locator('#wederkerigheid-omschrijving').fill('Een vaste begeleider op de werkdagen.');
  for (const wie of ['klantmanager', 'klant', 'organisatie']) {
    await page.locator(`#overtuigd-${wie}-oordeel-ja`).check();
    await page.locator(`#overtuigd-${wie}-motivering`).fill('Overtuigd: past bij de wensen uit het gesprek.');
  }
  await page
    .locator('#afwijkingen-gesprek')
    .fill('Het gesprek is kort geweest; de klant wil graag beginnen.');
}

/** Through ontwerp to toetsing; `axe` checks the page in each of the two states. */
async function naarToetsing(page: Page, axe: (page: Page) => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: 'Begin het ontwerp' }).click();
  await page.getByText('De status is gewijzigd.').waitFor();
  await axe(page);
  await page.getByRole('button', { name: 'Naar toetsing' }).click();
  await page.getByText('De status is gewijzigd.').waitFor();
  expect(await page.locator('.wk-tp-status').first().textContent()).toBe('Toetsing');
  await axe(page);
}

describe('from verkenning to a design in toetsing, guided by the checklist', () => {
  it('without JavaScript, each state checked with axe', async () => {
    const ctx = await newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await login(page);
    // From the conversation tab to the client's tegenprestaties, and a new one.
    await page.goto(`${e.baseUrl}/klanten/${klantMetGesprek}/gesprekken`);
    await page
      .getByRole('navigation', { name: 'Onderdelen van het dossier' })
      // The tab carries the municipality's current name (Aardam: maatschappelijke participatie since 2026-07-01).
      .getByRole('link', { name: /^(Tegenprestaties|Maatschappelijke participatie)$/ })
      .click();
    await page
      .getByRole('button', { name: /^Nieuwe (tegenprestatie|maatschappelijke participatie)$/ })
      .waitFor();
    await expectAccessibleZonderJs(page);
    await page
      .getByRole('button', { name: /^Nieuwe (tegenprestatie|maatschappelijke participatie)$/ })
      .click();
    await page.getByText('De verkenning is gestart.').waitFor();
    await page.getByRole('heading', { name: 'Checklist van de richtlijn' }).waitFor();
    await page.getByRole('button', { name: 'Begin het ontwerp' }).waitFor();
    await expectAccessibleZonderJs(page);

    // Hours that are not a number: the form comes back with the error and what was typed.
    await page
      .getByLabel('Activiteit (uit het netwerk, of een maatwerkactiviteit)')
      .selectOption(activiteit.id);
    await page.getByLabel('Uren per week').fill('veel');
    await page.getByRole('button', { name: 'Ontwerp opslaan' }).click();
    await page.getByRole('heading', { name: 'Er is een probleem' }).waitFor();
    expect(await page.getByLabel('Uren per week').inputValue()).toBe('veel');
    await expectAccessibleZonderJs(page);
    await page.getByLabel('Uren per week').fill('2');
    await page.getByRole('button', { name: 'Ontwerp opslaan' }).click();
    await page.getByText('Het ontwerp is opgeslagen.').waitFor();
    expect(await page.locator('#checklist').textContent()).toContain('Nog niet in orde');
    await expectAccessibleZonderJs(page);

    await vulOntwerp(page);
    await page.getByRole('button', { name: 'Ontwerp opslaan' }).click();
    await page.getByText('Het ontwerp is opgeslagen.').waitFor();
    expect(await page.locator('#checklist').textContent()).toContain('Alles is in orde');
    await expectAccessibleZonderJs(page);
    await screenshot(page, 'tegenprestatie-ontwerp');
    await naarToetsing(page, expectAccessibleZonderJs);
    await ctx.close();
  }, 240_000);

  it('with JavaScript: the checklist follows the form while typing', async () => {
    const t = verkenningen.find((x) => x.suggestie !== null)!;
    const ctx = await newContext();
    const page = await ctx.newPage();
    const errors = watchConsole(page);
    await login(page);
    await page.goto(`${e.baseUrl}/tegenprestaties/${t.id}`);
    await page
      .getByLabel('Activiteit (uit het netwerk, of een maatwerkactiviteit)')
      .selectOption(activiteit.id);
    await page.getByLabel('Uren per week').fill('2');
    await page.getByRole('button', { name: 'Ontwerp opslaan' }).click();
    await page.getByText('Het ontwerp is opgeslagen.').waitFor();

    // Too many hours: the checklist says so before anything is saved.
    await vulOntwerp(page);
    await page.getByLabel('Uren per week').fill('39');
    await page.getByLabel('Uren per week').blur();
    await page.locator('#checklist').getByText('39 uur per week is te veel').waitFor();
    await page.getByLabel('Uren per week').fill('2');
    await page.getByLabel('Uren per week').blur();
    await page.locator('#checklist').getByText('Alles is in orde').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Ontwerp opslaan' }).click();
    await page.getByText('Het ontwerp is opgeslagen.').waitFor();
    await naarToetsing(page, expectAccessible);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 240_000);
});
