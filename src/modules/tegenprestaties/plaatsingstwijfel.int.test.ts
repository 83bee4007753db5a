import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { ingelogdAls, type TestBrowser } from '../../../test/browser.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker, insertTeam, type TestGebruiker } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { insertLopendeTegenprestatie } from '../../../test/factories/uitvoering.ts';
import { pdfTekst } from '../../../test/pdf.ts';
import { withContext } from '../../db/context.ts';
import { createAuthService, systeemActor } from '../auth/index.ts';
import { createLogboekService } from '../logboek/index.ts';

// A caseworker's doubt about one placement goes to intervision like an activity's doubt (issue 14 part B), end to
// end: raised through the API and the placement page, decided by the team lead on the intervision page; "niet
// toegestaan" flags the placement for review. Each route with actors who may not use it.

let t: TestApp;
let tokens: Record<'km' | 'km2' | 'nm' | 'tl' | 'tlB', string>;
let activiteitId: string;
let A: string;
let B: string;
let dienst: string;
let b: Record<'km' | 'nm' | 'tl', TestBrowser>;
let lopend: string;
let inToetsing: string;
let intervisieId: string;
const REDEN = 'De coördinator zei dat de deelnemer het werk van een zieke collega overneemt.';

const api = (token: string, method: 'GET' | 'POST', url: string, body?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });

