import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { ingelogdAls, type TestBrowser } from '../../../test/browser.ts';
import { insertGebruiker, insertTeam, type TestGebruiker } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { insertKlant } from '../../../test/factories/klanten.ts';
import { insertOrganisatie } from '../../../test/factories/netwerk.ts';
import { withContext } from '../../db/context.ts';
import { systeemActor } from '../auth/index.ts';
import { createLogboekService } from '../logboek/index.ts';

/** The conversation pages: the tab, the forms without JavaScript (422 keeps input, 303 on success), access. */

let t: TestApp;
let dienstId: string;
let A: string;
let km: TestGebruiker;
let kmBrowser: TestBrowser;
let klant: string;
let klantB: string;
let buurthuis: { id: string; naam: string };
const browsers: Record<string, TestBrowser> = {};

beforeAll(async () => {
  t = await createTestApp();
  const ga = await insertGemeente(t.db.app, { naam: 'Aardam' });
  dienstId = ga.dienstId;
  A = ga.gemeenteId;
  const B = (await insertGemeente(t.db.app, { dienstId, naam: 'Bergdorp' })).gemeenteId;
  await createLogboekService(t.db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const teamA = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  const teamA2 = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  const teamB = (await insertTeam(t.db.app, { dienstId, gemeenten: [B] })).teamId;
  km = await insertGebruiker(t.db.app, { dienstId, rol: 'klantmanager', gemeenten: [A], teams: [teamA] });
  const kmB = await insertGebruiker(t.db.app, {
    dienstId,
    rol: 'klantmanager',
    gemeenten: [B],
    teams: [teamB],
  });
  const gebruikers: Record<string, TestGebruiker> = {
    teamleider: await insertGebruiker(t.db.app, {
      dienstId,
      rol: 'teamleider',
      gemeenten: [A],
      teams: [teamA],
    }),
    'km-ander-team': await insertGebruiker(t.db.app, {
      dienstId,
      rol: 'klantmanager',
      gemeenten: [A],
      teams: [teamA2],
    }),
    'km-bergdorp': kmB,
  };
  for (const rol of ['netwerkmakelaar', 'functioneel-beheerder', 'privacy-officer'] as const)
    gebruikers[rol] = await insertGebruiker(t.db.app, { dienstId, rol, gemeenten: [A] });
  kmBrowser = await ingelogdAls(t.app, { email: km.email, wachtwoord: km.wachtwoord });
  for (const [k, g] of Object.entries(gebruikers))
    browsers[k] = await ingelogdAls(t.app, { email: g.email, wachtwoord: g.wachtwoord });
  klant = (await insertKlant(t.db.app, { dienstId, gemeenteId: A, klantmanagerId: km.gebruikerId })).id;
  klantB = (await insertKlant(t.db.app, { dienstId, gemeenteId: B, klantmanagerId: kmB.gebruikerId })).id;
  buurthuis = await insertOrganisatie(t.db.app, { dienstId, gemeenten: [A], naam: 'Buurthuis De Linde' });
});

const gesprekIdUit = (location: string | undefined): string => {
  const id = /^\/gesprekken\/([0-9a-f-]{36})/.exec(location ?? '')?.[1];
  if (!id) throw new Error(`geen gesprek in ${location}`);
  return id;
};

describe('the conversation pages', () => {
  it('records a conversation: empty tab, 422 keeping the input, 303 to the conversation, listed with its parts', async () => {
    const leeg = await kmBrowser.get(`/klanten/${klant}/gesprekken`);
    expect(leeg.statusCode).toBe(200);
    expect(leeg.body).toContain('aria-current="page">Gesprekken');
    expect(leeg.body).toContain('Er is nog geen gesprek vastgelegd.');
    expect(leeg.body).toContain(`href="/klanten/${klant}/gesprekken/nieuw"`);

    expect((await kmBrowser.get(`/klanten/${klant}/gesprekken/nieuw`)).statusCode).toBe(200);
    const fout = await kmBrowser.post(`/klanten/${klant}/gesprekken/nieuw`, {
      datum: '2026-02-30',
      wensen: 'Werken met <b>dieren</b>',
    });
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('Er is een probleem');
    expect(fout.body).toContain('href="#datum"');
    expect(fout.body).toContain('Werken met &lt;b&gt;dieren&lt;/b&gt;');

    const ok = await kmBrowser.post(`/klanten/${klant}/gesprekken/nieuw`, {
      datum: '2026-11-20',
      deelnemers: 'Sanne Visser\nKarin de Wit, tolk',
      krachtEnBekwaamheid: 'Handig met computers.',
      wensen: 'Werken met dieren.',
      afspraken: 'Volgende week bellen.',
    });
    expect(ok.statusCode).toBe(303);
    const id = gesprekIdUit(ok.headers.location);
    const detail = await kmBrowser.get(ok.headers.location!);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('Het gesprek is vastgelegd.');
    expect(detail.body).toContain('Sanne Visser, Karin de Wit, tolk');
    expect(detail.body).toContain('2 van 4 ingevuld; mist: eigen voorstel, eigen sociale omgeving');

    const lijst = await kmBrowser.get(`/klanten/${klant}/gesprekken`);
    expect(lijst.body).toContain(`href="/gesprekken/${id}"`);
    expect(lijst.body).toContain('2 van 4 ingevuld');

    // Edit: the form shows the stored values; a blank part is cleared.
    const wijzig = await kmBrowser.get(`/gesprekken/${id}/wijzigen`);
    expect(wijzig.body).toContain('Handig met computers.');
    const opgeslagen = await kmBrowser.post(`/gesprekken/${id}/wijzigen`, {
      datum: '2026-11-20',
      deelnemers: 'Sanne Visser',
      krachtEnBekwaamheid: '',
      wensen: 'Werken met dieren.',
      eigenVoorstel: 'Boodschappen voor de buurvrouw.',
      socialeOmgeving: 'Kent de buren goed.',
    });
    expect(opgeslagen.statusCode).toBe(303);
    const na = await kmBrowser.get(`/gesprekken/${id}`);
    expect(na.body).toContain('3 van 4 ingevuld; mist: kracht en bekwaamheid');
  });

  it('records an own proposal without a host and at a network organisation (303), 422 without a motivation', async () => {
    const ok = await kmBrowser.post(`/klanten/${klant}/gesprekken/nieuw`, { datum: '2026-11-21' });
    const id = gesprekIdUit(ok.headers.location);
    const formulier = await kmBrowser.get(`/gesprekken/${id}/eigen-voorstel`);
    expect(formulier.statusCode).toBe(200);
    expect(formulier.body).toContain('Buurthuis De Linde');

    const fout = await kmBrowser.post(`/gesprekken/${id}/eigen-voorstel`, {
      titel: 'Boodschappen voor de buurvrouw',
      omschrijving: 'Twee keer per week.',
      soort: 'zonder-organisatie',
      maatschappelijkNut: 'ja',
      nutMotivering: '',
      categorie: 'buurt-en-wijk',
      fysiekeBelasting: 'laag',
      urenPerWeek: '2,5',
    });
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('href="#nutMotivering"');
    expect(fout.body).toContain('value="2,5"');

    const zonder = await kmBrowser.post(`/gesprekken/${id}/eigen-voorstel`, {
      titel: 'Boodschappen voor de buurvrouw',
      omschrijving: 'Twee keer per week.',
      soort: 'zonder-organisatie',
      organisatieId: buurthuis.id,
      maatschappelijkNut: 'ja',
      nutMotivering: 'Helpt een oudere buurvrouw.',
      categorie: 'buurt-en-wijk',
      fysiekeBelasting: 'laag',
      urenPerWeek: '2,5',
    });
    expect(zonder.statusCode).toBe(303);
    const bij = await kmBrowser.post(`/gesprekken/${id}/eigen-voorstel`, {
      titel: 'Gastvrouw',
      omschrijving: 'Koffie schenken.',
      soort: 'bestaande-organisatie',
      organisatieId: buurthuis.id,
      maatschappelijkNut: 'ja',
      nutMotivering: 'Ontmoeting.',
      categorie: 'buurt-en-wijk',
      fysiekeBelasting: 'laag',
      urenPerWeek: '4',
    });
    expect(bij.statusCode).toBe(303);
    const detail = await kmBrowser.get(`/gesprekken/${id}`);
    expect(detail.body).toContain('Boodschappen voor de buurvrouw');
    expect(detail.body).toContain('Zonder organisatie');
    expect(detail.body).toContain(`href="/organisaties/${buurthuis.id}"`);
    expect(detail.body).toMatch(/href="\/activiteiten\/[0-9a-f-]{36}"/);
    const rijen = await withContext(t.db.app, systeemActor('test', dienstId), (tx) =>
      tx.selectFrom('eigenVoorstel').select(['soort', 'organisatieId']).where('gesprekId', '=', id).execute(),
    );
    expect(rijen).toEqual(
      expect.arrayContaining([
        { soort: 'zonder-organisatie', organisatieId: null },
        { soort: 'bestaande-organisatie', organisatieId: buurthuis.id },
      ]),
    );
  });

  it('each route refuses whoever may not use it', async () => {
    const ok = await kmBrowser.post(`/klanten/${klant}/gesprekken/nieuw`, { datum: '2026-11-22' });
    const id = gesprekIdUit(ok.headers.location);
    const lezen = [`/klanten/${klant}/gesprekken`, `/gesprekken/${id}`];
    const schrijven = [
      `/klanten/${klant}/gesprekken/nieuw`,
      `/gesprekken/${id}/wijzigen`,
      `/gesprekken/${id}/eigen-voorstel`,
    ];
    // The teamleider reads, and may not record.
    for (const url of lezen)
      expect([url, (await browsers.teamleider!.get(url)).statusCode]).toEqual([url, 200]);
    for (const url of schrijven) {
      expect([url, (await browsers.teamleider!.get(url)).statusCode]).toEqual([url, 403]);
      expect([url, (await browsers.teamleider!.post(url, { datum: '2026-11-22' })).statusCode]).toEqual([
        url,
        403,
      ]);
    }
    expect((await browsers.teamleider!.get(`/gesprekken/${id}`)).body).not.toContain('Gesprek wijzigen');
    // Another team or municipality: not found; other roles: refused.
    for (const wie of ['km-ander-team', 'km-bergdorp'])
      for (const url of [...lezen, ...schrijven]) {
        expect([wie, url, (await browsers[wie]!.get(url)).statusCode]).toEqual([wie, url, 404]);
        if (schrijven.includes(url))
          expect([wie, url, (await browsers[wie]!.post(url, { datum: '2026-11-22' })).statusCode]).toEqual([
            wie,
            url,
            404,
          ]);
      }
    for (const rol of ['netwerkmakelaar', 'functioneel-beheerder', 'privacy-officer'])
      for (const url of [...lezen, ...schrijven])
        expect([rol, url, (await browsers[rol]!.get(url)).statusCode]).toEqual([rol, url, 403]);
    // Own client in another municipality and nonsense ids: not found.
    expect((await kmBrowser.get(`/klanten/${klantB}/gesprekken`)).statusCode).toBe(404);
    expect((await kmBrowser.get('/gesprekken/geen-id')).statusCode).toBe(404);
    // Anonymous: the login page.
    const anoniem = await t.app.inject({ method: 'GET', url: `/gesprekken/${id}` });
    expect([302, 303, 401]).toContain(anoniem.statusCode);
  });
});
