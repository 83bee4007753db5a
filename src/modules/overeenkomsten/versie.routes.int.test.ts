import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  TEST_BSN_ENCRYPTION_KEYS,
  TEST_BSN_HASH_KEY,
  type TestApp,
} from '../../../test/app.ts';
import { ingelogdAls, type TestBrowser } from '../../../test/browser.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker, insertTeam, type TestGebruiker } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { insertLopendeTegenprestatie } from '../../../test/factories/uitvoering.ts';
import { maakVersie } from '../../../test/factories/verordening.ts';
import { pdfTekst } from '../../../test/pdf.ts';
import { createAuthService, type Gebruiker, systeemActor } from '../auth/index.ts';
import { createBeheerService } from '../beheer/index.ts';
import { createGemeentenService } from '../gemeenten/index.ts';
import {
  createKlantenService,
  formatDatumNl,
  medewerkersUitBeheer,
  parseBsnSleutels,
  plusDagen,
  vandaag,
} from '../klanten/index.ts';
import { createLogboekService } from '../logboek/index.ts';
import { createNetwerkService } from '../netwerk/index.ts';
import { createTegenprestatiesService, type TegenprestatiesService } from '../tegenprestaties/index.ts';
import { createUitvoeringService, type UitvoeringService } from '../uitvoering/index.ts';
import { createVerordeningService } from '../verordening/index.ts';
import { createOvereenkomstenService, type OvereenkomstenService } from './overeenkomsten.service.ts';

/**
 * The page and the API of a running agreement's versions (issue 16), in a municipality that only offers (no
 * decision): dates move with the app's Dutch today.
 */

let t: TestApp;
let km: TestGebruiker;
let kmActor: Gebruiker;
let kmAnder: TestGebruiker;
let nm: TestGebruiker;
let kmBrowser: TestBrowser;
let nmBrowser: TestBrowser;
let anderBrowser: TestBrowser;
let tp: TegenprestatiesService;
let overeenkomsten: OvereenkomstenService;
let uitvoering: UitvoeringService;
let B: string;
let A: string;
let kmA: Gebruiker;
let kmABrowser: TestBrowser;
let tokens: Record<'km' | 'nm' | 'kmAnder', string>;
const VANDAAG = vandaag();
const START = plusDagen(VANDAAG, -30);
const EINDE = plusDagen(START, 120);
const INGANG = plusDagen(VANDAAG, 7);

