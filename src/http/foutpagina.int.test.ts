import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../test/app.ts';
import { ingelogdAls, type TestBrowser } from '../../test/browser.ts';
import { createTestDatabase } from '../../test/db.ts';
import { insertGebruiker, TEST_WACHTWOORD } from '../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../test/factories/gemeenten.ts';
import { buildApp } from '../app.ts';

/** Error pages (403, 404, 500) of a signed-in user keep the menu and the logout button (issue 16). */
let app: Awaited<ReturnType<typeof buildApp>>;
let km: TestBrowser;

beforeAll(async () => {
  const db = await createTestDatabase();
  app = await buildApp({ config: testConfig(), db, logger: false });
  // A page that fails the way an unexpected bug does (the error handler answers 500).
  app.get('/test/kapot', { schema: { hide: true } }, async () => {
    throw new Error('interne fout met details die niemand mag zien');
  });
  await app.ready();
  const g = await insertGemeente(db.app, { naam: 'Foutdam' });
  const gebruiker = await insertGebruiker(db.app, {
    dienstId: g.dienstId,
    rol: 'klantmanager',
    gemeenten: [g.gemeenteId],
  });
  km = await ingelogdAls(app, { email: gebruiker.email, wachtwoord: TEST_WACHTWOORD });
});
afterAll(async () => {
  await app.close();
});

const heeftMenuEnUitloggen = (html: string) => {
  expect(html).toContain('aria-label="Hoofdmenu"');
  expect(html).toContain('href="/klanten"');
  expect(html).toMatch(/<button[^>]*>Uitloggen<\/button>/);
};

describe('error pages of a signed-in user', () => {
  it('403 keeps the menu and the logout button', async () => {
    const res = await km.get('/beheer/gebruikers');
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Dat lukt niet');
    heeftMenuEnUitloggen(res.body);
  });

  it('404 keeps the menu and the logout button', async () => {
    const res = await km.get('/bestaat-niet');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Pagina niet gevonden');
    heeftMenuEnUitloggen(res.body);
  });

  it('500 keeps the menu and the logout button, and says nothing internal', async () => {
    const res = await km.get('/test/kapot');
    expect(res.statusCode).toBe(500);
    expect(res.body).toContain('Er ging iets mis');
    expect(res.body).not.toContain('interne fout');
    heeftMenuEnUitloggen(res.body);
  });

  it('an anonymous visitor gets the error page without a menu or logout', async () => {
    const res = await app.inject({ url: '/bestaat-niet' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Uitloggen');
    expect(res.body).not.toContain('href="/klanten"');
  });
});
