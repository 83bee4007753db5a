import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { systeem, withContext } from '../src/db/context.ts';
import { createDemoServices, DEMO_WACHTWOORD } from '../src/demo/demo.ts';
import { systeemActor } from '../src/modules/auth/index.ts';
import { vandaag } from '../src/modules/klanten/index.ts';
import { maandagVan } from '../src/modules/uitvoering/index.ts';
import {
  type E2eApp,
  expectAccessible,
  expectAccessibleZonderJs,
  newContext,
  startE2eApp,
  watchConsole,
} from './support.ts';

/** A caseworker's day (issue 16): home → client → hours, without JavaScript, axe on each page. */
let e: E2eApp;
let placement: { id: string; klantId: string; klantNaam: string };
const KM = 'klantmanager.aardam@demo.wederkerig.nl';

/** The Monday of last week: a week wholly in the past. */
const vorigeWeek = (): string => {
  const d = new Date(`${maandagVan(vandaag())}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 7);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  e = await startE2eApp();
  const s = createDemoServices(e.db.app);
  const g = await withContext(e.db.app, systeem('e2e'), (tx) =>
    tx.selectFrom('gebruiker').select(['dienstId', 'id']).where('email', '=', KM).executeTakeFirstOrThrow(),
  );
  const actor = systeemActor('e2e', g.dienstId);
  const t = (
    await s.tegenprestaties.findTegenprestaties(actor, { status: 'lopend', paginaGrootte: 100 })
  ).items.find((x) => x.klantmanagerId === g.id && x.startdatum !== null && x.startdatum < vandaag());
  if (!t) throw new Error('no running demo placement of the Aardam caseworker');
  const klant = await s.klanten.findKlant(actor, t.klantId);
  if (klant.klantmanager?.id !== g.id)
    throw new Error('the placement’s client is not in the caseworker’s own list');
  placement = { id: t.id, klantId: t.klantId, klantNaam: klant.naam };
}, 240_000);

async function login(page: Page, email: string): Promise<void> {
  page.setDefaultTimeout(20_000);
  await page.goto(`${e.baseUrl}/`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(DEMO_WACHTWOORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(`${e.baseUrl}/`);
}

describe('the caseworker’s day', () => {
  it('without JavaScript: the work list, filtered by phase, the client, the hours, own tegenprestaties, an error page', async () => {
    const ctx = await newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await login(page, KM);
    expect(await page.locator('h1').textContent()).toBe('Werklijst');
    expect(await page.locator('main').textContent()).not.toContain('Wat er nog komt');
    await expectAccessibleZonderJs(page);
    // Filter with the GET form: only running placements.
    await page.locator('#fase').selectOption('lopend');
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.waitForURL(/fase=lopend/);
    const rij = page.getByRole('row', { name: new RegExp(placement.klantNaam) });
    expect(await rij.count()).toBe(1);
    expect(await page.locator('tbody tr').count()).toBe(
      await page.getByRole('cell', { name: 'Lopend', exact: true }).count(),
    );
    await expectAccessibleZonderJs(page);
    // The client's file.
    await rij.getByRole('link', { name: placement.klantNaam }).click();
    await page.waitForURL(`${e.baseUrl}/klanten/${placement.klantId}`);
    await expectAccessibleZonderJs(page);
    // Back to the list, then the placement's hours.
    await page.goto(`${e.baseUrl}/?fase=lopend`);
    await page
      .getByRole('row', { name: new RegExp(placement.klantNaam) })
      .getByRole('link', { name: 'Lopend' })
      .click();
    await page.waitForURL(`${e.baseUrl}/tegenprestaties/${placement.id}/uitvoering`);
    await page.getByRole('heading', { name: 'Uren', exact: true }).waitFor();
    await expectAccessibleZonderJs(page);
    await page.goto(`${e.baseUrl}/tegenprestaties/${placement.id}/uitvoering?week=${vorigeWeek()}`);
    await page.getByRole('button', { name: 'Uren opslaan' }).click();
    await page.getByText('Er is niets gewijzigd').waitFor();
    await expectAccessibleZonderJs(page);
    // The caseworker's own tegenprestaties, from the menu.
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Mijn tegenprestaties' })
      .click();
    await page.getByRole('heading', { name: 'Mijn tegenprestaties', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: placement.klantNaam }).count()).toBeGreaterThanOrEqual(1);
    await expectAccessibleZonderJs(page);
    // A page that does not exist keeps the menu and the logout button.
    const res = await page.goto(`${e.baseUrl}/bestaat-niet`);
    expect(res?.status()).toBe(404);
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Uitloggen' }).count()).toBe(1);
    await expectAccessibleZonderJs(page);
    await ctx.close();
  });

  it('with JavaScript: the team lead’s and the netwerkmakelaar’s start pages pass axe', async () => {
    for (const [email, kop] of [
      ['teamleider@demo.wederkerig.nl', 'Per team'],
      ['netwerk@demo.wederkerig.nl', 'Intervisie die wacht'],
    ] as const) {
      const ctx = await newContext();
      const page = await ctx.newPage();
      const fouten = watchConsole(page);
      await login(page, email);
      expect(await page.locator('h1').textContent()).toBe('Werklijst');
      await page
        .getByRole('heading', { name: new RegExp(kop) })
        .first()
        .waitFor();
      await expectAccessible(page);
      expect(fouten).toEqual([]);
      await ctx.close();
    }
  });
});
