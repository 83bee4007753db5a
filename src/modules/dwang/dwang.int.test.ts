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
import { maakKlant } from '../../../test/factories/klanten.ts';
import { maakActiviteit, maakOrganisatie, maakToets } from '../../../test/factories/netwerk.ts';
import { createAuthService, type Gebruiker, systeemActor } from '../auth/index.ts';
import { createBeheerService } from '../beheer/index.ts';
import { createGemeentenService } from '../gemeenten/index.ts';
import {
  createKlantenService,
  type KlantenService,
  medewerkersUitBeheer,
  parseBsnSleutels,
  plusDagen,
  vandaag,
} from '../klanten/index.ts';
import { createLogboekService } from '../logboek/index.ts';
import { createNetwerkService } from '../netwerk/index.ts';
import { createSignalenService } from '../signalen/index.ts';
import { createTegenprestatiesService, type TegenprestatiesService } from '../tegenprestaties/index.ts';
import { createVerordeningService, laadDemoVerordeningen } from '../verordening/index.ts';
import { DEMO_MAATREGELVERORDENING_AARDAM } from './maatregelen.ts';

/**
 * Issue 15, section 2 through the API and the page: incidents on a placement under an imposed decision (Aardam),
 * the pattern's signal (default: 2 no-shows within 28 days), and that a signal changes nothing else; a voluntary
 * placement (Bergdorp) takes no incidents.
 */

let t: TestApp;
let tp: TegenprestatiesService;
let klanten: KlantenService;
let km: TestGebruiker;
let kmActor: Gebruiker;
let kmB: TestGebruiker;
let kmBActor: Gebruiker;
let kmAnder: TestGebruiker;
let nm: TestGebruiker;
let A: string;
let B: string;
let activiteit: string;
let activiteitB: string;
let tokens: Record<'km' | 'kmB' | 'kmAnder' | 'nm' | 'fb', string>;
let C: string;
let signalen: ReturnType<typeof createSignalenService>;
const VANDAAG = vandaag();
const d = (n: number) => plusDagen(VANDAAG, n);

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

/** A complete design the client agrees with, started 20 days ago, in `toetsing`. */
async function inToetsing(actor: Gebruiker, gemeenteId: string, act: string): Promise<string> {
  const klant = (
    await klanten.createKlant(actor, maakKlant({ gemeenteId, belastbaarheid: { maxUrenPerWeek: 60 } }))
  ).id;
  const { id } = await tp.startVerkenning(actor, { klantId: klant });
  await tp.updateTegenprestatie(actor, id, {
    activiteitId: act,
    urenPerWeek: 6,
    dagdelen: ['ma-ochtend'],
    startdatum: d(-20),
    einddatum: d(130),
    evaluatiedata: [d(30)],
    vervolg: 're-integratie',
    maatwerk: {
      leeftijd: '41 jaar.',
      opleiding: 'Mbo 2.',
      werkervaring: 'Magazijn.',
      omstandigheden: 'Geen.',
    },
    wederkerigheid: { categorie: 'begeleiding', omschrijving: 'Ineke begeleidt.' },
    overtuigd: {
      klantmanager: { oordeel: 'ja', motivering: 'Past.' },
      klant: { oordeel: 'ja', motivering: 'Ik wil graag.' },
      organisatie: { oordeel: 'ja', motivering: 'Welkom.' },
    },
    afwijkingen: { gesprek: 'Het gesprek is telefonisch gevoerd.' },
  });
  await tp.wijzigStatus(actor, id, { naar: 'ontwerp' });
  await tp.wijzigStatus(actor, id, { naar: 'toetsing' });
  return id;
}

/** Through the API: check, (where imposed) the decision sent 25 days ago, the signed agreement, started. */
async function lopend(token: string, id: string, opgelegd: boolean): Promise<void> {
  const basis = `/api/v1/tegenprestaties/${id}`;
  expect((await api(token, 'POST', `${basis}/toetsingen`)).statusCode).toBe(201);
  if (opgelegd)
    expect(
      (
        await api(token, 'POST', `${basis}/besluit`, {
          datum: d(-25),
          verzenddatum: d(-25),
          ondertekenaar: 'A. Jansen',
        })
      ).statusCode,
    ).toBe(201);
  const acceptatie = await api(token, 'POST', `${basis}/overeenkomst`, {
    overeenkomstDatum: d(-25),
    klantGetekendOp: d(-24),
    organisatieGetekendOp: d(-24),
  });
  expect(acceptatie.statusCode).toBe(201);
  expect((await api(token, 'POST', `${basis}/levensloop`, { stap: 'starten' })).statusCode).toBe(200);
}

const incident = (datum: string, soort = 'niet-verschenen') => ({
  soort,
  datum,
  omschrijving: 'Niet gekomen en niet afgemeld.',
  bron: 'organisatie',
  bronNaam: 'Ineke (begeleider)',
});

