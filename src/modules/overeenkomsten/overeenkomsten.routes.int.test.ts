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
import { createTegenprestatiesService, type TegenprestatiesService } from '../tegenprestaties/index.ts';
import { createVerordeningService, laadDemoVerordeningen } from '../verordening/index.ts';
import { pdfTekst } from './pdf-tekst.test-helper.ts';

let t: TestApp;
let km: TestGebruiker;
let kmActor: Gebruiker;
let kmAnder: TestGebruiker;
let nm: TestGebruiker;
let kmBrowser: TestBrowser;
let tp: TegenprestatiesService;
let klant: string;
let activiteit: string;
let tokens: Record<'km' | 'nm' | 'kmAnder', string>;
const VANDAAG = vandaag();
/** The designs start two weeks from today and last five months (dates move with the clock). */
const START = plusDagen(VANDAAG, 14);
const EINDE = plusDagen(START, 150);
let verordening: ReturnType<typeof createVerordeningService>;
let fbActor: Gebruiker;

/** A complete design of the client at the activity (Aardam, July version: 4–8 h, ≤ 6 months) in `toetsing`. */
async function inToetsing(klaar = true): Promise<string> {
  const { id } = await tp.startVerkenning(kmActor, { klantId: klant });
  await tp.updateTegenprestatie(kmActor, id, {
    activiteitId: activiteit,
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
      klantmanager: { oordeel: 'ja', motivering: 'Past bij de wens.' },
      klant: { oordeel: 'ja', motivering: 'Ik wil dit graag.' },
      organisatie: { oordeel: 'ja', motivering: 'Welkom.' },
    },
    afwijkingen: { gesprek: 'Het gesprek is telefonisch gevoerd en nog niet vastgelegd.' },
  });
  await tp.wijzigStatus(kmActor, id, { naar: 'ontwerp' });
  if (klaar) await tp.wijzigStatus(kmActor, id, { naar: 'toetsing' });
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

beforeAll(async () => {
  t = await createTestApp();
  const g = await insertGemeente(t.db.app, { naam: 'Aardam', code: 'GM9931' });
  const dienstId = g.dienstId;
  const A = g.gemeenteId;
  const systeem = systeemActor('test', dienstId);
  await createLogboekService(t.db.app).ensureStandaardRegister(systeem, dienstId);
  const t1 = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  const t2 = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  km = await insertGebruiker(t.db.app, { dienstId, rol: 'klantmanager', gemeenten: [A], teams: [t1] });
  kmAnder = await insertGebruiker(t.db.app, { dienstId, rol: 'klantmanager', gemeenten: [A], teams: [t2] });
  nm = await insertGebruiker(t.db.app, { dienstId, rol: 'netwerkmakelaar', gemeenten: [A] });
  kmActor = actorVan(km, { gemeenten: [A], teams: [t1] });
  const gemeenten = createGemeentenService(t.db.app);
  const netwerk = createNetwerkService({ db: t.db.app, gemeenten });
  const nmActor = actorVan(nm, { gemeenten: [A] });
  const org = await netwerk.createOrganisatie(nmActor, maakOrganisatie({ gemeenteIds: [A] }));
  activiteit = (
    await netwerk.createActiviteit(
      nmActor,
      maakActiviteit({ gemeenteIds: [A], organisatieId: org.id, plaatsen: 10 }),
    )
  ).id;
  await netwerk.createVerdringingstoets(nmActor, activiteit, maakToets());
  const klanten = createKlantenService({
    db: t.db.app,
    bsnSleutels: parseBsnSleutels(TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY),
    gemeenten,
    medewerkers: medewerkersUitBeheer(createBeheerService(t.db.app, { gemeenten }), 0),
  });
  verordening = createVerordeningService({ db: t.db.app, gemeenten, klanten });
  await laadDemoVerordeningen(verordening, systeem, { Aardam: A });
  // A recorded basis for 2027 (test text), so that the flow does not depend on today's date; the last test takes
  // it away for a later regime.
  fbActor = actorVan(
    await insertGebruiker(t.db.app, { dienstId, rol: 'functioneel-beheerder', gemeenten: [A] }),
    { gemeenten: [A] },
  );
  await verordening.setRechtsgrond(fbActor, {
    vanaf: '2027-01-01',
    artikel: 'Testartikel 2027',
    omschrijving: 'Korte testtekst van de grondslag.',
  });
  tp = createTegenprestatiesService({
    db: t.db.app,
    klanten,
    netwerk,
    opleggenToegestaan: (g, d) => verordening.geenMedewerkingToegestaan(g, d),
  });
  klant =
    // Many designs of this one client overlap in time: their hours add up against its capacity (naar vermogen).
    (await klanten.createKlant(kmActor, maakKlant({ gemeenteId: A, belastbaarheid: { maxUrenPerWeek: 60 } })))
      .id;
  kmBrowser = await ingelogdAls(t.app, km);
  const auth = createAuthService({ db: t.db.app, config: t.config });
  const token = async (u: TestGebruiker) =>
    (await auth.createApiTokenVoorEmail(systeemActor('test'), { email: u.email, naam: 'test' })).token;
  tokens = { km: await token(km), nm: await token(nm), kmAnder: await token(kmAnder) };
});

