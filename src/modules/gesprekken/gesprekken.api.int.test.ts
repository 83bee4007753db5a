import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { insertGebruiker, insertTeam } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { insertKlant } from '../../../test/factories/klanten.ts';
import { withContext } from '../../db/context.ts';
import { createAuthService, systeemActor } from '../auth/index.ts';
import { createLogboekService } from '../logboek/index.ts';

/** The JSON API of conversations and own proposals: status codes, problem+json, access and the access log. */

let t: TestApp;
let dienstId: string;
let km: { id: string; token: string };
let tl: { id: string; token: string };
let nm: { id: string; token: string };
let kmB: { id: string; token: string };
let klant: string;

async function tokenVoor(
  opts: Parameters<typeof insertGebruiker>[1],
): Promise<{ id: string; token: string }> {
  const g = await insertGebruiker(t.db.app, { dienstId, wachtwoord: null, ...opts });
  const { token } = await createAuthService({ db: t.db.app, config: t.config }).createApiTokenVoorEmail(
    systeemActor('test'),
    { email: g.email, naam: 'test' },
  );
  return { id: g.gebruikerId, token };
}

async function api(
  wie: { token: string } | undefined,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: unknown,
  contentType = 'application/json',
) {
  return t.app.inject({
    method,
    url,
    headers: {
      ...(wie ? { authorization: `Bearer ${wie.token}` } : {}),
      ...(payload !== undefined ? { 'content-type': contentType } : {}),
    },
    ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
  });
}

const logregels = (klantId: string) =>
  withContext(t.db.app, systeemActor('test', dienstId), (tx) =>
    tx.selectFrom('logboek').select(['actie', 'actorId']).where('subjectId', '=', klantId).execute(),
  );

