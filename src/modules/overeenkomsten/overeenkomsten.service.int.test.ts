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
import { type Gebruiker, systeemActor } from '../auth/index.ts';
import { createBeheerService } from '../beheer/index.ts';
import { createGemeentenService } from '../gemeenten/index.ts';
import {
  createKlantenService,
  type KlantenService,
  medewerkersUitBeheer,
  parseBsnSleutels,
  plusMaanden,
} from '../klanten/index.ts';
import { createLogboekService } from '../logboek/index.ts';
import { createNetwerkService, type NetwerkService } from '../netwerk/index.ts';
import {
  createTegenprestatiesService,
  type TegenprestatiesService,
  type UpdateTegenprestatieInput,
} from '../tegenprestaties/index.ts';
import { createVerordeningService, laadDemoVerordeningen } from '../verordening/index.ts';
import { createOvereenkomstenService, type OvereenkomstenService } from './overeenkomsten.service.ts';
import { pdfTekst } from './pdf-tekst.test-helper.ts';

let db: TestDatabase;
let tp: TegenprestatiesService;
let klanten: KlantenService;
let netwerk: NetwerkService;
let service: OvereenkomstenService;
let A: string;
let B: string;
let kmA: Gebruiker;
let kmAnder: Gebruiker;
let kmB: Gebruiker;
let nm: Gebruiker;
let klantA: string;
let klantB: string;
let activiteitA: string;
let activiteitB: string;
let zonderHostB: string;
/** The injected clock of the service. */
let vandaag = '2026-07-02';

const alleDelen = { krachtEnBekwaamheid: true, wensen: true, eigenVoorstel: true, socialeOmgeving: true };

