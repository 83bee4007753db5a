import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { ingelogdAls, type TestBrowser } from '../../../test/browser.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker, insertTeam, type TestGebruiker } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { maakToets } from '../../../test/factories/netwerk.ts';
import { insertLopendeTegenprestatie, uitvoeringDiensten } from '../../../test/factories/uitvoering.ts';
import { createAuthService, type Gebruiker, systeemActor } from '../auth/index.ts';
import { createBeheerService } from '../beheer/index.ts';
import { medewerkersUitBeheer } from '../klanten/index.ts';
import { createLogboekService } from '../logboek/index.ts';
import { createUitvoeringService } from '../uitvoering/index.ts';
import { createSignaalBronnen } from './bronnen.ts';
import { createSignalenService, type SignalenService } from './signalen.service.ts';

// Review needed of running placements (issue 14 part B), end to end: the activity of one running placement is
// newly judged verdringing through the API; the client of another starts paid work during the placement (client
// file, API). The placement API and page show the review with its reason; the daily job signals the caseworker
// once per cause; a third placement without either stays quiet.

let t: TestApp;
let service: SignalenService;
let dienstId: string;
let km: TestGebruiker;
let kmActor: Gebruiker;
let kmBrowser: TestBrowser;
let tokens: Record<'km' | 'nm' | 'ander', string>;
const p: Record<'verdringing' | 'werk' | 'rustig', { id: string; klantId: string; activiteitId: string }> =
  {} as never;

const api = (token: string, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
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
  dienstId = g.dienstId;
  const A = g.gemeenteId;
  await createLogboekService(t.db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const team = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  const ander = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  km = await insertGebruiker(t.db.app, { dienstId, rol: 'klantmanager', gemeenten: [A], teams: [team] });
  kmActor = actorVan(km, { gemeenten: [A], teams: [team] });
  const nm = await insertGebruiker(t.db.app, { dienstId, rol: 'netwerkmakelaar', gemeenten: [A] });
  const km2 = await insertGebruiker(t.db.app, {
    dienstId,
    rol: 'klantmanager',
    gemeenten: [A],
    teams: [ander],
  });
  const auth = createAuthService({ db: t.db.app, config: t.config });
  const token = async (u: TestGebruiker) =>
    (await auth.createApiTokenVoorEmail(systeemActor('test'), { email: u.email, naam: 'test' })).token;
  tokens = { km: await token(km), nm: await token(nm), ander: await token(km2) };
  for (const k of ['verdringing', 'werk', 'rustig'] as const)
    p[k] = await insertLopendeTegenprestatie(t.db.app, {
      km: kmActor,
      gemeenteId: A,
      startdatum: '2026-09-07',
      einddatum: '2027-03-05',
    });
  const d = uitvoeringDiensten(t.db.app);
  service = createSignalenService({
    db: t.db.app,
    bronnen: createSignaalBronnen({
      tegenprestaties: d.tegenprestaties,
      uitvoering: createUitvoeringService({
        db: t.db.app,
        tegenprestaties: d.tegenprestaties,
        klanten: d.klanten,
        afspraakVoorStart: () => Promise.reject(new Error('no start by hand in this test')),
        bereidIntrekkingVoor: () => Promise.reject(new Error('no revocation in this test')),
      }),
      klanten: d.klanten,
      netwerk: d.netwerk,
      medewerkers: medewerkersUitBeheer(createBeheerService(t.db.app, { gemeenten: d.gemeenten }), 0),
    }),
    publicUrl: 'https://wederkerig.example.nl/',
  });
  kmBrowser = await ingelogdAls(t.app, km);
});

const herbeoordeling = async (id: string, token = tokens.km) => {
  const r = await api(token, 'GET', `/api/v1/tegenprestaties/${id}/herbeoordeling`);
  expect(r.statusCode).toBe(200);
  return r.json() as { nodig: boolean; redenen: Array<{ soort: string; oorzaak: string; tekst: string }> };
};

