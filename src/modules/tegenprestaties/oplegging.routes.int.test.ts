import { type Kysely, sql } from 'kysely';
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
import { maakKlant } from '../../../test/factories/klanten.ts';
import { maakActiviteit, maakOrganisatie, maakToets } from '../../../test/factories/netwerk.ts';
import { verplaatsGeenMedewerking } from '../../db/migrations/2026_12_07_0701_dwang_oplegging.ts';
import { createAuthService, type Gebruiker, systeemActor } from '../auth/index.ts';
import { createBeheerService } from '../beheer/index.ts';
import { createGemeentenService } from '../gemeenten/index.ts';
import {
  createKlantenService,
  medewerkersUitBeheer,
  parseBsnSleutels,
  plusDagen,
  vandaag,
} from '../klanten/index.ts';
import { createLogboekService } from '../logboek/index.ts';
import { createNetwerkService } from '../netwerk/index.ts';
import { pdfTekst } from '../../../test/pdf.ts';
import { createVerordeningService, laadDemoVerordeningen } from '../verordening/index.ts';
import { createTegenprestatiesService, type TegenprestatiesService } from './index.ts';

/**
 * Issue 15, section 1 through the API and the pages: imposing a tailored design the client does not want in Aardam
 * (imposes), never in Bergdorp (only offers); the four eyes; the decision answers the client's view.
 */

let t: TestApp;
let tp: TegenprestatiesService;
let km: TestGebruiker;
let kmActor: Gebruiker;
let kmB: Gebruiker;
let tl: TestGebruiker;
let nm: TestGebruiker;
let klant: string;
let klantB: string;
let activiteit: string;
let activiteitB: string;
let tokens: Record<'km' | 'tl' | 'nm', string>;
const VANDAAG = vandaag();
const START = plusDagen(VANDAAG, 14);
const EINDE = plusDagen(START, 150);
const ANTWOORD =
  'Twee dagdelen per week laten u de rest van de week vrij; daarom houden wij het ontwerp aan.';

/** A tailored design the client does not want, in `ontwerp`. */
async function nietGewild(actor = kmActor, k = klant, a = activiteit): Promise<string> {
  const { id } = await tp.startVerkenning(actor, { klantId: k });
  await tp.updateTegenprestatie(actor, id, {
    activiteitId: a,
    urenPerWeek: 6,
    dagdelen: ['ma-ochtend'],
    startdatum: START,
    einddatum: EINDE,
    evaluatiedata: [plusDagen(START, 30)],
    vervolg: 're-integratie',
    maatwerk: {
      leeftijd: '41 jaar.',
      opleiding: 'Mbo 2.',
      werkervaring: 'Magazijn.',
      omstandigheden: 'Mantelzorg op woensdag.',
    },
    wederkerigheid: { categorie: 'begeleiding', omschrijving: 'Ineke begeleidt.' },
    overtuigd: {
      klantmanager: { oordeel: 'ja', motivering: 'Past bij wat de klant kan.' },
      klant: { oordeel: 'nee', motivering: 'Ik wil mijn tijd zelf indelen.' },
      organisatie: { oordeel: 'ja', motivering: 'Welkom.' },
    },
    afwijkingen: { gesprek: 'Het gesprek is telefonisch gevoerd en nog niet vastgelegd.' },
  });
  await tp.wijzigStatus(actor, id, { naar: 'ontwerp' });
  return id;
}

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

const reden = (maaktOngeschikt = false) => ({
  tekst: 'Ik wil mijn tijd zelf indelen.',
  categorie: 'anders',
  maaktOngeschikt,
  beoordeling: 'Twee dagdelen laten genoeg tijd vrij; dit maakt het ontwerp niet ongeschikt.',
});
const voornemen = {
  redenen: [reden()],
  alternatief: { soort: 'alternatief-aangeboden', toelichting: 'Het buurthuis aangeboden; niet gewild.' },
};
const zienswijze = {
  soort: 'zienswijze',
  vorm: 'telefonisch',
  datum: VANDAAG,
  inhoud: 'De klant blijft erbij dat hij zijn tijd zelf wil indelen.',
  beantwoording: ANTWOORD,
};

