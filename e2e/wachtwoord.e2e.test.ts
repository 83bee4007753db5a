import { beforeAll, describe, expect, it } from 'vitest';
import { withContext } from '../src/db/context.ts';
import { DEMO_DIENST } from '../src/demo/demo.ts';
import { createAuthService } from '../src/modules/auth/index.ts';
import { insertGebruiker } from '../test/factories/gebruikers.ts';
import { TestPostvak } from '../test/mail.ts';
import {
  type E2eApp,
  expectAccessible,
  newContext,
  screenshot,
  startE2eApp,
  watchConsole,
} from './support.ts';

let e: E2eApp;
beforeAll(async () => {
  e = await startE2eApp();
});

const demoDienst = () =>
  withContext(e.db.app, { kind: 'systeem', reden: 'e2e:dienst' }, async (tx) => {
    const d = await tx
      .selectFrom('dienst')
      .select('dienstId')
      .where('naam', '=', DEMO_DIENST)
      .executeTakeFirstOrThrow();
    return d.dienstId;
  });

describe('password reset in the browser', () => {
  it.each([true, false])(
    'asks for a link from the login page (JavaScript %s), accessible, with the same answer for every address',
    async (javaScriptEnabled) => {
      const ctx = await newContext({ javaScriptEnabled });
      const page = await ctx.newPage();
      const errors = watchConsole(page);
      await page.goto(`${e.baseUrl}/`);
      await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
      await page.waitForLoadState('domcontentloaded');
      expect(await page.locator('h1').textContent()).toBe('Wachtwoord vergeten');
      // axe runs in the page: only with JavaScript.
      const toegankelijk = () => (javaScriptEnabled ? expectAccessible(page) : Promise.resolve());
      await toegankelijk();
      await page.getByRole('button', { name: 'Link versturen' }).click();
      await page.waitForLoadState('domcontentloaded');
      expect(await page.title()).toContain('Fout: Wachtwoord vergeten');
      await toegankelijk();
      await page.getByLabel('E-mailadres').fill(`niemand.${javaScriptEnabled}@e2e.wederkerig.nl`);
      await page.getByRole('button', { name: 'Link versturen' }).click();
      await page.waitForLoadState('domcontentloaded');
      expect(await page.locator('h1').textContent()).toBe('Kijk in uw e-mail');
      await toegankelijk();
      if (javaScriptEnabled) await screenshot(page, 'wachtwoord-vergeten-aangevraagd');
      // The 422 of the empty form is the expected re-render.
      expect(errors.filter((m) => !m.includes('status of 422'))).toEqual([]);
      await ctx.close();
    },
  );

  it('chooses a new password with the mailed link: strength feedback, then back to the login page', async () => {
    const g = await insertGebruiker(e.db.app, { dienstId: await demoDienst(), naam: 'Herstel Collega' });
    const postvak = new TestPostvak();
    await createAuthService({ db: e.db.app, config: e.config, mailer: postvak }).vraagWachtwoordHerstelAan({
      email: g.email,
      ip: '10.5.0.1',
    });
    const link = postvak.aan(g.email)[0]?.link ?? '';
    const ctx = await newContext();
    const page = await ctx.newPage();
    const errors = watchConsole(page);
    await page.goto(`${e.baseUrl}${new URL(link).pathname}`);
    expect(await page.locator('h1').textContent()).toBe('Nieuw wachtwoord kiezen');
    await expectAccessible(page);
    // The meter (JavaScript) gives the same advice while typing.
    await page.getByLabel('Nieuw wachtwoord').pressSequentially('Wachtwoord1234');
    await page.getByText('te makkelijk te raden', { exact: false }).first().waitFor();
    expect(await page.getByRole('meter').count()).toBe(1);
    await expectAccessible(page);
    await page.getByLabel('Nieuw wachtwoord').fill('Wachtwoord1234');
    await page.getByLabel('Herhaal het wachtwoord').fill('Wachtwoord1234');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.waitForLoadState('domcontentloaded');
    expect(await page.getByText('Dit wachtwoord is te makkelijk te raden.').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'wachtwoord-herstellen-zwak');
    await page.getByLabel('Nieuw wachtwoord').fill('Paarse-olifant-fietst-langzaam');
    await page.getByLabel('Herhaal het wachtwoord').fill('Paarse-olifant-fietst-langzaam');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.waitForLoadState('domcontentloaded');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByText('Uw wachtwoord is gewijzigd.').count()).toBe(1);
    await expectAccessible(page);
    await page.goto(`${e.baseUrl}${new URL(link).pathname}`);
    expect(await page.locator('h1').textContent()).toBe('Deze link is al gebruikt');
    await expectAccessible(page);
    // 422 (the weak password) and 410 (the used link) are the expected answers.
    expect(errors.filter((m) => !/status of (422|410)/.test(m))).toEqual([]);
    await ctx.close();
  });
});
