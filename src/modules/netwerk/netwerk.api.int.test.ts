import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { insertGebruiker } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { maakActiviteit, maakOrganisatie, maakToets } from '../../../test/factories/netwerk.ts';
import type { Rol } from '../../db/context.ts';
import { withContext } from '../../db/context.ts';
import { createAuthService, systeemActor } from '../auth/index.ts';
import { createLogboekService } from '../logboek/index.ts';

let t: TestApp;
let dienstId: string;
let A: string;
let B: string;
type Wie = { id: string; token: string };
let nm: Wie;
let nmB: Wie;
let km: Wie;
let tl: Wie;
let fb: Wie;
let po: Wie;

async function tokenVoor(rol: Rol, gemeenten: string[]): Promise<Wie> {
  const g = await insertGebruiker(t.db.app, { dienstId, wachtwoord: null, rol, gemeenten });
  const { token } = await createAuthService({ db: t.db.app, config: t.config }).createApiTokenVoorEmail(
    systeemActor('test'),
    { email: g.email, naam: 'test' },
  );
  return { id: g.gebruikerId, token };
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

const logregels = (subjectId: string) =>
  withContext(t.db.app, systeemActor('test', dienstId), (tx) =>
    tx
      .selectFrom('logboek')
      .select(['actie', 'actorId'])
      .where('subjectId', '=', subjectId)
      .orderBy('volgnummer')
      .execute(),
  );

let org: { id: string };
let act: { id: string };
let intervisieId: string;

beforeAll(async () => {
  t = await createTestApp();
  const ga = await insertGemeente(t.db.app);
  dienstId = ga.dienstId;
  A = ga.gemeenteId;
  B = (await insertGemeente(t.db.app, { dienstId })).gemeenteId;
  await createLogboekService(t.db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  nm = await tokenVoor('netwerkmakelaar', [A]);
  nmB = await tokenVoor('netwerkmakelaar', [B]);
  km = await tokenVoor('klantmanager', [A]);
  tl = await tokenVoor('teamleider', [A]);
  fb = await tokenVoor('functioneel-beheerder', [A, B]);
  po = await tokenVoor('privacy-officer', [A, B]);
});

describe('organisations and activities over the API', () => {
  it('creates an organisation (201, Location, API-Version) and logs it', async () => {
    const res = await api(
      nm,
      'POST',
      '/api/v1/organisaties',
      maakOrganisatie({ gemeenteIds: [A], naam: 'Speeltuinvereniging De Klimboom' }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.headers['api-version']).toBe('1.0.0');
    org = res.json();
    expect(res.headers.location).toBe(`/api/v1/organisaties/${org.id}`);
    expect(res.json()).toMatchObject({
      naam: 'Speeltuinvereniging De Klimboom',
      type: 'stichting',
      status: 'actief',
    });
    expect(await logregels(org.id)).toEqual([{ actie: 'aanmaken', actorId: nm.id }]);
  });

  it('answers 400 problem+json naming the field', async () => {
    const res = await api(nm, 'POST', '/api/v1/organisaties', {
      ...maakOrganisatie({ gemeenteIds: [A] }),
      kvkNummer: '12',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().invalidParams).toEqual([
      { name: '/kvkNummer', reason: expect.stringMatching(/8 cijfers/) },
    ]);
    const schema = await api(nm, 'POST', '/api/v1/organisaties', {
      naam: 'X',
      type: 'bedrijf',
      gemeenteIds: [A],
    });
    expect(schema.statusCode).toBe(400);
    const buiten = await api(nm, 'POST', '/api/v1/organisaties', maakOrganisatie({ gemeenteIds: [B] }));
    expect(buiten.json().invalidParams).toEqual([
      { name: '/gemeenteIds', reason: 'Kies alleen gemeenten waarvoor u werkt.' },
    ]);
  });

  it('lists with search and paging, reads one, and replaces it with PUT', async () => {
    const lijst = await api(km, 'GET', '/api/v1/organisaties?zoek=klimboom&paginaGrootte=5');
    expect(lijst.statusCode).toBe(200);
    expect(lijst.json()).toMatchObject({ totaal: 1, pagina: 1, paginaGrootte: 5, aantalPaginas: 1 });
    expect((await api(km, 'GET', `/api/v1/organisaties/${org.id}`)).json().naam).toBe(
      'Speeltuinvereniging De Klimboom',
    );
    const put = await api(
      nm,
      'PUT',
      `/api/v1/organisaties/${org.id}`,
      maakOrganisatie({ gemeenteIds: [A], naam: 'De Klimboom', type: 'vereniging' }),
    );
    expect([put.statusCode, put.json().naam, put.json().materieleVersie]).toEqual([200, 'De Klimboom', 2]);
    expect((await api(km, 'GET', '/api/v1/organisaties?pagina=0')).statusCode).toBe(400);
  });

  it('creates an activity, records an assessment with doubt, and the team lead decides the intervision', async () => {
    const res = await api(
      nm,
      'POST',
      '/api/v1/activiteiten',
      maakActiviteit({ organisatieId: org.id, gemeenteIds: [A] }),
    );
    expect(res.statusCode).toBe(201);
    act = res.json();
    expect(res.headers.location).toBe(`/api/v1/activiteiten/${act.id}`);
    expect(res.json().toets).toMatchObject({ status: 'geen-toets', magGeplaatstWorden: false });
    const toets = await api(
      nm,
      'POST',
      `/api/v1/activiteiten/${act.id}/verdringingstoetsen`,
      maakToets({ antwoorden: { bezuiniging: 'weet-niet' }, conclusie: 'twijfel' }),
    );
    expect(toets.statusCode).toBe(201);
    expect(toets.json()).toMatchObject({ advies: 'twijfel', conclusie: 'twijfel' });
    intervisieId = toets.json().intervisieId;
    expect(intervisieId).toMatch(/^[0-9a-f-]{36}$/);
    const milder = await api(
      nm,
      'POST',
      `/api/v1/activiteiten/${act.id}/verdringingstoetsen`,
      maakToets({ antwoorden: { bezuiniging: 'weet-niet' } }),
    );
    expect(milder.json().invalidParams).toEqual([
      { name: '/conclusie', reason: expect.stringMatching(/Twijfel/) },
    ]);
    expect((await api(km, 'GET', `/api/v1/activiteiten/${act.id}/verdringingstoetsen`)).json()).toHaveLength(
      1,
    );

    const wachtrij = await api(tl, 'GET', '/api/v1/intervisies?status=open');
    expect(wachtrij.json().items.map((i: { id: string }) => i.id)).toEqual([intervisieId]);
    const besluit = {
      deelnemers: ['Anouk Jansen', 'Bram Hendriks'],
      besluit: 'toegestaan',
      motivering: 'Geen bezuiniging gevonden.',
    };
    const ok = await api(tl, 'POST', `/api/v1/intervisies/${intervisieId}/besluit`, besluit);
    expect([ok.statusCode, ok.json().status, ok.json().besluit]).toEqual([200, 'besloten', 'toegestaan']);
    const nogmaals = await api(tl, 'POST', `/api/v1/intervisies/${intervisieId}/besluit`, besluit);
    expect(nogmaals.statusCode).toBe(409);
    expect(nogmaals.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await api(km, 'GET', `/api/v1/activiteiten/${act.id}`)).json().toets).toMatchObject({
      status: 'toegestaan',
      magGeplaatstWorden: true,
    });
    expect((await api(km, 'GET', `/api/v1/intervisies/${intervisieId}`)).json().deelnemers).toEqual(
      besluit.deelnemers,
    );
    expect(
      (await api(km, 'GET', '/api/v1/activiteiten?toetsStatus=toegestaan&vrijePlaatsen=true')).json().totaal,
    ).toBe(1);
  });
});

describe('who may use which route', () => {
  const routes = () => {
    const o = maakOrganisatie({ gemeenteIds: [A] });
    const a = maakActiviteit({ organisatieId: org.id, gemeenteIds: [A] });
    const besluit = { deelnemers: ['X'], besluit: 'toegestaan', motivering: 'Ok' };
    return [
      ['GET', '/api/v1/organisaties', undefined],
      ['POST', '/api/v1/organisaties', o],
      ['GET', `/api/v1/organisaties/${org.id}`, undefined],
      ['PUT', `/api/v1/organisaties/${org.id}`, o],
      ['GET', '/api/v1/activiteiten', undefined],
      ['POST', '/api/v1/activiteiten', a],
      ['GET', `/api/v1/activiteiten/${act.id}`, undefined],
      ['PUT', `/api/v1/activiteiten/${act.id}`, a],
      ['GET', `/api/v1/activiteiten/${act.id}/verdringingstoetsen`, undefined],
      ['POST', `/api/v1/activiteiten/${act.id}/verdringingstoetsen`, maakToets()],
      ['GET', '/api/v1/intervisies', undefined],
      ['GET', `/api/v1/intervisies/${intervisieId}`, undefined],
      ['POST', `/api/v1/intervisies/${intervisieId}/besluit`, besluit],
    ] as Array<['GET' | 'POST' | 'PUT', string, unknown]>;
  };

  it('answers 401 without a token', async () => {
    for (const [m, url, body] of routes())
      expect([m, url, (await api(undefined, m, url, body)).statusCode]).toEqual([m, url, 401]);
  });

  it('answers 403 to the functioneel beheerder and the privacy officer on every route', async () => {
    for (const wie of [fb, po])
      for (const [m, url, body] of routes())
        expect([m, url, (await api(wie, m, url, body)).statusCode]).toEqual([m, url, 403]);
  });

  it('lets a klantmanager read but not change, and only a team lead decide', async () => {
    for (const [m, url, body] of routes()) {
      const res = await api(km, m, url, body);
      expect([m, url, res.statusCode]).toEqual([m, url, m === 'GET' ? 200 : 403]);
    }
    expect(
      (
        await api(nm, 'POST', `/api/v1/intervisies/${intervisieId}/besluit`, {
          deelnemers: ['X'],
          besluit: 'toegestaan',
          motivering: 'Ok',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await api(tl, 'POST', '/api/v1/organisaties', maakOrganisatie({ gemeenteIds: [A] }))).statusCode,
    ).toBe(403);
  });

  it('answers 404 for what lies outside the caller’s municipalities, and for an unknown id', async () => {
    for (const url of [
      `/api/v1/organisaties/${org.id}`,
      `/api/v1/activiteiten/${act.id}`,
      `/api/v1/activiteiten/${act.id}/verdringingstoetsen`,
      `/api/v1/intervisies/${intervisieId}`,
      '/api/v1/organisaties/00000000-0000-4000-8000-000000000000',
    ])
      expect([url, (await api(nmB, 'GET', url)).statusCode]).toEqual([url, 404]);
    expect(
      (await api(nmB, 'PUT', `/api/v1/organisaties/${org.id}`, maakOrganisatie({ gemeenteIds: [B] })))
        .statusCode,
    ).toBe(404);
    expect((await api(nmB, 'GET', '/api/v1/organisaties')).json().totaal).toBe(0);
    expect((await api(nm, 'GET', '/api/v1/organisaties/geen-uuid')).statusCode).toBe(400);
  });
});
