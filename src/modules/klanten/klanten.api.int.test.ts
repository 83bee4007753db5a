import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { insertGebruiker, insertTeam } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { insertKlant, maakKlant } from '../../../test/factories/klanten.ts';
import { withContext } from '../../db/context.ts';
import { createAuthService, systeemActor } from '../auth/index.ts';
import { createLogboekService } from '../logboek/index.ts';

let t: TestApp;
let dienstId: string;
let A: string;
let B: string;
let km: { id: string; token: string };
let km2: { id: string; token: string };
let nm: { id: string; token: string };
let kmB: { id: string; token: string };

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

const als = (wie: { token: string }) => ({ authorization: `Bearer ${wie.token}` });

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
    headers: { ...(wie ? als(wie) : {}), ...(payload !== undefined ? { 'content-type': contentType } : {}) },
    ...(payload !== undefined
      ? { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }
      : {}),
  });
}

async function aantalLogregels(subjectId: string, actie?: string): Promise<number> {
  return withContext(t.db.app, { kind: 'systeem', reden: 'test:logboek', dienstId }, async (tx) => {
    let q = tx.selectFrom('logboek').select('actie').where('subjectId', '=', subjectId);
    if (actie) q = q.where('actie', '=', actie);
    return (await q.execute()).length;
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const ga = await insertGemeente(t.db.app);
  dienstId = ga.dienstId;
  A = ga.gemeenteId;
  B = (await insertGemeente(t.db.app, { dienstId })).gemeenteId;
  await createLogboekService(t.db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const team = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  const teamB = (await insertTeam(t.db.app, { dienstId, gemeenten: [B] })).teamId;
  km = await tokenVoor({ rol: 'klantmanager', gemeenten: [A], teams: [team] });
  km2 = await tokenVoor({ rol: 'klantmanager', gemeenten: [A], teams: [team] });
  nm = await tokenVoor({ rol: 'netwerkmakelaar', gemeenten: [A] });
  kmB = await tokenVoor({ rol: 'klantmanager', gemeenten: [B], teams: [teamB] });
});

describe('POST /api/v1/klanten', () => {
  it('creates a client (201, Location, masked BSN) and logs it', async () => {
    const res = await api(km, 'POST', '/api/v1/klanten', {
      gemeenteId: A,
      achternaam: 'de Vries',
      geboortedatum: '1979-09-09',
      bsn: '111222333',
      voornamen: '  Anna  ',
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['api-version']).toBe('1.0.0');
    const k = res.json();
    expect(res.headers.location).toBe(`/api/v1/klanten/${k.id}`);
    expect(k).toMatchObject({
      achternaam: 'de Vries',
      voornamen: '  Anna  ',
      bsnGemaskeerd: '*****2333',
      klantnummer: null,
    });
    expect(res.body).not.toContain('111222333');
    expect(await aantalLogregels(k.id, 'aanmaken')).toBe(1);
  });

  it.each([
    ['a bad BSN', { bsn: '123456789' }, '/bsn'],
    ['an impossible date', { geboortedatum: '2001-02-29' }, '/geboortedatum'],
    ['a missing surname', { achternaam: undefined }, '/achternaam'],
    ['a NUL character', { zorgtaken: 'x\u0000y' }, '/zorgtaken'],
    ['an unpaired surrogate', { eigenNetwerk: 'kerk \ud83d' }, '/eigenNetwerk'],
    ['a bad postcode', { postcode: '1234 SS' }, '/postcode'],
    ['an unknown municipality', { gemeenteId: '00000000-0000-4000-8000-000000000000' }, '/gemeenteId'],
    ['a municipality the caller does not work for', { gemeenteId: 'B' }, '/gemeenteId'],
  ])('answers 400 problem+json naming the field for %s', async (_naam, wijziging, veld) => {
    const body: Record<string, unknown> = {
      gemeenteId: A,
      achternaam: 'Test',
      geboortedatum: '1980-01-01',
      ...wijziging,
    };
    if (body.gemeenteId === 'B') body.gemeenteId = B;
    const res = await api(km, 'POST', '/api/v1/klanten', body);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json();
    expect(problem.invalidParams.map((p: { name: string }) => p.name)).toContain(veld);
    expect(res.body).not.toContain('123456789');
  });

  it('answers 409 naming the field for a klantnummer that exists', async () => {
    await api(km, 'POST', '/api/v1/klanten', maakKlant({ gemeenteId: A, klantnummer: 'DUBBEL-1' }));
    const res = await api(
      km,
      'POST',
      '/api/v1/klanten',
      maakKlant({ gemeenteId: A, klantnummer: 'DUBBEL-1' }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().invalidParams).toEqual([{ name: '/klantnummer', reason: expect.any(String) }]);
  });

  it('refuses a netwerkmakelaar (403) and a caller without a token (401)', async () => {
    expect((await api(nm, 'POST', '/api/v1/klanten', maakKlant({ gemeenteId: A }))).statusCode).toBe(403);
    expect((await api(undefined, 'POST', '/api/v1/klanten', maakKlant({ gemeenteId: A }))).statusCode).toBe(
      401,
    );
  });
});

describe('GET /api/v1/klanten', () => {
  beforeAll(async () => {
    for (let i = 0; i < 5; i++)
      await api(km, 'POST', '/api/v1/klanten', maakKlant({ gemeenteId: A, achternaam: `Paginatest ${i}` }));
  });

  it('searches and pages (pagina, paginaGrootte), and logs one read per client shown', async () => {
    const res = await api(km, 'GET', '/api/v1/klanten?zoek=paginatest&paginaGrootte=2&pagina=2');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ totaal: 5, pagina: 2, paginaGrootte: 2, aantalPaginas: 3 });
    expect(body.items.map((k: { achternaam: string }) => k.achternaam)).toEqual([
      'Paginatest 2',
      'Paginatest 3',
    ]);
    for (const k of body.items) expect(await aantalLogregels(k.id, 'lezen')).toBe(1);
  });

  it('shows a team colleague the clients, but not a klantmanager of another municipality', async () => {
    expect((await api(km2, 'GET', '/api/v1/klanten?zoek=paginatest')).json().totaal).toBe(5);
    expect((await api(kmB, 'GET', '/api/v1/klanten?zoek=paginatest')).json().totaal).toBe(0);
  });

  it('answers 400 for bad paging and 403 for a netwerkmakelaar', async () => {
    const res = await api(km, 'GET', '/api/v1/klanten?paginaGrootte=500');
    expect(res.statusCode).toBe(400);
    expect(res.json().invalidParams[0].name).toContain('paginaGrootte');
    expect((await api(nm, 'GET', '/api/v1/klanten')).statusCode).toBe(403);
  });
});

describe('GET and PATCH /api/v1/klanten/{id}', () => {
  let id: string;
  beforeAll(async () => {
    id = (await api(km, 'POST', '/api/v1/klanten', maakKlant({ gemeenteId: A, postcode: '5611 AA' }))).json()
      .id;
  });

  it('returns the file with today’s applicability and logs the read', async () => {
    const voor = await aantalLogregels(id, 'lezen');
    const res = await api(km2, 'GET', `/api/v1/klanten/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().toepasselijkheidDetail).toMatchObject({
      uitkomst: 'van-toepassing',
      redenen: [{ code: 'van-toepassing' }],
    });
    expect(await aantalLogregels(id, 'lezen')).toBe(voor + 1);
  });

  it('answers 404 for a client of another municipality and for an unknown id, 403 for a netwerkmakelaar', async () => {
    const anders = await insertKlant(t.db.app, { dienstId, gemeenteId: B, klantmanagerId: kmB.id });
    expect((await api(km, 'GET', `/api/v1/klanten/${anders.id}`)).statusCode).toBe(404);
    expect((await api(km, 'PATCH', `/api/v1/klanten/${anders.id}`, { telefoon: '1' })).statusCode).toBe(404);
    expect((await api(km, 'GET', '/api/v1/klanten/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
    expect((await api(km, 'GET', '/api/v1/klanten/geen-uuid')).statusCode).toBe(400);
    expect((await api(nm, 'GET', `/api/v1/klanten/${id}`)).statusCode).toBe(403);
    expect(await aantalLogregels(anders.id)).toBe(0);
  });

  it('changes only the fields sent (also as merge-patch+json) and logs the change', async () => {
    const res = await api(
      km,
      'PATCH',
      `/api/v1/klanten/${id}`,
      { telefoon: '06-12345678', werk: [{ urenPerWeek: 30 }] },
      'application/merge-patch+json',
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      telefoon: '06-12345678',
      postcode: '5611 AA',
      toepasselijkheid: 'niet-van-toepassing',
    });
    const leeg = await api(km, 'PATCH', `/api/v1/klanten/${id}`, { telefoon: null });
    expect(leeg.json().telefoon).toBeNull();
    expect(await aantalLogregels(id, 'wijzigen')).toBe(2);
    const fout = await api(km, 'PATCH', `/api/v1/klanten/${id}`, { geboortedatum: '2020-02-30' });
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams[0].name).toBe('/geboortedatum');
    expect((await api(nm, 'PATCH', `/api/v1/klanten/${id}`, { telefoon: '1' })).statusCode).toBe(403);
  });
});

describe('/api/v1/klanten/{id}/ontheffingen', () => {
  let id: string;
  beforeAll(async () => {
    id = (await api(km, 'POST', '/api/v1/klanten', maakKlant({ gemeenteId: A }))).json().id;
  });

  it('records and lists exemptions', async () => {
    const fout = await api(km, 'POST', `/api/v1/klanten/${id}/ontheffingen`, {
      type: 'dringende-redenen',
      begindatum: '2026-01-01',
    });
    expect(fout.statusCode).toBe(400);
    expect(
      fout
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual(['/einddatum', '/reden']);
    const res = await api(km, 'POST', `/api/v1/klanten/${id}/ontheffingen`, {
      type: 'volledig-arbeidsongeschikt',
      begindatum: '2025-01-01',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ type: 'volledig-arbeidsongeschikt', isLopend: true });
    const lijst = await api(km2, 'GET', `/api/v1/klanten/${id}/ontheffingen`);
    expect(lijst.statusCode).toBe(200);
    expect(lijst.json()).toHaveLength(1);
    expect((await api(km, 'GET', `/api/v1/klanten/${id}`)).json().toepasselijkheid).toBe(
      'niet-van-toepassing',
    );
  });

  it('refuses other roles and other municipalities', async () => {
    expect((await api(nm, 'GET', `/api/v1/klanten/${id}/ontheffingen`)).statusCode).toBe(403);
    expect((await api(kmB, 'GET', `/api/v1/klanten/${id}/ontheffingen`)).statusCode).toBe(404);
    expect(
      (
        await api(kmB, 'POST', `/api/v1/klanten/${id}/ontheffingen`, {
          type: 'volledig-arbeidsongeschikt',
          begindatum: '2025-01-01',
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('POST /api/v1/klanten/_zoek', () => {
  it('finds a client by the BSN in the body, logs the read, and names the field for an invalid BSN', async () => {
    const k = (
      await api(km, 'POST', '/api/v1/klanten', maakKlant({ gemeenteId: A, bsn: '123456782' }))
    ).json();
    const res = await api(km2, 'POST', '/api/v1/klanten/_zoek', { bsn: '123456782' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((x: { id: string }) => x.id)).toEqual([k.id]);
    expect(res.body).not.toContain('123456782');
    expect(await aantalLogregels(k.id, 'lezen')).toBe(1);
    const fout = await api(km, 'POST', '/api/v1/klanten/_zoek', { bsn: '123456780' });
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams[0].name).toBe('/bsn');
    expect(fout.body).not.toContain('123456780');
    expect((await api(kmB, 'POST', '/api/v1/klanten/_zoek', { bsn: '123456782' })).json().items).toEqual([]);
    expect((await api(nm, 'POST', '/api/v1/klanten/_zoek', { bsn: '123456782' })).statusCode).toBe(403);
  });
});

describe('OpenAPI', () => {
  it('documents the client routes relative to /api/v1', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
    for (const p of ['/klanten', '/klanten/{id}', '/klanten/{id}/ontheffingen', '/klanten/_zoek'])
      expect(Object.keys(doc.paths)).toContain(p);
    expect(doc.paths['/klanten'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['zoek', 'pagina', 'paginaGrootte']),
    );
    expect(Object.keys(doc.paths['/klanten'].get.parameters)).not.toContain('bsn');
  });
});
