import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY } from '../../../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker, insertTeam } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { maakKlant } from '../../../test/factories/klanten.ts';
import { maakActiviteit, maakOrganisatie, maakToets } from '../../../test/factories/netwerk.ts';
import { withContext } from '../../db/context.ts';
import { AppError } from '../../http/app-error.ts';
import { dbContext, type Gebruiker, systeemActor } from '../auth/index.ts';
import { createBeheerService } from '../beheer/index.ts';
import { createGemeentenService } from '../gemeenten/index.ts';
import {
  createKlantenService,
  type KlantenService,
  medewerkersUitBeheer,
  parseBsnSleutels,
  vandaag,
} from '../klanten/index.ts';
import { createLogboekService } from '../logboek/index.ts';
import { createNetwerkService, type NetwerkService } from '../netwerk/index.ts';
import { TegenprestatieInvoerfout, type UpdateTegenprestatieInput } from './tegenprestaties.schemas.ts';
import {
  createTegenprestatiesService,
  type GesprekSamenvatting,
  type TegenprestatiesService,
} from './tegenprestaties.service.ts';

let db: TestDatabase;
let service: TegenprestatiesService;
let klanten: KlantenService;
let netwerk: NetwerkService;
let dienstId: string;
let A: string;
let km: Gebruiker;
let kmTeam: Gebruiker;
let kmAnder: Gebruiker;
let kmB: Gebruiker;
let tl: Gebruiker;
let nm: Gebruiker;
/** A client: capacity 16 hours, works 4 → 12 hours left. */
let klant: string;
let organisatieId: string;
/** Activities: assessed geen-risico, verdringing, twijfel (undecided); a host-less maatwerk one; one place only. */
let activiteit: string;
let verdringing: string;
let twijfel: string;
let zonderHost: string;
let eenPlaats: string;
/** The gesprekken module's summary per client (its contract, as plain data). */
const gesprekken = new Map<string, GesprekSamenvatting>();
let geenMedewerkingToegestaan = true;

const START = '2027-01-04';

