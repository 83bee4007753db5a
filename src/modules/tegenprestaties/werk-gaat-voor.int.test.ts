import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { ingelogdAls, type TestBrowser } from '../../../test/browser.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker, insertTeam, type TestGebruiker } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { insertLopendeTegenprestatie } from '../../../test/factories/uitvoering.ts';
import { createAuthService, systeemActor } from '../auth/index.ts';
import { createLogboekService } from '../logboek/index.ts';

// Werk gaat voor (issue 14 part B): paid work that starts later in the design's period, on one of its day parts,
// blocks toetsing (API 422 problem+json with the checklist's reason) and the design page shows it.

let t: TestApp;
let kmToken: string;
let nmToken: string;
let kmBrowser: TestBrowser;
let ontwerp: { id: string; klantId: string };

const api = (token: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: {
      authorization: `Bearer ${token}`,
      ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
  });

beforeAll(async () => {
  t = await createTestApp();
  const g = await insertGemeente(t.db.app, { naam: 'Aardam' });
  const dienstId = g.dienstId;
  const A = g.gemeenteId;
  await createLogboekService(t.db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const team = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  const km: TestGebruiker = await insertGebruiker(t.db.app, {
    dienstId,
    rol: 'klantmanager',
    gemeenten: [A],
    teams: [team],
  });
  const nm = await insertGebruiker(t.db.app, { dienstId, rol: 'netwerkmakelaar', gemeenten: [A] });
  // A complete design (ma-ochtend, wo-ochtend; 8 hours; 2026-09-07 to 2027-03-05) that reached toetsing.
  ontwerp = await insertLopendeTegenprestatie(t.db.app, {
    km: actorVan(km, { gemeenten: [A], teams: [team] }),
    gemeenteId: A,
    tot: 'toetsing',
  });
  const auth = createAuthService({ db: t.db.app, config: t.config });
  kmToken = (await auth.createApiTokenVoorEmail(systeemActor('test'), { email: km.email, naam: 'test' }))
    .token;
  nmToken = (await auth.createApiTokenVoorEmail(systeemActor('test'), { email: nm.email, naam: 'test' }))
    .token;
  kmBrowser = await ingelogdAls(t.app, km);
});

describe('werk gaat voor, also later in the period', () => {
  it('work starting later on a day part of the design blocks toetsing, with the reason on the page', async () => {
    const url = `/api/v1/tegenprestaties/${ontwerp.id}/statusovergangen`;
    const terug = await api(kmToken, 'POST', url, { naar: 'ontwerp', reden: 'De klant gaat werken.' });
    expect(terug.statusCode).toBe(201);
    const werk = await api(kmToken, 'PATCH', `/api/v1/klanten/${ontwerp.klantId}`, {
      werk: [
        { omschrijving: 'Magazijn', urenPerWeek: 4, dagdelen: ['ma-ochtend'], begindatum: '2026-12-14' },
      ],
    });
    expect(werk.statusCode).toBe(200);
    const weer = await api(kmToken, 'POST', url, { naar: 'toetsing' });
    expect(weer.statusCode).toBe(422);
    expect(weer.headers['content-type']).toContain('application/problem+json');
    expect(weer.body).toContain(
      'Op 14-12-2026 begint de klant met betaald werk (Magazijn) op maandagochtend',
    );
    const pagina = await kmBrowser.get(`/tegenprestaties/${ontwerp.id}`);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain(
      'Betaald werk en re-integratie gaan voor, ook als ze later in de periode beginnen',
    );
    expect(pagina.body).toContain('dat botst met de dagdelen van het ontwerp');
    // Work on another day part does not block.
    await api(kmToken, 'PATCH', `/api/v1/klanten/${ontwerp.klantId}`, {
      werk: [
        { omschrijving: 'Magazijn', urenPerWeek: 4, dagdelen: ['di-ochtend'], begindatum: '2026-12-14' },
      ],
    });
    expect((await api(kmToken, 'POST', url, { naar: 'toetsing' })).statusCode).toBe(201);
    // A role that may not design is refused.
    expect((await api(nmToken, 'POST', url, { naar: 'ontwerp', reden: 'x' })).statusCode).toBe(403);
  });
});
