import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { systeem, withContext } from '../src/db/context.ts';
import { createDemoServices, DEMO_WACHTWOORD } from '../src/demo/demo.ts';
import { systeemActor } from '../src/modules/auth/index.ts';
import { type E2eApp, expectAccessibleZonderJs, newContext, startE2eApp } from './support.ts';

/**
 * Issue 15, section 3 in the browser: the measures page of an agreed placement under Aardam's imposed decision,
 * without JavaScript and with axe — the intention form, and its refusal (422) that keeps what was typed. (The demo's
 * imposed decisions are sent on the day the demo loads, so conduct on a past day is refused: the integration test
 * walks the whole path.)
 */

let e: E2eApp;
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
  plaatsing = items.find((t) => t.gemeenteId === aardam && t.status === 'overeengekomen')?.id;
});

async function login(page: Page, email: string): Promise<void> {
  await page.goto(`${e.baseUrl}/`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(DEMO_WACHTWOORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(`${e.baseUrl}/`);
}

describe('the measures page', () => {
  it('without JavaScript: accessible; a refused intention keeps what was typed', async () => {
    expect(plaatsing).toBeTruthy();
    const ctx = await newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await login(page, 'klantmanager.aardam@demo.wederkerig.nl');
    await page.goto(`${e.baseUrl}/tegenprestaties/${plaatsing}/maatregelen`);
    await page.getByRole('heading', { name: 'Maatregelen bij de plaatsing' }).waitFor();
    await expectAccessibleZonderJs(page);
    const gisteren = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await page.locator('#gedragDatum').fill(gisteren);
    await page.locator('#omschrijving').fill('Niet verschenen, niet afgemeld.');
    await page.getByRole('button', { name: 'Voornemen vastleggen' }).click();
    await page.getByRole('heading', { name: 'Er is een probleem' }).waitFor();
    expect(await page.locator('#omschrijving').inputValue()).toBe('Niet verschenen, niet afgemeld.');
    await expectAccessibleZonderJs(page);
    await ctx.close();
  }, 240_000);
});