async function fout(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const plaatsenBezet = async (id: string) => (await netwerk.findActiviteit(nm, id)).plaatsenBezet;

const logregels = (subjectId: string) =>
  withContext(db.app, systeemActor('test'), (tx) =>
    tx
      .selectFrom('logboek')
      .select(['actie', 'subjectType', 'actorId'])
      .where('subjectId', '=', subjectId)
      .orderBy('volgnummer')
      .execute(),
  );

/** Everything a design needs for toetsing at the geen-risico activity. */
function compleet(activiteitId = activiteit): UpdateTegenprestatieInput {
  return {
    activiteitId,
    urenPerWeek: 8,
    dagdelen: ['ma-ochtend', 'wo-ochtend'],
    startdatum: START,
    einddatum: '2027-07-05',
    evaluatiedata: ['2027-04-05'],
    vervolg: 're-integratie',
    maatwerk: {
      leeftijd: '41 jaar; geen beperking door leeftijd.',
      opleiding: 'Mbo 2 logistiek.',
      werkervaring: 'Magazijnwerk, acht jaar.',
      omstandigheden: 'Werkt 4 uur per week in een supermarkt.',
    },
    wederkerigheid: { categorie: 'begeleiding', omschrijving: 'Ineke begeleidt hem elke ochtend.' },
    overtuigd: {
      klantmanager: { oordeel: 'ja', motivering: 'Sluit aan bij zijn wens om buiten te werken.' },
      klant: { oordeel: 'ja', motivering: 'Ik vind het fijn om weer onder de mensen te zijn.' },
      organisatie: { oordeel: 'ja', motivering: 'We kunnen extra hulp goed gebruiken.' },
    },
  };
}

/** A design in `ontwerp` with `wijziging` applied on top of a complete one. */
async function ontwerp(wijziging: UpdateTegenprestatieInput = {}, k = klant): Promise<string> {
  const { id } = await service.startVerkenning(km, { klantId: k });
  const c = compleet();
  await service.updateTegenprestatie(km, id, {
    ...c,
    ...wijziging,
    maatwerk: { ...c.maatwerk, ...wijziging.maatwerk },
    overtuigd: { ...c.overtuigd, ...wijziging.overtuigd },
  });
  await service.wijzigStatus(km, id, { naar: 'ontwerp' });
  return id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const a = await insertGemeente(db.app, { naam: 'Aardam', code: 'GM9911' });
  dienstId = a.dienstId;
  A = a.gemeenteId;
  const B = (await insertGemeente(db.app, { dienstId, naam: 'Bergdorp', code: 'GM9912' })).gemeenteId;
  await createLogboekService(db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const gemeenten = createGemeentenService(db.app);
  const t1 = (await insertTeam(db.app, { dienstId, gemeenten: [A] })).teamId;
  const t2 = (await insertTeam(db.app, { dienstId, gemeenten: [A] })).teamId;
  const tB = (await insertTeam(db.app, { dienstId, gemeenten: [B] })).teamId;
  const medewerker = async (rol: Gebruiker['rol'], gem: string[], teams: string[]) =>
    actorVan(await insertGebruiker(db.app, { dienstId, rol, gemeenten: gem, teams }), {
      gemeenten: gem,
      teams,
    });
  km = await medewerker('klantmanager', [A], [t1]);
  kmTeam = await medewerker('klantmanager', [A], [t1]);
  kmAnder = await medewerker('klantmanager', [A], [t2]);
  kmB = await medewerker('klantmanager', [B], [tB]);
  tl = await medewerker('teamleider', [A], [t1, t2]);
  nm = await medewerker('netwerkmakelaar', [A], []);
  netwerk = createNetwerkService({ db: db.app, gemeenten });
  klanten = createKlantenService({
    db: db.app,
    bsnSleutels: parseBsnSleutels(TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY),
    gemeenten,
    medewerkers: medewerkersUitBeheer(createBeheerService(db.app, { gemeenten }), 0),
  });
  service = createTegenprestatiesService({
    db: db.app,
    klanten,
    netwerk,
    gesprekken: { samenvattingVoorKlant: async (_actor, klantId) => gesprekken.get(klantId) ?? null },
    opleggenToegestaan: () => geenMedewerkingToegestaan,
  });
  klant = (
    await klanten.createKlant(
      km,
      maakKlant({ gemeenteId: A, belastbaarheid: { maxUrenPerWeek: 16 }, werk: [{ urenPerWeek: 4 }] }),
    )
  ).id;
  const alle = { krachtEnBekwaamheid: true, wensen: true, eigenVoorstel: true, socialeOmgeving: true };
  gesprekken.set(klant, {
    id: '00000000-0000-4000-8000-00000000000a',
    datum: '2026-11-20',
    onderdelen: alle,
  });
  organisatieId = (await netwerk.createOrganisatie(nm, maakOrganisatie({ gemeenteIds: [A] }))).id;
  const maak = async (plaatsen = 5) =>
    (await netwerk.createActiviteit(nm, maakActiviteit({ gemeenteIds: [A], organisatieId, plaatsen }))).id;
  activiteit = await maak();
  verdringing = await maak();
  twijfel = await maak();
  eenPlaats = await maak(1);
  zonderHost = (
    await netwerk.createMaatwerkActiviteit(
      km,
      maakActiviteit({
        gemeenteIds: [A],
        organisatieId: null,
        isMaatwerk: true,
        titel: 'Boodschappen voor buren',
      }),
    )
  ).id;
  for (const id of [activiteit, eenPlaats, zonderHost])
    await netwerk.createVerdringingstoets(nm, id, maakToets());
  await netwerk.createVerdringingstoets(nm, verdringing, maakToets({ conclusie: 'verdringing' }));
  await netwerk.createVerdringingstoets(nm, twijfel, maakToets({ conclusie: 'twijfel' }));
});

describe('startVerkenning', () => {
  it('starts a design in verkenning with the suggestion, history and a log entry; also inside a transaction', async () => {
    const suggestie = { bron: 'ranking' as const, score: 0.82, redenen: ['in eigen wijk, 1,2 km'] };
    const { id } = await service.startVerkenning(km, { klantId: klant, activiteitId: activiteit, suggestie });
    const t = await service.findTegenprestatie(km, id);
    expect(t).toMatchObject({
      status: 'verkenning',
      klantId: klant,
      activiteitId: activiteit,
      suggestie,
      versie: 1,
    });
    expect(t.overgangen).toEqual([
      expect.objectContaining({ van: null, naar: 'verkenning', doorNaam: km.naam }),
    ]);
    expect((await logregels(klant)).some((r) => r.actie === 'aanmaken' && r.actorId === km.gebruikerId)).toBe(
      true,
    );
    const start = await service.bereidVerkenningVoor(km, { klantId: klant });
    const inTx = await withContext(db.app, dbContext(km), start);
    expect((await service.findTegenprestatie(kmTeam, inTx.id)).status).toBe('verkenning');
    // A team lead starts it for the client's own caseworker.
    const doorTl = await service.startVerkenning(tl, { klantId: klant });
    expect((await service.findTegenprestatie(tl, doorTl.id)).klantmanagerId).toBe(km.gebruikerId);
  });

  it('refuses a client outside the caseload (404), another role (403) and an invisible activity (400)', async () => {
    expect((await fout(service.startVerkenning(kmAnder, { klantId: klant }))).status).toBe(404);
    expect((await fout(service.startVerkenning(kmB, { klantId: klant }))).status).toBe(404);
    expect((await fout(service.startVerkenning(nm, { klantId: klant }))).status).toBe(403);
    const e = await fout(
      service.startVerkenning(km, { klantId: klant, activiteitId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(e.status).toBe(400);
  });
});

describe('to toetsing, and places', () => {
  it('a complete design goes to toetsing and holds a place; back to ontwerp needs a reason and releases it', async () => {
    const id = await ontwerp();
    const voor = await plaatsenBezet(activiteit);
    const t = await service.wijzigStatus(km, id, { naar: 'toetsing' });
    expect(t.status).toBe('toetsing');
    expect(await plaatsenBezet(activiteit)).toBe(voor + 1);
    // The design is fixed in toetsing.
    expect((await fout(service.updateTegenprestatie(km, id, { urenPerWeek: 6 }))).status).toBe(409);
    const zonder = await fout(service.wijzigStatus(km, id, { naar: 'ontwerp' }));
    expect(zonder.status).toBe(422);
    expect(zonder.userMessage).toMatch(/Schrijf op waarom/);
    await service.wijzigStatus(km, id, {
      naar: 'ontwerp',
      reden: 'De organisatie heeft de dagen gewijzigd.',
    });
    expect(await plaatsenBezet(activiteit)).toBe(voor);
    const h = (await service.findTegenprestatie(km, id)).overgangen;
    expect(h.map((o) => o.naar)).toEqual(['verkenning', 'ontwerp', 'toetsing', 'ontwerp']);
    expect(h.at(-1)).toMatchObject({ van: 'toetsing', reden: 'De organisatie heeft de dagen gewijzigd.' });
  });

  it('the last place cannot be taken twice', async () => {
    const een = await ontwerp({ activiteitId: eenPlaats });
    const twee = await ontwerp({ activiteitId: eenPlaats });
    await service.wijzigStatus(km, een, { naar: 'toetsing' });
    const e = await fout(service.wijzigStatus(km, twee, { naar: 'toetsing' }));
    expect(e.status).toBe(409);
    expect((await service.findTegenprestatie(km, twee)).status).toBe('ontwerp');
    expect(await plaatsenBezet(eenPlaats)).toBe(1);
  });

  it('a host-less maatwerk activity needs no reciprocity and no organisation statement', async () => {
    const id = await ontwerp({
      activiteitId: zonderHost,
      wederkerigheid: { categorie: null, omschrijving: null },
      overtuigd: { organisatie: { oordeel: null, motivering: null } },
    });
    const beeld = await service.bekijkOntwerp(km, id);
    expect(beeld.checklist.items.find((i) => i.id === 'wederkerigheid')?.status).toBe('niet-van-toepassing');
    expect((await service.wijzigStatus(km, id, { naar: 'toetsing' })).status).toBe('toetsing');
  });

  it('a stale version is a conflict', async () => {
    const id = await ontwerp();
    const t = await service.findTegenprestatie(km, id);
    await service.updateTegenprestatie(kmTeam, id, { versie: t.versie, urenPerWeek: 6 });
    const e = await fout(service.updateTegenprestatie(km, id, { versie: t.versie, urenPerWeek: 7 }));
    expect(e.status).toBe(409);
  });
});

describe('each MOET blocks the move to toetsing', () => {
  async function geblokkeerd(id: string, melding: RegExp) {
    const voor = await plaatsenBezet((await service.findTegenprestatie(km, id)).activiteitId ?? activiteit);
    const e = await fout(service.wijzigStatus(km, id, { naar: 'toetsing' }));
    expect(e.status).toBe(422);
    expect(e.userMessage).toMatch(melding);
    const na = await service.findTegenprestatie(km, id);
    expect(na.status).toBe('ontwerp');
    expect(await plaatsenBezet(na.activiteitId ?? activiteit)).toBe(voor);
  }

  it('the tegenprestatie does not apply on the start date', async () => {
    const k = (
      await klanten.createKlant(
        km,
        maakKlant({
          gemeenteId: A,
          belastbaarheid: { maxUrenPerWeek: 16 },
          reintegratie: [{ begindatum: '2026-12-01', einddatum: '2027-06-01' }],
        }),
      )
    ).id;
    gesprekken.set(k, gesprekken.get(klant)!);
    await geblokkeerd(await ontwerp({}, k), /niet van toepassing/);
  });

  it('naar vermogen: no capacity recorded — the threshold is not assumed; a statement with a reason lifts it', async () => {
    const k = (await klanten.createKlant(km, maakKlant({ gemeenteId: A }))).id;
    gesprekken.set(k, gesprekken.get(klant)!);
    const id = await ontwerp({}, k);
    await geblokkeerd(id, /belastbaarheid van de klant is niet vastgelegd/);
    await klanten.updateKlant(km, k, {
      belastbaarheid: { geenBeperkingenReden: 'Bij de intake geen beperkingen genoemd.' },
    });
    const beeld = await service.bekijkOntwerp(km, id);
    expect(beeld.checklist.items.find((i) => i.id === 'uren')).toMatchObject({
      status: 'voldaan',
      uitleg: expect.stringContaining('geen beperkingen bekend (Bij de intake geen beperkingen genoemd)'),
    });
  });

  it('maatwerk factors missing', async () => {
    await geblokkeerd(await ontwerp({ maatwerk: { werkervaring: null } }), /werkervaring/);
  });

  it('hours above the capacity after work', async () => {
    await geblokkeerd(
      await ontwerp({ urenPerWeek: 14 }),
      /14 uur per week is te veel: de klant kan nog 12 uur/,
    );
  });

  it('a convinced statement missing', async () => {
    await geblokkeerd(
      await ontwerp({ overtuigd: { organisatie: { oordeel: null, motivering: null } } }),
      /Nog niet vastgelegd: de organisatie/,
    );
  });

  it('no host reciprocity', async () => {
    await geblokkeerd(
      await ontwerp({ wederkerigheid: { categorie: null, omschrijving: null } }),
      /teruggeeft/,
    );
  });

  it('displacement (verdringing): cannot even be chosen', async () => {
    await expect(ontwerp({ activiteitId: verdringing })).rejects.toMatchObject({
      velden: { activiteitId: expect.stringMatching(/blijkt verdringing van betaald werk/) },
    });
  });

  it('displacement judged after the choice still blocks toetsing', async () => {
    const later = (
      await netwerk.createActiviteit(nm, maakActiviteit({ gemeenteIds: [A], organisatieId, plaatsen: 3 }))
    ).id;
    await netwerk.createVerdringingstoets(nm, later, maakToets());
    const id = await ontwerp({ activiteitId: later });
    await netwerk.createVerdringingstoets(nm, later, maakToets({ conclusie: 'verdringing' }));
    await geblokkeerd(id, /verdringing van betaald werk/);
  });

  it('doubt (twijfel) not yet decided in intervision', async () => {
    await geblokkeerd(await ontwerp({ activiteitId: twijfel }), /intervisie nog niet besloten/);
  });
});

describe('each WENSELIJK needs an override reason', () => {
  const gevallen: Array<[string, 'gesprek' | 'vervolg' | 'evaluatie', UpdateTegenprestatieInput, boolean]> = [
    ['no conversation parts', 'gesprek', {}, true],
    ['no follow-up', 'vervolg', { vervolg: null }, false],
    ['no evaluation date', 'evaluatie', { evaluatiedata: [] }, false],
  ];
  it.each(gevallen)('%s', async (_naam, id, wijziging, zonderGesprek) => {
    let k = klant;
    if (zonderGesprek) {
      k = (
        await klanten.createKlant(km, maakKlant({ gemeenteId: A, belastbaarheid: { maxUrenPerWeek: 16 } }))
      ).id;
      gesprekken.set(k, {
        id: '00000000-0000-4000-8000-00000000000b',
        datum: '2026-11-01',
        onderdelen: { krachtEnBekwaamheid: true, wensen: true, eigenVoorstel: false, socialeOmgeving: true },
      });
    }
    const t = await ontwerp(wijziging, k);
    const e = await fout(service.wijzigStatus(km, t, { naar: 'toetsing' }));
    expect(e.status).toBe(422);
    expect(e.userMessage).toMatch(/schrijf op waarom u hiervan afwijkt/);
    await service.updateTegenprestatie(km, t, { afwijkingen: { [id]: 'De klant wil snel beginnen.' } });
    expect((await service.wijzigStatus(km, t, { naar: 'toetsing' })).status).toBe('toetsing');
  });
});

describe('client not convinced', () => {
  const nietOvertuigd = {
    overtuigd: { klant: { oordeel: 'nee' as const, motivering: 'Ik wil mijn tijd anders besteden.' } },
  };

  it('cannot go to toetsing; advice is asked and given; the status form never imposes', async () => {
    const id = await ontwerp(nietOvertuigd);
    expect((await fout(service.wijzigStatus(km, id, { naar: 'toetsing' }))).userMessage).toMatch(
      /geen vrijwillige afspraak mogelijk/,
    );
    await service.vraagAdvies(km, id, { vraag: 'De klant weigert; wat nu?' });
    const lijst = await service.findTegenprestaties(tl, { adviesGevraagd: true });
    expect(lijst.items.map((t) => t.id)).toContain(id);
    expect((await fout(service.geefAdvies(km, id, { advies: 'x' }))).status).toBe(403);
    const t = await service.geefAdvies(tl, id, { advies: 'Bied ook het buurthuis aan.' });
    expect(t.advies).toMatchObject({ advies: 'Bied ook het buurthuis aan.', doorNaam: tl.naam });
    expect(
      (await service.findTegenprestaties(tl, { adviesGevraagd: true })).items.map((x) => x.id),
    ).not.toContain(id);

    // The plain status form never imposes: only the intention with the client's reasons does.
    expect((await fout(service.wijzigStatus(km, id, { naar: 'opleggen' }))).userMessage).toMatch(
      /redenen van de klant/,
    );
  });

  const reden = (maaktOngeschikt = false) => ({
    tekst: 'Ik wil mijn tijd anders besteden.',
    categorie: 'anders' as const,
    maaktOngeschikt,
    beoordeling: 'Twee dagdelen laten genoeg tijd vrij; dit maakt het ontwerp niet ongeschikt.',
  });
  const voornemen = {
    redenen: [reden()],
    alternatief: {
      soort: 'alternatief-aangeboden' as const,
      toelichting: 'Buurthuis aangeboden; niet gewild.',
    },
  };
  const zienswijze = {
    soort: 'zienswijze' as const,
    vorm: 'gesprek' as const,
    datum: vandaag(),
    inhoud: 'De klant blijft bij zijn mening.',
    beantwoording: 'Het ontwerp laat de klant vijf dagen per week vrij; wij houden het aan.',
  };

  it('imposing: intention, view, second person; akkoord takes the design to toetsing with its place', async () => {
    const id = await ontwerp(nietOvertuigd);
    // Fail closed: where the ordinance does not impose, never.
    geenMedewerkingToegestaan = false;
    expect((await fout(service.legVoornemenVast(km, id, voornemen))).userMessage).toMatch(/alleen aan/);
    geenMedewerkingToegestaan = true;
    // Each reason needs its judgment; an alternative or the team lead's advice.
    const e = await fout(
      service.legVoornemenVast(km, id, {
        ...voornemen,
        alternatief: { soort: 'advies-teamleider', toelichting: null },
      }),
    );
    expect(e).toBeInstanceOf(TegenprestatieInvoerfout);
    // A good reason: no intention, the design stays in ontwerp.
    expect(
      (await fout(service.legVoornemenVast(km, id, { ...voornemen, redenen: [reden(true)] }))).userMessage,
    ).toMatch(/ongeschikt/);
    const o = await service.legVoornemenVast(km, id, voornemen);
    expect(o).toMatchObject({ status: 'voornemen', zienswijze: null });
    expect((await service.findTegenprestatie(km, id)).status).toBe('opleggen');
    // The design is fixed while the intention runs.
    expect((await fout(service.updateTegenprestatie(km, id, { urenPerWeek: 5 }))).status).toBe(409);
    // No approval before the view (or an Awb 4:11 ground); a caseworker may not approve at all.
    expect((await fout(service.beoordeelOplegging(km, id, { akkoord: true }))).status).toBe(403);
    expect((await fout(service.beoordeelOplegging(tl, id, { akkoord: true }))).userMessage).toMatch(
      /zienswijze/,
    );
    // A view dated before the intention is refused; an Awb ground needs reasons.
    expect(
      (await fout(service.legZienswijzeVast(km, id, { ...zienswijze, datum: '2020-01-01' }))).userMessage,
    ).toMatch(/niet vóór/);
    expect(
      (await fout(service.legZienswijzeVast(km, id, { soort: 'awb-4-11', grond: 'spoed', motivering: null })))
        .userMessage,
    ).toMatch(/Motiveer/);
    // The team lead who records the view may not approve it too.
    await service.legZienswijzeVast(tl, id, zienswijze);
    expect((await fout(service.beoordeelOplegging(tl, id, { akkoord: true }))).userMessage).toMatch(
      /tweede persoon/,
    );
    await service.legZienswijzeVast(km, id, zienswijze);
    const b = await service.beoordeelOplegging(tl, id, { akkoord: true, toelichting: 'Goed onderbouwd.' });
    expect(b).toMatchObject({ status: 'toetsing', oplegging: { status: 'akkoord' } });
    const t = await service.findTegenprestatie(tl, id);
    expect(t.overgangen.map((x) => x.naar)).toEqual(['verkenning', 'ontwerp', 'opleggen', 'toetsing']);
    expect(t.oplegging?.zienswijze?.beantwoording).toBe(zienswijze.beantwoording);
    // Back to ontwerp: the approved round lapses.
    await service.wijzigStatus(km, id, { naar: 'ontwerp', reden: 'De organisatie stopt.' });
    expect((await service.findTegenprestatie(km, id)).oplegging?.status).toBe('vervallen');
  });

  it('a good reason in the view sends the design back to ontwerp; the team lead can send it back too', async () => {
    const id = await ontwerp(nietOvertuigd);
    await service.legVoornemenVast(km, id, voornemen);
    const r = await service.legZienswijzeVast(km, id, {
      ...zienswijze,
      redenen: [{ ...reden(true), categorie: 'zorgtaken', tekst: 'Ik zorg op maandag voor mijn moeder.' }],
    });
    expect(r).toMatchObject({ status: 'ontwerp', oplegging: { status: 'teruggezet' } });
    expect((await service.findTegenprestatie(km, id)).overgangen.at(-1)?.reden).toMatch(/Goede reden/);
    await service.legVoornemenVast(km, id, voornemen);
    await service.legZienswijzeVast(km, id, {
      soort: 'awb-4-11',
      grond: 'eerder-gehoord',
      motivering: 'Gehoord op 1 december; niets nieuws.',
    });
    expect((await fout(service.beoordeelOplegging(tl, id, { akkoord: false }))).userMessage).toMatch(
      /waarom/,
    );
    expect(
      (await service.beoordeelOplegging(tl, id, { akkoord: false, toelichting: 'Pas de dagdelen aan.' }))
        .status,
    ).toBe('ontwerp');
  });

  it('an intention is refused when the design is not tailored (another MOET open)', async () => {
    const id = await ontwerp({ ...nietOvertuigd, urenPerWeek: 14 });
    const e = await fout(service.legVoornemenVast(km, id, voornemen));
    expect(e.userMessage).toMatch(/op maat/);
  });
});

describe('part 2 is guarded', () => {
  it('the part-1 API refuses part-2 moves; the reserved function makes them and releases the place at the end', async () => {
    const id = await ontwerp();
    await service.wijzigStatus(km, id, { naar: 'toetsing' });
    const e = await fout(service.wijzigStatus(km, id, { naar: 'overeengekomen' }));
    expect(e.status).toBe(422);
    expect(e.userMessage).toMatch(/volgende versie/);
    const voor = await plaatsenBezet(activiteit);
    await service.voerDeel2OvergangUit(km, id, { naar: 'overeengekomen' });
    await service.voerDeel2OvergangUit(km, id, { naar: 'lopend' });
    expect(await plaatsenBezet(activiteit)).toBe(voor);
    await service.voerDeel2OvergangUit(km, id, { naar: 'beeindigd', reden: 'Werk gevonden.' });
    expect(await plaatsenBezet(activiteit)).toBe(voor - 1);
  });
});

describe('access', () => {
  it('a design is visible as its client is: team yes, other team and municipality no, other roles refused', async () => {
    const { id } = await service.startVerkenning(km, { klantId: klant });
    expect((await service.findTegenprestatie(kmTeam, id)).id).toBe(id);
    expect((await service.findTegenprestatie(tl, id)).id).toBe(id);
    expect((await fout(service.findTegenprestatie(kmAnder, id))).status).toBe(404);
    expect((await fout(service.findTegenprestatie(kmB, id))).status).toBe(404);
    expect((await fout(service.findTegenprestatie(nm, id))).status).toBe(403);
    expect((await fout(service.updateTegenprestatie(kmAnder, id, { urenPerWeek: 4 }))).status).toBe(404);
    expect((await fout(service.findTegenprestaties(kmAnder, { klantId: klant }))).status).toBe(404);
    // Without a client: a klantmanager sees their own designs.
    expect((await service.findTegenprestaties(kmAnder)).items).toEqual([]);
    expect((await service.findTegenprestaties(km)).items.map((t) => t.id)).toContain(id);
  });
});