beforeAll(async () => {
  t = await createTestApp();
  const g = await insertGemeente(t.db.app, { naam: 'Aardam' });
  const dienstId = g.dienstId;
  dienst = dienstId;
  A = g.gemeenteId;
  B = (await insertGemeente(t.db.app, { dienstId, naam: 'Bergdorp' })).gemeenteId;
  await createLogboekService(t.db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const team = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  const ander = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  const km = await insertGebruiker(t.db.app, {
    dienstId,
    rol: 'klantmanager',
    gemeenten: [A],
    teams: [team],
  });
  const km2 = await insertGebruiker(t.db.app, {
    dienstId,
    rol: 'klantmanager',
    gemeenten: [A],
    teams: [ander],
  });
  const nm = await insertGebruiker(t.db.app, { dienstId, rol: 'netwerkmakelaar', gemeenten: [A] });
  const tl = await insertGebruiker(t.db.app, { dienstId, rol: 'teamleider', gemeenten: [A] });
  const tlB = await insertGebruiker(t.db.app, { dienstId, rol: 'teamleider', gemeenten: [B] });
  const auth = createAuthService({ db: t.db.app, config: t.config });
  const token = async (u: TestGebruiker) =>
    (await auth.createApiTokenVoorEmail(systeemActor('test'), { email: u.email, naam: 'test' })).token;
  tokens = {
    km: await token(km),
    km2: await token(km2),
    nm: await token(nm),
    tl: await token(tl),
    tlB: await token(tlB),
  };
  const kmActor = actorVan(km, { gemeenten: [A], teams: [team] });
  ({ id: lopend, activiteitId } = await insertLopendeTegenprestatie(t.db.app, {
    km: kmActor,
    gemeenteId: A,
  }));
  inToetsing = (await insertLopendeTegenprestatie(t.db.app, { km: kmActor, gemeenteId: A, tot: 'toetsing' }))
    .id;
  b = {
    km: await ingelogdAls(t.app, km),
    nm: await ingelogdAls(t.app, nm),
    tl: await ingelogdAls(t.app, tl),
  };
});

const herbeoordeling = async (id: string) => {
  const r = await api(tokens.km, 'GET', `/api/v1/tegenprestaties/${id}/herbeoordeling`);
  expect(r.statusCode).toBe(200);
  return r.json() as {
    nodig: boolean;
    redenen: Array<{ soort: string; oorzaak: string }>;
    twijfels: Array<{ intervisieId: string; status: string; besluit: string | null; vraag: string }>;
  };
};

describe('a doubt about one placement', () => {
  it('API: refused without a reason (400), for who may not (403/404) and outside agreed or running (422)', async () => {
    const leeg = await api(tokens.km, 'POST', `/api/v1/tegenprestaties/${lopend}/twijfels`, { reden: '  ' });
    expect(leeg.statusCode).toBe(400);
    expect(leeg.headers['content-type']).toContain('application/problem+json');
    expect(leeg.body).toContain('Schrijf op waarover u twijfelt.');
    const nm = await api(tokens.nm, 'POST', `/api/v1/tegenprestaties/${lopend}/twijfels`, { reden: REDEN });
    expect(nm.statusCode).toBe(403);
    const km2 = await api(tokens.km2, 'POST', `/api/v1/tegenprestaties/${lopend}/twijfels`, { reden: REDEN });
    expect(km2.statusCode).toBe(404);
    const toetsing = await api(tokens.km, 'POST', `/api/v1/tegenprestaties/${inToetsing}/twijfels`, {
      reden: REDEN,
    });
    expect(toetsing.statusCode).toBe(422);
    expect(toetsing.body).toContain('overeengekomen of lopende');
    expect((await herbeoordeling(lopend)).twijfels).toEqual([]);
  });

  it('API: the caseworker raises it (201); a second open one is refused (409)', async () => {
    const r = await api(tokens.km, 'POST', `/api/v1/tegenprestaties/${lopend}/twijfels`, { reden: REDEN });
    expect(r.statusCode).toBe(201);
    intervisieId = (r.json() as { intervisieId: string }).intervisieId;
    expect(r.headers.location).toBe(`/api/v1/intervisies/${intervisieId}`);
    const nogmaals = await api(tokens.km, 'POST', `/api/v1/tegenprestaties/${lopend}/twijfels`, {
      reden: 'Nog een keer.',
    });
    expect(nogmaals.statusCode).toBe(409);
    const h = await herbeoordeling(lopend);
    expect(h.nodig).toBe(false);
    expect(h.twijfels).toMatchObject([{ intervisieId, status: 'open', besluit: null, vraag: REDEN }]);
  });

  it('the placement page shows it waiting and offers no second form; its form keeps the input on 422', async () => {
    const pagina = await b.km.get(`/tegenprestaties/${lopend}/uitvoering`);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain('Wacht op intervisie');
    expect(pagina.body).not.toContain('Twijfel melden voor intervisie');
    const dubbel = await b.km.post(`/tegenprestaties/${lopend}/uitvoering/twijfel`, {
      reden: 'Tweede twijfel',
    });
    expect(dubbel.statusCode).toBe(422);
    expect(dubbel.body).toContain('wacht al een twijfel op intervisie');
    expect(dubbel.body).toContain('Tweede twijfel');
    const nm = await b.nm.post(`/tegenprestaties/${lopend}/uitvoering/twijfel`, { reden: REDEN });
    expect(nm.statusCode).toBe(403);
  });

  it('only the team lead sees it in intervision (a network broker and a caseworker do not)', async () => {
    const tl = await api(tokens.tl, 'GET', '/api/v1/intervisies?status=open');
    expect(tl.statusCode).toBe(200);
    expect(
      (tl.json() as { items: Array<{ id: string; onderwerp: string; plaatsing: unknown }> }).items,
    ).toEqual([
      expect.objectContaining({
        id: intervisieId,
        onderwerp: 'plaatsing',
        verdringingstoetsId: null,
        plaatsing: expect.objectContaining({ tegenprestatieId: lopend }),
        vraag: REDEN,
      }),
    ]);
    const nm = await api(tokens.nm, 'GET', '/api/v1/intervisies?status=open');
    expect(nm.statusCode).toBe(200);
    expect(nm.body).not.toContain(intervisieId);
    for (const who of ['nm', 'km'] as const)
      expect((await api(tokens[who], 'GET', `/api/v1/intervisies/${intervisieId}`)).statusCode).toBe(404);
    expect((await b.nm.get(`/intervisies/${intervisieId}`)).statusCode).toBe(404);
    // Its record as PDF: as the page (a placement's doubt only to the team lead).
    expect((await b.nm.get(`/intervisies/${intervisieId}/verslag.pdf`)).statusCode).toBe(404);
    expect((await api(tokens.km, 'GET', `/api/v1/intervisies/${intervisieId}/verslag`)).statusCode).toBe(404);
    const verslag = await api(tokens.tl, 'GET', `/api/v1/intervisies/${intervisieId}/verslag`);
    expect(verslag.headers['content-type']).toContain('application/pdf');
    expect(await pdfTekst(verslag.rawPayload)).toContain('Twijfel van een klantmanager over één plaatsing');
    const lijst = await b.tl.get('/intervisies');
    expect(lijst.statusCode).toBe(200);
    expect(lijst.body).toContain('Twijfel over een plaatsing');
    // Row-level security: with the activity serving Bergdorp too, Bergdorp's team lead sees the activity but not the
    // doubt about a placement in Aardam (the restrictive policy by the placement's municipality).
    await withContext(t.db.app, systeemActor('test', dienst), (tx) =>
      tx
        .updateTable('activiteit')
        .set({ gemeenten: [A, B] })
        .where('id', '=', activiteitId)
        .execute(),
    );
    expect((await api(tokens.tlB, 'GET', `/api/v1/activiteiten/${activiteitId}`)).statusCode).toBe(200);
    expect((await api(tokens.tlB, 'GET', `/api/v1/intervisies/${intervisieId}`)).statusCode).toBe(404);
    expect((await api(tokens.tlB, 'GET', '/api/v1/intervisies?status=open')).body).not.toContain(
      intervisieId,
    );
    const besluit = await api(tokens.km, 'POST', `/api/v1/intervisies/${intervisieId}/besluit`, {
      deelnemers: ['A'],
      besluit: 'niet-toegestaan',
      motivering: 'x',
    });
    expect(besluit.statusCode).toBe(403);
  });

  it('the team lead decides on the page; "niet toegestaan" flags the placement for review', async () => {
    const pagina = await b.tl.get(`/intervisies/${intervisieId}`);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain('twijfel over een plaatsing');
    expect(pagina.body).toContain(REDEN);
    const leeg = await b.tl.post(`/intervisies/${intervisieId}`, {
      deelnemers: 'Ayse, Bram',
      besluit: 'niet-toegestaan',
      motivering: '',
    });
    expect(leeg.statusCode).toBe(422);
    expect(leeg.body).toContain('Ayse, Bram');
    const ok = await b.tl.post(`/intervisies/${intervisieId}`, {
      deelnemers: 'Ayse\nBram',
      besluit: 'niet-toegestaan',
      motivering: 'De deelnemer vervangt een zieke medewerker.',
    });
    expect(ok.statusCode).toBe(303);
    const h = await herbeoordeling(lopend);
    expect(h.nodig).toBe(true);
    expect(h.redenen).toEqual([
      expect.objectContaining({ soort: 'twijfel', oorzaak: `twijfel:${intervisieId}` }),
    ]);
    const plaatsing = await b.km.get(`/tegenprestaties/${lopend}/uitvoering`);
    expect(plaatsing.body).toContain('Herbeoordeling nodig');
    expect(plaatsing.body).toContain('De deelnemer vervangt een zieke medewerker');
    // Decided: a new doubt may be raised again, through the page.
    const weer = await b.km.post(`/tegenprestaties/${lopend}/uitvoering/twijfel`, {
      reden: 'Nieuwe twijfel.',
    });
    expect(weer.statusCode).toBe(303);
    expect((await herbeoordeling(lopend)).twijfels.map((x) => x.status)).toEqual(['open', 'besloten']);
  });
});