describe('review needed of running placements', () => {
  it('before anything changes: no review, no signal', async () => {
    for (const k of ['verdringing', 'werk', 'rustig'] as const)
      expect(await herbeoordeling(p[k].id)).toMatchObject({ nodig: false, redenen: [] });
    await service.maakSignalen(systeemActor('test:signalen', dienstId), { vandaag: '2026-12-07' });
    expect((await service.findSignalen(kmActor)).filter((s) => s.soort.startsWith('herbeoordelen'))).toEqual(
      [],
    );
  });

  it('an activity newly judged verdringing and a client starting work flag their placements', async () => {
    const toets = await api(
      tokens.nm,
      'POST',
      `/api/v1/activiteiten/${p.verdringing.activiteitId}/verdringingstoetsen`,
      maakToets({
        antwoorden: { vervanging: 'ja' },
        conclusie: 'verdringing',
        motivering: 'Valt in voor ziekte.',
      }),
    );
    expect(toets.statusCode).toBe(201);
    const werk = await api(tokens.km, 'PATCH', `/api/v1/klanten/${p.werk.klantId}`, {
      werk: [
        { omschrijving: 'Orderpicker', urenPerWeek: 20, begindatum: '2027-01-11', dagdelen: ['di-ochtend'] },
      ],
    });
    expect(werk.statusCode).toBe(200);

    const v = await herbeoordeling(p.verdringing.id);
    expect(v.nodig).toBe(true);
    expect(v.redenen.map((r) => r.soort)).toEqual(['verdringing']);
    expect(v.redenen[0]?.tekst).toMatch(/blijkt verdringing van betaald werk/);
    const w = await herbeoordeling(p.werk.id);
    expect(w.redenen).toEqual([
      {
        soort: 'werk',
        oorzaak: 'werk:2027-01-11',
        tekst: expect.stringMatching(/^Op 11 januari 2027 begint de klant met betaald werk \(Orderpicker\)/),
      },
    ]);
    expect((await herbeoordeling(p.rustig.id)).nodig).toBe(false);

    const pagina = await kmBrowser.get(`/tegenprestaties/${p.werk.id}/uitvoering`);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain('Herbeoordeling nodig');
    expect(pagina.body).toContain('begint de klant met betaald werk (Orderpicker)');
    const rustig = await kmBrowser.get(`/tegenprestaties/${p.rustig.id}/uitvoering`);
    expect(rustig.statusCode).toBe(200);
    expect(rustig.body).not.toContain('Herbeoordeling nodig');
  });

  it('the job signals the caseworker once per cause, however often it runs', async () => {
    const systeem = systeemActor('test:signalen', dienstId);
    await service.maakSignalen(systeem, { vandaag: '2026-12-07' });
    await service.maakSignalen(systeem, { vandaag: '2026-12-08' });
    const signalen = (await service.findSignalen(kmActor)).filter((s) => s.soort.startsWith('herbeoordelen'));
    expect(signalen.map((s) => s.soort).sort()).toEqual(['herbeoordelen-verdringing', 'herbeoordelen-werk']);
    const werk = signalen.find((s) => s.soort === 'herbeoordelen-werk');
    expect(werk?.link).toContain(`/tegenprestaties/${p.werk.id}/uitvoering#herbeoordeling`);
    const inbox = await kmBrowser.get('/signalen');
    expect(inbox.statusCode).toBe(200);
    expect(inbox.body).toContain('Plaatsing herbeoordelen: werk of re-integratie');
    expect(inbox.body).toContain('Plaatsing herbeoordelen: verdringing');
  });

  it('a new assessment without risk ends the displacement reason', async () => {
    const toets = await api(
      tokens.nm,
      'POST',
      `/api/v1/activiteiten/${p.verdringing.activiteitId}/verdringingstoetsen`,
      maakToets(),
    );
    expect(toets.statusCode).toBe(201);
    expect((await herbeoordeling(p.verdringing.id)).nodig).toBe(false);
  });

  it('actors who may not: a network broker (403) and a caseworker outside the caseload (404)', async () => {
    const nm = await api(tokens.nm, 'GET', `/api/v1/tegenprestaties/${p.werk.id}/herbeoordeling`);
    expect(nm.statusCode).toBe(403);
    expect(nm.headers['content-type']).toContain('application/problem+json');
    const ander = await api(tokens.ander, 'GET', `/api/v1/tegenprestaties/${p.werk.id}/herbeoordeling`);
    expect(ander.statusCode).toBe(404);
    expect(ander.body).not.toContain('Orderpicker');
    const anoniem = await t.app.inject({
      method: 'GET',
      url: `/api/v1/tegenprestaties/${p.werk.id}/herbeoordeling`,
    });
    expect(anoniem.statusCode).toBe(401);
  });
});
