import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_WACHTWOORD } from '../src/demo/demo.ts';
import {
  type E2eApp,
  expectAccessible,
  newContext,
  screenshot,
  startE2eApp,
  watchConsole,
} from './support.ts';

/**
 * The matching pages in Chromium, each checked with axe: a caseworker's suggestions for a client (taken into a
 * conversation in one step), the netwerkmakelaar's candidates for an activity, the functioneel beheerder's weights
 * with a preview, and the team lead's cohort from choice to accepted pairs.
 */
let e: E2eApp;
beforeAll(async () => {
  e = await startE2eApp();
});
const contexten: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  for (const c of contexten) await c.close();
});

async function als(email: string): Promise<{ page: Page; fouten: string[] }> {
  const ctx = await newContext();
  contexten.push(ctx);
  const page = await ctx.newPage();
  const fouten = watchConsole(page);
  await page.goto(`${e.baseUrl}/`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(DEMO_WACHTWOORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(`${e.baseUrl}/`);
  return { page, fouten };
}

describe('matching and cohorts', () => {
  it('a caseworker sees suggestions with reasons and takes one into a conversation', async () => {
    const { page, fouten } = await als('klantmanager.aardam@demo.wederkerig.nl');
    await page.goto(`${e.baseUrl}/klanten?toepasselijkheid=van-toepassing`);
    await page.locator('tbody a').first().click();
    await page
      .getByRole('navigation', { name: 'Onderdelen van het dossier' })
      .getByRole('link', { name: 'Passende activiteiten' })
      .click();
    await page.waitForURL(/\/passende-activiteiten$/);
    await expectAccessible(page);
    await screenshot(page, 'matching-passende-activiteiten');
    const meenemen = page.getByRole('button', { name: 'Meenemen naar gesprek' });
    expect(await meenemen.count()).toBeGreaterThan(0);
    await meenemen.first().click();
    await page.waitForLoadState();
    expect(page.url()).not.toMatch(/passende-activiteiten$/);
    await expectAccessible(page);
    expect(fouten).toEqual([]);
  });

  it('the netwerkmakelaar sees candidates for an activity', async () => {
    const { page, fouten } = await als('netwerk@demo.wederkerig.nl');
    await page.goto(`${e.baseUrl}/activiteiten`);
    const href = await page.locator('tbody a').first().getAttribute('href');
    await page.goto(`${e.baseUrl}${href}/kandidaten`);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'matching-kandidaten');
    expect(fouten).toEqual([]);
  });

  it('the functioneel beheerder previews weights', async () => {
    const { page, fouten } = await als('beheer@demo.wederkerig.nl');
    await page.goto(`${e.baseUrl}/beheer/matching`);
    await expectAccessible(page);
    const voorbeeld = page.getByRole('button', { name: /voorbeeld/i });
    if ((await voorbeeld.count()) > 0) {
      await voorbeeld.first().click();
      await page.waitForLoadState();
      await expectAccessible(page);
    }
    await screenshot(page, 'matching-gewichten');
    expect(fouten).toEqual([]);
  });

  it('the team lead computes a cohort and accepts a pair into a verkenning', async () => {
    const { page, fouten } = await als('teamleider@demo.wederkerig.nl');
    await page.goto(`${e.baseUrl}/cohorten`);
    await expectAccessible(page);
    await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Aardam' });
    await page.getByRole('button', { name: 'Voorstel berekenen' }).click();
    await page.waitForURL(/\/cohorten\/[0-9a-f-]{36}/);
    await page.locator('tbody input[type="checkbox"]').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'cohort-voorstel');
    const vinkjes = page.locator('tbody input[type="checkbox"]');
    expect(await vinkjes.count()).toBeGreaterThan(0);
    for (const v of await vinkjes.all()) await v.uncheck();
    await vinkjes.first().check();
    await page.getByRole('button', { name: 'Aangevinkte paren accepteren' }).click();
    await page.waitForLoadState();
    await page.getByRole('link', { name: 'naar de verkenning' }).first().waitFor();
    await expectAccessible(page);
    expect(fouten).toEqual([]);
  });
});
