import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { ingelogdAls, type TestBrowser } from '../../../test/browser.ts';
import { insertGebruiker, type TestGebruiker } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { insertKlant } from '../../../test/factories/klanten.ts';
import { maakVersie } from '../../../test/factories/verordening.ts';
import { type Rol, withContext } from '../../db/context.ts';
import { createAuthService, systeemActor } from '../auth/index.ts';
import { createBeheerService } from '../beheer/index.ts';
import { createGemeentenService } from '../gemeenten/index.ts';
import { createKlantenService, medewerkersUitBeheer } from '../klanten/index.ts';
import { laadDemoVerordeningen } from './verordening.demo.ts';
import { createVerordeningService } from './verordening.service.ts';

let t: TestApp;
let dienstId: string;
let A: string;
let B: string;
let fb: TestGebruiker;
let km: TestGebruiker;
let fbBrowser: TestBrowser;
let kmBrowser: TestBrowser;
let fbAlleenA: TestBrowser;
let grondA: string;
type Wie = { token: string };
let fbApi: Wie;
let kmApi: Wie;
let nmApi: Wie;

async function tokenVoor(g: TestGebruiker): Promise<Wie> {
  const { token } = await createAuthService({ db: t.db.app, config: t.config }).createApiTokenVoorEmail(
    systeemActor('test'),
    { email: g.email, naam: 'test' },
  );
  return { token };
}

async function api(wie: Wie | undefined, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: {
      ...(wie ? { authorization: `Bearer ${wie.token}` } : {}),
      ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
  });
}

/** A filled-in version form (strings, as a browser sends it). */
function formulier(over: Record<string, string> = {}): Record<string, string> {
  return {
    ingangsdatum: '2028-01-01',
    titel: 'Verordening maatschappelijke participatie Aardam 2028',
    vorm: 'opleggen',
    weergavenaam: 'maatschappelijke-participatie',
    minUrenPerWeek: '4',
    maxUrenPerWeek: '8,5',
    maxDuurMaanden: '6',
    verlengingToegestaan: 'ja',
    maxVerlengingMaanden: '3',
    lokaleGrondIds: grondA,
    schriftelijkeOvereenkomstVerplicht: 'ja',
    artikelUren: 'art. 3 lid 1',
    toelichting: 'Nieuwe uren.',
    ...over,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await insertGemeente(t.db.app, { naam: 'Aardam' });
  dienstId = a.dienstId;
  A = a.gemeenteId;
  B = (await insertGemeente(t.db.app, { dienstId, naam: 'Bergdorp' })).gemeenteId;
  const gemeenten = createGemeentenService(t.db.app);
  const klanten = createKlantenService({
    db: t.db.app,
    bsnSleutels: undefined,
    gemeenten,
    medewerkers: medewerkersUitBeheer(createBeheerService(t.db.app, { gemeenten })),
  });
  const sys = systeemActor('test', dienstId);
  grondA = (
    await klanten.createLokaleGrond(sys, A, { code: 'mantelzorg', naam: 'Mantelzorg', grondslag: 'art. 4' })
  ).id;
  await laadDemoVerordeningen(createVerordeningService({ db: t.db.app, gemeenten, klanten }), sys, {
    Aardam: A,
    Bergdorp: B,
  });
  const gebruiker = (rol: Rol, gemeenteIds: string[]) =>
    insertGebruiker(t.db.app, { dienstId, rol, gemeenten: gemeenteIds });
  fb = await gebruiker('functioneel-beheerder', [A, B]);
  km = await gebruiker('klantmanager', [A]);
  const fbA = await gebruiker('functioneel-beheerder', [A]);
  const nm = await gebruiker('netwerkmakelaar', [A, B]);
  fbBrowser = await ingelogdAls(t.app, fb);
  kmBrowser = await ingelogdAls(t.app, km);
  fbAlleenA = await ingelogdAls(t.app, fbA);
  fbApi = await tokenVoor(fb);
  kmApi = await tokenVoor(km);
  nmApi = await tokenVoor(nm);
});

