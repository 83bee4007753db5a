import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { ingelogdAls, type TestBrowser } from '../../../test/browser.ts';
import { insertGebruiker, insertTeam, type TestGebruiker } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { insertKlant, type TestKlant } from '../../../test/factories/klanten.ts';
import { withContext } from '../../db/context.ts';
import { createAuthService, systeemActor } from '../auth/index.ts';

let t: TestApp;
let dienstId: string;
let A: string;
let B: string;
let klant: TestKlant;
let klantB: TestKlant;
let po: TestGebruiker;
let fb: TestGebruiker;
let km: TestGebruiker;
let officer: TestBrowser;
let beheerder: TestBrowser;
let klantmanager: TestBrowser;
const tokens: Record<'po' | 'fb' | 'km', string> = { po: '', fb: '', km: '' };

async function token(g: TestGebruiker): Promise<string> {
  return (
    await createAuthService({ db: t.db.app, config: t.config }).createApiTokenVoorEmail(
      systeemActor('test'),
      {
        email: g.email,
        naam: 'test',
      },
    )
  ).token;
}

const api = (wie: string | undefined, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: {
      ...(wie ? { authorization: `Bearer ${wie}` } : {}),
      ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
  });

beforeAll(async () => {
  t = await createTestApp();
  const a = await insertGemeente(t.db.app, { naam: 'Aardam' });
  dienstId = a.dienstId;
  A = a.gemeenteId;
  B = (await insertGemeente(t.db.app, { dienstId, naam: 'Bergdorp' })).gemeenteId;
  const team = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  po = await insertGebruiker(t.db.app, { dienstId, rol: 'privacy-officer', gemeenten: [A] });
  fb = await insertGebruiker(t.db.app, { dienstId, rol: 'functioneel-beheerder', gemeenten: [A] });
  km = await insertGebruiker(t.db.app, { dienstId, rol: 'klantmanager', gemeenten: [A], teams: [team] });
  klant = await insertKlant(t.db.app, { dienstId, gemeenteId: A, klantmanagerId: km.gebruikerId });
  klantB = await insertKlant(t.db.app, { dienstId, gemeenteId: B });
  officer = await ingelogdAls(t.app, po);
  beheerder = await ingelogdAls(t.app, fb);
  klantmanager = await ingelogdAls(t.app, km);
  tokens.po = await token(po);
  tokens.fb = await token(fb);
  tokens.km = await token(km);
});

describe('pages: every route refuses an actor who may not use it', () => {
  const officerRoutes = () => ({
    get: ['/privacy/verwerkingen', `/privacy/verwerkingen/${klant.id}`],
    post: [
      '/privacy/verwerkingen',
      `/privacy/verwerkingen/${klant.id}/export`,
      `/privacy/verwerkingen/${klant.id}/inzage`,
    ],
  });
  const beheerRoutes = () => ({
    get: ['/beheer/bewaartermijnen', '/beheer/vernietigingslijsten'],
    post: [`/beheer/bewaartermijnen/${A}`, '/beheer/vernietigingslijsten'],
  });

  it('refuses the klantmanager and the functioneel beheerder the officer pages (403)', async () => {
    for (const b of [klantmanager, beheerder]) {
      for (const url of officerRoutes().get) expect((await b.get(url)).statusCode, url).toBe(403);
      await b.get('/');
      for (const url of officerRoutes().post)
        expect((await b.post(url, { klantnummer: klant.klantnummer })).statusCode, url).toBe(403);
    }
  });

  it('refuses the officer and the klantmanager the retention pages (403)', async () => {
    for (const b of [officer, klantmanager]) {
      for (const url of beheerRoutes().get) expect((await b.get(url)).statusCode, url).toBe(403);
      await b.get('/');
      for (const url of beheerRoutes().post)
        expect((await b.post(url, { maanden: '12', grondslag: 'x', gemeenteId: A })).statusCode, url).toBe(
          403,
        );
    }
  });

  it('sends an anonymous visitor to the login page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/privacy/verwerkingen' });
    expect([302, 303, 401]).toContain(res.statusCode);
  });
});

