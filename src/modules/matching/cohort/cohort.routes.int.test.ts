import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { ingelogdAls, type TestBrowser } from '../../../../test/browser.ts';
import { actorVan } from '../../../../test/factories/actoren.ts';
import { insertGebruiker, insertTeam, type TestGebruiker } from '../../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../../test/factories/gemeenten.ts';
import { maakKlant } from '../../../../test/factories/klanten.ts';
import { maakActiviteit, maakOrganisatie, maakToets } from '../../../../test/factories/netwerk.ts';
import { createAuthService, systeemActor } from '../../auth/index.ts';
import { createBeheerService } from '../../beheer/index.ts';
import { createGemeentenService } from '../../gemeenten/index.ts';
import { createKlantenService, medewerkersUitBeheer } from '../../klanten/index.ts';
import { createLogboekService } from '../../logboek/index.ts';
import { createNetwerkService } from '../../netwerk/index.ts';
import type { CohortRun, CohortToewijzing } from './cohort.schemas.ts';

// The cohort pages and API through the whole app: the real ranking (kandidatenVoorCohort), the solver, the
// tegenprestaties module's startVerkenning. Without a job runner every cohort is computed in the request.

let t: TestApp;
let A: string;
let tl: TestGebruiker;
let tlBrowser: TestBrowser;
let kmBrowser: TestBrowser;
type Wie = { token: string };
let tlApi: Wie;
let kmApi: Wie;
let tlBApi: Wie;
const klantIds: string[] = [];
const activiteitIds: string[] = [];

async function tokenVoor(g: TestGebruiker): Promise<Wie> {
  const { token } = await createAuthService({ db: t.db.app, config: t.config }).createApiTokenVoorEmail(
    systeemActor('test'),
    { email: g.email, naam: 'test' },
  );
  return { token };
}

