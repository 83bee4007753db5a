import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { ingelogdAls, type TestBrowser } from '../../../test/browser.ts';
import { createDemoTestDatabase } from '../../../test/db.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { withContext } from '../../db/context.ts';
import { createDemoServices, DEMO_WACHTWOORD, type DemoResult } from '../../demo/demo.ts';
import { AppError } from '../../http/app-error.ts';
import { createAuthService, dbContext, type Gebruiker, systeemActor } from '../auth/index.ts';
import { medewerkersUitBeheer, vandaag } from '../klanten/index.ts';
import { createMatchingService, type MatchingService } from './index.ts';
import { matchingRepository } from './matching.repository.ts';

/**
 * The ranking over the demo social service: the caseworker's expectations (docs/matching.md), role-dependent
 * reasons, access, the access log, the activity cache's invalidation, the cohort contract, pages and API.
 */

let t: TestApp;
let demo: DemoResult;
let matching: MatchingService;
let km: Gebruiker;
let nm: Gebruiker;
let tl: Gebruiker;
let kmBergdorp: Gebruiker;
let fb: Gebruiker;
let Aardam: string;
let services: ReturnType<typeof createDemoServices>;

const klantId = async (klantnummer: string): Promise<string> =>
  (
    await withContext(t.db.app, dbContext(systeemActor('test', demo.dienstId)), (tx) =>
      tx.selectFrom('klant').select('id').where('klantnummer', '=', klantnummer).executeTakeFirstOrThrow(),
    )
  ).id;

const activiteitId = async (titel: string): Promise<string> =>
  (
    await withContext(t.db.app, dbContext(systeemActor('test', demo.dienstId)), (tx) =>
      tx
        .selectFrom('activiteit')
        .select('id')
        .where('titel', '=', titel)
        .where((eb) => eb(eb.val(Aardam), '=', eb.fn.any('gemeenten')))
        .executeTakeFirstOrThrow(),
    )
  ).id;

async function fout(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('verwachtte een fout');
}

const actor = async (email: string, rol: Gebruiker['rol'], gemeenten: string[]): Promise<Gebruiker> => {
  const teams = await withContext(t.db.app, dbContext(systeemActor('test', demo.dienstId)), (tx) =>
    tx
      .selectFrom('gebruikerTeam')
      .select('teamId')
      .where('gebruikerId', '=', demo.gebruikers[email]!)
      .execute(),
  );
  return actorVan(
    { dienstId: demo.dienstId, gebruikerId: demo.gebruikers[email]!, rol },
    { gemeenten, teams: teams.map((x) => x.teamId) },
  );
};

beforeAll(async () => {
  const d = await createDemoTestDatabase();
  t = await createTestApp({}, d.db);
  const s = createDemoServices(t.db.app);
  services = s;
  demo = d.demo;
  Aardam = demo.gemeenten.Aardam!;
  matching = createMatchingService({
    db: t.db.app,
    medewerkers: medewerkersUitBeheer(s.beheer),
    wensen: (a, ids, o) => s.gesprekken.wensenVanKlanten(a, ids, o),
    verordeningMaxUren: async (a, g, d) => (await s.verordening.versieVoor(a, g, d))?.maxUrenPerWeek ?? null,
  });
  km = await actor('klantmanager.aardam@demo.wederkerig.nl', 'klantmanager', [Aardam]);
  kmBergdorp = await actor('klantmanager.bergdorp@demo.wederkerig.nl', 'klantmanager', [
    demo.gemeenten.Bergdorp!,
  ]);
  tl = await actor('teamleider@demo.wederkerig.nl', 'teamleider', Object.values(demo.gemeenten));
  nm = await actor('netwerk@demo.wederkerig.nl', 'netwerkmakelaar', Object.values(demo.gemeenten));
  fb = await actor('beheer@demo.wederkerig.nl', 'functioneel-beheerder', Object.values(demo.gemeenten));
}, 120_000);

/**
 * Written before tuning (docs/matching.md, "Tien demoklanten"): for each client, activities a caseworker would
 * expect near the top, from the client's wishes, skills, interests and limits.
 */
