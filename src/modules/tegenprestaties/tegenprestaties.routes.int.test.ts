import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  TEST_BSN_ENCRYPTION_KEYS,
  TEST_BSN_HASH_KEY,
  type TestApp,
} from '../../../test/app.ts';
import { ingelogdAls, type TestBrowser } from '../../../test/browser.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker, insertTeam, type TestGebruiker } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { maakKlant } from '../../../test/factories/klanten.ts';
import { maakActiviteit, maakOrganisatie, maakToets } from '../../../test/factories/netwerk.ts';
import { createAuthService, systeemActor } from '../auth/index.ts';
import { createBeheerService } from '../beheer/index.ts';
import { createGemeentenService } from '../gemeenten/index.ts';
import { createKlantenService, medewerkersUitBeheer, parseBsnSleutels } from '../klanten/index.ts';
import { createLogboekService } from '../logboek/index.ts';
import { createNetwerkService } from '../netwerk/index.ts';

let t: TestApp;
let dienstId: string;
let A: string;
let km: TestGebruiker;
let kmAnder: TestGebruiker;
let tl: TestGebruiker;
let nm: TestGebruiker;
let kmBrowser: TestBrowser;
let klant: string;
let klantNaam: string;
let activiteit: string;
let tokens: Record<'km' | 'nm', string>;

/** The design form, filled in completely (the names the page's form uses). */
function formulier(over: Record<string, string> = {}): Record<string, string> {
  return {
    activiteitId: activiteit,
    urenPerWeek: '8',
    dagdelen: 'ma-ochtend',
    startdatum: '2027-01-04',
    einddatum: '2027-07-05',
    evaluatiedata: '2027-04-05',
    vervolg: 're-integratie',
    'maatwerk.leeftijd': '41 jaar.',
    'maatwerk.opleiding': 'Mbo 2.',
    'maatwerk.werkervaring': 'Magazijn.',
    'maatwerk.omstandigheden': 'Werkt 4 uur.',
    'wederkerigheid.categorie': 'begeleiding',
    'wederkerigheid.omschrijving': 'Ineke begeleidt.',
    'overtuigd.klantmanager.oordeel': 'ja',
    'overtuigd.klantmanager.motivering': 'Past bij de wens.',
    'overtuigd.klant.oordeel': 'ja',
    'overtuigd.klant.motivering': 'Ik wil dit graag.',
    'overtuigd.organisatie.oordeel': 'ja',
    'overtuigd.organisatie.motivering': 'Welkom.',
    'afwijkingen.gesprek': 'Het gesprek volgt volgende week; de klant wil al beginnen.',
    ...over,
  };
}

async function api(
  token: string | undefined,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: unknown,
) {
  return t.app.inject({
    method,
    url,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
  });
}

const versieOp = (html: string) => /name="versie" value="(\d+)"/.exec(html)?.[1] ?? '';