async function api(token: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: {
      authorization: `Bearer ${token}`,
      ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const g = await insertGemeente(t.db.app, { naam: 'Bergdorp', code: 'GM9941' });
  const dienstId = g.dienstId;
  B = g.gemeenteId;
  await createLogboekService(t.db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const t1 = (await insertTeam(t.db.app, { dienstId, gemeenten: [B] })).teamId;
  const t2 = (await insertTeam(t.db.app, { dienstId, gemeenten: [B] })).teamId;
  km = await insertGebruiker(t.db.app, { dienstId, rol: 'klantmanager', gemeenten: [B], teams: [t1] });
  kmAnder = await insertGebruiker(t.db.app, { dienstId, rol: 'klantmanager', gemeenten: [B], teams: [t2] });
  nm = await insertGebruiker(t.db.app, { dienstId, rol: 'netwerkmakelaar', gemeenten: [B] });
  kmActor = actorVan(km, { gemeenten: [B], teams: [t1] });
  const fb = actorVan(
    await insertGebruiker(t.db.app, { dienstId, rol: 'functioneel-beheerder', gemeenten: [B] }),
    {
      gemeenten: [B],
    },
  );
  const gemeenten = createGemeentenService(t.db.app);
  const netwerk = createNetwerkService({ db: t.db.app, gemeenten });
  const klanten = createKlantenService({
    db: t.db.app,
    bsnSleutels: parseBsnSleutels(TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY),
    gemeenten,
    medewerkers: medewerkersUitBeheer(createBeheerService(t.db.app, { gemeenten }), 0),
  });
  const verordening = createVerordeningService({ db: t.db.app, gemeenten, klanten });
  await verordening.createVersie(
    fb,
    B,
    maakVersie({ vorm: 'aanbieden', maxUrenPerWeek: 12, titel: 'Verordening Bergdorp (test)' }),
  );
  tp = createTegenprestatiesService({ db: t.db.app, klanten, netwerk, opleggenToegestaan: () => false });
  overeenkomsten = createOvereenkomstenService({
    db: t.db.app,
    tegenprestaties: tp,
    klanten,
    netwerk,
    verordening,
    evaluaties: (actor, id) => uitvoering.evaluatiesVan(actor, id),
  });
  uitvoering = createUitvoeringService({
    db: t.db.app,
    tegenprestaties: tp,
    klanten,
    afspraakVoorStart: (actor, id) => overeenkomsten.afspraakVoorStart(actor, id),
    bereidIntrekkingVoor: (actor, id, input, reden) =>
      overeenkomsten.bereidIntrekkingVoor(actor, id, input, reden),
  });
  // Aardam imposes: a back-step after the decision was sent needs a revocation decision. A recorded basis for
  // 2027 (test text), so that the periods around today have one.
  A = (await insertGemeente(t.db.app, { dienstId, naam: 'Aardam', code: 'GM9942' })).gemeenteId;
  const tA = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  const kmAGebruiker = await insertGebruiker(t.db.app, {
    dienstId,
    rol: 'klantmanager',
    gemeenten: [A],
    teams: [tA],
  });
  kmA = actorVan(kmAGebruiker, { gemeenten: [A], teams: [tA] });
  const fbA = actorVan(
    await insertGebruiker(t.db.app, { dienstId, rol: 'functioneel-beheerder', gemeenten: [A] }),
    {
      gemeenten: [A],
    },
  );
  await verordening.createVersie(
    fbA,
    A,
    maakVersie({ maxUrenPerWeek: 12, titel: 'Verordening Aardam (test)' }),
  );
  await verordening.setRechtsgrond(fbA, {
    vanaf: '2027-01-01',
    artikel: 'Testartikel 2027',
    omschrijving: 'Korte testtekst van de grondslag.',
  });
  kmABrowser = await ingelogdAls(t.app, kmAGebruiker);
  kmBrowser = await ingelogdAls(t.app, km);
  nmBrowser = await ingelogdAls(t.app, nm);
  anderBrowser = await ingelogdAls(t.app, kmAnder);
  const auth = createAuthService({ db: t.db.app, config: t.config });
  const token = async (u: TestGebruiker) =>
    (await auth.createApiTokenVoorEmail(systeemActor('test'), { email: u.email, naam: 'test' })).token;
  tokens = { km: await token(km), nm: await token(nm), kmAnder: await token(kmAnder) };
});

/** A running placement with its signed agreement (8 h, Monday and Wednesday mornings) and an `aanpassen` evaluation. */
async function lopendNaAanpassen(): Promise<string> {
  const { id } = await insertLopendeTegenprestatie(t.db.app, {
    km: kmActor,
    gemeenteId: B,
    startdatum: START,
    einddatum: EINDE,
    evaluatiedata: [VANDAAG],
    tot: 'toetsing',
    tegenprestaties: tp,
  });
  expect((await overeenkomsten.voerToetsingUit(kmActor, id)).voldoet).toBe(true);
  const getekend = plusDagen(START, -5);
  await overeenkomsten.legAcceptatieVast(kmActor, id, {
    overeenkomstDatum: getekend,
    klantGetekendOp: getekend,
    organisatieGetekendOp: getekend,
  });
  await tp.voerDeel2OvergangUit(kmActor, id, { naar: 'lopend' });
  await uitvoering.createEvaluatie(kmActor, id, {
    datum: VANDAAG,
    stemKlant: 'Twee ochtenden is te veel.',
    conclusie: 'Eén ochtend, minder uren.',
    besluit: 'aanpassen',
  });
  return id;
}

describe('the page (without JavaScript)', () => {
  it('proposes (422 keeps input, Dutch messages), confirms, shows the version in force and both PDFs', async () => {
    const id = await lopendNaAanpassen();
    let plaatsing = await kmBrowser.get(`/tegenprestaties/${id}/uitvoering`);
    expect(plaatsing.statusCode).toBe(200);
    expect(plaatsing.body).toContain('Versie 1 geldt');
    expect(plaatsing.body).toContain('Afspraken aanpassen of verlengen');
    expect(plaatsing.body).toContain(`/tegenprestaties/${id}/aanpassing`);
    const url = `/tegenprestaties/${id}/aanpassing`;
    let pagina = await kmBrowser.get(url);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain('Nieuwe versie opslaan');

    const fout = await kmBrowser.post(url, {
      urenPerWeek: 'zes',
      dagdelen: 'ma-ochtend',
      einddatum: EINDE,
      ingangsdatum: INGANG,
      toelichting: 'Eén ochtend.',
      klantAkkoord: 'ja',
    });
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('Vul het aantal uren per week in als getal');
    expect(fout.body).not.toMatch(/Ongeldige invoer|NaN|expected/);
    expect(fout.body).toContain('value="zes"');
    expect(fout.body).toContain('Eén ochtend.');
    // Growth without the client's agreement: refused, input kept.
    const groei = await kmBrowser.post(url, {
      urenPerWeek: '10',
      dagdelen: 'ma-ochtend',
      einddatum: EINDE,
      ingangsdatum: INGANG,
      toelichting: 'Meer uren.',
      klantAkkoord: 'nee',
    });
    expect(groei.statusCode).toBe(422);
    expect(groei.body).toContain('Meedoen is vrijwillig');
    expect(groei.body).toContain('value="10"');

    const goed = await kmBrowser.post(url, {
      urenPerWeek: '6',
      dagdelen: 'ma-ochtend',
      einddatum: EINDE,
      ingangsdatum: INGANG,
      toelichting: 'Eén ochtend, minder uren.',
      klantAkkoord: 'ja',
    });
    expect(goed.statusCode).toBe(303);
    pagina = await kmBrowser.get(`${url}?melding=voorgesteld`);
    expect(pagina.body).toContain('Versie 2: bevestigen');
    expect(pagina.body).toContain('Wacht op bevestiging');

    const zonderOrg = await kmBrowser.post(`${url}/2/bevestiging`, {
      overeenkomstDatum: VANDAAG,
      klantGetekendOp: VANDAAG,
      organisatieGetekendOp: '',
    });
    expect(zonderOrg.statusCode).toBe(422);
    expect(zonderOrg.body).toContain('van de organisatie terugkreeg');
    expect(zonderOrg.body).toContain(`value="${VANDAAG}"`);
    expect(
      (
        await kmBrowser.post(`${url}/2/bevestiging`, {
          overeenkomstDatum: VANDAAG,
          klantGetekendOp: VANDAAG,
          organisatieGetekendOp: VANDAAG,
        })
      ).statusCode,
    ).toBe(303);
    plaatsing = await kmBrowser.get(`/tegenprestaties/${id}/uitvoering`);
    expect(plaatsing.body).toContain(`Versie 2 gaat in op ${formatDatumNl(INGANG)}`);

    const een = await kmBrowser.get(`${url}/1/overeenkomst.pdf`);
    expect(een.headers['content-type']).toContain('application/pdf');
    expect(await pdfTekst(een.rawPayload)).toContain('8 uur per week');
    const twee = await kmBrowser.get(`${url}/2/overeenkomst.pdf`);
    const tekst = await pdfTekst(twee.rawPayload);
    expect(tekst).toContain('versie 2');
    expect(tekst).toContain('6 uur per week');
    expect((await kmBrowser.get(`${url}/9/overeenkomst.pdf`)).statusCode).toBe(404);
  });

  it('withdraws with a reason (422 without one); who may not: 403 for another role, 404 outside the caseload', async () => {
    const id = await lopendNaAanpassen();
    const url = `/tegenprestaties/${id}/aanpassing`;
    await overeenkomsten.stelVersieVoor(kmActor, id, {
      urenPerWeek: 4,
      dagdelen: ['ma-ochtend'],
      einddatum: EINDE,
      ingangsdatum: INGANG,
      toelichting: 'Minder.',
      klantAkkoord: true,
    });
    const leeg = await kmBrowser.post(`${url}/2/intrekking`, { reden: '' });
    expect(leeg.statusCode).toBe(422);
    expect(leeg.body).toContain('waarom de nieuwe versie niet doorgaat');
    expect((await nmBrowser.get(url)).statusCode).toBe(403);
    expect((await nmBrowser.post(`${url}/2/intrekking`, { reden: 'x' })).statusCode).toBe(403);
    expect((await nmBrowser.get(`${url}/1/overeenkomst.pdf`)).statusCode).toBe(403);
    expect((await anderBrowser.get(url)).statusCode).toBe(404);
    expect((await anderBrowser.post(url, { urenPerWeek: '4' })).statusCode).toBe(404);
    expect((await anderBrowser.post(`${url}/2/bevestiging`, {})).statusCode).toBe(404);
    expect(
      (await kmBrowser.post(`${url}/2/intrekking`, { reden: 'De klant bedacht zich.' })).statusCode,
    ).toBe(303);
    const pagina = await kmBrowser.get(`${url}?melding=ingetrokken`);
    expect(pagina.body).toContain('De klant bedacht zich.');
    expect(pagina.body).toContain('Ingetrokken');
  });
});

describe('the evaluation report (PDF)', () => {
  it('is linked on the placement page, prints the evaluation, and only for who may see the placement', async () => {
    const id = await lopendNaAanpassen();
    const [evaluatie] = await uitvoering.evaluatiesVan(kmActor, id);
    const url = `/tegenprestaties/${id}/uitvoering/evaluaties/${evaluatie?.id}/verslag.pdf`;
    expect((await kmBrowser.get(`/tegenprestaties/${id}/uitvoering`)).body).toContain(url);
    const pdf = await kmBrowser.get(url);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const tekst = await pdfTekst(pdf.rawPayload);
    for (const s of [
      'Evaluatieverslag',
      'Twee ochtenden is te veel.',
      'Eén ochtend, minder uren.',
      'Aanpassen',
    ])
      expect(tekst).toContain(s);
    expect((await nmBrowser.get(url)).statusCode).toBe(403);
    expect((await anderBrowser.get(url)).statusCode).toBe(404);
    const api1 = `/api/v1/tegenprestaties/${id}/evaluaties/${evaluatie?.id}/verslag`;
    expect((await api(tokens.km, 'GET', api1)).headers['content-type']).toContain('application/pdf');
    expect((await api(tokens.nm, 'GET', api1)).statusCode).toBe(403);
    expect((await api(tokens.kmAnder, 'GET', api1)).statusCode).toBe(404);
    expect(
      (await api(tokens.km, 'GET', `/api/v1/tegenprestaties/${id}/evaluaties/${id}/verslag`)).statusCode,
    ).toBe(404);
  });
});

describe('the API', () => {
  it('lists, proposes (400 problem+json on bad input), confirms and withdraws; 403 and 404 for who may not', async () => {
    const id = await lopendNaAanpassen();
    const basis = `/api/v1/tegenprestaties/${id}/overeenkomst-versies`;
    const lijst = await api(tokens.km, 'GET', basis);
    expect(lijst.statusCode).toBe(200);
    expect(lijst.json()).toHaveLength(1);
    const slecht = await api(tokens.km, 'POST', basis, { urenPerWeek: 'zes', dagdelen: [] });
    expect(slecht.statusCode).toBe(400);
    expect(slecht.headers['content-type']).toContain('application/problem+json');
    expect(slecht.body).not.toContain('stack');
    const nieuw = await api(tokens.km, 'POST', basis, {
      urenPerWeek: 6,
      dagdelen: ['ma-ochtend'],
      einddatum: EINDE,
      ingangsdatum: INGANG,
      toelichting: 'Minder uren.',
      klantAkkoord: true,
    });
    expect(nieuw.statusCode).toBe(201);
    expect(nieuw.json()).toMatchObject({ nummer: 2, status: 'voorgesteld' });
    expect(nieuw.headers.location).toBe(`${basis}/2`);
    const pdf = await api(tokens.km, 'GET', `${basis}/2`);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const onvolledig = await api(tokens.km, 'POST', `${basis}/2/bevestiging`, { overeenkomstDatum: VANDAAG });
    expect(onvolledig.statusCode).toBe(400);
    expect(onvolledig.headers['content-type']).toContain('application/problem+json');
    const bevestigd = await api(tokens.km, 'POST', `${basis}/2/bevestiging`, {
      overeenkomstDatum: VANDAAG,
      klantGetekendOp: VANDAAG,
      organisatieGetekendOp: VANDAAG,
    });
    expect(bevestigd.statusCode).toBe(201);
    expect(bevestigd.json()).toMatchObject({ nummer: 2, status: 'bevestigd' });
    expect((await api(tokens.km, 'POST', `${basis}/2/intrekking`, { reden: 'Te laat.' })).statusCode).toBe(
      409,
    );
    expect(
      (await api(tokens.km, 'POST', `${basis}/7/intrekking`, { reden: 'Bestaat niet.' })).statusCode,
    ).toBe(404);
    for (const [token, status] of [
      [tokens.nm, 403],
      [tokens.kmAnder, 404],
    ] as const) {
      expect((await api(token, 'GET', basis)).statusCode).toBe(status);
      expect((await api(token, 'GET', `${basis}/1`)).statusCode).toBe(status);
      const geldig = {
        urenPerWeek: 4,
        dagdelen: ['ma-ochtend'],
        ingangsdatum: INGANG,
        toelichting: 'Mag niet.',
        klantAkkoord: true,
      };
      expect((await api(token, 'POST', basis, geldig)).statusCode).toBe(status);
    }
  });
});

describe('the revocation decision on the placement page (imposing municipality, decision sent)', () => {
  it('asks for it with the back-step, refuses without it (422, input kept), and records it', async () => {
    const { id } = await insertLopendeTegenprestatie(t.db.app, {
      km: kmA,
      gemeenteId: A,
      startdatum: plusDagen(VANDAAG, 14),
      einddatum: plusDagen(VANDAAG, 100),
      evaluatiedata: [plusDagen(VANDAAG, 40)],
      tot: 'toetsing',
      tegenprestaties: tp,
    });
    await overeenkomsten.voerToetsingUit(kmA, id);
    await overeenkomsten.neemBesluit(kmA, id, {
      datum: VANDAAG,
      verzenddatum: VANDAAG,
      ondertekenaar: 'B. en W.',
    });
    await overeenkomsten.legAcceptatieVast(kmA, id, {
      overeenkomstDatum: VANDAAG,
      klantGetekendOp: VANDAAG,
      organisatieGetekendOp: VANDAAG,
    });
    const pagina = await kmABrowser.get(`/tegenprestaties/${id}/uitvoering`);
    expect(pagina.body).toContain('Besluit tot intrekking');
    expect(pagina.body).toContain('leg ook het besluit tot intrekking vast');
    const zonder = await kmABrowser.post(`/tegenprestaties/${id}/uitvoering/stap`, {
      stap: 'terug-naar-ontwerp',
      reden: 'Andere startdatum.',
      intrekkingOndertekenaar: 'B. en W.',
    });
    expect(zonder.statusCode).toBe(422);
    expect(zonder.body).toContain('Deze stap is een nieuw besluit van het college');
    expect(zonder.body).toContain('value="B. en W."');
    expect(zonder.body).toContain('Andere startdatum.');
    const met = await kmABrowser.post(`/tegenprestaties/${id}/uitvoering/stap`, {
      stap: 'terug-naar-ontwerp',
      reden: 'Andere startdatum.',
      intrekkingDatum: VANDAAG,
      intrekkingVerzenddatum: VANDAAG,
      intrekkingOndertekenaar: 'B. en W.',
    });
    expect(met.statusCode).toBe(303);
    expect((await tp.findTegenprestatie(kmA, id)).status).toBe('ontwerp');
    const pdf = await kmABrowser.get(`/tegenprestaties/${id}/intrekking.pdf`);
    expect(await pdfTekst(pdf.rawPayload)).toContain('Besluit tot intrekking');
    expect((await nmBrowser.get(`/tegenprestaties/${id}/intrekking.pdf`)).statusCode).toBe(403);
    expect((await kmBrowser.get(`/tegenprestaties/${id}/intrekking.pdf`)).statusCode).toBe(404);
  });
});
