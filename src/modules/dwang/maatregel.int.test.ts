import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  TEST_BSN_ENCRYPTION_KEYS,
  TEST_BSN_HASH_KEY,
  type TestApp,
} from '../../../test/app.ts';
import { ingelogdAls } from '../../../test/browser.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker, insertTeam, type TestGebruiker } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import {
  d,
  lopendePlaatsing,
  maakApi,
  VANDAAG,
  verwijtbaar,
  voornemen,
  voorstel,
  zienswijze,
} from '../../../test/factories/maatregelen.ts';
import { maakActiviteit, maakOrganisatie, maakToets } from '../../../test/factories/netwerk.ts';
import { withContext } from '../../db/context.ts';
import { createAuthService, type Gebruiker, systeemActor } from '../auth/index.ts';
import { createBeheerService } from '../beheer/index.ts';
import { createGemeentenService } from '../gemeenten/index.ts';
import {
  createKlantenService,
  type KlantenService,
  medewerkersUitBeheer,
  parseBsnSleutels,
} from '../klanten/index.ts';
import { createLogboekService } from '../logboek/index.ts';
import { createNetwerkService } from '../netwerk/index.ts';
import { createTegenprestatiesService, type TegenprestatiesService } from '../tegenprestaties/index.ts';
import { createVerordeningService, laadDemoVerordeningen } from '../verordening/index.ts';
import { DEMO_MAATREGELVERORDENING_AARDAM } from './maatregelen.ts';

/**
 * Issue 15, section 3 through the API: intention → hearing → culpability → final proposal → four eyes → the
 * measure decision, afzien as its own outcome, and that a measure can never be decided without an imposed
 * decision, a hearing or a recorded Awb ground, a culpability assessment and a second approval (service and
 * database).
 */

let t: TestApp;
let tp: TegenprestatiesService;
let klanten: KlantenService;
let kmActor: Gebruiker;
let kmBActor: Gebruiker;
let dienstId: string;
let A: string;
let B: string;
let activiteit: string;
let activiteitB: string;
let tokens: Record<'km' | 'kmB' | 'kmAnder' | 'nm' | 'tl' | 'tl2', string>;
let tl: TestGebruiker;
let tl2: TestGebruiker;
let km: TestGebruiker;
let zetGrondslag: (vanaf: string, artikel: string | null) => Promise<unknown>;
let nm: TestGebruiker;
const api = maakApi(() => t.app);
const lopend = (actor: Gebruiker, token: string, gemeenteId: string, act: string, opgelegd: boolean) =>
  lopendePlaatsing({ klanten: () => klanten, tp: () => tp, api }, actor, token, gemeenteId, act, opgelegd);