beforeAll(async () => {
  t = await createTestApp();
  const g = await insertGemeente(t.db.app, { naam: 'Aardam', code: 'GM9951' });
  const dienstId = g.dienstId;
  A = g.gemeenteId;
  B = (await insertGemeente(t.db.app, { dienstId, naam: 'Bergdorp', code: 'GM9952' })).gemeenteId;
  const systeem = systeemActor('test', dienstId);
  await createLogboekService(t.db.app).ensureStandaardRegister(systeem, dienstId);
  const t1 = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  const t2 = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  const tB = (await insertTeam(t.db.app, { dienstId, gemeenten: [B] })).teamId;
  km = await insertGebruiker(t.db.app, { dienstId, rol: 'klantmanager', gemeenten: [A], teams: [t1] });
  kmAnder = await insertGebruiker(t.db.app, { dienstId, rol: 'klantmanager', gemeenten: [A], teams: [t2] });
  kmB = await insertGebruiker(t.db.app, { dienstId, rol: 'klantmanager', gemeenten: [B], teams: [tB] });
  nm = await insertGebruiker(t.db.app, { dienstId, rol: 'netwerkmakelaar', gemeenten: [A, B] });
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
        maakActiviteit({ gemeenteIds: [gem], organisatieId: org.id, plaatsen: 10 }),
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
  C = (await insertGemeente(t.db.app, { dienstId, naam: 'Cederdorp', code: 'GM9953' })).gemeenteId;
  const fbGebruiker = await insertGebruiker(t.db.app, {
    dienstId,
    rol: 'functioneel-beheerder',
    gemeenten: [A, B],
  });
  const fb = actorVan(fbGebruiker, { gemeenten: [A, B] });
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
  signalen = createSignalenService({
    db: t.db.app,
    bronnen: async () => ({ tegenprestaties: [], ontheffingen: [], intervisies: [], teamleiders: {} }),
    publicUrl: '',
  });
  const auth = createAuthService({ db: t.db.app, config: t.config });
  const token = async (u: TestGebruiker) =>
    (await auth.createApiTokenVoorEmail(systeemActor('test'), { email: u.email, naam: 'test' })).token;
  tokens = {
    km: await token(km),
    kmB: await token(kmB),
    kmAnder: await token(kmAnder),
    nm: await token(nm),
    fb: await token(fbGebruiker),
  };
});

describe('incidents through the API', () => {
  it('only under an imposed decision, within its period; the pattern raises a signal and nothing else', async () => {
    const id = await inToetsing(kmActor, A, activiteit);
    const url = `/api/v1/tegenprestaties/${id}/incidenten`;
    // A design, not a placement: refused.
    expect((await api(tokens.km, 'POST', url, incident(d(-1)))).statusCode).toBe(422);
    await lopend(tokens.km, id, true);
    // Who may not: the network broker (403), another team (404).
    expect((await api(tokens.nm, 'GET', url)).statusCode).toBe(403);
    expect((await api(tokens.nm, 'POST', url, incident(d(-1)))).statusCode).toBe(403);
    expect((await api(tokens.kmAnder, 'GET', url)).statusCode).toBe(404);
    expect((await api(tokens.kmAnder, 'POST', url, incident(d(-1)))).statusCode).toBe(404);
    // Dates: not before the start (the period), not in the future; bad input names the field in Dutch.
    const voor = await api(tokens.km, 'POST', url, incident(d(-21)));
    expect(voor.statusCode).toBe(400);
    expect(JSON.stringify(voor.json().invalidParams)).toContain('/datum');
    expect((await api(tokens.km, 'POST', url, incident(d(1)))).statusCode).toBe(400);
    expect((await api(tokens.km, 'POST', url, { ...incident(d(-1)), soort: 'brutaal' })).statusCode).toBe(
      400,
    );

    // One no-show, one late arrival: no pattern. The second no-show within 28 days: the pattern.
    const een = await api(tokens.km, 'POST', url, incident(d(-20)));
    expect(een.statusCode).toBe(201);
    expect(een.json().patroon).toBeNull();
    expect((await api(tokens.km, 'POST', url, incident(d(-5), 'te-laat'))).json().patroon).toBeNull();
    const twee = await api(tokens.km, 'POST', url, incident(d(-2)));
    expect(twee.statusCode).toBe(201);
    expect(twee.json().patroon).toMatchObject({
      datums: [d(-20), d(-2)],
      tekst: '2 keer niet verschenen binnen 28 dagen',
    });

    const lijst = (await api(tokens.km, 'GET', url)).json();
    expect(lijst.incidenten).toHaveLength(3);
    expect(lijst).toMatchObject({ opgelegd: true, patroon: { datums: [d(-20), d(-2)] } });
    const inbox = await signalen.findSignalen(kmActor);
    const s = inbox.filter((x) => x.soort === 'incident-patroon');
    expect(s).toHaveLength(1);
    expect(s[0]?.tekst).toMatch(/start geen maatregel/);
    // A signal never starts a measure: the placement runs on unchanged.
    expect((await tp.findTegenprestatie(kmActor, id)).status).toBe('lopend');
  });

  it('a voluntary placement (Bergdorp, only offered) takes no incidents', async () => {
    const id = await inToetsing(kmBActor, B, activiteitB);
    await lopend(tokens.kmB, id, false);
    const r = await api(tokens.kmB, 'POST', `/api/v1/tegenprestaties/${id}/incidenten`, incident(d(-1)));
    expect(r.statusCode).toBe(422);
    expect(r.json().title).toMatch(/vrijwillig/);
    expect((await api(tokens.kmB, 'GET', `/api/v1/tegenprestaties/${id}/incidenten`)).json().opgelegd).toBe(
      false,
    );
  });
});

