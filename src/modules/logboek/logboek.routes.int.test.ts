import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { ingelogdAls, TestBrowser } from '../../../test/browser.ts';
import { insertGebruiker, type TestGebruiker } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { withContext } from '../../db/context.ts';
import { systeemActor } from '../auth/index.ts';
import { createLogboekService } from './index.ts';

let t: TestApp;
let dienstId: string;
let beheerder: TestGebruiker;
let privacy: TestGebruiker;
let klantmanager: TestGebruiker;
let fb: TestBrowser;

const LIJST = '/beheer/verwerkingsactiviteiten';

beforeAll(async () => {
  t = await createTestApp();
  const a = await insertGemeente(t.db.app);
  dienstId = a.dienstId;
  await createLogboekService(t.db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const maak = (rol: TestGebruiker['rol']) =>
    insertGebruiker(t.db.app, { dienstId, rol, gemeenten: [a.gemeenteId] });
  beheerder = await maak('functioneel-beheerder');
  privacy = await maak('privacy-officer');
  klantmanager = await maak('klantmanager');
  fb = await ingelogdAls(t.app, beheerder);
});

const routes = {
  get: [LIJST, `${LIJST}/nieuw`, `${LIJST}/va-matching`],
  post: [LIJST, `${LIJST}/va-matching`],
};
const formulier = { id: 'va-test', naam: 'Test', doel: 'Testen', grondslag: 'AVG art. 6 lid 1 sub e' };

/** The log entries about one register entry (read as the system, as the privacy officer's tools would). */
const logregels = (id: string) =>
  withContext(t.db.app, systeemActor('test', dienstId), (tx) =>
    tx
      .selectFrom('logboek')
      .select(['actorId', 'rol', 'actie', 'traceId', 'verwerkingsactiviteitId', 'gemeenteId'])
      .where('subjectType', '=', 'verwerkingsactiviteit')
      .where('subjectId', '=', id)
      .orderBy('volgnummer')
      .execute(),
  );

describe('who may use the register pages', () => {
  it('sends an anonymous visitor to the login page', async () => {
    const anoniem = new TestBrowser(t.app);
    for (const url of routes.get)
      expect([url, (await anoniem.get(url)).headers.location]).toEqual([url, '/']);
    for (const url of routes.post)
      expect([url, (await anoniem.post(url, formulier)).headers.location]).toEqual([url, '/']);
  });

  it('refuses a klantmanager with 403 on every page and form, and changes nothing', async () => {
    const km = await ingelogdAls(t.app, klantmanager);
    for (const url of routes.get) expect([url, (await km.get(url)).statusCode]).toEqual([url, 403]);
    for (const url of routes.post)
      expect([url, (await km.post(url, formulier)).statusCode]).toEqual([url, 403]);
    expect(await logregels('va-test')).toEqual([]);
    expect((await km.get('/')).body).not.toContain(`href="${LIJST}"`);
  });

  it('lets the privacy officer read the register, not change it', async () => {
    const po = await ingelogdAls(t.app, privacy);
    const lijst = await po.get(LIJST);
    expect(lijst.statusCode).toBe(200);
    expect(lijst.body).toContain('Klantdossier tegenprestatie');
    expect(lijst.body).not.toContain(`href="${LIJST}/nieuw"`);
    expect((await po.get(`${LIJST}/nieuw`)).statusCode).toBe(403);
    expect((await po.get(`${LIJST}/va-matching`)).statusCode).toBe(403);
    expect((await po.post(LIJST, formulier)).statusCode).toBe(403);
    expect((await po.post(`${LIJST}/va-matching`, formulier)).statusCode).toBe(403);
  });
});

describe('the register for the functioneel beheerder', () => {
  it('lists the standard register with codes, purposes and legal bases, and is in the menu', async () => {
    const res = await fb.get(LIJST);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<caption class="utrecht-table__caption" id="[^"]+">Verwerkingsactiviteiten/);
    for (const code of ['va-toegang-en-beveiliging', 'va-klantdossier-tegenprestatie', 'va-privacyverzoeken'])
      expect(res.body).toContain(code);
    expect(res.body).toContain('Participatiewet art. 9 lid 1 onder c');
    expect(res.body).toContain(`href="${LIJST}" aria-current="page"`);
  });

  it('re-renders an invalid form with 422, an error summary, field messages and the input kept', async () => {
    await fb.get(`${LIJST}/nieuw`);
    const res = await fb.post(LIJST, {
      id: 'Niet Goed',
      naam: 'Mijn verwerking',
      doel: '',
      grondslag: 'AVG',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Er is een probleem');
    expect(res.body).toContain('href="#id"');
    expect(res.body).toContain('Een code bestaat uit kleine letters');
    expect(res.body).toContain('Vul het doel van de verwerking in.');
    expect(res.body).toContain('value="Niet Goed"');
    expect(res.body).toContain('value="Mijn verwerking"');
    expect(res.body).toContain('>AVG</textarea>');
  });

  it('refuses a code that exists with 422', async () => {
    await fb.get(`${LIJST}/nieuw`);
    const res = await fb.post(LIJST, { ...formulier, id: 'va-matching' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Er bestaat al een verwerkingsactiviteit met code va-matching.');
  });

  it('adds an entry (Post/Redirect/Get) and logs it with the request as trace id', async () => {
    await fb.get(`${LIJST}/nieuw`);
    const res = await fb.post(LIJST, { ...formulier, id: 'va-schuldhulp', naam: 'Schuldhulp' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${LIJST}?melding=aangemaakt`);
    const lijst = await fb.get(res.headers.location as string);
    expect(lijst.body).toContain('De verwerkingsactiviteit is toegevoegd.');
    expect(lijst.body).toContain('Schuldhulp');
    const [regel] = await logregels('va-schuldhulp');
    expect(regel).toMatchObject({
      actorId: beheerder.gebruikerId,
      rol: 'functioneel-beheerder',
      actie: 'aanmaken',
      verwerkingsactiviteitId: 'va-beheer-organisatie',
      gemeenteId: null,
    });
    expect(regel?.traceId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('edits an entry: 422 keeps the input, success redirects and is logged', async () => {
    const pagina = await fb.get(`${LIJST}/va-matching`);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain('Matching met activiteiten');
    const fout = await fb.post(`${LIJST}/va-matching`, { naam: '', doel: 'Nieuw doel', grondslag: 'AVG' });
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('Vul de naam van de verwerking in.');
    expect(fout.body).toContain('>Nieuw doel</textarea>');
    const goed = await fb.post(`${LIJST}/va-matching`, {
      naam: 'Matching',
      doel: 'Nieuw doel',
      grondslag: 'AVG art. 6 lid 1 sub e',
    });
    expect(goed.statusCode).toBe(303);
    expect((await fb.get(goed.headers.location as string)).body).toContain('Nieuw doel');
    expect((await logregels('va-matching')).map((r) => r.actie)).toEqual(['aanmaken', 'wijzigen']);
  });

  it('answers 404 for an unknown code', async () => {
    expect((await fb.get(`${LIJST}/va-bestaat-niet`)).statusCode).toBe(404);
    expect((await fb.get(`${LIJST}/Niet%20Goed`)).statusCode).toBe(404);
  });
});
