import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { systeem, withContext } from '../src/db/context.ts';
import { createDemoServices, DEMO_WACHTWOORD } from '../src/demo/demo.ts';
import { systeemActor } from '../src/modules/auth/index.ts';
import { vandaag } from '../src/modules/klanten/index.ts';
import {
  type E2eApp,
  expectAccessible,
  expectAccessibleZonderJs,
  newContext,
  screenshot,
  startE2eApp,
  watchConsole,
} from './support.ts';

/**
 * Issue 15 in the browser: imposing a tailored design the client does not want (Aardam's demo), with axe on every
 * state, with and without JavaScript; the incidents page of a placement.
 */

let e: E2eApp;
/** Aardam's demo intention (view recorded, waiting for the team lead). */
let voornemen: string;
/** An agreed or running placement in Aardam, if the demo has one. */
let plaatsing: string | undefined;

beforeAll(async () => {
  e = await startE2eApp();
  const s = createDemoServices(e.db.app);
  const { dienstId } = await withContext(e.db.app, systeem('e2e'), (tx) =>
    tx.selectFrom('dienst').select('dienstId').executeTakeFirstOrThrow(),
  );
  const actor = systeemActor('e2e', dienstId);
  const aardam = (await s.gemeenten.findGemeenten(actor)).find((g) => g.naam === 'Aardam')?.id;
  const { items } = await s.tegenprestaties.findTegenprestaties(actor, { paginaGrootte: 100 });
  const inAardam = items.filter((t) => t.gemeenteId === aardam);
  voornemen = inAardam.find((t) => t.status === 'opleggen')?.id as string;
  plaatsing = inAardam.find((t) => t.status === 'lopend' || t.status === 'overeengekomen')?.id;
  expect(voornemen).toBeTruthy();
});

async function login(page: Page, email: string): Promise<void> {
  await page.goto(`${e.baseUrl}/`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(DEMO_WACHTWOORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(`${e.baseUrl}/`);
}

describe('imposing a design the client does not want', () => {
  it('without JavaScript: the team lead sees the list, must give a reason to send back, and sends it back', async () => {
    const ctx = await newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await login(page, 'teamleider@demo.wederkerig.nl');
    await page.goto(`${e.baseUrl}/tegenprestaties`);
    await page.getByRole('heading', { name: 'Voornemens tot opleggen', exact: true }).waitFor();
    await expectAccessibleZonderJs(page);
    await page.goto(`${e.baseUrl}/tegenprestaties/${voornemen}`);
    await page.getByRole('heading', { name: 'Beoordeling door de teamleider' }).waitFor();
    await expectAccessibleZonderJs(page);
    await page.locator('#opl-akkoord-nee').check();
    await page.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    await page.getByRole('heading', { name: 'Er is een probleem' }).waitFor();
    await page.getByText('waarom het voornemen terug gaat').first().waitFor();
    await expectAccessibleZonderJs(page);
    await page.locator('#opl-toelichting').fill('Leg eerst vast welk alternatief is aangeboden.');
    await page.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    await page.getByText('Het voornemen is teruggestuurd').waitFor();
    await expectAccessibleZonderJs(page);
    await ctx.close();
  }, 240_000);

  it('with JavaScript: the caseworker records the intention again (a refusal keeps what was typed) and the view', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    const fouten = watchConsole(page);
    await login(page, 'klantmanager.aardam@demo.wederkerig.nl');
    await page.goto(`${e.baseUrl}/tegenprestaties/${voornemen}`);
    await page.getByRole('heading', { name: 'Voornemen tot opleggen vastleggen' }).waitFor();
    await expectAccessible(page);
    await page.locator('#opl-redenen-0-tekst').fill('Ik wil mijn tijd zelf indelen.');
    await page.locator('#opl-redenen-0-categorie').selectOption('anders');
    await page.getByLabel('Een andere tegenprestatie aangeboden').check();
    await page.locator('#opl-alternatief-toelichting').fill('Het buurthuis aangeboden; niet gewild.');
    await page.getByRole('button', { name: 'Voornemen tot opleggen vastleggen' }).click();
    await page.getByRole('heading', { name: 'Er is een probleem' }).waitFor();
    expect(await page.locator('#opl-redenen-0-tekst').inputValue()).toBe('Ik wil mijn tijd zelf indelen.');
    await expectAccessible(page);
    await page.locator('#opl-redenen-0-beoordeling').fill('Twee dagdelen laten genoeg tijd vrij.');
    await page.getByRole('button', { name: 'Voornemen tot opleggen vastleggen' }).click();
    await page.getByText('Het voornemen tot opleggen is vastgelegd.').waitFor();
    await expectAccessible(page);
    await page.locator('#opl-vorm').selectOption('gesprek');
    // The app's today is the day in the Netherlands (between 23:00 and 24:00 UTC that is already tomorrow).
    await page.locator('#opl-datum').fill(vandaag());
    await page.locator('#opl-inhoud').fill('De klant blijft bij zijn mening.');
    await page
      .locator('#opl-beantwoording')
      .fill('De rest van de week deelt de klant zelf in; wij houden het aan.');
    await page.getByRole('button', { name: 'Zienswijze vastleggen' }).click();
    await page.getByText('De zienswijze is vastgelegd.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'dwang-voornemen');
    expect(fouten.filter((f) => !f.includes('status of 422'))).toEqual([]);
    await ctx.close();
  }, 240_000);

  it('without JavaScript: the team lead approves; the design goes to toetsing', async () => {
    const ctx = await newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await login(page, 'teamleider@demo.wederkerig.nl');
    await page.goto(`${e.baseUrl}/tegenprestaties/${voornemen}`);
    await page.locator('#opl-akkoord-ja').check();
    await page.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    await page.getByText('Akkoord: het ontwerp staat op toetsing.').waitFor();
    await page.getByText('Akkoord teamleider: naar toetsing en besluit').waitFor();
    await expectAccessibleZonderJs(page);
    await ctx.close();
  }, 240_000);

  it('the incidents page of a placement is accessible, without JavaScript', async () => {
    if (!plaatsing) return;
    const ctx = await newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await login(page, 'klantmanager.aardam@demo.wederkerig.nl');
    await page.goto(`${e.baseUrl}/tegenprestaties/${plaatsing}/incidenten`);
    await page.getByRole('heading', { name: 'Incidenten bij de plaatsing' }).waitFor();
    await expectAccessibleZonderJs(page);
    await ctx.close();
  }, 120_000);
});