beforeAll(async () => {
  t = await createTestApp();
  const g = await insertGemeente(t.db.app, { naam: 'Aardam', code: 'GM9961' });
  dienstId = g.dienstId;
  A = g.gemeenteId;
  B = (await insertGemeente(t.db.app, { dienstId, naam: 'Bergdorp', code: 'GM9962' })).gemeenteId;
  const systeem = systeemActor('test', dienstId);
  await createLogboekService(t.db.app).ensureStandaardRegister(systeem, dienstId);
  const t1 = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  const t2 = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  const tB = (await insertTeam(t.db.app, { dienstId, gemeenten: [B] })).teamId;
  km = await insertGebruiker(t.db.app, { dienstId, rol: 'klantmanager', gemeenten: [A], teams: [t1] });
  const kmAnder = await insertGebruiker(t.db.app, {
    dienstId,
    rol: 'klantmanager',
    gemeenten: [A],
    teams: [t2],
  });
  const kmB = await insertGebruiker(t.db.app, { dienstId, rol: 'klantmanager', gemeenten: [B], teams: [tB] });
  nm = await insertGebruiker(t.db.app, { dienstId, rol: 'netwerkmakelaar', gemeenten: [A, B] });
  tl = await insertGebruiker(t.db.app, { dienstId, rol: 'teamleider', gemeenten: [A], teams: [t1] });
  tl2 = await insertGebruiker(t.db.app, { dienstId, rol: 'teamleider', gemeenten: [A], teams: [t1] });
  const fbG = await insertGebruiker(t.db.app, { dienstId, rol: 'functioneel-beheerder', gemeenten: [A, B] });
  kmActor = actorVan(km, { gemeenten: [A], teams: [t1] });
  kmBActor = actorVan(kmB, { gemeenten: [B], teams: [tB] });
  const gemeenten = createGemeentenService(t.db.app);
  const netwerk = createNetwerkService({ db: t.db.app, gemeenten });
  const nmActor = actorVan(nm, { gemeenten: [A, B] });
  const org = await netwerk.createOrganisatie(nmActor, maakOrganisatie({ gemeenteIds: [A, B] }));
  const nieuw = async (gem: string) => {
    const id = (
      await netwerk.createActiviteit(
        nmActor,
        maakActiviteit({ gemeenteIds: [gem], organisatieId: org.id, plaatsen: 20 }),
      )
    ).id;
    await netwerk.createVerdringingstoets(nmActor, id, maakToets());
    return id;
  };
  activiteit = await nieuw(A);
  activiteitB = await nieuw(B);
  klanten = createKlantenService({
    db: t.db.app,
    bsnSleutels: parseBsnSleutels(TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY),
    gemeenten,
    medewerkers: medewerkersUitBeheer(createBeheerService(t.db.app, { gemeenten }), 0),
  });
  const verordening = createVerordeningService({ db: t.db.app, gemeenten, klanten });
  await laadDemoVerordeningen(verordening, systeem, { Aardam: A, Bergdorp: B });
  const fbActor = actorVan(fbG, { gemeenten: [A, B] });
  zetGrondslag = (vanaf, artikel) =>
    verordening.setRechtsgrond(fbActor, {
      vanaf,
      artikel,
      omschrijving: artikel ? 'Korte testtekst van de grondslag.' : null,
    });
  // The period reaches 2027: record that regime's basis (without one, the agreement cannot be accepted).
  await verordening.setRechtsgrond(actorVan(fbG, { gemeenten: [A, B] }), {
    vanaf: '2027-01-01',
    artikel: 'Testartikel 2027',
    omschrijving: 'Korte testtekst van de grondslag.',
  });
  tp = createTegenprestatiesService({
    db: t.db.app,
    klanten,
    netwerk,
    opleggenToegestaan: (gemeenteId, datum) => verordening.geenMedewerkingToegestaan(gemeenteId, datum),
  });
  const auth = createAuthService({ db: t.db.app, config: t.config });
  const token = async (u: TestGebruiker) =>
    (await auth.createApiTokenVoorEmail(systeemActor('test'), { email: u.email, naam: 'test' })).token;
  tokens = {
    km: await token(km),
    kmB: await token(kmB),
    kmAnder: await token(kmAnder),
    nm: await token(nm),
    tl: await token(tl),
    tl2: await token(tl2),
  };
  const { grondslag: _g, ...versie } = DEMO_MAATREGELVERORDENING_AARDAM;
  expect(
    (await api(await token(fbG), 'POST', `/api/v1/gemeenten/${A}/maatregelverordeningen`, versie)).statusCode,
  ).toBe(201);
});