beforeAll(async () => {
  t = await createTestApp();
  const g = await insertGemeente(t.db.app, { naam: 'Aardam', code: 'GM9921' });
  dienstId = g.dienstId;
  A = g.gemeenteId;
  await createLogboekService(t.db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const t1 = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  const t2 = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  km = await insertGebruiker(t.db.app, { dienstId, rol: 'klantmanager', gemeenten: [A], teams: [t1] });
  kmAnder = await insertGebruiker(t.db.app, { dienstId, rol: 'klantmanager', gemeenten: [A], teams: [t2] });
  tl = await insertGebruiker(t.db.app, { dienstId, rol: 'teamleider', gemeenten: [A], teams: [t1, t2] });
  nm = await insertGebruiker(t.db.app, { dienstId, rol: 'netwerkmakelaar', gemeenten: [A] });
  const gemeenten = createGemeentenService(t.db.app);
  const netwerk = createNetwerkService({ db: t.db.app, gemeenten });
  const nmActor = actorVan(nm, { gemeenten: [A] });
  const org = await netwerk.createOrganisatie(nmActor, maakOrganisatie({ gemeenteIds: [A] }));
  activiteit = (
    await netwerk.createActiviteit(nmActor, maakActiviteit({ gemeenteIds: [A], organisatieId: org.id }))
  ).id;
  await netwerk.createVerdringingstoets(nmActor, activiteit, maakToets());
  const klanten = createKlantenService({
    db: t.db.app,
    bsnSleutels: parseBsnSleutels(TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY),
    gemeenten,
    medewerkers: medewerkersUitBeheer(createBeheerService(t.db.app, { gemeenten }), 0),
  });
  const nieuweKlant = await klanten.createKlant(
    actorVan(km, { gemeenten: [A], teams: [t1] }),
    maakKlant({ gemeenteId: A, belastbaarheid: { maxUrenPerWeek: 16 }, werk: [{ urenPerWeek: 4 }] }),
  );
  klant = nieuweKlant.id;
  klantNaam = nieuweKlant.naam;
  kmBrowser = await ingelogdAls(t.app, km);
  const auth = createAuthService({ db: t.db.app, config: t.config });
  const token = async (u: TestGebruiker) =>
    (await auth.createApiTokenVoorEmail(systeemActor('test'), { email: u.email, naam: 'test' })).token;
  tokens = { km: await token(km), nm: await token(nm) };
});

describe('pages (without JavaScript)', () => {
  it('from the client file to a design in toetsing, guided by the checklist', async () => {
    const tab = await kmBrowser.get(`/klanten/${klant}/tegenprestaties`);
    expect(tab.statusCode).toBe(200);
    expect(tab.body).toContain('aria-current="page">Tegenprestaties');
    const nieuw = await kmBrowser.post(`/klanten/${klant}/tegenprestaties`);
    expect(nieuw.statusCode).toBe(303);
    const url = String(nieuw.headers.location).split('?')[0]!;
    expect(url).toMatch(/^\/tegenprestaties\/[0-9a-f-]{36}$/);

    let pagina = await kmBrowser.get(url);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain('Checklist van de richtlijn');
    expect(pagina.body).toContain('Nog niet in orde');

    // Invalid hours: 422, an error summary, and what was typed is kept.
    const fout = await kmBrowser.post(url, formulier({ versie: versieOp(pagina.body), urenPerWeek: 'veel' }));
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('Er is een probleem');
    expect(fout.body).toContain('value="veel"');
    expect(fout.body).toContain('Ineke begeleidt.');

    const ok = await kmBrowser.post(url, formulier({ versie: versieOp(pagina.body) }));
    expect(ok.statusCode).toBe(303);
    pagina = await kmBrowser.get(url);
    expect(pagina.body).toContain('Alles is in orde: het ontwerp kan naar toetsing.');

    // Too early: toetsing from verkenning is not offered by the machine.
    const teVroeg = await kmBrowser.post(`${url}/status`, {
      naar: 'toetsing',
      versie: versieOp(pagina.body),
    });
    expect(teVroeg.statusCode).toBe(422);
    expect(teVroeg.body).toContain('kan de tegenprestatie niet naar');

    expect((await kmBrowser.post(`${url}/status`, { naar: 'ontwerp' })).statusCode).toBe(303);
    pagina = await kmBrowser.get(url);
    expect(
      (await kmBrowser.post(`${url}/status`, { naar: 'toetsing', versie: versieOp(pagina.body) })).statusCode,
    ).toBe(303);
    pagina = await kmBrowser.get(url);
    expect(pagina.body).toContain('wk-tp-status--toetsing');
    expect(pagina.body).toContain('In deze status ligt het ontwerp vast.');
  });

  it('refuses toetsing with the checklist reasons, and updates the checklist live without saving (htmx)', async () => {
    await kmBrowser.get(`/klanten/${klant}/tegenprestaties`);
    const url = String((await kmBrowser.post(`/klanten/${klant}/tegenprestaties`)).headers.location).split(
      '?',
    )[0]!;
    await kmBrowser.post(`${url}/status`, { naar: 'ontwerp' });
    const geweigerd = await kmBrowser.post(`${url}/status`, { naar: 'toetsing' });
    expect(geweigerd.statusCode).toBe(422);
    expect(geweigerd.body).toContain('Het ontwerp kan nog niet naar toetsing.');

    const fragment = await kmBrowser.post(`${url}/checklist`, formulier({ urenPerWeek: '14' }));
    expect(fragment.statusCode).toBe(200);
    expect(fragment.body).toMatch(/^<aside id="checklist"/);
    expect(fragment.body).toContain('14 uur per week is te veel');
    expect(fragment.body).toContain('Met uw wijzigingen die nog niet zijn opgeslagen.');
    // Nothing was saved.
    expect((await kmBrowser.get(url)).body).not.toContain('value="14"');
  });

  it('refuses who may not: another team (404), the network broker (403); the team lead list is for team leads (a klantmanager gets their own)', async () => {
    const url = String((await kmBrowser.post(`/klanten/${klant}/tegenprestaties`)).headers.location).split(
      '?',
    )[0]!;
    const ander = await ingelogdAls(t.app, kmAnder);
    expect((await ander.get(url)).statusCode).toBe(404);
    expect((await ander.get(`/klanten/${klant}/tegenprestaties`)).statusCode).toBe(404);
    const makelaar = await ingelogdAls(t.app, nm);
    expect((await makelaar.get(url)).statusCode).toBe(403);
    expect((await makelaar.post(`${url}/status`, { naar: 'ontwerp' })).statusCode).toBe(403);
    expect((await makelaar.post(`${url}/checklist`, formulier())).statusCode).toBe(403);
    expect((await makelaar.post(`${url}/advies-vragen`, { vraag: 'x' })).statusCode).toBe(403);
    expect((await makelaar.post(`/klanten/${klant}/tegenprestaties`)).statusCode).toBe(403);
    expect((await ander.post(`${url}/advies-vragen`, { vraag: 'x' })).statusCode).toBe(404);
    // Advice: the caseworker asks (an empty question is refused with 422), only the team lead answers.
    await kmBrowser.get(url);
    const leeg = await kmBrowser.post(`${url}/advies-vragen`, { vraag: ' ' });
    expect(leeg.statusCode).toBe(422);
    expect(leeg.body).toContain('Schrijf op waarover u advies vraagt.');
    expect((await kmBrowser.post(`${url}/advies-vragen`, { vraag: 'Wat vindt u?' })).statusCode).toBe(303);
    expect((await kmBrowser.post(`${url}/advies`, { advies: 'Doen.' })).statusCode).toBe(403);
    // A klantmanager's /tegenprestaties is their own list (issue 16), not the team lead's.
    const eigen = await kmBrowser.get('/tegenprestaties');
    expect(eigen.statusCode).toBe(200);
    expect(eigen.body).toContain('Mijn tegenprestaties');
    expect(eigen.body).not.toContain('Advies gevraagd');
    expect((await makelaar.get('/tegenprestaties')).statusCode).toBe(403);
    const lead = await ingelogdAls(t.app, tl);
    const lijst = await lead.get('/tegenprestaties');
    expect(lijst.statusCode).toBe(200);
    expect(lijst.body).toContain('Advies gevraagd');
    expect(lijst.body).toContain('Wat vindt u?');
    // With the client's name, read for the whole list at once.
    expect(lijst.body).toContain(klantNaam);
    await lead.get(url);
    expect((await lead.post(`${url}/advies`, { advies: 'Bied ook de moestuin aan.' })).statusCode).toBe(303);
    expect((await kmBrowser.get(url)).body).toContain('Bied ook de moestuin aan.');
  });
});

describe('API', () => {
  it('creates, reads, changes and moves a design; refuses part 2 and a role that may not', async () => {
    const nieuw = await api(tokens.km, 'POST', '/api/v1/tegenprestaties', {
      klantId: klant,
      suggestie: { bron: 'cohort', score: 3.5, redenen: ['3 plaatsen vrij'] },
    });
    expect(nieuw.statusCode).toBe(201);
    const tp = nieuw.json() as { id: string; versie: number; status: string };
    expect(tp.status).toBe('verkenning');
    expect(nieuw.headers.location).toBe(`/api/v1/tegenprestaties/${tp.id}`);

    const lijst = await api(tokens.km, 'GET', `/api/v1/tegenprestaties?klantId=${klant}&status=verkenning`);
    expect(lijst.statusCode).toBe(200);
    expect((lijst.json() as { items: Array<{ id: string }> }).items.map((x) => x.id)).toContain(tp.id);

    const patch = await api(tokens.km, 'PATCH', `/api/v1/tegenprestaties/${tp.id}`, {
      versie: tp.versie,
      activiteitId: activiteit,
      urenPerWeek: 6,
    });
    expect(patch.statusCode).toBe(200);
    const oud = await api(tokens.km, 'PATCH', `/api/v1/tegenprestaties/${tp.id}`, {
      versie: tp.versie,
      urenPerWeek: 5,
    });
    expect(oud.statusCode).toBe(409);
    const ongeldig = await api(tokens.km, 'PATCH', `/api/v1/tegenprestaties/${tp.id}`, {
      wederkerigheid: { categorie: 'certificaat', omschrijving: 'x' },
    });
    expect(ongeldig.statusCode).toBe(400);
    expect(ongeldig.headers['content-type']).toContain('application/problem+json');

    const stap = await api(tokens.km, 'POST', `/api/v1/tegenprestaties/${tp.id}/statusovergangen`, {
      naar: 'ontwerp',
    });
    expect(stap.statusCode).toBe(201);
    const deel2 = await api(tokens.km, 'POST', `/api/v1/tegenprestaties/${tp.id}/statusovergangen`, {
      naar: 'overeengekomen',
    });
    expect(deel2.statusCode).toBe(422);
    expect(deel2.headers['content-type']).toContain('application/problem+json');
    const historie = await api(tokens.km, 'GET', `/api/v1/tegenprestaties/${tp.id}/statusovergangen`);
    expect((historie.json() as Array<{ naar: string }>).map((o) => o.naar)).toEqual([
      'verkenning',
      'ontwerp',
    ]);

    expect((await api(tokens.nm, 'GET', `/api/v1/tegenprestaties/${tp.id}`)).statusCode).toBe(403);
    expect((await api(tokens.nm, 'POST', '/api/v1/tegenprestaties', { klantId: klant })).statusCode).toBe(
      403,
    );
    expect((await api(undefined, 'GET', '/api/v1/tegenprestaties')).statusCode).toBe(401);
  });
});