async function fout(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

function compleet(activiteitId: string, start: string, eind: string, uren = 6): UpdateTegenprestatieInput {
  return {
    activiteitId,
    urenPerWeek: uren,
    dagdelen: ['ma-ochtend', 'wo-ochtend'],
    startdatum: start,
    einddatum: eind,
    evaluatiedata: [plusMaanden(start, 2)],
    vervolg: 're-integratie',
    vervolgToelichting: 'Daarna een werkervaringsplaats in de logistiek.',
    maatwerk: {
      leeftijd: '41 jaar; leeftijd is geen beperking.',
      opleiding: 'Mbo 2 logistiek.',
      werkervaring: 'Acht jaar magazijnwerk.',
      omstandigheden: 'Zorgt twee middagen per week voor zijn moeder.',
    },
    wederkerigheid: { categorie: 'begeleiding', omschrijving: 'Ineke begeleidt hem elke ochtend.' },
    overtuigd: {
      klantmanager: { oordeel: 'ja', motivering: 'Sluit aan bij zijn wens om onder de mensen te zijn.' },
      klant: { oordeel: 'ja', motivering: 'Ik wil graag weer een ritme.' },
      organisatie: { oordeel: 'ja', motivering: 'Wij kunnen extra hulp goed gebruiken.' },
    },
  };
}

/** A design of `klant` at `activiteit` moved to `toetsing` (or left in `ontwerp` with `klaar: false`). */
async function ontwerp(
  km: Gebruiker,
  klant: string,
  activiteit: string,
  start: string,
  eind: string,
  opts: { uren?: number; klaar?: boolean; wijziging?: UpdateTegenprestatieInput } = {},
): Promise<string> {
  const { id } = await tp.startVerkenning(km, { klantId: klant });
  const c = compleet(activiteit, start, eind, opts.uren);
  await tp.updateTegenprestatie(km, id, { ...c, ...(opts.wijziging ?? {}) });
  await tp.wijzigStatus(km, id, { naar: 'ontwerp' });
  if (opts.klaar !== false) await tp.wijzigStatus(km, id, { naar: 'toetsing' });
  return id;
}

const logregels = (subjectId: string) =>
  withContext(db.app, systeemActor('test'), (tx) =>
    tx
      .selectFrom('logboek')
      .select(['actie', 'verwerkingsactiviteitId', 'actorReden'])
      .where('subjectId', '=', subjectId)
      .orderBy('volgnummer')
      .execute(),
  );

beforeAll(async () => {
  db = await createTestDatabase();
  const a = await insertGemeente(db.app, { naam: 'Aardam', code: 'GM9921' });
  const dienstId = a.dienstId;
  A = a.gemeenteId;
  B = (await insertGemeente(db.app, { dienstId, naam: 'Bergdorp', code: 'GM9922' })).gemeenteId;
  const systeem = systeemActor('test', dienstId);
  await createLogboekService(db.app).ensureStandaardRegister(systeem, dienstId);
  const gemeenten = createGemeentenService(db.app);
  const tA = (await insertTeam(db.app, { dienstId, gemeenten: [A] })).teamId;
  const tA2 = (await insertTeam(db.app, { dienstId, gemeenten: [A] })).teamId;
  const tB = (await insertTeam(db.app, { dienstId, gemeenten: [B] })).teamId;
  const medewerker = async (rol: Gebruiker['rol'], gem: string[], teams: string[]) =>
    actorVan(await insertGebruiker(db.app, { dienstId, rol, gemeenten: gem, teams }), {
      gemeenten: gem,
      teams,
    });
  kmA = await medewerker('klantmanager', [A], [tA]);
  kmAnder = await medewerker('klantmanager', [A], [tA2]);
  kmB = await medewerker('klantmanager', [B], [tB]);
  nm = await medewerker('netwerkmakelaar', [A, B], []);
  netwerk = createNetwerkService({ db: db.app, gemeenten });
  klanten = createKlantenService({
    db: db.app,
    bsnSleutels: parseBsnSleutels(TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY),
    gemeenten,
    medewerkers: medewerkersUitBeheer(createBeheerService(db.app, { gemeenten }), 0),
  });
  const verordening = createVerordeningService({ db: db.app, gemeenten, klanten });
  // The verordening module's demo: Aardam imposes (tegenprestatie, from 2026-07-01 maatschappelijke
  // participatie, 4–8 h), Bergdorp only offers (≤ 20 h, ≤ 12 months).
  await laadDemoVerordeningen(verordening, systeem, { Aardam: A, Bergdorp: B });
  tp = createTegenprestatiesService({
    db: db.app,
    klanten,
    netwerk,
    gesprekken: {
      samenvattingVoorKlant: async () => ({
        id: '00000000-0000-4000-8000-00000000000b',
        datum: '2026-05-01',
        onderdelen: alleDelen,
      }),
    },
    geenMedewerkingToegestaan: (g, d) => verordening.geenMedewerkingToegestaan(g, d),
  });
  service = createOvereenkomstenService({
    db: db.app,
    tegenprestaties: tp,
    klanten,
    netwerk,
    verordening,
    vandaag: () => vandaag,
  });
  const klant = async (km: Gebruiker, gemeenteId: string) =>
    (await klanten.createKlant(km, maakKlant({ gemeenteId, belastbaarheid: { maxUrenPerWeek: 16 } }))).id;
  klantA = await klant(kmA, A);
  klantB = await klant(kmB, B);
  const orgA = (
    await netwerk.createOrganisatie(nm, maakOrganisatie({ gemeenteIds: [A], naam: 'Buurthuis De Schakel' }))
  ).id;
  const orgB = (await netwerk.createOrganisatie(nm, maakOrganisatie({ gemeenteIds: [B] }))).id;
  activiteitA = (
    await netwerk.createActiviteit(
      nm,
      maakActiviteit({ gemeenteIds: [A], organisatieId: orgA, plaatsen: 20, urenMin: 4, urenMax: 12 }),
    )
  ).id;
  activiteitB = (
    await netwerk.createActiviteit(
      nm,
      maakActiviteit({ gemeenteIds: [B], organisatieId: orgB, plaatsen: 20 }),
    )
  ).id;
  zonderHostB = (
    await netwerk.createMaatwerkActiviteit(
      kmB,
      maakActiviteit({
        gemeenteIds: [B],
        organisatieId: null,
        isMaatwerk: true,
        titel: 'Boodschappen voor buren',
      }),
    )
  ).id;
  for (const id of [activiteitA, activiteitB, zonderHostB])
    await netwerk.createVerdringingstoets(nm, id, maakToets());
});

describe('toetsing aan de verordening', () => {
  it('uses the version in force on the START date, stores the result per rule with the version id', async () => {
    // 10 h/week: within the January version (4–12 h), above the July version (4–8 h).
    const juni = await ontwerp(kmA, klantA, activiteitA, '2026-06-15', '2026-12-14', { uren: 10 });
    const juli = await ontwerp(kmA, klantA, activiteitA, '2026-07-06', '2026-12-31', { uren: 10 });
    const tJuni = await service.voerToetsingUit(kmA, juni);
    const tJuli = await service.voerToetsingUit(kmA, juli);
    expect(tJuni.versie).toMatchObject({
      ingangsdatum: '2026-01-01',
      weergavenaam: 'tegenprestatie',
      vorm: 'opleggen',
    });
    expect(tJuli.versie).toMatchObject({
      ingangsdatum: '2026-07-01',
      weergavenaam: 'maatschappelijke-participatie',
    });
    const uren = (t: typeof tJuni) => t.uitkomsten.find((u) => u.regel === 'uren');
    expect(uren(tJuni)).toMatchObject({
      uitkomst: 'voldoet',
      artikel: expect.stringContaining('art. 3 lid 1'),
    });
    expect(uren(tJuli)?.uitkomst).toBe('voldoet-niet');
    expect(tJuni.voldoet).toBe(true);
    expect(tJuli.voldoet).toBe(false);
    expect(tJuni.uitkomsten.map((u) => u.regel)).toContain('arbeidsongeschiktheid');
    expect(tJuni.uitkomsten.find((u) => u.regel === 'onbetaald')?.artikel).toBe(
      'art. 9 lid 1 onder c Participatiewet',
    );
    const opgeslagen = await service.listToetsingen(kmA, juni);
    expect(opgeslagen).toHaveLength(1);
    expect(opgeslagen[0]?.versie.id).toBe(tJuni.versie.id);
    expect(opgeslagen[0]?.uitkomsten).toEqual(tJuni.uitkomsten);
    // A failed check gives no decision and no agreement.
    expect((await fout(service.overeenkomstPdf(kmA, juli))).code).toBe('niet-verwerkbaar');
    const log = await logregels(klantA);
    expect(
      log.some(
        (r) => r.actie === 'aanmaken' && r.verwerkingsactiviteitId === 'va-klantdossier-tegenprestatie',
      ),
    ).toBe(true);
  });

  it('refuses an incomplete design (not in toetsing) and names the open MOETs; stores nothing', async () => {
    const id = await ontwerp(kmA, klantA, activiteitA, '2026-06-15', '2026-12-14', {
      klaar: false,
      wijziging: { maatwerk: { leeftijd: null, opleiding: null, werkervaring: null, omstandigheden: null } },
    });
    const e = await fout(service.voerToetsingUit(kmA, id));
    expect(e.code).toBe('niet-verwerkbaar');
    expect(e.status).toBe(422);
    expect(e.userMessage).toMatch(/Nog open:/);
    expect(e.userMessage.toLowerCase()).toContain('maatwerk');
    expect(await service.listToetsingen(kmA, id)).toEqual([]);
    expect((await service.bekijk(kmA, id)).openMoeten.length).toBeGreaterThan(0);
  });
});

describe('besluit and overeenkomst', () => {
  it('Aardam (opleggen): a design starting 2026-06-15 is checked as a tegenprestatie; its agreement printed on 2026-07-02 says maatschappelijke participatie; the decision comes first', async () => {
    vandaag = '2026-07-02';
    const id = await ontwerp(kmA, klantA, activiteitA, '2026-06-15', '2026-12-14');
    const toets = await service.voerToetsingUit(kmA, id);
    expect(toets.versie.weergavenaam).toBe('tegenprestatie');
    expect(toets.uitkomsten.find((u) => u.regel === 'vorm')?.uitleg).toContain('tegenprestatie');

    const beeld = await service.bekijk(kmA, id);
    expect(beeld.besluitNodig).toBe(true);
    expect(beeld.kan).toMatchObject({ besluiten: true, accepteren: false, overeenkomstPdf: true });
    // Acceptance before the decision is refused.
    const zonder = await fout(
      service.legAcceptatieVast(kmA, id, {
        overeenkomstDatum: '2026-07-02',
        klantGetekendOp: '2026-07-02',
        organisatieGetekendOp: '2026-07-02',
      }),
    );
    expect(zonder.code).toBe('niet-verwerkbaar');
    expect((await fout(service.besluitPdf(kmA, id))).code).toBe('niet-verwerkbaar');

    // A decision in the future is refused with a field message.
    const toekomst = await fout(
      service.neemBesluit(kmA, id, { datum: '2026-07-03', ondertekenaar: 'A. Jansen' }),
    );
    expect(toekomst.code).toBe('ongeldige-invoer');
    await service.neemBesluit(kmA, id, { datum: '2026-07-02', ondertekenaar: 'A. Jansen, teamleider' });
    expect((await fout(service.neemBesluit(kmA, id, { datum: '2026-07-02', ondertekenaar: 'X' }))).code).toBe(
      'conflict',
    );

    const besluit = await pdfTekst(await service.besluitPdf(kmA, id));
    expect(besluit).toContain('Besluit maatschappelijke participatie');
    expect(besluit).toContain('Gemeente Aardam');
    expect(besluit).toContain('art. 9 lid 1 onder c Participatiewet');
    expect(besluit).toContain('binnen 6 weken');
    expect(besluit).toContain('bezwaar');
    expect(besluit).toContain('Acht jaar magazijnwerk.');
    expect(besluit).toContain('A. Jansen, teamleider');

    const concept = await pdfTekst(await service.overeenkomstPdf(kmA, id));
    expect(concept).toContain('Overeenkomst maatschappelijke participatie');
    expect(concept).not.toContain('Overeenkomst tegenprestatie');
    expect(concept).toContain('2 juli 2026');
    expect(concept).toContain('Gemeente Aardam');
    expect(concept).toContain('Buurthuis De Schakel');
    expect(concept).toContain('Ineke begeleidt hem elke ochtend.');
    expect(concept).toContain('Verordening tegenprestatie Aardam 2026');
    expect(concept).toContain('art. 3 lid 1');
    expect(concept).toContain('onbetaald');
    expect(concept).toContain('collectieve ongevallenverzekering');
    expect(concept).toContain('WA-verzekering');
    expect(concept).toMatch(/Deelnemer.*Organisatie.*Namens de gemeente Aardam/);

    // With a host both signatures are needed.
    const half = await fout(
      service.legAcceptatieVast(kmA, id, { overeenkomstDatum: '2026-07-02', klantGetekendOp: '2026-07-02' }),
    );
    expect(half.code).toBe('ongeldige-invoer');
    await service.legAcceptatieVast(kmA, id, {
      overeenkomstDatum: '2026-07-02',
      klantGetekendOp: '2026-07-02',
      organisatieGetekendOp: '2026-07-02',
    });
    const t = await tp.findTegenprestatie(kmA, id);
    expect(t.status).toBe('overeengekomen');
    expect(t.overgangen.at(-1)).toMatchObject({ van: 'toetsing', naar: 'overeengekomen' });
    // Printed again later, the signed agreement keeps its own date and name, and shows the signatures.
    vandaag = '2026-11-27';
    const getekend = await pdfTekst(await service.overeenkomstPdf(kmA, id));
    expect(getekend).toContain('Overeenkomst maatschappelijke participatie');
    expect(getekend).toContain('Getekend ontvangen op 2 juli 2026');

    // The job: nothing before the start date... (already past here: it starts now), idempotent.
    const eerste = await service.startOvereenkomsten('test:overeenkomsten-starten', {
      vandaag: '2026-06-14',
    });
    expect(eerste.gestart).toBe(0);
    expect((await tp.findTegenprestatie(kmA, id)).status).toBe('overeengekomen');
    const tweede = await service.startOvereenkomsten('test:overeenkomsten-starten', {
      vandaag: '2026-07-03',
    });
    expect(tweede.gestart).toBeGreaterThanOrEqual(1);
    expect(tweede.fouten).toEqual([]);
    const lopend = await tp.findTegenprestatie(kmA, id);
    expect(lopend.status).toBe('lopend');
    expect(lopend.overgangen.at(-1)).toMatchObject({
      naar: 'lopend',
      doorNaam: expect.stringContaining('Systeem'),
    });
    expect(
      await service.startOvereenkomsten('test:overeenkomsten-starten', { vandaag: '2026-07-04' }),
    ).toMatchObject({
      gestart: 0,
    });
    const log = await logregels(klantA);
    expect(log.some((r) => r.actie === 'exporteren')).toBe(true);
    expect(log.some((r) => r.actorReden === 'test:overeenkomsten-starten' && r.actie === 'wijzigen')).toBe(
      true,
    );
  });

  it('Bergdorp (aanbieden): no decision; a host-less maatwerk design needs only the client', async () => {
    vandaag = '2026-11-27';
    const id = await ontwerp(kmB, klantB, zonderHostB, '2026-12-07', '2027-06-04', {
      wijziging: { wederkerigheid: { categorie: null, omschrijving: null } },
    });
    const toets = await service.voerToetsingUit(kmB, id);
    expect(toets.voldoet).toBe(true);
    expect(toets.versie.vorm).toBe('aanbieden');
    const beeld = await service.bekijk(kmB, id);
    expect(beeld.besluitNodig).toBe(false);
    expect(beeld.metOrganisatie).toBe(false);
    expect(beeld.kan).toMatchObject({ besluiten: false, accepteren: true });
    expect((await fout(service.neemBesluit(kmB, id, { datum: '2026-11-27', ondertekenaar: 'X' }))).code).toBe(
      'niet-verwerkbaar',
    );
    expect((await fout(service.besluitPdf(kmB, id))).code).toBe('niet-verwerkbaar');
    const tekst = await pdfTekst(await service.overeenkomstPdf(kmB, id));
    expect(tekst).toContain('Overeenkomst tegenprestatie');
    expect(tekst).toContain('Gemeente Bergdorp');
    expect(tekst).toContain('zonder organisatie');
    expect(tekst).not.toMatch(/Organisatie Getekend|Organisatie Handtekening/);
    await service.legAcceptatieVast(kmB, id, {
      overeenkomstDatum: '2026-11-26',
      klantGetekendOp: '2026-11-27',
    });
    expect((await tp.findTegenprestatie(kmB, id)).status).toBe('overeengekomen');
    // Not yet started: the start date lies ahead.
    await service.startOvereenkomsten('test', { vandaag: '2026-11-27' });
    expect((await tp.findTegenprestatie(kmB, id)).status).toBe('overeengekomen');
  });

  it('a superseded agreement never starts the placement: back to ontwerp, agreed again later, starts on the new date', async () => {
    vandaag = '2026-11-27';
    const hostloos = { wederkerigheid: { categorie: null, omschrijving: null } };
    const id = await ontwerp(kmB, klantB, zonderHostB, '2026-12-07', '2027-06-04', { wijziging: hostloos });
    expect((await service.voerToetsingUit(kmB, id)).voldoet).toBe(true);
    await service.legAcceptatieVast(kmB, id, {
      overeenkomstDatum: '2026-11-27',
      klantGetekendOp: '2026-11-27',
    });
    // The agreement does not go ahead as signed: back to the design (as the placement page does), a later start.
    await tp.voerDeel2OvergangUit(kmB, id, { naar: 'ontwerp', reden: 'De klant kan pas in januari.' });
    await tp.updateTegenprestatie(kmB, id, {
      ...compleet(zonderHostB, '2027-01-04', '2027-06-04'),
      ...hostloos,
    });
    await tp.wijzigStatus(kmB, id, { naar: 'toetsing' });
    expect((await service.voerToetsingUit(kmB, id)).voldoet).toBe(true);
    vandaag = '2026-11-30';
    await service.legAcceptatieVast(kmB, id, {
      overeenkomstDatum: '2026-11-30',
      klantGetekendOp: '2026-11-30',
    });
    expect((await tp.findTegenprestatie(kmB, id)).status).toBe('overeengekomen');

    // Between the old and the new start date: the old agreement must not start it.
    for (const dag of ['2026-12-07', '2026-12-14', '2027-01-03']) {
      const r = await service.startOvereenkomsten('test:overeenkomsten-starten', { vandaag: dag });
      expect(r.fouten).toEqual([]);
      expect((await tp.findTegenprestatie(kmB, id)).status).toBe('overeengekomen');
    }
    // On the new start date the new agreement starts it.
    await service.startOvereenkomsten('test:overeenkomsten-starten', { vandaag: '2027-01-04' });
    const t = await tp.findTegenprestatie(kmB, id);
    expect(t.status).toBe('lopend');
    expect(t.overgangen.at(-1)).toMatchObject({
      van: 'overeengekomen',
      naar: 'lopend',
      reden: 'Startdatum 4 januari 2027 bereikt',
    });
    // The superseded agreement is not recorded as started (the client's AVG export shows "Begonnen op").
    const rijen = await withContext(db.app, systeemActor('test'), (tx) =>
      tx
        .selectFrom('overeenkomst')
        .select(['startdatum', 'gestartOp'])
        .where('tegenprestatieId', '=', id)
        .orderBy('startdatum')
        .execute(),
    );
    expect(rijen.map((r) => [r.startdatum, r.gestartOp !== null])).toEqual([
      ['2026-12-07', false],
      ['2027-01-04', true],
    ]);
  });

  it('an ordinary design at a host in Bergdorp also gets no decision', async () => {
    const id = await ontwerp(kmB, klantB, activiteitB, '2026-12-07', '2027-06-04');
    expect((await service.voerToetsingUit(kmB, id)).versie.vorm).toBe('aanbieden');
    expect((await service.bekijk(kmB, id)).besluitNodig).toBe(false);
  });
});

describe('access', () => {
  it('a role without the right gets geen-toegang (403); a caseworker outside the caseload or municipality niet-gevonden (404)', async () => {
    const id = await ontwerp(kmA, klantA, activiteitA, '2026-06-15', '2026-12-14');
    for (const p of [
      service.voerToetsingUit(nm, id),
      service.listToetsingen(nm, id),
      service.bekijk(nm, id),
      service.overeenkomstPdf(nm, id),
      service.besluitPdf(nm, id),
      service.neemBesluit(nm, id, { datum: '2026-07-01', ondertekenaar: 'X' }),
      service.legAcceptatieVast(nm, id, { overeenkomstDatum: '2026-07-01', klantGetekendOp: '2026-07-01' }),
    ])
      expect((await fout(p)).status).toBe(403);
    for (const actor of [kmAnder, kmB]) {
      expect((await fout(service.voerToetsingUit(actor, id))).status).toBe(404);
      expect((await fout(service.listToetsingen(actor, id))).status).toBe(404);
      expect((await fout(service.overeenkomstPdf(actor, id))).status).toBe(404);
    }
  });
});