describe('the measure path through the API', () => {
  it('intention → hearing → culpability → proposal → four eyes → decided; a repeat steps up', async () => {
    const { id } = await lopend(kmActor, tokens.km, A, activiteit, true);
    const url = `/api/v1/tegenprestaties/${id}/maatregelen`;
    const inc = await api(tokens.km, 'POST', `/api/v1/tegenprestaties/${id}/incidenten`, {
      soort: 'niet-verschenen',
      datum: d(-2),
      omschrijving: 'Niet gekomen.',
      bron: 'organisatie',
    });
    expect(inc.statusCode).toBe(201);

    // Who may not: the network broker (403), a caseworker of another team (404).
    expect((await api(tokens.nm, 'GET', url)).statusCode).toBe(403);
    expect((await api(tokens.nm, 'POST', url, voornemen())).statusCode).toBe(403);
    expect((await api(tokens.kmAnder, 'POST', url, voornemen())).statusCode).toBe(404);
    // Conduct before the imposed period, before the sending, or in the future: refused, naming the field.
    const voor = await api(tokens.km, 'POST', url, voornemen({ gedragDatum: d(-21) }));
    expect(voor.statusCode).toBe(400);
    expect(JSON.stringify(voor.json().invalidParams)).toContain('/gedragDatum');
    expect((await api(tokens.km, 'POST', url, voornemen({ gedragDatum: d(-26) }))).statusCode).toBe(400);
    expect((await api(tokens.km, 'POST', url, voornemen({ gedragDatum: d(1) }))).statusCode).toBe(400);
    expect((await api(tokens.km, 'POST', url, voornemen({ gedragDatum: '' }))).statusCode).toBe(400);
    // Refusing to cooperate has no category in Aardam's ordinance: never the tegenprestatie category.
    const weigering = await api(tokens.km, 'POST', url, voornemen({ gedraging: 'medewerking-geweigerd' }));
    expect(weigering.statusCode).toBe(422);
    expect(weigering.json().title).toMatch(/noemt geen categorie voor niet meewerken/);

    // The intention from the incident: the decision of that day, category 2, 30 % for one month, 14 days.
    const r = await api(tokens.km, 'POST', url, {
      incidentId: inc.json().incident.id,
      omschrijving: 'Niet verschenen, niet afgemeld.',
    });
    expect(r.statusCode).toBe(201);
    const m = r.json();
    expect(m).toMatchObject({
      status: 'voornemen',
      gedragDatum: d(-2),
      besluit: { verzenddatum: d(-25), startdatum: d(-20) },
      verordening: { titel: DEMO_MAATREGELVERORDENING_AARDAM.titel },
      categorie: { nummer: 2 },
      herhaling: 0,
      voornemen: { percentage: 30, maanden: 1 },
      verzondenOp: VANDAAG,
      hoortermijnEinde: d(14),
    });
    const mUrl = `${url}/${m.id}`;
    expect(m.volgendeStap.join(' ')).toMatch(/termijn voor de zienswijze loopt tot en met/);

    // No proposal before the hearing and the culpability assessment.
    const teVroeg = await api(tokens.km, 'POST', `${mUrl}/voorstel`, voorstel());
    expect(teVroeg.statusCode).toBe(422);
    expect(teVroeg.json().title).toMatch(/zienswijze/);
    expect((await api(tokens.nm, 'POST', `${mUrl}/verwijtbaarheid`, verwijtbaar)).statusCode).toBe(403);
    expect((await api(tokens.km, 'POST', `${mUrl}/verwijtbaarheid`, verwijtbaar)).statusCode).toBe(200);
    expect((await api(tokens.km, 'POST', `${mUrl}/voorstel`, voorstel())).statusCode).toBe(422);

    // The hearing: a view without its answer is refused; then the view from the conversation.
    const half = await api(tokens.km, 'POST', `${mUrl}/horing`, { ...zienswijze, antwoord: '' });
    expect(half.statusCode).toBe(400);
    expect(JSON.stringify(half.json().invalidParams)).toContain('/antwoord');
    expect((await api(tokens.km, 'POST', `${mUrl}/horing`, { ...zienswijze, datum: d(-1) })).statusCode).toBe(
      400,
    );
    expect((await api(tokens.km, 'POST', `${mUrl}/horing`, zienswijze)).statusCode).toBe(200);

    // The proposal: higher without a new hearing, outside the range, refused; lower allowed.
    const hoger = await api(tokens.km, 'POST', `${mUrl}/voorstel`, voorstel({ percentage: 40 }));
    expect(hoger.statusCode).toBe(400);
    expect(JSON.stringify(hoger.json().invalidParams)).toMatch(/opnieuw is gehoord/);
    expect((await api(tokens.km, 'POST', `${mUrl}/voorstel`, voorstel({ percentage: 3 }))).statusCode).toBe(
      400,
    );
    expect((await api(tokens.km, 'POST', `${mUrl}/voorstel`, voorstel({ maanden: 2 }))).statusCode).toBe(400);
    const lager = await api(tokens.km, 'POST', `${mUrl}/voorstel`, voorstel({ percentage: 20 }));
    expect(lager.statusCode).toBe(200);
    expect(lager.json()).toMatchObject({ status: 'ter-beoordeling', voorstel: { percentage: 20 } });
    // The intention is fixed while the team lead judges.
    expect((await api(tokens.km, 'POST', `${mUrl}/horing`, zienswijze)).statusCode).toBe(422);

    // Four eyes: a caseworker may not judge (403); sending back needs reasons; it returns to the intention.
    expect((await api(tokens.km, 'POST', `${mUrl}/beoordeling`, { akkoord: true })).statusCode).toBe(403);
    expect((await api(tokens.tl, 'POST', `${mUrl}/beoordeling`, { akkoord: false })).statusCode).toBe(400);
    const terug = await api(tokens.tl, 'POST', `${mUrl}/beoordeling`, {
      akkoord: false,
      toelichting: 'Motiveer waarom 20 % en niet 30 %.',
    });
    expect(terug.statusCode).toBe(200);
    expect(terug.json()).toMatchObject({ status: 'voornemen', voorstel: null });
    expect(
      (await api(tokens.km, 'POST', `${mUrl}/voorstel`, voorstel({ motivering: 'Eerste keer: 30 %.' })))
        .statusCode,
    ).toBe(200);
    const besloten = await api(tokens.tl, 'POST', `${mUrl}/beoordeling`, { akkoord: true });
    expect(besloten.statusCode).toBe(200);
    expect(besloten.json()).toMatchObject({ status: 'besloten', akkoord: { doorNaam: tl.naam } });
    // Decided: it never changes.
    expect((await api(tokens.tl2, 'POST', `${mUrl}/beoordeling`, { akkoord: true })).statusCode).toBe(422);
    expect((await api(tokens.km, 'POST', `${mUrl}/verwijtbaarheid`, verwijtbaar)).statusCode).toBe(422);

    // The same conduct never gets a second path.
    const dubbel = await api(tokens.km, 'POST', url, voornemen({ gedragDatum: d(-2) }));
    expect(dubbel.statusCode).toBe(409);
    expect(dubbel.json().title).toMatch(/nooit twee maatregelen/);

    // A repeat within 12 months steps up: 60 %.
    const tweede = await api(tokens.km, 'POST', url, voornemen({ gedragDatum: d(-1) }));
    expect(tweede.statusCode).toBe(201);
    expect(tweede.json()).toMatchObject({ herhaling: 1, voornemen: { percentage: 60, maanden: 1 } });
    expect((await api(tokens.km, 'GET', url)).json()).toHaveLength(2);
  });

  it('the term, an Awb ground, afzien, and nobody approves their own proposal', async () => {
    const { id } = await lopend(kmActor, tokens.km, A, activiteit, true);
    const url = `/api/v1/tegenprestaties/${id}/maatregelen`;
    // A term of its own (configurable).
    const m = (await api(tokens.km, 'POST', url, voornemen({ hoortermijnDagen: 7 }))).json();
    expect(m.hoortermijnEinde).toBe(d(7));
    const mUrl = `${url}/${m.id}`;
    await api(tokens.km, 'POST', `${mUrl}/verwijtbaarheid`, verwijtbaar);
    // Without the view, within the term: no proposal.
    const termijn = await api(tokens.km, 'POST', `${mUrl}/voorstel`, voorstel());
    expect(termijn.statusCode).toBe(422);
    expect(termijn.json().title).toMatch(/loopt tot en met/);
    // Afzien on a ground that does not hold: refused.
    expect(
      (await api(tokens.km, 'POST', `${mUrl}/afzien`, { grond: 'geen-verwijtbaarheid', motivering: 'x' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await api(tokens.km, 'POST', `${mUrl}/afzien`, { grond: 'verjaard', motivering: 'x' })).statusCode,
    ).toBe(400);
    // Awb 4:12 only with its conditions confirmed; with them and reasons the hearing may be skipped.
    const g = {
      grond: 'awb-4-12',
      motivering: 'Een financieel besluit; bezwaar maakt het volledig ongedaan.',
    };
    expect((await api(tokens.km, 'POST', `${mUrl}/horing`, g)).statusCode).toBe(400);
    expect((await api(tokens.km, 'POST', `${mUrl}/horing`, { ...g, motivering: '' })).statusCode).toBe(400);
    expect(
      (await api(tokens.km, 'POST', `${mUrl}/horing`, { ...g, voorwaarden412: true })).json().horing,
    ).toMatchObject({ grond: 'awb-4-12', vorm: null });
    // The team lead prepares and proposes: then a second team lead must approve.
    expect((await api(tokens.tl, 'POST', `${mUrl}/voorstel`, voorstel())).statusCode).toBe(200);
    const eigen = await api(tokens.tl, 'POST', `${mUrl}/beoordeling`, { akkoord: true });
    expect(eigen.statusCode).toBe(422);
    expect(eigen.json().title).toMatch(/vier ogen/);
    expect((await api(tokens.tl2, 'POST', `${mUrl}/beoordeling`, { akkoord: true })).json().status).toBe(
      'besloten',
    );

    // Afzien as its own outcome: culpability absent.
    const a = (await api(tokens.km, 'POST', url, voornemen({ gedragDatum: d(-3) }))).json();
    const aUrl = `${url}/${a.id}`;
    await api(tokens.km, 'POST', `${aUrl}/verwijtbaarheid`, {
      ...verwijtbaar,
      verwijtbaar: false,
      verwijtbaarheidMotivering: 'De klant lag in het ziekenhuis.',
    });
    expect((await api(tokens.km, 'POST', `${aUrl}/voorstel`, voorstel())).statusCode).toBe(422);
    const af = await api(tokens.km, 'POST', `${aUrl}/afzien`, {
      grond: 'geen-verwijtbaarheid',
      motivering: 'Opname in het ziekenhuis: elke verwijtbaarheid ontbreekt.',
    });
    expect(af.statusCode).toBe(200);
    expect(af.json()).toMatchObject({ status: 'afgezien', afzien: { grond: 'geen-verwijtbaarheid' } });
    expect((await api(tokens.km, 'POST', `${aUrl}/voorstel`, voorstel())).statusCode).toBe(422);
  });

  it('no measure without an imposed decision: a voluntary placement (Bergdorp)', async () => {
    const { id } = await lopend(kmBActor, tokens.kmB, B, activiteitB, false);
    const r = await api(tokens.kmB, 'POST', `/api/v1/tegenprestaties/${id}/maatregelen`, voornemen());
    expect(r.statusCode).toBe(422);
    expect(r.json().title).toMatch(/opgelegd besluit/);
  });
});

describe('the measure pages (without JavaScript)', () => {
  it('a refused form keeps what was typed; the path runs to the decision and its PDF', async () => {
    const { id } = await lopend(kmActor, tokens.km, A, activiteit, true);
    const b = await ingelogdAls(t.app, km);
    const url = `/tegenprestaties/${id}/maatregelen`;
    expect((await b.get(`/tegenprestaties/${id}`)).body).toContain(url);
    expect((await b.get(url)).body).toContain('Voornemen tot een maatregel');
    const fout = await b.post(url, {
      gedraging: 'tegenprestatie-niet-nagekomen',
      gedragDatum: d(-2),
      omschrijving: '',
    });
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('Beschrijf de gedraging');
    expect(fout.body).toContain(`value="${d(-2)}"`);
    const weigering = await b.post(url, {
      gedraging: 'medewerking-geweigerd',
      gedragDatum: d(-2),
      omschrijving: 'Wilde niet.',
    });
    expect(weigering.statusCode).toBe(422);
    expect(weigering.body).toContain('noemt geen categorie voor niet meewerken');
    expect(weigering.body).toContain('Wilde niet.');
    const ok = await b.post(url, {
      gedraging: 'tegenprestatie-niet-nagekomen',
      gedragDatum: d(-2),
      omschrijving: 'Niet verschenen.',
      hoortermijnDagen: '',
    });
    expect(ok.statusCode).toBe(303);
    const mUrl = String(ok.headers.location).split('?')[0] as string;
    const pagina = await b.get(String(ok.headers.location));
    expect(pagina.body).toContain('Het voornemen is vastgelegd.');
    expect(pagina.body).toContain('30 % van de norm');
    const pdf = await b.get(`${mUrl}/voornemen.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((await b.get(`${mUrl}/besluit.pdf`)).statusCode).toBe(422);

    // Awb 4:12 without its conditions: 422, the reasons kept.
    const h = await b.post(`${mUrl}/horing`, {
      hoorGrond: 'awb-4-12',
      hoorMotivering: 'Financieel besluit.',
      voorwaarden412: 'nee',
    });
    expect(h.statusCode).toBe(422);
    expect(h.body).toContain('Financieel besluit.');
    expect(
      (
        await b.post(`${mUrl}/horing`, {
          vorm: 'brief',
          datum: VANDAAG,
          inhoud: 'Vergeten.',
          antwoord: 'Geen reden.',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await b.post(`${mUrl}/verwijtbaarheid`, {
          verwijtbaar: 'ja',
          verwijtbaarheidMotivering: 'Wist het.',
          dringendeRedenen: 'nee',
          dringendeRedenenMotivering: 'Geen.',
        })
      ).statusCode,
    ).toBe(303);
    const hoog = await b.post(`${mUrl}/voorstel`, {
      percentage: '50',
      maanden: '1',
      ingangsdatum: d(25),
      voorstelMotivering: 'Zwaarder.',
    });
    expect(hoog.statusCode).toBe(422);
    expect(hoog.body).toContain('opnieuw is gehoord');
    expect(hoog.body).toContain('Zwaarder.');
    expect(
      (
        await b.post(`${mUrl}/voorstel`, {
          percentage: '30',
          maanden: '1',
          ingangsdatum: d(25),
          voorstelMotivering: 'Eerste keer.',
        })
      ).statusCode,
    ).toBe(303);
    // The caseworker sees no judging form; the team lead does and approves.
    expect((await b.get(mUrl)).body).not.toContain('Vier ogen: uw oordeel');
    expect((await b.post(`${mUrl}/beoordeling`, { akkoord: 'ja' })).statusCode).toBe(403);
    const tlB = await ingelogdAls(t.app, tl);
    expect((await tlB.get(mUrl)).body).toContain('Vier ogen: uw oordeel');
    expect((await tlB.post(`${mUrl}/beoordeling`, { akkoord: 'ja', toelichting: '' })).statusCode).toBe(303);
    const besluit = await tlB.get(`${mUrl}/besluit.pdf`);
    expect(besluit.statusCode).toBe(200);
    expect(besluit.body.slice(0, 5)).toBe('%PDF-');
    // Who may not: the network broker.
    const nmB = await ingelogdAls(t.app, nm);
    expect((await nmB.get(url)).statusCode).toBe(403);
    expect((await nmB.get(`${mUrl}/voornemen.pdf`)).statusCode).toBe(403);
  });
});

describe('the database refuses a measure decision without its conditions', () => {
  it('no hearing or ground, no culpability, no second person: each a CHECK violation', async () => {
    const { id } = await lopend(kmActor, tokens.km, A, activiteit, true);
    const url = `/api/v1/tegenprestaties/${id}/maatregelen`;
    const m = (await api(tokens.km, 'POST', url, voornemen())).json();
    const ctx = { kind: 'systeem' as const, reden: 'test: de database bewaakt de maatregel', dienstId };
    const probeer = (set: Record<string, unknown>) =>
      withContext(t.db.app, ctx, (tx) =>
        tx.updateTable('maatregel').set(set).where('id', '=', m.id).execute(),
      );
    const besluit = {
      status: 'besloten',
      voorstelPercentage: 30,
      voorstelMaanden: 1,
      voorstelIngangsdatum: d(30),
      voorstelMotivering: 'Voorstel.',
      voorstelDoor: tl.gebruikerId,
      voorstelDoorNaam: 'X',
      voorstelOp: new Date(),
      akkoordDoor: tl.gebruikerId,
      akkoordDoorNaam: 'Y',
      akkoordRol: 'teamleider',
      akkoordOp: new Date(),
    };
    const hoor = {
      zienswijzeVorm: 'brief',
      zienswijzeDatum: VANDAAG,
      zienswijzeInhoud: 'Z',
      zienswijzeAntwoord: 'A',
    };
    const schuld = {
      verwijtbaar: true,
      verwijtbaarheidMotivering: 'V',
      dringendeRedenen: false,
      dringendeRedenenMotivering: 'D',
    };
    // Without a hearing or ground; without culpability; approved by the proposer; approved by a caseworker role.
    await expect(probeer({ ...besluit, ...schuld, akkoordDoor: tl2.gebruikerId })).rejects.toThrow(/check/);
    await expect(probeer({ ...besluit, ...hoor, akkoordDoor: tl2.gebruikerId })).rejects.toThrow(/check/);
    await expect(probeer({ ...besluit, ...hoor, ...schuld })).rejects.toThrow(/check/);
    await expect(probeer({ ...besluit, ...hoor, ...schuld, akkoordDoor: null })).rejects.toThrow(/check/);
    await expect(
      probeer({
        ...besluit,
        ...hoor,
        ...schuld,
        akkoordDoor: tl2.gebruikerId,
        akkoordRol: 'klantmanager',
      }),
    ).rejects.toThrow(/check/);
    // Not culpable, or urgent reasons: no proposal either.
    await expect(
      probeer({ ...besluit, ...hoor, ...schuld, verwijtbaar: false, akkoordDoor: tl2.gebruikerId }),
    ).rejects.toThrow(/check/);
    // All of it: the database accepts (the second person is another user, a team lead).
    await probeer({ ...besluit, ...hoor, ...schuld, akkoordDoor: tl2.gebruikerId });
    // A decided measure never changes.
    await expect(probeer({ akkoordToelichting: 'later' })).rejects.toThrow(/verandert niet/);
    const rij = await withContext(t.db.app, ctx, (tx) =>
      sql<{ status: string }>`SELECT status FROM maatregel WHERE id = ${m.id}`.execute(tx),
    );
    expect(rij.rows[0]?.status).toBe('besloten');
  });
});

// Last in this file: it changes the service's recorded statutory basis from three days ago.
describe('no measure for conduct on a date without a recorded statutory basis', () => {
  it('is refused whatever the instrument is called; conduct before that regime still can', async () => {
    const { id } = await lopend(kmActor, tokens.km, A, activiteit, true);
    await zetGrondslag(d(-3), null);
    const url = `/api/v1/tegenprestaties/${id}/maatregelen`;
    const r = await api(tokens.km, 'POST', url, voornemen({ gedragDatum: d(-3) }));
    expect(r.statusCode).toBe(422);
    expect(r.json().title).toMatch(/geen wettelijke grondslag vastgelegd/);
    expect((await api(tokens.km, 'POST', url, voornemen({ gedragDatum: d(-4) }))).statusCode).toBe(201);
  });
});