beforeAll(async () => {
  t = await createTestApp();
  const g = await insertGemeente(t.db.app, { naam: 'Aardam', code: 'GM9941' });
  const dienstId = g.dienstId;
  const A = g.gemeenteId;
  const B = (await insertGemeente(t.db.app, { dienstId, naam: 'Bergdorp', code: 'GM9942' })).gemeenteId;
  const systeem = systeemActor('test', dienstId);
  await createLogboekService(t.db.app).ensureStandaardRegister(systeem, dienstId);
  const t1 = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  const tB = (await insertTeam(t.db.app, { dienstId, gemeenten: [B] })).teamId;
  km = await insertGebruiker(t.db.app, { dienstId, rol: 'klantmanager', gemeenten: [A], teams: [t1] });
  tl = await insertGebruiker(t.db.app, { dienstId, rol: 'teamleider', gemeenten: [A, B], teams: [t1, tB] });
  nm = await insertGebruiker(t.db.app, { dienstId, rol: 'netwerkmakelaar', gemeenten: [A, B] });
  kmActor = actorVan(km, { gemeenten: [A], teams: [t1] });
  kmB = actorVan(
    await insertGebruiker(t.db.app, { dienstId, rol: 'klantmanager', gemeenten: [B], teams: [tB] }),
    { gemeenten: [B], teams: [tB] },
  );
  const gemeenten = createGemeentenService(t.db.app);
  const netwerk = createNetwerkService({ db: t.db.app, gemeenten });
  const nmActor = actorVan(nm, { gemeenten: [A, B] });
  const org = await netwerk.createOrganisatie(nmActor, maakOrganisatie({ gemeenteIds: [A, B] }));
  const nieuweActiviteit = async (gem: string) => {
    const id = (
      await netwerk.createActiviteit(
        nmActor,
        maakActiviteit({ gemeenteIds: [gem], organisatieId: org.id, plaatsen: 10 }),
      )
    ).id;
    await netwerk.createVerdringingstoets(nmActor, id, maakToets());
    return id;
  };
  activiteit = await nieuweActiviteit(A);
  activiteitB = await nieuweActiviteit(B);
  const klanten = createKlantenService({
    db: t.db.app,
    bsnSleutels: parseBsnSleutels(TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY),
    gemeenten,
    medewerkers: medewerkersUitBeheer(createBeheerService(t.db.app, { gemeenten }), 0),
  });
  const verordening = createVerordeningService({ db: t.db.app, gemeenten, klanten });
  await laadDemoVerordeningen(verordening, systeem, { Aardam: A, Bergdorp: B });
  const fb = actorVan(
    await insertGebruiker(t.db.app, { dienstId, rol: 'functioneel-beheerder', gemeenten: [A, B] }),
    { gemeenten: [A, B] },
  );
  await verordening.setRechtsgrond(fb, {
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
  klant = (
    await klanten.createKlant(kmActor, maakKlant({ gemeenteId: A, belastbaarheid: { maxUrenPerWeek: 60 } }))
  ).id;
  klantB = (
    await klanten.createKlant(kmB, maakKlant({ gemeenteId: B, belastbaarheid: { maxUrenPerWeek: 60 } }))
  ).id;
  const auth = createAuthService({ db: t.db.app, config: t.config });
  const token = async (u: TestGebruiker) =>
    (await auth.createApiTokenVoorEmail(systeemActor('test'), { email: u.email, naam: 'test' })).token;
  tokens = { km: await token(km), tl: await token(tl), nm: await token(nm) };
});

describe('imposing through the API', () => {
  it('intention → view → second person → toetsing → decision whose reasons answer the view', async () => {
    const id = await nietGewild();
    const basis = `/api/v1/tegenprestaties/${id}`;
    // Who may not: the network broker (403 on every oplegging route).
    for (const [url, body] of [
      [`${basis}/oplegging`, voornemen],
      [`${basis}/oplegging/zienswijzen`, zienswijze],
      [`${basis}/oplegging/beoordelingen`, { akkoord: true }],
    ] as const)
      expect((await api(tokens.nm, 'POST', url, body)).statusCode).toBe(403);
    expect((await api(tokens.nm, 'GET', `${basis}/oplegging`)).statusCode).toBe(403);
    expect((await api(tokens.km, 'GET', `${basis}/oplegging`)).statusCode).toBe(404);
    // The plain status route never imposes.
    const plain = await api(tokens.km, 'POST', `${basis}/statusovergangen`, { naar: 'opleggen' });
    expect(plain.statusCode).toBe(422);
    expect(plain.json().title).toMatch(/redenen van de klant/);
    // A reason without its judgment: 400 naming the field, in Dutch.
    const zonder = await api(tokens.km, 'POST', `${basis}/oplegging`, {
      ...voornemen,
      redenen: [{ ...reden(), beoordeling: '' }],
    });
    expect(zonder.statusCode).toBe(400);
    expect(JSON.stringify(zonder.json().invalidParams)).toContain('/redenen/0/beoordeling');
    // A good reason: no intention, the design stays in ontwerp.
    const goed = await api(tokens.km, 'POST', `${basis}/oplegging`, { ...voornemen, redenen: [reden(true)] });
    expect(goed.statusCode).toBe(422);
    expect(goed.json().title).toMatch(/ongeschikt/);

    const v = await api(tokens.km, 'POST', `${basis}/oplegging`, voornemen);
    expect(v.statusCode).toBe(201);
    expect(v.json()).toMatchObject({ status: 'voornemen', zienswijze: null, awb411: null });
    expect((await api(tokens.km, 'GET', basis)).json().status).toBe('opleggen');
    // No approval before the view; the caseworker may not approve at all.
    expect(
      (await api(tokens.tl, 'POST', `${basis}/oplegging/beoordelingen`, { akkoord: true })).statusCode,
    ).toBe(400);
    expect(
      (await api(tokens.km, 'POST', `${basis}/oplegging/beoordelingen`, { akkoord: true })).statusCode,
    ).toBe(403);
    // A view from before the intention, and an Awb ground outside the closed list, are refused.
    const vroeg = await api(tokens.km, 'POST', `${basis}/oplegging/zienswijzen`, {
      ...zienswijze,
      datum: plusDagen(VANDAAG, -1),
    });
    expect(vroeg.statusCode).toBe(400);
    expect(
      (
        await api(tokens.km, 'POST', `${basis}/oplegging/zienswijzen`, {
          soort: 'awb-4-11',
          grond: 'geen-zin',
          motivering: 'x',
        })
      ).statusCode,
    ).toBe(400);
    const z = await api(tokens.km, 'POST', `${basis}/oplegging/zienswijzen`, zienswijze);
    expect(z.statusCode).toBe(201);
    expect(z.json()).toMatchObject({
      status: 'opleggen',
      oplegging: { zienswijze: { beantwoording: ANTWOORD } },
    });

    // Before approval there is no decision: the design is not in toetsing.
    expect(
      (
        await api(tokens.km, 'POST', `${basis}/besluit`, {
          datum: VANDAAG,
          verzenddatum: VANDAAG,
          ondertekenaar: 'X',
        })
      ).statusCode,
    ).toBe(422);
    const b = await api(tokens.tl, 'POST', `${basis}/oplegging/beoordelingen`, {
      akkoord: true,
      toelichting: 'Goed onderbouwd; alternatief aangeboden.',
    });
    expect(b.statusCode).toBe(201);
    expect(b.json()).toMatchObject({ status: 'toetsing', oplegging: { status: 'akkoord' } });

    expect((await api(tokens.km, 'POST', `${basis}/toetsingen`)).statusCode).toBe(201);
    // Shortening the period by stepping back would lose the approved intention: refused before anything changes.
    const inkorten = await api(tokens.km, 'POST', `${basis}/periode-inkortingen`);
    expect(inkorten.statusCode).toBe(422);
    expect(inkorten.json().title).toMatch(/na een voornemen tot opleggen/);
    expect((await api(tokens.km, 'GET', basis)).json().status).toBe('toetsing');
    const besluit = await api(tokens.km, 'POST', `${basis}/besluit`, {
      datum: VANDAAG,
      verzenddatum: VANDAAG,
      ondertekenaar: 'A. Jansen',
    });
    expect(besluit.statusCode).toBe(201);
    const pdf = await api(tokens.km, 'GET', `${basis}/besluit`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const tekst = (await pdfTekst(pdf.rawPayload)).replace(/\s+/g, ' ');
    expect(tekst).toContain('Wat u hebt gezegd, en ons antwoord');
    expect(tekst).toContain(ANTWOORD);
    expect(tekst).toContain('4:8 Awb');
    // The history keeps every move.
    const historie = (await api(tokens.km, 'GET', `${basis}/statusovergangen`)).json() as Array<{
      naar: string;
    }>;
    expect(historie.map((h) => h.naar)).toEqual(['verkenning', 'ontwerp', 'opleggen', 'toetsing']);
  });

  it('Bergdorp only offers: never this path (fail closed)', async () => {
    const id = await nietGewild(kmB, klantB, activiteitB);
    const r = await api(tokens.tl, 'POST', `/api/v1/tegenprestaties/${id}/oplegging`, voornemen);
    expect(r.statusCode).toBe(400);
    expect(JSON.stringify(r.json())).toContain('alleen aan');
    expect((await tp.findTegenprestatie(kmB, id)).status).toBe('ontwerp');
  });
});

describe('imposing on the pages (without JavaScript)', () => {
  let kmBrowser: TestBrowser;
  let tlBrowser: TestBrowser;
  beforeAll(async () => {
    kmBrowser = await ingelogdAls(t.app, km);
    tlBrowser = await ingelogdAls(t.app, tl);
  });

  it('a refused form keeps what was typed; the team lead approves; the list shows the intention', async () => {
    const id = await nietGewild();
    const url = `/tegenprestaties/${id}`;
    expect((await kmBrowser.get(url)).body).toContain('Voornemen tot opleggen vastleggen');
    const fout = await kmBrowser.post(`${url}/oplegging`, {
      'redenen.0.tekst': 'Ik heb geen tijd.',
      'redenen.0.categorie': 'anders',
      'redenen.0.maaktOngeschikt': 'nee',
      'redenen.0.beoordeling': '',
      'alternatief.soort': 'alternatief-aangeboden',
      'alternatief.toelichting': 'Voedselbank aangeboden.',
    });
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('Er is een probleem');
    expect(fout.body).toContain('waarom deze reden het ontwerp wel of niet ongeschikt maakt');
    expect(fout.body).toContain('Ik heb geen tijd.');
    expect(fout.body).toContain('Voedselbank aangeboden.');
    const ok = await kmBrowser.post(`${url}/oplegging`, {
      'redenen.0.tekst': 'Ik heb geen tijd.',
      'redenen.0.categorie': 'anders',
      'redenen.0.maaktOngeschikt': 'nee',
      'redenen.0.beoordeling': 'De dagdelen laten genoeg tijd vrij.',
      'alternatief.soort': 'alternatief-aangeboden',
      'alternatief.toelichting': 'Voedselbank aangeboden.',
    });
    expect(ok.statusCode).toBe(303);
    const morgen = plusDagen(VANDAAG, 1);
    const zFout = await kmBrowser.post(`${url}/oplegging/zienswijze`, {
      soort: 'zienswijze',
      vorm: 'gesprek',
      datum: morgen,
      inhoud: 'Hij wil niet.',
      beantwoording: ANTWOORD,
    });
    expect(zFout.statusCode).toBe(422);
    expect(zFout.body).toContain('in de toekomst');
    expect(zFout.body).toContain(`value="${morgen}"`);
    expect(
      (
        await kmBrowser.post(`${url}/oplegging/zienswijze`, {
          soort: 'zienswijze',
          vorm: 'gesprek',
          datum: VANDAAG,
          inhoud: 'Hij wil niet.',
          beantwoording: ANTWOORD,
        })
      ).statusCode,
    ).toBe(303);
    // The caseworker cannot post the team lead's form (403); the team lead sees the intention in the list.
    expect((await kmBrowser.post(`${url}/oplegging/beoordeling`, { akkoord: 'ja' })).statusCode).toBe(403);
    expect((await tlBrowser.get('/tegenprestaties')).body).toContain('Voornemens tot opleggen');
    const leeg = await tlBrowser.post(`${url}/oplegging/beoordeling`, { akkoord: 'nee', toelichting: '' });
    expect(leeg.statusCode).toBe(422);
    expect(leeg.body).toContain('waarom het voornemen terug gaat');
    const akkoord = await tlBrowser.post(`${url}/oplegging/beoordeling`, { akkoord: 'ja', toelichting: '' });
    expect(akkoord.statusCode).toBe(303);
    expect(akkoord.headers.location).toContain('oplegging-akkoord');
    const pagina = await kmBrowser.get(url);
    expect(pagina.body).toContain('Akkoord teamleider: naar toetsing en besluit');
    expect(pagina.body).toContain(ANTWOORD);
  });
});

describe('migration 0701', () => {
  it('moves a design in geen-medewerking to ontwerp with a history row, and the old status is refused after', async () => {
    const id = await nietGewild();
    // As the migrator runs it: the owner, in one transaction (row-level security is forced for the owner too).
    const eigenaar = t.db.owner as unknown as Kysely<unknown>;
    await eigenaar.transaction().execute(async (tx) => {
      await sql`ALTER TABLE tegenprestatie DROP CONSTRAINT tegenprestatie_status_check`.execute(tx);
      await sql`SELECT set_config('app.systeem', 'aan', true)`.execute(tx);
      await sql`UPDATE tegenprestatie SET status = 'geen-medewerking', geen_medewerking_onderbouwing = 'Weigert.'
        WHERE id = ${id}`.execute(tx);
      await verplaatsGeenMedewerking(tx);
    });
    const t2 = await tp.findTegenprestatie(kmActor, id);
    expect(t2.status).toBe('ontwerp');
    expect(t2.geenMedewerkingOnderbouwing).toBe('Weigert.');
    expect(t2.overgangen.at(-1)).toMatchObject({ van: 'geen-medewerking', naar: 'ontwerp' });
    await expect(
      eigenaar.transaction().execute(async (tx) => {
        await sql`SELECT set_config('app.systeem', 'aan', true)`.execute(tx);
        await sql`UPDATE tegenprestatie SET status = 'geen-medewerking' WHERE id = ${id}`.execute(tx);
      }),
    ).rejects.toThrow(/check constraint/);
  });
});