describe('pages (without JavaScript)', () => {
  it('check, decision (422 keeps input), both PDFs and the signed agreement; then overeengekomen', async () => {
    const id = await inToetsing();
    const url = `/tegenprestaties/${id}/toetsing`;
    // The design page links to this page.
    expect((await kmBrowser.get(`/tegenprestaties/${id}`)).body).toContain(url);
    let pagina = await kmBrowser.get(url);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain('Toetsing aan de verordening');
    expect(pagina.body).toContain('Er is nog niet getoetst.');

    expect((await kmBrowser.post(url)).statusCode).toBe(303);
    pagina = await kmBrowser.get(`${url}?melding=getoetst`);
    expect(pagina.body).toContain('Het ontwerp voldoet.');
    expect(pagina.body).toContain('Verordening maatschappelijke participatie Aardam 2026');
    expect(pagina.body).toContain('Uitkomst per regel');
    expect(pagina.body).toContain('Besluit vastleggen');

    expect(pagina.body).toContain('Verzenddatum');
    const fout = await kmBrowser.post(`/tegenprestaties/${id}/besluit`, {
      datum: '2026-11-01',
      verzenddatum: '2026-11-01',
      ondertekenaar: '',
    });
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('Er is een probleem');
    expect(fout.body).toContain('value="2026-11-01"');
    // Sent after the start: refused with the Awb, what was typed kept.
    const laat = plusDagen(START, 1);
    const teLaat = await kmBrowser.post(`/tegenprestaties/${id}/besluit`, {
      datum: VANDAAG,
      verzenddatum: laat,
      ondertekenaar: 'A. Jansen',
    });
    expect(teLaat.statusCode).toBe(422);
    expect(teLaat.body).toContain('3:40 en 3:41 Awb');
    expect(teLaat.body).toContain(`value="${laat}"`);
    expect(
      (
        await kmBrowser.post(`/tegenprestaties/${id}/besluit`, {
          datum: VANDAAG,
          verzenddatum: plusDagen(START, -2),
          ondertekenaar: 'A. Jansen',
        })
      ).statusCode,
    ).toBe(303);
    // Two days between sending and start: the page warns (the ordinance asks five).
    pagina = await kmBrowser.get(url);
    expect(pagina.body).toContain('zitten 2 dagen');
    expect(pagina.body).toContain('is verzonden op');

    const besluit = await kmBrowser.get(`/tegenprestaties/${id}/besluit.pdf`);
    expect(besluit.statusCode).toBe(200);
    expect(besluit.headers['content-type']).toBe('application/pdf');
    const besluitTekst = await pdfTekst(besluit.rawPayload);
    expect(besluitTekst).toContain('Besluit maatschappelijke participatie');
    expect(besluitTekst).toContain('artikel 18 lid 2 Participatiewet');
    expect(besluitTekst).toContain('binnen 6 weken bezwaar');
    expect(besluitTekst.toLowerCase()).not.toContain('nog in te vullen');
    const overeenkomst = await kmBrowser.get(`/tegenprestaties/${id}/overeenkomst.pdf`);
    expect(overeenkomst.headers['content-type']).toBe('application/pdf');
    expect(overeenkomst.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const teVroeg = await kmBrowser.post(`/tegenprestaties/${id}/overeenkomst`, {
      overeenkomstDatum: VANDAAG,
      klantGetekendOp: '2099-01-01',
      organisatieGetekendOp: '',
    });
    expect(teVroeg.statusCode).toBe(422);
    expect(teVroeg.body).toContain('Deze datum ligt in de toekomst.');
    expect(teVroeg.body).toContain('value="2099-01-01"');
    const ok = await kmBrowser.post(`/tegenprestaties/${id}/overeenkomst`, {
      overeenkomstDatum: VANDAAG,
      klantGetekendOp: VANDAAG,
      organisatieGetekendOp: VANDAAG,
    });
    expect(ok.statusCode).toBe(303);
    pagina = await kmBrowser.get(url);
    expect(pagina.body).toContain('Getekend ontvangen van de klant op');
    expect(pagina.body).toContain('Overeengekomen');
  });

  it('asked too early: 422 with the open MOETs', async () => {
    const id = await inToetsing(false);
    await tp.updateTegenprestatie(kmActor, id, { maatwerk: { leeftijd: null } });
    const r = await kmBrowser.post(`/tegenprestaties/${id}/toetsing`);
    expect(r.statusCode).toBe(422);
    expect(r.body).toContain('Nog open:');
  });

  it('refuses who may not: the network broker (403), another team (404), on every route', async () => {
    const id = await inToetsing();
    const makelaar = await ingelogdAls(t.app, nm);
    const ander = await ingelogdAls(t.app, kmAnder);
    for (const [b, status] of [
      [makelaar, 403],
      [ander, 404],
    ] as const) {
      expect((await b.get(`/tegenprestaties/${id}/toetsing`)).statusCode).toBe(status);
      expect((await b.get(`/tegenprestaties/${id}/besluit.pdf`)).statusCode).toBe(status);
      expect((await b.get(`/tegenprestaties/${id}/overeenkomst.pdf`)).statusCode).toBe(status);
      expect((await b.post(`/tegenprestaties/${id}/toetsing`)).statusCode).toBe(status);
      expect(
        (
          await b.post(`/tegenprestaties/${id}/besluit`, {
            datum: VANDAAG,
            verzenddatum: VANDAAG,
            ondertekenaar: 'X',
          })
        ).statusCode,
      ).toBe(status);
      expect((await b.post(`/tegenprestaties/${id}/periode-inkorten`)).statusCode).toBe(status);
      expect(
        (
          await b.post(`/tegenprestaties/${id}/overeenkomst`, {
            overeenkomstDatum: VANDAAG,
            klantGetekendOp: VANDAAG,
          })
        ).statusCode,
      ).toBe(status);
    }
  });
});

describe('API', () => {
  it('toetsingen, besluit and overeenkomst (PDFs), with problem+json for refusals and 403/404 for who may not', async () => {
    const id = await inToetsing();
    const base = `/api/v1/tegenprestaties/${id}`;
    for (const [token, status] of [
      [tokens.nm, 403],
      [tokens.kmAnder, 404],
    ] as const) {
      expect((await api(token, 'POST', `${base}/toetsingen`)).statusCode).toBe(status);
      expect((await api(token, 'GET', `${base}/toetsingen`)).statusCode).toBe(status);
      expect((await api(token, 'GET', `${base}/besluit`)).statusCode).toBe(status);
      expect((await api(token, 'GET', `${base}/overeenkomst`)).statusCode).toBe(status);
      expect(
        (
          await api(token, 'POST', `${base}/besluit`, {
            datum: VANDAAG,
            verzenddatum: VANDAAG,
            ondertekenaar: 'X',
          })
        ).statusCode,
      ).toBe(status);
      expect((await api(token, 'POST', `${base}/periode-inkortingen`)).statusCode).toBe(status);
      expect(
        (
          await api(token, 'POST', `${base}/overeenkomst`, {
            overeenkomstDatum: VANDAAG,
            klantGetekendOp: VANDAAG,
          })
        ).statusCode,
      ).toBe(status);
    }
    expect((await api(tokens.km, 'GET', `${base}/overeenkomst`)).statusCode).toBe(422);
    const gemaakt = await api(tokens.km, 'POST', `${base}/toetsingen`);
    expect(gemaakt.statusCode).toBe(201);
    expect(gemaakt.json()).toMatchObject({ voldoet: true, versie: { vorm: 'opleggen' } });
    const lijst = await api(tokens.km, 'GET', `${base}/toetsingen`);
    expect(lijst.json()).toHaveLength(1);
    const zonderBesluit = await api(tokens.km, 'GET', `${base}/besluit`);
    expect(zonderBesluit.statusCode).toBe(422);
    expect(zonderBesluit.headers['content-type']).toContain('application/problem+json');
    expect(
      (await api(tokens.km, 'POST', `${base}/besluit`, { datum: VANDAAG, ondertekenaar: 'A. Jansen' }))
        .statusCode,
    ).toBe(400);
    // Boundary through the API: sent one day after the start is refused (400 with the field), on the start passes.
    const teLaat = await api(tokens.km, 'POST', `${base}/besluit`, {
      datum: VANDAAG,
      verzenddatum: plusDagen(START, 1),
      ondertekenaar: 'A. Jansen',
    });
    expect(teLaat.statusCode).toBe(400);
    expect(JSON.stringify(teLaat.json())).toContain('verzenddatum');
    const gelijk = await api(tokens.km, 'POST', `${base}/besluit`, {
      datum: VANDAAG,
      verzenddatum: START,
      ondertekenaar: 'A. Jansen',
    });
    expect(gelijk.statusCode).toBe(201);
    expect(gelijk.json()).toMatchObject({
      besluit: { verzenddatum: START },
      waarschuwingen: [expect.stringContaining('zitten 0 dagen')],
    });
    const pdf = await api(tokens.km, 'GET', `${base}/besluit`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const half = await api(tokens.km, 'POST', `${base}/overeenkomst`, {
      overeenkomstDatum: VANDAAG,
      klantGetekendOp: VANDAAG,
    });
    expect(half.statusCode).toBe(400);
    expect(JSON.stringify(half.json())).toContain('organisatieGetekendOp');
    const klaar = await api(tokens.km, 'POST', `${base}/overeenkomst`, {
      overeenkomstDatum: VANDAAG,
      klantGetekendOp: VANDAAG,
      organisatieGetekendOp: VANDAAG,
    });
    expect(klaar.statusCode).toBe(201);
    expect(klaar.json().acceptatie).toMatchObject({ klantGetekendOp: VANDAAG });
    expect((await tp.findTegenprestatie(kmActor, id)).status).toBe('overeengekomen');
    expect((await api(tokens.km, 'POST', `${base}/toetsingen`)).statusCode).toBe(422);
  });
});

describe('a regime without a recorded legal basis (last: it changes the basis for the rest of this file)', () => {
  it('refuses the decision (page and API), offers to end the period the day before, and then decides', async () => {
    // A regime without a basis from two months after the start: the period reaches it.
    const geen = plusDagen(START, 60);
    await verordening.setRechtsgrond(fbActor, { vanaf: geen, artikel: null, omschrijving: null });
    const id = await inToetsing();
    const base = `/api/v1/tegenprestaties/${id}`;
    expect((await api(tokens.km, 'POST', `${base}/toetsingen`)).statusCode).toBe(201);
    const geweigerd = await api(tokens.km, 'POST', `${base}/besluit`, {
      datum: VANDAAG,
      verzenddatum: VANDAAG,
      ondertekenaar: 'A. Jansen',
    });
    expect(geweigerd.statusCode).toBe(422);
    expect(geweigerd.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(geweigerd.json())).toContain('geen wettelijke grondslag vastgelegd');

    const url = `/tegenprestaties/${id}/toetsing`;
    const pagina = await kmBrowser.get(url);
    expect(pagina.body).toContain('Geen besluit mogelijk voor deze periode');
    expect(pagina.body).toContain('Periode laten eindigen op');
    expect(pagina.body).not.toContain('Besluit vastleggen');
    expect(pagina.body.toLowerCase()).not.toContain('nog in te vullen');
    const ingekort = await kmBrowser.post(`/tegenprestaties/${id}/periode-inkorten`);
    expect(ingekort.statusCode).toBe(303);
    expect((await tp.findTegenprestatie(kmActor, id)).einddatum).toBe(plusDagen(geen, -1));
    const na = await kmBrowser.get(`${url}?melding=ingekort`);
    expect(na.body).toContain('Besluit vastleggen');
    // Asked again, there is nothing to end.
    expect((await api(tokens.km, 'POST', `${base}/periode-inkortingen`)).statusCode).toBe(422);
    expect(
      (
        await api(tokens.km, 'POST', `${base}/besluit`, {
          datum: VANDAAG,
          verzenddatum: VANDAAG,
          ondertekenaar: 'A. Jansen',
        })
      ).statusCode,
    ).toBe(201);
  });
});