describe('the log search without JavaScript', () => {
  it('re-renders with 422 when nothing is filled in, and redirects (303) to the client found', async () => {
    await officer.get('/privacy/verwerkingen');
    const leeg = await officer.post('/privacy/verwerkingen', { klantnummer: '', bsn: '' });
    expect(leeg.statusCode).toBe(422);
    expect(leeg.body).toContain('Er is een probleem');
    const fout = await officer.post('/privacy/verwerkingen', { bsn: '123456789' });
    expect(fout.statusCode).toBe(422);
    expect(fout.body).not.toContain('123456789');
    const gevonden = await officer.post('/privacy/verwerkingen', { klantnummer: klant.klantnummer });
    expect(gevonden.statusCode).toBe(303);
    expect(gevonden.headers.location).toBe(`/privacy/verwerkingen/${klant.id}`);
    const nietGevonden = await officer.post('/privacy/verwerkingen', { klantnummer: klantB.klantnummer });
    expect(nietGevonden.statusCode).toBe(200);
    expect(nietGevonden.body).toContain('Geen klant gevonden');
  });

  it('shows the log of the client (klantnummer and municipality only), with filters and 422 for a bad one', async () => {
    const pagina = await officer.get(`/privacy/verwerkingen/${klant.id}`);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain(klant.klantnummer);
    expect(pagina.body).toContain('Aardam');
    expect(pagina.body).not.toContain(klant.achternaam);
    expect(pagina.body).toContain('Privacyverzoeken');
    expect(
      (await officer.get(`/privacy/verwerkingen/${klant.id}?actie=lezen&van=2026-01-01`)).statusCode,
    ).toBe(200);
    const slecht = await officer.get(`/privacy/verwerkingen/${klant.id}?van=2026-05-01&tot=2026-04-01`);
    expect(slecht.statusCode).toBe(422);
    expect(slecht.body).toContain('De einddatum ligt voor de begindatum.');
    expect((await officer.get(`/privacy/verwerkingen/${klantB.id}`)).statusCode).toBe(404);
  });

  it('downloads the CSV and the article 15 export (PDF and JSON)', async () => {
    await officer.get(`/privacy/verwerkingen/${klant.id}`);
    const csv = await officer.post(`/privacy/verwerkingen/${klant.id}/export`, { actie: 'lezen' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attachment');
    const pdf = await officer.post(`/privacy/verwerkingen/${klant.id}/inzage`, { formaat: 'pdf' });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const json = await officer.post(`/privacy/verwerkingen/${klant.id}/inzage`, { formaat: 'json' });
    expect(json.json()).toMatchObject({ gemeente: 'Aardam', gegevens: { klantnummer: klant.klantnummer } });
  });
});

describe('retention pages without JavaScript', () => {
  it('keeps the input with 422 on an invalid period, saves a valid one (303)', async () => {
    await beheerder.get('/beheer/bewaartermijnen');
    const fout = await beheerder.post(`/beheer/bewaartermijnen/${A}`, {
      maanden: 'tien',
      grondslag: 'Selectielijst',
    });
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('value="tien"');
    expect(fout.body).toContain('value="Selectielijst"');
    const ok = await beheerder.post(`/beheer/bewaartermijnen/${A}`, {
      maanden: '120',
      grondslag: 'Selectielijst',
    });
    expect(ok.statusCode).toBe(303);
    expect((await beheerder.get(ok.headers.location as string)).body).toContain('120 maanden');
    expect(
      (await beheerder.post(`/beheer/bewaartermijnen/${B}`, { maanden: '1', grondslag: 'x' })).statusCode,
    ).toBe(404);
  });

  it('draws up a list and approves it (303), destroying the expired file', async () => {
    await withContext(t.db.app, { kind: 'systeem', reden: 'test', dienstId }, (tx) =>
      tx
        .updateTable('klant')
        .set({ dossierGeslotenOp: new Date('2010-01-01T12:00:00Z') })
        .where('id', '=', klant.id)
        .execute(),
    );
    await beheerder.get('/beheer/vernietigingslijsten');
    const voorstel = await beheerder.post('/beheer/vernietigingslijsten', { gemeenteId: A });
    expect(voorstel.statusCode).toBe(303);
    const lijstPagina = await beheerder.get(voorstel.headers.location as string);
    expect(lijstPagina.body).toContain(klant.klantnummer);
    const lijstUrl = (voorstel.headers.location as string).split('?')[0] as string;
    expect((await officer.post(`${lijstUrl}/goedkeuren`)).statusCode).toBe(403);
    const goed = await beheerder.post(`${lijstUrl}/goedkeuren`);
    expect(goed.statusCode).toBe(303);
    const na = await beheerder.get(goed.headers.location as string);
    expect(na.body).toContain('1 dossiers vernietigd');
    expect(na.body).not.toContain(klant.klantnummer);
    expect((await beheerder.post(`${lijstUrl}/goedkeuren`)).statusCode).toBe(409);
  });
});

describe('API /api/v1/verwerkingen', () => {
  it('finds a client by BSN or klantnummer in the body and lists its log (privacy officer only)', async () => {
    const k = await insertKlant(t.db.app, { dienstId, gemeenteId: A });
    const zoek = await api(tokens.po, 'POST', '/api/v1/verwerkingen/_zoek', { klantnummer: k.klantnummer });
    expect(zoek.statusCode).toBe(200);
    expect(zoek.json()).toEqual({
      items: [{ id: k.id, klantnummer: k.klantnummer, gemeente: { id: A, naam: 'Aardam' } }],
    });
    const lijst = await api(tokens.po, 'GET', `/api/v1/verwerkingen?klantId=${k.id}&actie=lezen`);
    expect(lijst.statusCode).toBe(200);
    expect(lijst.json().items[0]).toMatchObject({
      actie: 'lezen',
      verwerkingsactiviteit: { id: 'va-privacyverzoeken' },
      medewerker: { id: po.gebruikerId },
    });
    const bsn = await api(tokens.po, 'POST', '/api/v1/verwerkingen/_zoek', { bsn: '123456789' });
    expect(bsn.statusCode).toBe(400);
    expect(bsn.json().invalidParams[0].name).toBe('/bsn');
    expect((await api(tokens.po, 'GET', `/api/v1/verwerkingen?klantId=${klantB.id}`)).statusCode).toBe(404);
    expect((await api(tokens.po, 'GET', '/api/v1/verwerkingen?klantId=geen-uuid')).statusCode).toBe(400);
  });

  it('answers 403 to everyone else and 401 without a token', async () => {
    for (const wie of [tokens.km, tokens.fb]) {
      expect((await api(wie, 'GET', `/api/v1/verwerkingen?klantId=${klant.id}`)).statusCode).toBe(403);
      expect((await api(wie, 'POST', '/api/v1/verwerkingen/_zoek', { klantnummer: 'K-1' })).statusCode).toBe(
        403,
      );
    }
    expect((await api(undefined, 'GET', `/api/v1/verwerkingen?klantId=${klant.id}`)).statusCode).toBe(401);
  });

  it('refuses the privacy officer the client API (403)', async () => {
    expect((await api(tokens.po, 'GET', '/api/v1/klanten')).statusCode).toBe(403);
    expect((await api(tokens.po, 'GET', `/api/v1/klanten/${klant.id}`)).statusCode).toBe(403);
    expect((await api(tokens.po, 'POST', '/api/v1/klanten/_zoek', { bsn: '111222333' })).statusCode).toBe(
      403,
    );
  });
});

describe('POST /api/v1/klanten/{id}/_sluiten', () => {
  it('closes and reopens a file for the klantmanager; 403 for the officer, 404 outside the caseload', async () => {
    const k = await insertKlant(t.db.app, { dienstId, gemeenteId: A, klantmanagerId: km.gebruikerId });
    const dicht = await api(tokens.km, 'POST', `/api/v1/klanten/${k.id}/_sluiten`, { per: '2025-03-01' });
    expect(dicht.statusCode).toBe(200);
    expect(dicht.json().dossierGeslotenOp).toBe('2025-02-28T23:00:00.000Z');
    const open = await api(tokens.km, 'POST', `/api/v1/klanten/${k.id}/_sluiten`, { gesloten: false });
    expect(open.json().dossierGeslotenOp).toBeNull();
    expect(
      (await api(tokens.km, 'POST', `/api/v1/klanten/${k.id}/_sluiten`, { per: '2999-01-01' })).statusCode,
    ).toBe(400);
    expect((await api(tokens.po, 'POST', `/api/v1/klanten/${k.id}/_sluiten`, {})).statusCode).toBe(403);
    expect((await api(tokens.km, 'POST', `/api/v1/klanten/${klantB.id}/_sluiten`, {})).statusCode).toBe(404);
  });
});