beforeAll(async () => {
  t = await createTestApp();
  const ga = await insertGemeente(t.db.app);
  dienstId = ga.dienstId;
  const A = ga.gemeenteId;
  const B = (await insertGemeente(t.db.app, { dienstId })).gemeenteId;
  await createLogboekService(t.db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const team = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  const teamB = (await insertTeam(t.db.app, { dienstId, gemeenten: [B] })).teamId;
  km = await tokenVoor({ rol: 'klantmanager', gemeenten: [A], teams: [team] });
  tl = await tokenVoor({ rol: 'teamleider', gemeenten: [A], teams: [team] });
  nm = await tokenVoor({ rol: 'netwerkmakelaar', gemeenten: [A] });
  kmB = await tokenVoor({ rol: 'klantmanager', gemeenten: [B], teams: [teamB] });
  klant = (await insertKlant(t.db.app, { dienstId, gemeenteId: A, klantmanagerId: km.id })).id;
});

describe('/api/v1 gesprekken', () => {
  it('creates (201 + Location), lists, reads and patches a conversation; each is logged', async () => {
    const voor = (await logregels(klant)).length;
    const res = await api(km, 'POST', `/api/v1/klanten/${klant}/gesprekken`, {
      datum: '2026-11-20',
      deelnemers: ['Sanne Visser', 'Karin de Wit'],
      wensen: 'Met dieren werken.',
      krachtEnBekwaamheid: 'Punctueel.',
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['api-version']).toBeDefined();
    const g = res.json();
    expect(res.headers.location).toBe(`/api/v1/gesprekken/${g.id}`);
    expect(g.onderdelen).toEqual({
      krachtEnBekwaamheid: true,
      wensen: true,
      eigenVoorstel: false,
      socialeOmgeving: false,
    });

    const lijst = await api(tl, 'GET', `/api/v1/klanten/${klant}/gesprekken`);
    expect(lijst.statusCode).toBe(200);
    expect(lijst.json()).toEqual([expect.objectContaining({ id: g.id, datum: '2026-11-20' })]);

    const patch = await api(
      km,
      'PATCH',
      `/api/v1/gesprekken/${g.id}`,
      { wensen: null, socialeOmgeving: 'Buren.' },
      'application/merge-patch+json',
    );
    expect(patch.statusCode).toBe(200);
    expect(patch.json()).toMatchObject({
      wensen: null,
      socialeOmgeving: 'Buren.',
      krachtEnBekwaamheid: 'Punctueel.',
    });
    expect((await api(km, 'GET', `/api/v1/gesprekken/${g.id}`)).json().deelnemers).toEqual([
      'Sanne Visser',
      'Karin de Wit',
    ]);
    const acties = (await logregels(klant)).slice(voor).map((r) => r.actie);
    expect(acties).toEqual(expect.arrayContaining(['aanmaken', 'wijzigen', 'lezen']));
  });

  it('records an own proposal (201) and answers invalid input with problem+json naming the fields', async () => {
    const g = (await api(km, 'POST', `/api/v1/klanten/${klant}/gesprekken`, { datum: '2026-11-21' })).json();
    const fout = await api(km, 'POST', `/api/v1/gesprekken/${g.id}/eigen-voorstellen`, {
      titel: 'Boodschappen',
      omschrijving: 'Voor de buurvrouw.',
      soort: 'zonder-organisatie',
      maatschappelijkNut: true,
      nutMotivering: 'Helpt.',
    });
    expect(fout.statusCode).toBe(400);
    expect(fout.headers['content-type']).toContain('application/problem+json');
    expect(
      fout
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual(['/categorie', '/fysiekeBelasting', '/urenPerWeek']);
    const ok = await api(km, 'POST', `/api/v1/gesprekken/${g.id}/eigen-voorstellen`, {
      titel: 'Boodschappen',
      omschrijving: 'Voor de buurvrouw.',
      soort: 'zonder-organisatie',
      maatschappelijkNut: true,
      nutMotivering: 'Helpt.',
      categorie: 'buurt-en-wijk',
      fysiekeBelasting: 'laag',
      urenPerWeek: 2,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      soort: 'zonder-organisatie',
      organisatieId: null,
      maatschappelijkNut: true,
    });
    expect(ok.json().activiteitId).toMatch(/^[0-9a-f-]{36}$/);
    const schema = await api(km, 'POST', `/api/v1/klanten/${klant}/gesprekken`, { datum: 'gisteren' });
    expect(schema.statusCode).toBe(400);
    expect(schema.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses whoever may not: 401 without a token, 403 for a role, 404 for another municipality', async () => {
    const g = (await api(km, 'POST', `/api/v1/klanten/${klant}/gesprekken`, { datum: '2026-11-22' })).json();
    const routes: Array<['GET' | 'POST' | 'PATCH', string, unknown]> = [
      ['GET', `/api/v1/klanten/${klant}/gesprekken`, undefined],
      ['POST', `/api/v1/klanten/${klant}/gesprekken`, { datum: '2026-11-22' }],
      ['GET', `/api/v1/gesprekken/${g.id}`, undefined],
      ['PATCH', `/api/v1/gesprekken/${g.id}`, { notities: 'x' }],
      [
        'POST',
        `/api/v1/gesprekken/${g.id}/eigen-voorstellen`,
        {
          titel: 'x',
          omschrijving: 'x',
          soort: 'zonder-organisatie',
          maatschappelijkNut: false,
          nutMotivering: 'x',
        },
      ],
    ];
    for (const [m, url, body] of routes) {
      expect([m, url, (await api(undefined, m, url, body)).statusCode]).toEqual([m, url, 401]);
      expect([m, url, (await api(nm, m, url, body)).statusCode]).toEqual([m, url, 403]);
      expect([m, url, (await api(kmB, m, url, body)).statusCode]).toEqual([m, url, 404]);
      if (m !== 'GET') expect([m, url, (await api(tl, m, url, body)).statusCode]).toEqual([m, url, 403]);
    }
  });
});