describe('pages under /beheer/verordeningen', () => {
  it('shows the functioneel beheerder each municipality with its version in force', async () => {
    const res = await fbBrowser.get('/beheer/verordeningen');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Aardam');
    expect(res.body).toContain('Verordening tegenprestatie Bergdorp 2015');
    expect(res.body).toContain('Alleen aanbieden');
    const aardam = await fbBrowser.get(`/beheer/verordeningen/${A}`);
    expect(aardam.body).toContain('1 januari 2026');
    expect(aardam.body).toContain('maatschappelijke participatie');
    expect(aardam.body).toContain('4 tot 8 uur per week');
  });

  it('refuses a klantmanager every page and form (403) and hides another municipality (404)', async () => {
    for (const url of [
      '/beheer/verordeningen',
      `/beheer/verordeningen/${A}`,
      `/beheer/verordeningen/${A}/versies/nieuw`,
      '/beheer/verordeningen/rechtsgrond',
    ])
      expect((await kmBrowser.get(url)).statusCode, url).toBe(403);
    await kmBrowser.get('/account/sessies');
    expect((await kmBrowser.post(`/beheer/verordeningen/${A}/versies`, formulier())).statusCode).toBe(403);
    expect(
      (await kmBrowser.post('/beheer/verordeningen/rechtsgrond', { vanaf: '2027-01-01' })).statusCode,
    ).toBe(403);
    expect((await fbAlleenA.get(`/beheer/verordeningen/${B}`)).statusCode).toBe(404);
    expect((await fbBrowser.get('/beheer/verordeningen/geen-uuid')).statusCode).toBe(404);
  });

  it('prefills a new version with the one in force, refuses invalid input with 422 keeping it, saves a valid one', async () => {
    const nieuw = await fbBrowser.get(`/beheer/verordeningen/${A}/versies/nieuw`);
    expect(nieuw.statusCode).toBe(200);
    expect(nieuw.body).toContain('value="Verordening maatschappelijke participatie Aardam 2026"');

    const fout = await fbBrowser.post(
      `/beheer/verordeningen/${A}/versies`,
      formulier({
        ingangsdatum: '',
        minUrenPerWeek: '10',
        titel: 'Mijn <b>titel</b>',
        artikelDuur: 'x'.repeat(201),
      }),
    );
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('Er is een probleem');
    expect(fout.body).toContain('Vul de ingangsdatum in');
    expect(fout.body).toContain('lager dan het minimum');
    expect(fout.body).toContain('hoogstens 200 tekens');
    expect(fout.body).toContain('href="#artikelDuur"');
    expect(fout.body).toContain('value="Mijn &lt;b&gt;titel&lt;/b&gt;"');
    expect(fout.body).toContain('value="8,5"');

    const goed = await fbBrowser.post(`/beheer/verordeningen/${A}/versies`, formulier());
    expect(goed.statusCode).toBe(303);
    const pagina = await fbBrowser.get(goed.headers.location as string);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain('De nieuwe versie is vastgelegd');
    expect(pagina.body).toContain('4 tot 8,5 uur per week (art. 3 lid 1)');
    expect(pagina.body).toContain('Mantelzorg');

    const dubbel = await fbBrowser.post(`/beheer/verordeningen/${A}/versies`, formulier());
    expect(dubbel.statusCode).toBe(422);
    expect(dubbel.body).toContain('Er is al een versie die ingaat op 1 januari 2028');
  });

  it('shows the teamleider the tegenprestaties still running on 2027-01-01; the beheerder sees no client data', async () => {
    const klant = await insertKlant(t.db.app, { dienstId, gemeenteId: A });
    await withContext(t.db.app, { kind: 'systeem', reden: 'test', dienstId }, (tx) =>
      tx
        .insertInto('tegenprestatie')
        .values([
          {
            dienstId,
            gemeenteId: A,
            klantId: klant.id,
            status: 'lopend',
            startdatum: '2026-10-01',
            urenPerWeek: 6,
            dagdelen: ['di-ochtend'],
          },
          {
            dienstId,
            gemeenteId: A,
            klantId: klant.id,
            status: 'afgerond',
            startdatum: '2026-03-01',
            einddatum: '2026-08-31',
          },
        ])
        .execute(),
    );
    const tl = await ingelogdAls(
      t.app,
      await insertGebruiker(t.db.app, { dienstId, rol: 'teamleider', gemeenten: [A, B] }),
    );
    const lijst = await tl.get('/beheer/verordeningen/overgang');
    expect(lijst.statusCode).toBe(200);
    expect(lijst.body).toContain('1 tegenprestatie loopt op 1 januari 2027');
    expect(lijst.body).toContain('Dossier, start 1 oktober 2026');
    expect(lijst.body).toContain(`href="/klanten/${klant.id}/tegenprestaties"`);
    expect(lijst.body).toContain('Verordening maatschappelijke participatie Aardam 2026 (vanaf 1 juli 2026)');
    expect(lijst.body).toContain('Geen wettelijke grondslag vastgelegd');
    expect(lijst.body.toLowerCase()).not.toContain('nog in te vullen');
    // The client, hours and day parts per placement; the preview form prefilled with the version in force.
    expect(lijst.body).toContain('6 uur');
    expect(lijst.body).toContain('dinsdagochtend');
    expect(lijst.body).toContain('Voorbeeld van een nieuwe versie');
    expect(lijst.body).toContain('Voorbeeld tonen');
    // The preview, before anything is saved: at most 4 hours from 2027-03-01 — the placement fails the hours rule.
    const vraag = new URLSearchParams({
      peildatum: '2027-01-01',
      voorbeeld: '1',
      gemeenteId: A,
      ingangsdatum: '2027-03-01',
      titel: 'Verordening maatschappelijke participatie Aardam 2027',
      weergavenaam: 'maatschappelijke-participatie',
      vorm: 'opleggen',
      minUrenPerWeek: '',
      maxUrenPerWeek: '4',
      maxDuurMaanden: '',
      verlengingToegestaan: 'nee',
      maxVerlengingMaanden: '',
      schriftelijkeOvereenkomstVerplicht: 'ja',
    });
    const voorbeeld = await tl.get(`/beheer/verordeningen/overgang?${vraag}`);
    expect(voorbeeld.statusCode).toBe(200);
    expect(voorbeeld.body).toContain(
      'Uitkomst van de nieuwe versie vanaf 1 maart 2027: 1 van 1 voldoen niet',
    );
    expect(voorbeeld.body).toContain('Uren per week: voldoet niet');
    expect(voorbeeld.body).toContain('6 uur per week past niet');
    const ongeldig = await tl.get(
      `/beheer/verordeningen/overgang?${new URLSearchParams({ ...Object.fromEntries(vraag), maxUrenPerWeek: 'veel' })}`,
    );
    expect(ongeldig.statusCode).toBe(422);
    expect(ongeldig.body).toContain('Er is een probleem');
    expect(ongeldig.body).toContain('value="veel"');
    const juli = await tl.get('/beheer/verordeningen/overgang?peildatum=2026-07-01');
    expect(juli.body).toContain('Er lopen op 1 juli 2026 geen tegenprestaties');
    const beheer = await fbBrowser.get('/beheer/verordeningen/overgang');
    expect(beheer.statusCode).toBe(200);
    expect(beheer.body).toContain('De teamleider bekijkt haar');
    expect(beheer.body).not.toContain('Dossier, start');
    expect((await fbBrowser.get('/beheer/verordeningen/overgang?peildatum=2027-02-30')).statusCode).toBe(422);
    expect((await kmBrowser.get('/beheer/verordeningen/overgang')).statusCode).toBe(403);
  });

  it('lets the beheerder fill in the legal basis from 2027', async () => {
    const pagina = await fbBrowser.get('/beheer/verordeningen/rechtsgrond');
    expect(pagina.body).toContain('art. 9 lid 1 onder c Participatiewet');
    expect(pagina.body).toContain('Geen wettelijke grondslag vastgelegd');
    expect(pagina.body.toLowerCase()).not.toContain('nog in te vullen');
    const fout = await fbBrowser.post('/beheer/verordeningen/rechtsgrond', {
      vanaf: '2027-13-01',
      artikel: 'x',
    });
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('bestaande datum');
    const zonderTekst = await fbBrowser.post('/beheer/verordeningen/rechtsgrond', {
      vanaf: '2027-01-01',
      artikel: 'art. 9 lid 1 onder c Pw (tekst 2027)',
    });
    expect(zonderTekst.statusCode).toBe(422);
    expect(zonderTekst.body).toContain('Vul ook de korte tekst');
    expect(zonderTekst.body).toContain('art. 9 lid 1 onder c Pw (tekst 2027)');
    const goed = await fbBrowser.post('/beheer/verordeningen/rechtsgrond', {
      vanaf: '2027-01-01',
      artikel: 'art. 9 lid 1 onder c Pw (tekst 2027)',
      omschrijving: 'Korte tekst van de testgrondslag.',
    });
    expect(goed.statusCode).toBe(303);
    const na = (await fbBrowser.get(goed.headers.location as string)).body;
    expect(na).toContain('art. 9 lid 1 onder c Pw (tekst 2027)');
    expect(na).toContain('Korte tekst van de testgrondslag.');
    await fbBrowser.post('/beheer/verordeningen/rechtsgrond', { vanaf: '2027-01-01', artikel: '' });
  });
});

