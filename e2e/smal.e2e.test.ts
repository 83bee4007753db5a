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
  startE2eApp,
} from './support.ts';

/**
 * Issue 16: every table is usable at 375 pixels wide. On key pages of the caseworker and the network broker, at
 * 375 × 800: the page itself never scrolls sideways; a table wider than the screen scrolls inside its own region,
 * which can be reached by keyboard, and the cue to scroll is visible; axe finds nothing (also without JavaScript).
 */
let e: E2eApp;
let placementId: string;
const KM = 'klantmanager.aardam@demo.wederkerig.nl';
const NM = 'netwerk@demo.wederkerig.nl';

beforeAll(async () => {
  e = await startE2eApp();
  const s = createDemoServices(e.db.app);
  const g = await withContext(e.db.app, systeem('e2e'), (tx) =>
    tx.selectFrom('gebruiker').select(['dienstId', 'id']).where('email', '=', KM).executeTakeFirstOrThrow(),
  );
  const t = (
    await s.tegenprestaties.findTegenprestaties(systeemActor('e2e', g.dienstId), {
      status: 'lopend',
      paginaGrootte: 100,
    })
  ).items.find((x) => x.klantmanagerId === g.id && x.startdatum !== null && x.startdatum < vandaag());
  if (!t) throw new Error('no running demo placement of the Aardam caseworker');
  placementId = t.id;
}, 240_000);

async function login(page: Page, email: string): Promise<void> {
  page.setDefaultTimeout(20_000);
  await page.goto(`${e.baseUrl}/`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(DEMO_WACHTWOORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(`${e.baseUrl}/`);
}

/** The page does not scroll sideways; each table that is wider scrolls in its region, with the cue visible. */
async function bruikbaarOp375(page: Page): Promise<number> {
  const meting = await page.evaluate(() => {
    const html = document.documentElement;
    const tabellen = [...document.querySelectorAll<HTMLElement>('.wk-tabel')].map((t) => {
      const regio = t.querySelector<HTMLElement>('.wk-tabel-scroll');
      const hint = t.querySelector<HTMLElement>('.wk-tabel-hint');
      return {
        breder: regio ? regio.scrollWidth > regio.clientWidth : false,
        scrolt: regio ? getComputedStyle(regio).overflowX === 'auto' : false,
        focusbaar: regio?.tabIndex === 0,
        naam: regio?.getAttribute('aria-labelledby') ?? '',
        hintZichtbaar: hint ? hint.offsetParent !== null && hint.getBoundingClientRect().height > 0 : false,
        binnenScherm: regio ? regio.getBoundingClientRect().right <= html.clientWidth + 1 : false,
      };
    });
    // What sticks out of the page (outside a table's own region), to name it when the page scrolls sideways.
    const uitsteken = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter(
        (el) => !el.closest('.wk-tabel-scroll') && el.getBoundingClientRect().right > html.clientWidth + 1,
      )
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 80))
      .slice(0, 8);
    return { paginaBreedte: html.scrollWidth, schermBreedte: html.clientWidth, tabellen, uitsteken };
  });
  expect(meting.schermBreedte).toBeLessThanOrEqual(375);
  expect(
    meting.paginaBreedte,
    `${page.url()} scrolls sideways: ${meting.uitsteken.join(', ')}`,
  ).toBeLessThanOrEqual(meting.schermBreedte);
  for (const t of meting.tabellen) {
    expect(t.scrolt).toBe(true);
    expect(t.focusbaar).toBe(true);
    expect(t.naam).not.toBe('');
    expect(t.hintZichtbaar).toBe(true);
    expect(t.binnenScherm).toBe(true);
  }
  return meting.tabellen.filter((t) => t.breder).length;
}

describe('tables at 375 pixels', () => {
  it('the caseworker: work list, clients, the placement; scrolls within the table, never the page', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 375, height: 800 });
    await login(page, KM);
    let breed = 0;
    for (const pad of ['/', '/klanten', `/tegenprestaties/${placementId}/uitvoering`, '/signalen']) {
      await page.goto(`${e.baseUrl}${pad}`);
      breed += await bruikbaarOp375(page);
      await expectAccessible(page);
    }
    // At least one of these tables is wider than the screen: the test measures a real overflow, not only fits.
    expect(breed).toBeGreaterThan(0);
    // A keyboard user reaches the client list's region and scrolls it sideways.
    await page.goto(`${e.baseUrl}/klanten`);
    const regio = page.locator('.wk-tabel-scroll').first();
    await regio.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    expect(await regio.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await ctx.close();
  });

  it('the network broker without JavaScript: activities and organisations', async () => {
    const ctx = await newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 375, height: 800 });
    await login(page, NM);
    for (const pad of ['/activiteiten', '/organisaties']) {
      await page.goto(`${e.baseUrl}${pad}`);
      expect(await page.locator('.wk-tabel').count()).toBeGreaterThan(0);
      await bruikbaarOp375(page);
      await expectAccessibleZonderJs(page);
    }
    await ctx.close();
  });
});