describe('incidents on the page (without JavaScript)', () => {
  it('a refused form keeps what was typed; a recorded incident shows in the list', async () => {
    const id = await inToetsing(kmActor, A, activiteit);
    await lopend(tokens.km, id, true);
    const b = await ingelogdAls(t.app, km);
    const url = `/tegenprestaties/${id}/incidenten`;
    expect((await b.get(`/tegenprestaties/${id}`)).body).toContain(url);
    expect((await b.get(url)).body).toContain('Incident vastleggen');
    const fout = await b.post(url, {
      soort: 'te-laat',
      datum: d(-3),
      omschrijving: '',
      bron: 'klantmanager',
    });
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('Beschrijf wat er gebeurde.');
    expect(fout.body).toContain(`value="${d(-3)}"`);
    const ok = await b.post(url, {
      soort: 'te-laat',
      datum: d(-3),
      omschrijving: 'Een uur te laat.',
      bron: 'klantmanager',
      bronNaam: '',
    });
    expect(ok.statusCode).toBe(303);
    const pagina = await b.get(`${url}?melding=vastgelegd`);
    expect(pagina.body).toContain('Een uur te laat.');
    expect(pagina.body).toContain('Het incident is vastgelegd.');
    expect((await (await ingelogdAls(t.app, nm)).get(url)).statusCode).toBe(403);
  });
});

describe('the measures ordinance through the API', () => {
  it('is versioned per municipality: the functioneel beheerder adds versions, the version of a date is found', async () => {
    const url = `/api/v1/gemeenten/${A}/maatregelverordeningen`;
    const { grondslag: _g, ...versie } = DEMO_MAATREGELVERORDENING_AARDAM;
    // Who may not: a caseworker writes (403), the network broker reads (403), another municipality (404).
    expect((await api(tokens.km, 'POST', url, versie)).statusCode).toBe(403);
    expect((await api(tokens.nm, 'GET', url)).statusCode).toBe(403);
    expect(
      (await api(tokens.fb, 'POST', `/api/v1/gemeenten/${C}/maatregelverordeningen`, versie)).statusCode,
    ).toBe(404);
    // Checked as configuration: a step outside the range, a range upside down; Dutch, naming the field.
    const buiten = await api(tokens.fb, 'POST', url, { ...versie, bandbreedte: { min: 40, max: 100 } });
    expect(buiten.statusCode).toBe(400);
    expect(JSON.stringify(buiten.json().invalidParams)).toContain('/categorieen/0/stappen/0/percentage');
    expect(
      (await api(tokens.fb, 'POST', url, { ...versie, bandbreedte: { min: 60, max: 10 } })).statusCode,
    ).toBe(400);

    const r = await api(tokens.fb, 'POST', url, versie);
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      gemeenteId: A,
      ingangsdatum: '2026-01-01',
      bandbreedte: { min: 5, max: 100 },
      categorieen: [
        { nummer: 2, stappen: [{ percentage: 30, maanden: 1 }, { percentage: 60 }, { percentage: 100 }] },
      ],
    });
    // A version never changes: the same effective date again is a conflict.
    expect((await api(tokens.fb, 'POST', url, { ...versie, titel: 'Anders' })).statusCode).toBe(409);
    const nieuw = await api(tokens.fb, 'POST', url, {
      ...versie,
      titel: 'Maatregelenverordening Aardam 2027',
      ingangsdatum: '2027-01-01',
      categorieen: [{ ...versie.categorieen[0], stappen: [{ percentage: 25, maanden: 1 }] }],
    });
    expect(nieuw.statusCode).toBe(201);

    // The caseworker reads the versions and the one valid on the date of the conduct.
    expect((await api(tokens.km, 'GET', url)).json()).toHaveLength(2);
    const op = async (datum: string) => api(tokens.km, 'GET', `${url}/geldend?datum=${datum}`);
    expect((await op('2026-12-31')).json().titel).toBe(versie.titel);
    expect((await op('2027-01-01')).json().categorieen[0].stappen[0].percentage).toBe(25);
    expect((await op('2025-12-31')).statusCode).toBe(404);
    expect((await op('31-12-2026')).statusCode).toBe(400);
    // Bergdorp only offers: no ordinance.
    expect((await api(tokens.kmB, 'GET', `/api/v1/gemeenten/${B}/maatregelverordeningen`)).json()).toEqual(
      [],
    );
  });
});
