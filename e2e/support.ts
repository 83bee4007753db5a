import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page, type Route } from 'playwright-core';
import { afterAll, expect, inject } from 'vitest';
import type { Config } from '../src/config.ts';
import { createTestApp } from '../test/app.ts';
import { createDemoTestDatabase, type TestDatabase } from '../test/db.ts';

export interface E2eApp {
  app: FastifyInstance;
  db: TestDatabase;
  baseUrl: string;
  config: Config;
}

/** The whole app with the demo data (cloned from the run's demo template), listening on a free port, closed after the file. */
export async function startE2eApp(overrides: Partial<Config> = {}): Promise<E2eApp> {
  const { db } = await createDemoTestDatabase('zonder-bsn');
  const t = await createTestApp({ mode: 'demo', ...overrides }, db);
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const address = t.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app: t.app, db: t.db, config: t.config, baseUrl: `http://127.0.0.1:${port}` };
}

let browser: Browser | undefined;

/**
 * A fresh browser context per call (JavaScript on or off), in the run's one Chromium (e2e/global-setup.ts):
 * each file connects once and closes its connection after the file, not the browser.
 */
export async function newContext(opts: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  if (!browser) {
    browser = await chromium.connect(inject('chromiumWsEndpoint'));
    afterAll(async () => {
      await browser?.close();
      browser = undefined;
      controle = undefined;
    });
  }
  return browser.newContext({ locale: 'nl-NL', javaScriptEnabled: opts.javaScriptEnabled ?? true });
}

/** Collects console errors and CSP violations of a page, to assert none happened. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/**
 * axe-core with the WCAG 2.1 A and AA rules: zero violations allowed.
 *
 * axe runs in the page itself (`setLegacyMode`): its default mode runs each frame apart and then opens a new blank
 * page to combine the results, which doubled the cost of every check and is only needed for pages with frames.
 * Our pages have none — asserted here, so a page that gets one is noticed rather than half-checked.
 * `resultTypes: ['violations']` (axe's documented performance option): every rule still runs on every node, but axe
 * builds selectors and HTML snippets only for violations instead of for each passing node, and the answer that
 * crosses to the test is small.
 */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await page.locator('iframe, frame').count(), 'a page with frames needs axe in frame mode').toBe(0);
  // `options()` replaces every option, `withTags()` then adds `runOnly`: in this order, or the tags are lost.
  const result = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode(true)
    .analyze();
  const summary = result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}

/**
 * axe on a page as a browser without JavaScript rendered it (axe itself needs JavaScript): the page's HTML is
 * served again at the same address to a JavaScript-enabled page, whose styles load from the app and whose scripts
 * are blocked, so axe sees exactly the no-JavaScript page — also the answer to a POST (a 422 form) that a second
 * GET could not reproduce.
 */
export async function expectAccessibleZonderJs(page: Page): Promise<void> {
  const html = await page.content();
  const url = page.url();
  const p = await controlePagina();
  // Registered last, so it answers first for the page itself; removed again after the check.
  const handler = (route: Route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  await p.route(url, handler);
  try {
    await p.goto(url);
    await expectAccessible(p);
  } finally {
    await p.unroute(url, handler);
  }
}

let controle: Promise<Page> | undefined;

/**
 * The page that re-renders no-JavaScript HTML for axe: one per file (a new browser context per check cost more than
 * the check), with every script blocked. It lives in the file's browser connection and closes with it.
 */
function controlePagina(): Promise<Page> {
  controle ??= (async () => {
    const ctx = await newContext();
    const p = await ctx.newPage();
    await p.route('**/*', (route) =>
      route.request().resourceType() === 'script' ? route.abort() : route.continue(),
    );
    return p;
  })();
  return controle;
}

/**
 * Saves a screenshot under e2e/screenshots (ignored by git) to look at — only when asked
 * (`E2E_SCREENSHOTS=1 npm run test:e2e`): a full-page PNG costs time that the test loop does not spend.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.E2E_SCREENSHOTS) return;
  const dir = join(import.meta.dirname, 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
