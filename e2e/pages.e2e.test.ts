import { beforeAll, describe, expect, it } from 'vitest';
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

describe('public pages in Chromium', () => {
  it('shows the Dutch home page, accessible, without console errors', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    const errors = watchConsole(page);
    await page.goto(`${e.baseUrl}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    expect(await page.locator('h1').first().textContent()).toContain('Wederkerig');
    expect(await page.getByText('Demo-omgeving').count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'home');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('lets a keyboard user skip to the content', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    await page.goto(`${e.baseUrl}/`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe('Naar de inhoud');
    await ctx.close();
  });

  it('works without JavaScript, checked with axe', async () => {
    const ctx = await newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    const res = await page.goto(`${e.baseUrl}/`);
    expect(res?.status()).toBe(200);
    expect(await page.locator('h1').first().textContent()).toContain('Wederkerig');
    await expectAccessibleZonderJs(page);
    await ctx.close();
  });

  it('shows an accessible Dutch 404 page', async () => {
    const ctx = await newContext();
    const page = await ctx.newPage();
    const res = await page.goto(`${e.baseUrl}/bestaat-niet`);
    expect(res?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Pagina niet gevonden');
    await expectAccessible(page);
    await ctx.close();
  });
});