async function api(wie: Wie, method: 'GET' | 'POST', url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: {
      authorization: `Bearer ${wie.token}`,
      ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await insertGemeente(t.db.app, { naam: 'Aardam' });
  const dienstId = a.dienstId;
  A = a.gemeenteId;
  const B = (await insertGemeente(t.db.app, { dienstId, naam: 'Bergdorp' })).gemeenteId;
  await createLogboekService(t.db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const team = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  tl = await insertGebruiker(t.db.app, { dienstId, rol: 'teamleider', gemeenten: [A], teams: [team] });
  const km = await insertGebruiker(t.db.app, {
    dienstId,
    rol: 'klantmanager',
    gemeenten: [A],
    teams: [team],
  });
  const tlB = await insertGebruiker(t.db.app, { dienstId, rol: 'teamleider', gemeenten: [B] });
  const nm = await insertGebruiker(t.db.app, { dienstId, rol: 'netwerkmakelaar', gemeenten: [A] });
  const gemeenten = createGemeentenService(t.db.app);
  const klanten = createKlantenService({
    db: t.db.app,
    bsnSleutels: undefined,
    gemeenten,
    medewerkers: medewerkersUitBeheer(createBeheerService(t.db.app, { gemeenten }), 0),
  });
  const netwerk = createNetwerkService({ db: t.db.app, gemeenten });
  const tlActor = actorVan(tl, { gemeenten: [A], teams: [team] });
  const nmActor = actorVan(nm, { gemeenten: [A] });
  for (let i = 0; i < 4; i++)
    klantIds.push(
      (
        await klanten.createKlant(
          tlActor,
          maakKlant({
            gemeenteId: A,
            achternaam: `Cohortklant-${i}`,
            beschikbaarheid: ['ma-ochtend', 'wo-ochtend'],
          }),
        )
      ).id,
    );
  const organisatieId = (await netwerk.createOrganisatie(nmActor, maakOrganisatie({ gemeenteIds: [A] }))).id;
  for (const plaatsen of [1, 2]) {
    const id = (
      await netwerk.createActiviteit(
        nmActor,
        maakActiviteit({ gemeenteIds: [A], organisatieId, plaatsen, titel: `Koffie schenken ${plaatsen}` }),
      )
    ).id;
    await netwerk.createVerdringingstoets(nmActor, id, maakToets());
    activiteitIds.push(id);
  }
  tlBrowser = await ingelogdAls(t.app, tl);
  kmBrowser = await ingelogdAls(t.app, km);
  tlApi = await tokenVoor(tl);
  kmApi = await tokenVoor(km);
  tlBApi = await tokenVoor(tlB);
});

describe('cohort pages', () => {
  it('shows the form to the team lead only, and says what optimal means', async () => {
    const res = await tlBrowser.get('/cohorten');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Cohort verdelen');
    expect(res.body).toContain('Optimaal betekent hier');
    expect(res.body).toContain('de K beste na de harde filters');
    expect(res.body).toContain('Koffie schenken 2');
    expect((await kmBrowser.get('/cohorten')).statusCode).toBe(403);
  });

  it('answers a malformed run id with the Dutch 404 page on every cohort page and the API, never a 500', async () => {
    for (const id of ['geen-uuid', '12345', "1'%20OR%20'1'%3D'1", '00000000-0000-0000-0000-00000000000g']) {
      for (const pad of [`/cohorten/${id}`, `/cohorten/${id}/voortgang`]) {
        const res = await tlBrowser.get(pad);
        expect(res.statusCode, pad).toBe(404);
      }
      await tlBrowser.get('/cohorten');
      const besluit = await tlBrowser.post(`/cohorten/${id}/besluiten`, { klantIds: randomUUID() });
      expect(besluit.statusCode, `besluiten ${id}`).toBe(404);
      const viaApi = await api(tlApi, 'GET', `/api/v1/cohort-toewijzingen/${id}`);
      expect([400, 404], `API ${id}`).toContain(viaApi.statusCode);
    }
  });

  it('re-renders invalid input with 422, an error summary and the input kept', async () => {
    await tlBrowser.get('/cohorten');
    const res = await tlBrowser.post('/cohorten', { gemeenteId: A, activiteiten: 'gekozen', k: 'veel' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Er is een probleem');
    expect(res.body).toContain('Vul een aantal in van 1 tot en met 200.');
    expect(res.body).toContain('Vink minstens één activiteit aan');
    expect(res.body).toContain('value="veel"');
  });

  it('computes a proposal, shows it with reasons and the clients without a place, and accepts pairs', async () => {
    await tlBrowser.get('/cohorten');
    const res = await tlBrowser.post('/cohorten', { gemeenteId: A, activiteiten: 'alle', k: '50' });
    expect(res.statusCode).toBe(303);
    const pad = res.headers.location as string;
    expect(pad).toMatch(/^\/cohorten\/[0-9a-f-]{36}$/);
    const runId = pad.split('/').at(-1)!;

    const pagina = await tlBrowser.get(pad);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain('Voorstel cohortverdeling');
    expect(pagina.body).toContain('Klanten met een plaats');
    expect(pagina.body).toContain('Optimaal betekent hier');

    const c = (await api(tlApi, 'GET', `/api/v1/cohort-toewijzingen/${runId}`)).json() as CohortToewijzing;
    expect(c.status).toBe('klaar');
    expect(c.aantalKlanten).toBe(4);
    expect(c.aantalPlaatsen).toBe(3);
    expect(c.totaalVoorstellen).toBe(4);
    const voorgesteld = c.voorstellen.filter((v) => v.status === 'voorgesteld');
    expect(voorgesteld.length).toBeLessThanOrEqual(3);
    expect(voorgesteld.length).toBeGreaterThan(0);
    for (const v of c.voorstellen) {
      if (v.activiteitId) expect(pagina.body).toContain(`value="${v.klantId}"`);
      else expect(v.reden).toBeTruthy();
    }
    // never more clients at an activity than its places
    for (const [id, plaatsen] of [
      [activiteitIds[0]!, 1],
      [activiteitIds[1]!, 2],
    ] as const)
      expect(c.voorstellen.filter((v) => v.activiteitId === id).length).toBeLessThanOrEqual(plaatsen);

    // nothing ticked: 422 with the message, the proposal shown again
    const leeg = await tlBrowser.post(`/cohorten/${runId}/besluiten`, { besluit: 'accepteer', pagina: '1' });
    expect(leeg.statusCode).toBe(422);
    expect(leeg.body).toContain('Vink minstens één paar aan.');

    if (voorgesteld.length > 0) {
      const eerste = voorgesteld[0]!;
      await tlBrowser.get(pad);
      const besluit = await tlBrowser.post(`/cohorten/${runId}/besluiten`, {
        klantIds: eerste.klantId,
        besluit: 'accepteer',
        pagina: '1',
      });
      expect(besluit.statusCode).toBe(303);
      const na = await tlBrowser.get(besluit.headers.location as string);
      expect(na.body).toContain('1 paar geaccepteerd');
      const daarna = (
        await api(tlApi, 'GET', `/api/v1/cohort-toewijzingen/${runId}`)
      ).json() as CohortToewijzing;
      const v = daarna.voorstellen.find((x) => x.klantId === eerste.klantId)!;
      expect(v.status).toBe('geaccepteerd');
      expect(v.tegenprestatieId).toBeTruthy();
      const ontwerp = await api(tlApi, 'GET', `/api/v1/tegenprestaties/${v.tegenprestatieId}`);
      expect(ontwerp.statusCode).toBe(200);
      expect(ontwerp.json()).toMatchObject({
        status: 'verkenning',
        klantId: eerste.klantId,
        activiteitId: eerste.activiteitId,
        suggestie: { bron: 'cohort', score: eerste.score },
      });
    }
  });
});

describe('cohort API', () => {
  it('answers 201 with a Location for a small cohort, and refuses other roles and municipalities', async () => {
    const res = await api(tlApi, 'POST', '/api/v1/cohort-toewijzingen', {
      gemeenteId: A,
      klantIds,
      activiteitIds,
      k: 10,
    });
    expect(res.statusCode).toBe(201);
    const run = res.json() as CohortRun;
    expect(res.headers.location).toBe(`/api/v1/cohort-toewijzingen/${run.id}`);
    expect(run).toMatchObject({ status: 'klaar', aantalKlanten: 4, aantalActiviteiten: 2, k: 10 });

    expect(
      (await api(kmApi, 'POST', '/api/v1/cohort-toewijzingen', { gemeenteId: A, klantIds })).statusCode,
    ).toBe(403);
    expect((await api(kmApi, 'GET', `/api/v1/cohort-toewijzingen/${run.id}`)).statusCode).toBe(403);
    expect((await api(tlBApi, 'GET', `/api/v1/cohort-toewijzingen/${run.id}`)).statusCode).toBe(404);
    const fout = await api(tlApi, 'POST', '/api/v1/cohort-toewijzingen', { gemeenteId: A });
    expect(fout.statusCode).toBe(400);
    expect(fout.headers['content-type']).toContain('application/problem+json');
  });
});
