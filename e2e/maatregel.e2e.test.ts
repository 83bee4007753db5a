import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { systeem, withContext } from '../src/db/context.ts';
import { createDemoServices, DEMO_WACHTWOORD } from '../src/demo/demo.ts';
import { systeemActor } from '../src/modules/auth/index.ts';
import { plusDagen, plusMaanden, vandaag } from '../src/modules/klanten/index.ts';
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
 * Issue 15 in the browser, with axe on every state: the measures page of an agreed placement under Aardam's imposed
 * decision without JavaScript (the intention form, and its refusal that keeps what was typed); then, with
 * JavaScript, the demo's heard intention walked on the single-measure page — the final proposal (a refusal keeps
 * what was typed), the team lead's approval, the reconsideration with four eyes — the team lead's list and the
 * export page.
 */

let e: E2eApp;
let plaatsing: string | undefined;
/** The demo's heard intention in Aardam (culpability assessed, only the final proposal missing). */
let gehoord: { tegenprestatieId: string; id: string; klantId: string } | undefined;

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
  gehoord = await withContext(e.db.app, systeem('e2e'), (tx) =>
    tx
      .selectFrom('maatregel')
      .select(['tegenprestatieId', 'id', 'klantId'])
      .where('status', '=', 'voornemen')
      .where('verwijtbaar', '=', true)
      .where('zienswijzeVorm', 'is not', null)
      .executeTakeFirst(),
  );
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
    // The app's today is the day in the Netherlands (never the UTC date).
    const gisteren = plusDagen(vandaag(), -1);
    await page.locator('#gedragDatum').fill(gisteren);
    await page.locator('#omschrijving').fill('Niet verschenen, niet afgemeld.');
    await page.getByRole('button', { name: 'Voornemen vastleggen' }).click();
    await page.getByRole('heading', { name: 'Er is een probleem' }).waitFor();
    expect(await page.locator('#omschrijving').inputValue()).toBe('Niet verschenen, niet afgemeld.');
    await expectAccessibleZonderJs(page);
    await ctx.close();
  }, 240_000);

  it('with JavaScript: proposal, four eyes, the decision, reconsideration; the team lead list and the export', async () => {
    expect(gehoord).toBeTruthy();
    const { tegenprestatieId, id, klantId } = gehoord as NonNullable<typeof gehoord>;
    const pad = `${e.baseUrl}/tegenprestaties/${tegenprestatieId}/maatregelen/${id}`;
    const ctx = await newContext();
    const page = await ctx.newPage();
    const fouten = watchConsole(page);
    await login(page, 'klantmanager.aardam@demo.wederkerig.nl');
    await page.goto(pad);
    await page.getByRole('heading', { name: 'Definitief voorstel aan de teamleider' }).waitFor();
    await expectAccessible(page);
    // Higher than the intention without a new hearing: refused, what was typed stays.
    const ingang = plusMaanden(`${vandaag().slice(0, 7)}-01`, 1);
    await page.locator('#percentage').fill('50');
    await page.locator('#maanden').fill('1');
    await page.locator('#ingangsdatum').fill(ingang);
    await page.locator('#voorstelMotivering').fill('Zwaarder, want het is de tweede keer.');
    await page.getByRole('button', { name: 'Voorstel indienen' }).click();
    await page.getByRole('heading', { name: 'Er is een probleem' }).waitFor();
    expect(await page.locator('#voorstelMotivering').inputValue()).toBe(
      'Zwaarder, want het is de tweede keer.',
    );
    await expectAccessible(page);
    await page.locator('#percentage').fill('30');
    await page.locator('#voorstelMotivering').fill('Eerste keer: 30 % voor één maand.');
    await page.getByRole('button', { name: 'Voorstel indienen' }).click();
    await page.getByText('Het voorstel ligt bij de teamleider.').waitFor();
    await expectAccessible(page);
    // Who receives: a bewindvoerder on the client's file (without an address: refused, the name stays).
    await page.goto(`${e.baseUrl}/klanten/${klantId}/vertegenwoordiging`);
    await page.getByRole('heading', { name: 'Vertegenwoordiger of partner vastleggen' }).waitFor();
    await expectAccessible(page);
    await page.locator('#soort').selectOption('bewindvoerder');
    await page.locator('#naam').fill('Mr. P. Bakker');
    await page.locator('#vanaf').fill(plusDagen(vandaag(), -30));
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByRole('heading', { name: 'Er is een probleem' }).waitFor();
    expect(await page.locator('#naam').inputValue()).toBe('Mr. P. Bakker');
    await expectAccessible(page);
    await page.locator('#adres').fill('Postbus 12, 1234 AA Aardam');
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByRole('heading', { name: 'Bewindvoerder: Mr. P. Bakker' }).waitFor();
    await expectAccessible(page);
    await ctx.close();

    const tlCtx = await newContext();
    const tl = await tlCtx.newPage();
    const tlFouten = watchConsole(tl);
    await login(tl, 'teamleider@demo.wederkerig.nl');
    await tl.goto(`${e.baseUrl}/maatregelen`);
    await tl.getByRole('heading', { name: 'Maatregelen in uw gemeenten' }).waitFor();
    await expectAccessible(tl);
    await tl.goto(pad);
    await tl.getByRole('heading', { name: 'Vier ogen: uw oordeel' }).waitFor();
    await tl.locator('#akkoord-ja').check();
    await tl.getByRole('button', { name: 'Oordeel vastleggen' }).click();
    await tl.getByText('Uw oordeel is vastgelegd.').waitFor();
    await tl.getByRole('heading', { name: 'Na het besluit' }).waitFor();
    await tl.getByText('Heroverweeg de maatregel uiterlijk').waitFor();
    await expectAccessible(tl);
    // The team lead proposes the reconsideration's outcome; they cannot determine it themselves.
    await tl.locator('#aanleiding').selectOption('heroverweging');
    await tl.locator('#uitkomst-voortgezet').check();
    await tl.locator('#motivering').fill('De klant komt nog steeds niet: de maatregel blijft.');
    await tl.getByRole('button', { name: 'Voorstel vastleggen' }).click();
    await tl.getByText('Het voorstel ligt bij de teamleider.').waitFor();
    await tl.locator('#wijziging-akkoord-ja').check();
    await tl.getByRole('button', { name: 'Oordeel vastleggen' }).click();
    await tl.getByText('vier ogen').first().waitFor();
    await expectAccessible(tl);
    await screenshot(tl, 'maatregel-na-besluit');
    // The export page.
    await tl.goto(`${e.baseUrl}/maatregel-export`);
    await tl.locator('#maand').fill(ingang.slice(0, 7));
    await tl.getByRole('button', { name: 'Export maken' }).click();
    await tl.getByText('De export is gemaakt en bewaard.').waitFor();
    await tl.getByRole('table').waitFor();
    await expectAccessible(tl);
    expect(fouten.filter((f) => !f.includes('status of 422'))).toEqual([]);
    expect(tlFouten.filter((f) => !f.includes('status of 422'))).toEqual([]);
    await tlCtx.close();
  }, 300_000);
});