const VERWACHT: ReadonlyArray<[string, string, readonly string[]]> = [
  [
    'GM9901-00003',
    'wil iets voor ouderen doen; zorgzaam',
    [
      'Wandelen met bewoners',
      'Bezoekdienst voor ouderen',
      'Gastvrouw of gastheer in het restaurant',
      'Boodschappenmaatje',
    ],
  ],
  [
    'GM9901-00006',
    'buiten werken, planten, was hovenier',
    [
      'Meewerken in de buurtmoestuin',
      'Tuinonderhoud bij het hospice',
      'Helpen in de gemeenschappelijke tuin',
      'Natuuronderhoud in het beekdal',
    ],
  ],
  [
    'GM9901-00008',
    'buurthuis, goed met kinderen',
    [
      'Huiswerkbegeleiding voor kinderen',
      'Koffieochtend voor de buurt',
      'Rondleidingen voor schoolklassen',
      'Speeltuin openen en toezicht houden',
    ],
  ],
  [
    'GM9901-00010',
    'fietsen repareren, technisch',
    [
      'Fietsen opknappen',
      'Reparateur in het Repair Café',
      'Meehelpen in de fietswerkplaats',
      'Helpen in de houtwerkplaats',
      'Onderhoud van het clubhuis',
    ],
  ],
  [
    'GM9901-00012',
    'wil met dieren werken',
    ['Katten verzorgen', 'Honden uitlaten', 'Dieren verzorgen op de kinderboerderij'],
  ],
  [
    'GM9901-00013',
    'natuur, creatief',
    [
      'Dieren verzorgen op de kinderboerderij',
      'Natuuronderhoud in het beekdal',
      'Meewerken in de buurtmoestuin',
      'Tuinonderhoud bij het hospice',
      'Honden uitlaten',
    ],
  ],
  [
    'GM9901-00015',
    'ouderen, dieren; rugklachten',
    ['Bezoekdienst voor ouderen', 'Wandelen met bewoners', 'Honden uitlaten', 'Katten verzorgen'],
  ],
  [
    'GM9901-00016',
    'buiten, planten, sport; A1 Nederlands',
    [
      'Meewerken in de buurtmoestuin',
      'Helpen in de gemeenschappelijke tuin',
      'Natuuronderhoud in het beekdal',
      'Tuinonderhoud bij het hospice',
      'Routes uitzetten en controleren',
    ],
  ],
  [
    'GM9901-00018',
    'koken, zorg, natuur',
    [
      'Wandelen met bewoners',
      'Bezoekdienst voor ouderen',
      'Gastvrouw of gastheer bij het hospice',
      'Gastvrouw of gastheer in het restaurant',
      'Meewerken in de buurtmoestuin',
    ],
  ],
  [
    'GM9901-00022',
    'tuinieren, dieren, buurt',
    [
      'Dieren verzorgen op de kinderboerderij',
      'Katten verzorgen',
      'Honden uitlaten',
      'Meewerken in de buurtmoestuin',
      'Helpen in de gemeenschappelijke tuin',
    ],
  ],
];