describe('/api/v1/verordeningen', () => {
  it('lists the caller’s municipalities for reading roles; 401 without a token, 403 for other roles', async () => {
    const res = await api(kmApi, 'GET', '/api/v1/verordeningen?datum=2026-06-15');
    expect(res.statusCode).toBe(200);
    expect(res.headers['api-version']).toBeDefined();
    const lijst = res.json() as Array<{
      gemeente: { id: string };
      naam: string;
      geldend: { ingangsdatum: string };
    }>;
    expect(lijst.map((o) => [o.gemeente.id, o.naam, o.geldend.ingangsdatum])).toEqual([
      [A, 'tegenprestatie', '2026-01-01'],
    ]);
    expect((await api(undefined, 'GET', '/api/v1/verordeningen')).statusCode).toBe(401);
    expect((await api(nmApi, 'GET', '/api/v1/verordeningen')).statusCode).toBe(403);
    expect((await api(kmApi, 'GET', '/api/v1/verordeningen?datum=morgen')).statusCode).toBe(400);
  });

  it('creates a version for the functioneel beheerder (201, Location), refuses a klantmanager (403)', async () => {
    const body = { gemeenteId: B, ...maakVersie({ ingangsdatum: '2029-01-01', vorm: 'aanbieden' }) };
    const km403 = await api(kmApi, 'POST', '/api/v1/verordeningen', body);
    expect(km403.statusCode).toBe(403);
    expect(km403.headers['content-type']).toContain('application/problem+json');
    const res = await api(fbApi, 'POST', '/api/v1/verordeningen', body);
    expect(res.statusCode).toBe(201);
    const v = res.json() as { id: string; naam: string; vorm: string };
    expect(res.headers.location).toBe(`/api/v1/verordeningen/${B}/versies/${v.id}`);
    expect(v).toMatchObject({ naam: 'tegenprestatie', vorm: 'aanbieden' });
    const terug = await api(fbApi, 'GET', res.headers.location as string);
    expect(terug.json()).toMatchObject({ id: v.id, ingangsdatum: '2029-01-01' });
  });

  it('answers invalid input and a duplicate date with problem+json naming the fields', async () => {
    const ongeldig = await api(
      fbApi,
      'POST',
      `/api/v1/verordeningen/${A}/versies`,
      maakVersie({ ingangsdatum: '2029-02-01', minUrenPerWeek: 9, maxUrenPerWeek: 8 }),
    );
    expect(ongeldig.statusCode).toBe(400);
    expect(ongeldig.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(ongeldig.json())).toContain('lager dan het minimum');
    const dubbel = await api(
      fbApi,
      'POST',
      `/api/v1/verordeningen/${A}/versies`,
      maakVersie({ ingangsdatum: '2026-07-01' }),
    );
    expect(dubbel.statusCode).toBe(409);
    expect(dubbel.json()).toMatchObject({ status: 409, invalidParams: [{ name: '/ingangsdatum' }] });
    expect(
      (
        await api(
          kmApi,
          'POST',
          `/api/v1/verordeningen/${A}/versies`,
          maakVersie({ ingangsdatum: '2029-03-01' }),
        )
      ).statusCode,
    ).toBe(403);
  });

  it('gives the version, name, legal basis and "geen medewerking" on a date', async () => {
    const aardam = (await api(kmApi, 'GET', `/api/v1/verordeningen/${A}/geldend?datum=2026-07-02`)).json();
    expect(aardam).toMatchObject({
      naam: 'maatschappelijke participatie',
      rechtsgrond: { artikel: 'art. 9 lid 1 onder c Participatiewet' },
      geenMedewerkingToegestaan: true,
      versie: { ingangsdatum: '2026-07-01' },
    });
    const bergdorp = (await api(fbApi, 'GET', `/api/v1/verordeningen/${B}/geldend?datum=2027-01-01`)).json();
    expect(bergdorp).toMatchObject({
      naam: 'tegenprestatie',
      rechtsgrond: { artikel: null, tekst: expect.stringMatching(/^Geen wettelijke grondslag vastgelegd/) },
      geenMedewerkingToegestaan: false,
    });
    expect((await api(kmApi, 'GET', `/api/v1/verordeningen/${B}/versies`)).statusCode).toBe(404);
    const versies = (await api(kmApi, 'GET', `/api/v1/verordeningen/${A}/versies`)).json() as unknown[];
    expect(versies.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the legal basis per date, editable by the functioneel beheerder only', async () => {
    expect((await api(kmApi, 'PUT', '/api/v1/rechtsgronden/2027-01-01', { artikel: 'x' })).statusCode).toBe(
      403,
    );
    const res = await api(fbApi, 'PUT', '/api/v1/rechtsgronden/2027-01-01', {
      artikel: 'art. 9 Pw 2027',
      omschrijving: 'Korte tekst 2027.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      {
        vanaf: '2015-01-01',
        artikel: 'art. 9 lid 1 onder c Participatiewet',
        omschrijving: expect.stringContaining('naar vermogen'),
        tekst: 'art. 9 lid 1 onder c Participatiewet',
      },
      {
        vanaf: '2027-01-01',
        artikel: 'art. 9 Pw 2027',
        omschrijving: 'Korte tekst 2027.',
        tekst: 'art. 9 Pw 2027',
      },
    ]);
    expect((await api(kmApi, 'GET', '/api/v1/rechtsgronden')).json()).toHaveLength(2);
  });
});