describe('ranking over the demo', () => {
  it('at least 8 of the 10 demo clients have an expected activity in their top 5', async () => {
    const uitkomst: string[] = [];
    let raak = 0;
    for (const [nummer, , verwacht] of VERWACHT) {
      const r = await matching.passendeActiviteiten(tl, await klantId(nummer), { limiet: 5 });
      const titels = r.activiteiten.map((a) => a.titel);
      const ok = titels.some((x) => verwacht.includes(x));
      if (ok) raak++;
      uitkomst.push(`${nummer}: ${ok ? 'ja' : 'nee'} — ${titels.join(' | ')}`);
    }
    expect(raak, uitkomst.join('\n')).toBeGreaterThanOrEqual(8);
  });

  it('gives integer scores, best first, with the contribution of each factor', async () => {
    const r = await matching.passendeActiviteiten(km, await klantId('GM9901-00012'));
    expect(r.activiteiten.length).toBeGreaterThan(0);
    for (const a of r.activiteiten) {
      expect(Number.isInteger(a.score)).toBe(true);
      expect(a.redenen.some((x) => x.factor === 'afstand')).toBe(true);
      expect(a.redenen.find((x) => x.factor === 'ervaring')?.tekst).toMatch(
        /nog geen afgeronde plaatsingen|goed afgerond bij deze organisatie/,
      );
    }
    const scores = r.activiteiten.map((a) => a.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    const dieren = r.activiteiten.find((a) => a.titel === 'Katten verzorgen');
    expect(dieren?.redenen.find((x) => x.factor === 'tekst')?.tekst).toContain('dieren');
  });

  it('an activity above the ordinance hours still appears, with a negative reason', async () => {
    // Natuuronderhoud asks 12–16 hours; the ordinance in force allows fewer.
    const r = await matching.passendeActiviteiten(tl, await klantId('GM9901-00013'), { limiet: 50 });
    expect(r.verordeningMaxUren).not.toBeNull();
    const a = r.activiteiten.find((x) => x.titel === 'Natuuronderhoud in het beekdal');
    expect(a).toBeDefined();
    const v = a!.redenen.find((x) => x.factor === 'verordening');
    expect(v?.bijdrage).toBeLessThan(0);
    expect(v?.tekst).toMatch(/verordening staat hoogstens \d+ uur toe/);
  });

  it('says why a client gets nothing', async () => {
    // Works as many hours as the capacity allows.
    const r = await matching.passendeActiviteiten(tl, await klantId('GM9901-00007'));
    expect(r.activiteiten).toEqual([]);
    expect(r.uitgesloten).toContain('vraagt meer uren dan de klant naast werk en andere tegenprestaties kan');
    const niet = await matching.passendeActiviteiten(tl, await klantId('GM9901-00001'));
    expect(niet.uitgesloten).toContain('niet van toepassing');
  });

  it("the netwerkmakelaar's candidates never reveal limitations; the caseworker sees them", async () => {
    const id = await activiteitId('Wandelen met bewoners');
    const voorNm = await matching.kandidaten(nm, id, { limiet: 50 });
    const voorTl = await matching.kandidaten(tl, id, { limiet: 50 });
    expect(voorNm.kandidaten.length).toBeGreaterThan(0);
    expect(voorNm.kandidaten.map((k) => k.klantId)).toEqual(voorTl.kandidaten.map((k) => k.klantId));
    const nmTekst = voorNm.kandidaten.flatMap((k) => k.redenen.map((r) => r.tekst)).join('\n');
    expect(nmTekst).toContain('Past qua belastbaarheid');
    expect(nmTekst).not.toMatch(
      /beperking|belastbaar \d|kan \d|werkt \d|re-integratie|taalniveau [A-C]\d, klant/i,
    );
    const tlTekst = voorTl.kandidaten.flatMap((k) => k.redenen.map((r) => r.tekst)).join('\n');
    expect(tlTekst).toMatch(/kan nog \d+ uur|belastbaarheid van de klant is niet vastgelegd/);
  });

  it('logs every client read for matching', async () => {
    const id = await klantId('GM9901-00012');
    await matching.passendeActiviteiten(km, id);
    const kandidaten = await matching.kandidaten(nm, await activiteitId('Katten verzorgen'), { limiet: 3 });
    const regels = await withContext(t.db.app, dbContext(systeemActor('test', demo.dienstId)), (tx) =>
      tx
        .selectFrom('logboek')
        .select(['subjectId', 'actorId', 'verwerkingsactiviteitId'])
        .where('verwerkingsactiviteitId', '=', 'va-matching')
        .where('subjectId', 'in', [id, ...kandidaten.kandidaten.map((k) => k.klantId)])
        .execute(),
    );
    expect(regels.some((r) => r.subjectId === id && r.actorId === km.gebruikerId)).toBe(true);
    // One ranking is one entry, also when the wishes come from a conversation (read in the same transaction).
    const aantal = async () =>
      (
        await withContext(t.db.app, dbContext(systeemActor('test', demo.dienstId)), (tx) =>
          tx
            .selectFrom('logboek')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('subjectId', '=', id)
            .where('actorId', '=', km.gebruikerId)
            .where('verwerkingsactiviteitId', '=', 'va-matching')
            .executeTakeFirstOrThrow(),
        )
      ).n;
    const voor = Number(await aantal());
    const r = await matching.passendeActiviteiten(km, id);
    expect(
      r.activiteiten.some((a) => a.redenen.some((x) => x.factor === 'tekst' && (x.bijdrage ?? 0) > 0)),
    ).toBe(true);
    expect(Number(await aantal())).toBe(voor + 1);
    for (const k of kandidaten.kandidaten)
      expect(regels.some((r) => r.subjectId === k.klantId && r.actorId === nm.gebruikerId)).toBe(true);
  });

  it('refuses who may not: another municipality, a role without matching', async () => {
    const id = await klantId('GM9901-00012');
    expect((await fout(matching.passendeActiviteiten(kmBergdorp, id))).code).toBe('niet-gevonden');
    expect((await fout(matching.passendeActiviteiten(nm, id))).code).toBe('geen-toegang');
    expect((await fout(matching.passendeActiviteiten(fb, id))).code).toBe('geen-toegang');
    expect((await fout(matching.kandidaten(fb, await activiteitId('Katten verzorgen')))).code).toBe(
      'geen-toegang',
    );
  });

  it('the database itself keeps the client features within the reader’s rights (row-level security)', async () => {
    const id = await klantId('GM9901-00015');
    const lees = (a: Gebruiker) =>
      withContext(t.db.app, dbContext(a), (tx) => matchingRepository.klantMetContext(tx, demo.dienstId, id));
    const eigen = await lees(km);
    expect(eigen?.id).toBe(id);
    expect(eigen?.beperkingen.length).toBeGreaterThan(0);
    // Another municipality: no row at all, whatever the service would check.
    expect(await lees(kmBergdorp)).toBeUndefined();
    // The netwerkmakelaar's context never yields limitations or capacity.
    const makelaar = await lees(nm);
    expect(makelaar?.beperkingen ?? []).toEqual([]);
    expect(makelaar?.maxUrenPerWeek ?? null).toBeNull();
  });

  it('rebuilds the activity cache when the network changes', async () => {
    const id = await klantId('GM9901-00012');
    const voor = await matching.passendeActiviteiten(tl, id, { limiet: 50 });
    const katten = await activiteitId('Katten verzorgen');
    expect(voor.activiteiten.some((a) => a.activiteitId === katten)).toBe(true);
    await withContext(t.db.app, dbContext(systeemActor('test', demo.dienstId)), (tx) =>
      tx.updateTable('activiteit').set({ status: 'gepauzeerd' }).where('id', '=', katten).execute(),
    );
    // The first request after the change still answers from the old cache and starts one rebuild.
    await matching.passendeActiviteiten(tl, id, { limiet: 50 });
    await matching.cacheKlaar();
    const na = await matching.passendeActiviteiten(tl, id, { limiet: 50 });
    expect(na.activiteiten.some((a) => a.activiteitId === katten)).toBe(false);
    await withContext(t.db.app, dbContext(systeemActor('test', demo.dienstId)), (tx) =>
      tx.updateTable('activiteit').set({ status: 'actief' }).where('id', '=', katten).execute(),
    );
    await matching.passendeActiviteiten(tl, id, { limiet: 50 });
    await matching.cacheKlaar();
  });

  it("counts the host's ended placements (track record) and picks up a new ending", async () => {
    const systeem = dbContext(systeemActor('test', demo.dienstId));
    const lopend = await services.tegenprestaties.findTegenprestaties(km, {
      status: 'lopend',
      paginaGrootte: 100,
    });
    const tp = lopend.items.find((x) => x.gemeenteId === Aardam && x.activiteitId !== null);
    expect(tp).toBeDefined();
    const act = tp!.activiteitId!;
    const { organisatieId } = await withContext(t.db.app, systeem, (tx) =>
      tx.selectFrom('activiteit').select('organisatieId').where('id', '=', act).executeTakeFirstOrThrow(),
    );
    const ervaring = () =>
      withContext(t.db.app, systeem, (tx) =>
        tx
          .selectFrom('matchingErvaring')
          .select(['geslaagd', 'doorstroom', 'voortijdig'])
          .where('organisatieId', '=', organisatieId!)
          .executeTakeFirst(),
      );
    const versie = () =>
      withContext(t.db.app, systeem, (tx) =>
        tx.selectFrom('matchingVersie').select('versie').executeTakeFirstOrThrow(),
      );
    const voor = (await ervaring()) ?? { geslaagd: 0, doorstroom: 0, voortijdig: 0 };
    const versieVoor = Number((await versie()).versie);
    await services.uitvoering.createEvaluatie(km, tp!.id, {
      datum: vandaag(),
      stemKlant: 'Het was een goede tijd; ik ga nu zelf vrijwilligerswerk doen.',
      conclusie: 'Afgerond zoals afgesproken.',
      besluit: 'beeindigen',
      eind: { vervolg: 'vrijwilligerswerk-eigen-titel', afloop: 'afgerond' },
    });
    expect(await ervaring()).toEqual({ ...voor, geslaagd: voor.geslaagd + 1 });
    expect(Number((await versie()).versie)).toBeGreaterThan(versieVoor);
    // The ending freed the place: the activity's candidates carry the host's track record in their reasons.
    await matching.kandidaten(tl, act);
    await matching.cacheKlaar();
    const r = await matching.kandidaten(tl, act);
    expect(r.bruikbaar, r.nietBruikbaarRedenen.join('; ')).toBe(true);
    const n = voor.geslaagd + 1;
    for (const k of r.kandidaten)
      expect(k.redenen.find((x) => x.factor === 'ervaring')?.tekst).toContain(
        `${n} ${n === 1 ? 'plaatsing' : 'plaatsingen'} goed afgerond bij deze organisatie`,
      );
    expect(r.kandidaten.length).toBeGreaterThan(0);
    expect(r.kandidaten[0]!.redenen.find((x) => x.factor === 'ervaring')!.bijdrage).toBeGreaterThan(0);
  });

  it('gives the cohort its top-K pairs and the clients left out, with reasons', async () => {
    const klanten = await Promise.all(
      ['GM9901-00012', 'GM9901-00013', 'GM9901-00007', 'GM9901-00001'].map((n) => klantId(n)),
    );
    const activiteiten = await Promise.all(
      ['Katten verzorgen', 'Honden uitlaten', 'Wandelen met bewoners'].map((x) => activiteitId(x)),
    );
    const r = await matching.kandidatenVoorCohort(tl, {
      klantIds: klanten,
      activiteitIds: activiteiten,
      k: 2,
    });
    for (const p of r.paren) {
      expect(activiteiten).toContain(p.activiteitId);
      expect(Number.isInteger(p.score)).toBe(true);
      expect(p.redenen.length).toBeGreaterThan(0);
    }
    expect(r.paren.filter((p) => p.klantId === klanten[0]).length).toBe(2);
    expect(r.uitgesloten.map((u) => u.klantId).sort()).toEqual([klanten[2], klanten[3]].sort());
  });
});

describe('weights', () => {
  it('the functioneel beheerder sets weights and previews the reordering without names', async () => {
    const nieuw = {
      vaardigheden: 0,
      tekst: 0,
      afstand: 1000,
      eigenNetwerk: 0,
      organisatieType: 0,
      ervaring: 0,
      verordening: 0,
    };
    const vb = await matching.voorbeeld(fb, Aardam, nieuw);
    expect(vb.length).toBeGreaterThan(0);
    expect(vb[0]!.label).toBe('Klant A');
    expect(JSON.stringify(vb)).not.toMatch(/GM9901/);
    await matching.zetGewichten(fb, Aardam, nieuw);
    expect(await matching.gewichten(fb, Aardam)).toEqual(nieuw);
    expect((await fout(matching.zetGewichten(km, Aardam, nieuw))).code).toBe('geen-toegang');
    await matching.zetGewichten(fb, Aardam, {
      vaardigheden: 250,
      tekst: 250,
      afstand: 200,
      eigenNetwerk: 100,
      organisatieType: 100,
      ervaring: 50,
      verordening: 50,
    });
  });
});

describe('pages and API', () => {
  let kmB: TestBrowser;
  let nmB: TestBrowser;
  let fbB: TestBrowser;
  beforeAll(async () => {
    const login = (email: string) => ingelogdAls(t.app, { email, wachtwoord: DEMO_WACHTWOORD });
    kmB = await login('klantmanager.aardam@demo.wederkerig.nl');
    nmB = await login('netwerk@demo.wederkerig.nl');
    fbB = await login('beheer@demo.wederkerig.nl');
  });

  it('shows the client tab with suggestions and takes one into a conversation (PRG)', async () => {
    const id = await klantId('GM9901-00012');
    const pagina = await kmB.get(`/klanten/${id}/passende-activiteiten`);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain('Meenemen naar gesprek');
    expect(pagina.body).toContain('Score ');
    const eerste = /name="activiteitId" value="([^"]+)"/.exec(pagina.body)![1]!;
    const mee = await kmB.post(`/klanten/${id}/passende-activiteiten/meenemen`, { activiteitId: eerste });
    expect(mee.statusCode).toBe(303);
    const ontwerp = await withContext(t.db.app, dbContext(systeemActor('test', demo.dienstId)), (tx) =>
      tx
        .selectFrom('tegenprestatie')
        .selectAll()
        .where('klantId', '=', id)
        .where('activiteitId', '=', eerste)
        .executeTakeFirst(),
    );
    expect(ontwerp?.status).toBe('verkenning');
    const fout = await kmB.post(`/klanten/${id}/passende-activiteiten/meenemen`, { activiteitId: 'x' });
    expect(fout.statusCode).toBe(422);
    expect((await nmB.get(`/klanten/${id}/passende-activiteiten`)).statusCode).toBe(403);
  });

  it('shows candidates to the netwerkmakelaar without limitations, and links the activity page', async () => {
    const id = await activiteitId('Wandelen met bewoners');
    expect((await nmB.get(`/activiteiten/${id}`)).body).toContain(`/activiteiten/${id}/kandidaten`);
    const pagina = await nmB.get(`/activiteiten/${id}/kandidaten`);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain('Past qua belastbaarheid');
    expect(pagina.body).not.toMatch(/beperking|werkt \d/i);
    expect((await fbB.get(`/activiteiten/${id}/kandidaten`)).statusCode).toBe(403);
  });

  it('weights page: 422 keeps the input, preview, then save with a redirect', async () => {
    const leeg = await fbB.get(`/beheer/matching?gemeenteId=${Aardam}`);
    expect(leeg.statusCode).toBe(200);
    const velden = {
      vaardigheden: '300',
      tekst: '300',
      afstand: '200',
      eigenNetwerk: '100',
      organisatieType: '100',
      ervaring: '0',
      verordening: '50',
    };
    const fout = await fbB.post(`/beheer/matching/${Aardam}`, {
      ...velden,
      afstand: 'veel',
      actie: 'opslaan',
    });
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('Er is een probleem');
    expect(fout.body).toContain('value="veel"');
    const vb = await fbB.post(`/beheer/matching/${Aardam}`, { ...velden, actie: 'voorbeeld' });
    expect(vb.statusCode).toBe(200);
    expect(vb.body).toContain('Klant A');
    const ok = await fbB.post(`/beheer/matching/${Aardam}`, { ...velden, actie: 'opslaan' });
    expect(ok.statusCode).toBe(303);
    expect((await kmB.get('/beheer/matching')).statusCode).toBe(403);
  });

  it('API: ranking and candidates for a token, 403 for a role without matching', async () => {
    const auth = createAuthService({ db: t.db.app, config: t.config });
    const token = async (email: string) =>
      (await auth.createApiTokenVoorEmail(systeemActor('test'), { email, naam: 'test' })).token;
    const kmToken = await token('klantmanager.aardam@demo.wederkerig.nl');
    const poToken = await token('privacy@demo.wederkerig.nl');
    const id = await klantId('GM9901-00012');
    const r = await t.app.inject({
      method: 'GET',
      url: `/api/v1/klanten/${id}/passende-activiteiten?limiet=3`,
      headers: { authorization: `Bearer ${kmToken}` },
    });
    expect(r.statusCode).toBe(200);
    const body = r.json() as { activiteiten: Array<{ score: number; redenen: unknown[] }> };
    expect(body.activiteiten.length).toBeLessThanOrEqual(3);
    expect(Number.isInteger(body.activiteiten[0]!.score)).toBe(true);
    const k = await t.app.inject({
      method: 'GET',
      url: `/api/v1/activiteiten/${await activiteitId('Katten verzorgen')}/kandidaten`,
      headers: { authorization: `Bearer ${kmToken}` },
    });
    expect(k.statusCode).toBe(200);
    const po = await t.app.inject({
      method: 'GET',
      url: `/api/v1/klanten/${id}/passende-activiteiten`,
      headers: { authorization: `Bearer ${poToken}` },
    });
    expect(po.statusCode).toBe(403);
    expect(po.headers['content-type']).toContain('application/problem+json');
  });
});
