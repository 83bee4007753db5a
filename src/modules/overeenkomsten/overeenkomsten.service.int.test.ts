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
import type { NieuwSignaal } from '../signalen/index.ts';
import {
  createTegenprestatiesService,
  type TegenprestatiesService,
  type UpdateTegenprestatieInput,
} from '../tegenprestaties/index.ts';
import {
  createVerordeningService,
  laadDemoVerordeningen,
  type VerordeningService,
} from '../verordening/index.ts';
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
let verordening: VerordeningService;
let fb: Gebruiker;
/** The signals the service raised (a stand-in for the signalen module's `meld`). */
const meldingen: NieuwSignaal[] = [];
/** The injected clock of the service. */
let vandaag = '2026-07-02';
/** A new client of 16 hours a week (designs of one client that overlap add up against its capacity). */
let klant: (km: Gebruiker, gemeenteId: string) => Promise<string>;

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
  fb = await medewerker('functioneel-beheerder', [A, B], []);
  netwerk = createNetwerkService({ db: db.app, gemeenten });
  klanten = createKlantenService({
    db: db.app,
    bsnSleutels: parseBsnSleutels(TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY),
    gemeenten,
    medewerkers: medewerkersUitBeheer(createBeheerService(db.app, { gemeenten }), 0),
  });
  verordening = createVerordeningService({ db: db.app, gemeenten, klanten });
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
    opleggenToegestaan: (g, d) => verordening.geenMedewerkingToegestaan(g, d),
  });
  service = createOvereenkomstenService({
    db: db.app,
    tegenprestaties: tp,
    klanten,
    netwerk,
    verordening,
    vandaag: () => vandaag,
    // Versions of a running agreement are tested in versie.int.test.ts.
    evaluaties: async () => [],
    signalen: {
      meld: async (signaal) => {
        meldingen.push(signaal);
      },
    },
  });
  klant = async (km: Gebruiker, gemeenteId: string) =>
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
    // No check passes by construction: unpaid and the written agreement are not run; work first cites the guideline.
    expect(tJuni.uitkomsten.map((u) => u.regel)).not.toContain('onbetaald');
    expect(tJuni.uitkomsten.map((u) => u.regel)).not.toContain('overeenkomst');
    expect(tJuni.uitkomsten.find((u) => u.regel === 'werk')?.artikel).toMatch(/^Richtlijn tegenprestatie/);
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
  it('Aardam 2026 (opleggen): the sending date decides (equal passes, a day earlier is refused); the name follows the period; the PDFs say what, when, the consequences, the basis and the objection', async () => {
    vandaag = '2026-06-10';
    const id = await ontwerp(kmA, klantA, activiteitA, '2026-06-15', '2026-12-14');
    const toets = await service.voerToetsingUit(kmA, id);
    expect(toets.versie.weergavenaam).toBe('tegenprestatie');
    expect(toets.uitkomsten.find((u) => u.regel === 'vorm')?.uitleg).toContain('tegenprestatie');

    const beeld = await service.bekijk(kmA, id);
    expect(beeld.besluitNodig).toBe(true);
    expect(beeld.naam).toBe('tegenprestatie');
    expect(beeld.naamZin).toBe(
      'Vanaf 1 juli 2026 heet de tegenprestatie in de gemeente Aardam maatschappelijke participatie; voor deze afspraken verandert daardoor niets.',
    );
    expect(beeld.waarschuwingen).toEqual([]);
    expect(beeld.kan).toMatchObject({
      besluiten: true,
      accepteren: false,
      overeenkomstPdf: true,
      inkorten: false,
    });
    // Acceptance before the decision is refused.
    const zonder = await fout(
      service.legAcceptatieVast(kmA, id, {
        overeenkomstDatum: '2026-06-10',
        klantGetekendOp: '2026-06-10',
        organisatieGetekendOp: '2026-06-10',
      }),
    );
    expect(zonder.code).toBe('niet-verwerkbaar');
    expect((await fout(service.besluitPdf(kmA, id))).code).toBe('niet-verwerkbaar');

    // A decision in the future is refused with a field message.
    const toekomst = await fout(
      service.neemBesluit(kmA, id, {
        datum: '2026-06-11',
        verzenddatum: '2026-06-11',
        ondertekenaar: 'A. Jansen',
      }),
    );
    expect(toekomst.code).toBe('ongeldige-invoer');
    // Boundary: sent one day after the start — refused, no override.
    const teLaat = (await fout(
      service.neemBesluit(kmA, id, {
        datum: '2026-06-10',
        verzenddatum: '2026-06-16',
        ondertekenaar: 'A. Jansen',
      }),
    )) as AppError & { velden?: Record<string, string> };
    expect(teLaat.code).toBe('ongeldige-invoer');
    expect(teLaat.velden?.verzenddatum).toContain('3:40 en 3:41 Awb');
    expect((await service.bekijk(kmA, id)).stand?.besluit ?? null).toBeNull();
    // Boundary: sent on the start date — passes, with the warning about too few days.
    const stand = await service.neemBesluit(kmA, id, {
      datum: '2026-06-10',
      verzenddatum: '2026-06-15',
      ondertekenaar: 'A. Jansen, teamleider',
    });
    expect(stand.besluit).toMatchObject({ datum: '2026-06-10', verzenddatum: '2026-06-15' });
    expect(stand.besluit?.grondslag?.regimes).toEqual([
      expect.objectContaining({
        van: '2026-06-15',
        tot: '2026-12-14',
        artikel: 'art. 9 lid 1 onder c Participatiewet',
      }),
    ]);
    expect(stand.waarschuwingen).toHaveLength(1);
    expect(stand.waarschuwingen[0]).toContain('zitten 0 dagen');
    expect((await service.bekijk(kmA, id)).waarschuwingen[0]).toContain('minstens 5');
    expect(
      (
        await fout(
          service.neemBesluit(kmA, id, {
            datum: '2026-06-10',
            verzenddatum: '2026-06-10',
            ondertekenaar: 'X',
          }),
        )
      ).code,
    ).toBe('conflict');

    const besluit = await pdfTekst(await service.besluitPdf(kmA, id));
    // The name of the period (checked against the January version), not of the print date.
    expect(besluit).toContain('Besluit tegenprestatie');
    expect(besluit).not.toContain('Besluit maatschappelijke participatie');
    expect(besluit).toContain(
      'Vanaf 1 juli 2026 heet de tegenprestatie in de gemeente Aardam maatschappelijke participatie',
    );
    expect(besluit).toContain('Gemeente Aardam');
    // What, from when, until when.
    expect(besluit).toContain('van 15 juni 2026 tot en met 14 december 2026');
    expect(besluit).toContain('Verzonden op: 15 juni 2026');
    // The consequences clause: art. 18 lid 2 Pw with the measures ordinance's article (data).
    expect(besluit).toContain(
      'artikel 18 lid 2 Participatiewet en art. 9 lid 1 onder b Afstemmingsverordening Participatiewet Aardam 2015',
    );
    expect(besluit).toContain('uw bijstand verlagen');
    // The reasons: Awb 3:46 as the duty to give them, not as a basis.
    expect(besluit).toContain('Wij moeten u uitleggen waarom wij dit besluiten (artikel 3:46 Awb)');
    expect(besluit).toContain('Acht jaar magazijnwerk.');
    // The basis with its short text.
    expect(besluit).toContain('art. 9 lid 1 onder c Participatiewet: Wie bijstand krijgt');
    expect(besluit).toContain('Verordening tegenprestatie Aardam 2026');
    // The objection clause: six weeks from the day after sending; the voorlopige voorziening only with bezwaar.
    expect(besluit).toContain('binnen 6 weken bezwaar');
    expect(besluit).toContain('dag na de verzenddatum, dus op 16 juni 2026');
    expect(besluit).toContain('uiterlijk op 27 juli 2026');
    expect(besluit).toContain('voorlopige voorziening (artikel 8:81 Awb)');
    expect(besluit).toContain('Dat kan alleen als u ook bezwaar maakt');
    expect(besluit).toContain('A. Jansen, teamleider');
    expect(besluit).not.toMatch(/vrijwillig/i);
    expect(besluit.toLowerCase()).not.toContain('nog in te vullen');

    // The imposed agreement cannot confirm afterwards: dated after the start it is refused.
    vandaag = '2026-06-20';
    const achteraf = (await fout(
      service.legAcceptatieVast(kmA, id, {
        overeenkomstDatum: '2026-06-16',
        klantGetekendOp: '2026-06-16',
        organisatieGetekendOp: '2026-06-16',
        bevestigingsreden: 'Liep al.',
      }),
    )) as AppError & { velden?: Record<string, string> };
    expect(achteraf.velden?.overeenkomstDatum).toContain('alleen een vrijwillige overeenkomst');

    const concept = await pdfTekst(await service.overeenkomstPdf(kmA, id));
    expect(concept).toContain('Overeenkomst tegenprestatie');
    expect(concept).not.toContain('Overeenkomst maatschappelijke participatie');
    expect(concept).toContain('Gemeente Aardam');
    expect(concept).toContain('Buurthuis De Schakel');
    expect(concept).toContain('Ineke begeleidt hem elke ochtend.');
    expect(concept).toContain('Verordening tegenprestatie Aardam 2026');
    expect(concept).toContain('art. 3 lid 1');
    expect(concept).toContain('onbetaald');
    expect(concept).toContain('verzonden op 15 juni 2026');
    expect(concept).toContain('artikel 18 lid 2 Participatiewet');
    expect(concept).toContain('art. 9 lid 1 onder c Participatiewet');
    expect(concept).not.toContain('Meedoen is vrijwillig');
    expect(concept).toContain('collectieve ongevallenverzekering');
    expect(concept).toContain('WA-verzekering');
    expect(concept).toMatch(/Deelnemer.*Organisatie.*Namens de gemeente Aardam/);
    expect(concept.toLowerCase()).not.toContain('nog in te vullen');

    // With a host both signatures are needed.
    const half = await fout(
      service.legAcceptatieVast(kmA, id, { overeenkomstDatum: '2026-06-12', klantGetekendOp: '2026-06-12' }),
    );
    expect(half.code).toBe('ongeldige-invoer');
    // Not before the decision either.
    expect(
      (
        await fout(
          service.legAcceptatieVast(kmA, id, {
            overeenkomstDatum: '2026-06-09',
            klantGetekendOp: '2026-06-12',
            organisatieGetekendOp: '2026-06-12',
          }),
        )
      ).code,
    ).toBe('ongeldige-invoer');
    await service.legAcceptatieVast(kmA, id, {
      overeenkomstDatum: '2026-06-12',
      klantGetekendOp: '2026-06-12',
      organisatieGetekendOp: '2026-06-13',
    });
    const t = await tp.findTegenprestatie(kmA, id);
    expect(t.status).toBe('overeengekomen');
    expect(t.overgangen.at(-1)).toMatchObject({ van: 'toetsing', naar: 'overeengekomen' });
    // Printed again later, the signed agreement keeps its name and shows the signatures.
    vandaag = '2026-11-27';
    const getekend = await pdfTekst(await service.overeenkomstPdf(kmA, id));
    expect(getekend).toContain('Overeenkomst tegenprestatie');
    expect(getekend).toContain('Getekend ontvangen op 12 juni 2026');

    // The job: nothing before the start date, then it starts; idempotent.
    const eerste = await service.startOvereenkomsten('test:overeenkomsten-starten', {
      vandaag: '2026-06-14',
    });
    expect(eerste.gestart).toBe(0);
    expect((await tp.findTegenprestatie(kmA, id)).status).toBe('overeengekomen');
    const tweede = await service.startOvereenkomsten('test:overeenkomsten-starten', {
      vandaag: '2026-06-15',
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
      await service.startOvereenkomsten('test:overeenkomsten-starten', { vandaag: '2026-06-16' }),
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
    expect(
      (
        await fout(
          service.neemBesluit(kmB, id, {
            datum: '2026-11-27',
            verzenddatum: '2026-11-27',
            ondertekenaar: 'X',
          }),
        )
      ).code,
    ).toBe('niet-verwerkbaar');
    expect((await fout(service.besluitPdf(kmB, id))).code).toBe('niet-verwerkbaar');
    // The period reaches 2027 without a recorded basis: a voluntary agreement gets warnings, not a refusal.
    expect(beeld.waarschuwingen.join(' ')).toContain('loopt door na 31 december 2026');
    expect(beeld.waarschuwingen.join(' ')).toContain('Meedoen blijft vrijwillig');
    const tekst = await pdfTekst(await service.overeenkomstPdf(kmB, id));
    expect(tekst).toContain('Overeenkomst tegenprestatie');
    expect(tekst).toContain('Gemeente Bergdorp');
    expect(tekst).toContain('zonder organisatie');
    expect(tekst).not.toMatch(/Organisatie Getekend|Organisatie Handtekening/);
    // The voluntary clause, and no obligation cited: no statutory duty, no measure.
    expect(tekst).toContain('Meedoen is vrijwillig');
    expect(tekst).toContain('U doet vrijwillig mee');
    expect(tekst).toContain('geen besluit en geen verplichting');
    expect(tekst).toContain('geen gevolgen voor uw uitkering');
    expect(tekst).toContain(
      'Verordening tegenprestatie Bergdorp 2015 (versie die geldt vanaf 1 januari 2015), art. 2',
    );
    expect(tekst).not.toContain('art. 9 lid 1 onder c');
    expect(tekst).not.toContain('artikel 18 lid 2');
    expect(tekst).not.toContain('bezwaar');
    expect(tekst.toLowerCase()).not.toContain('nog in te vullen');
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
    const id = await ontwerp(kmB, await klant(kmB, B), activiteitB, '2026-12-07', '2027-06-04');
    expect((await service.voerToetsingUit(kmB, id)).versie.vorm).toBe('aanbieden');
    expect((await service.bekijk(kmB, id)).besluitNodig).toBe(false);
  });
});

describe('the switch of 1 January 2027', () => {
  it('Aardam: a period ending 2026-12-31 may be imposed; one reaching 2027-01-01 without a recorded basis is refused, and can be ended on 2026-12-31 with a signal to decide again', async () => {
    vandaag = '2026-12-07';
    // Boundary: ends on 31 December 2026.
    const tot = await ontwerp(kmA, klantA, activiteitA, '2026-12-21', '2026-12-31', {
      wijziging: { evaluatiedata: ['2026-12-28'] },
    });
    expect((await service.voerToetsingUit(kmA, tot)).voldoet).toBe(true);
    expect((await service.bekijk(kmA, tot)).waarschuwingen).toEqual([]);
    await service.neemBesluit(kmA, tot, {
      datum: '2026-12-07',
      verzenddatum: '2026-12-07',
      ondertekenaar: 'A. Jansen',
    });

    // Boundary: reaches 1 January 2027.
    const over = await ontwerp(kmA, klantA, activiteitA, '2026-12-21', '2027-01-01', {
      wijziging: { evaluatiedata: ['2026-12-28'] },
    });
    expect((await service.voerToetsingUit(kmA, over)).voldoet).toBe(true);
    const beeld = await service.bekijk(kmA, over);
    expect(beeld.naam).toBe('maatschappelijke participatie');
    expect(beeld.grondslag).toMatchObject({ ontbreektVanaf: '2027-01-01', eindeVoorstel: '2026-12-31' });
    expect(beeld.waarschuwingen.join(' ')).toContain('loopt door na 31 december 2026');
    expect(beeld.kan).toMatchObject({ besluiten: false, inkorten: true, overeenkomstPdf: false });
    const geweigerd = await fout(
      service.neemBesluit(kmA, over, {
        datum: '2026-12-07',
        verzenddatum: '2026-12-07',
        ondertekenaar: 'A. Jansen',
      }),
    );
    expect(geweigerd.code).toBe('niet-verwerkbaar');
    expect(geweigerd.userMessage).toContain(
      'Voor de periode vanaf 1 januari 2027 is geen wettelijke grondslag vastgelegd',
    );
    expect(geweigerd.userMessage).toContain('31 december 2026');
    expect((await fout(service.overeenkomstPdf(kmA, over))).code).toBe('niet-verwerkbaar');

    // End the period on 31 December 2026: checked again, a signal to decide again, then the decision passes.
    const voor = meldingen.length;
    const toets = await service.eindigVoorGrondslag(kmA, over);
    expect(toets.voldoet).toBe(true);
    const t = await tp.findTegenprestatie(kmA, over);
    expect(t).toMatchObject({ status: 'toetsing', einddatum: '2026-12-31' });
    expect(t.overgangen.some((o) => o.reden?.includes('geen wettelijke grondslag'))).toBe(true);
    expect(meldingen.slice(voor)).toEqual([
      expect.objectContaining({
        soort: 'opnieuw-besluiten',
        gebruikerId: kmA.gebruikerId,
        datum: '2027-01-01',
        oorzaak: `${over}:2027-01-01`,
      }),
    ]);
    expect(meldingen.at(-1)?.tekst).toContain('Besluit opnieuw over de periode vanaf 1 januari 2027');
    expect((await service.bekijk(kmA, over)).kan).toMatchObject({ besluiten: true, inkorten: false });
    await service.neemBesluit(kmA, over, {
      datum: '2026-12-07',
      verzenddatum: '2026-12-07',
      ondertekenaar: 'A. Jansen',
    });
  });

  it('Aardam spanning 2027 with a recorded basis: the decision cites each regime for its part of the period', async () => {
    vandaag = '2026-12-07';
    await verordening.setRechtsgrond(fb, {
      vanaf: '2027-01-01',
      artikel: 'Testartikel Participatiewet in balans',
      omschrijving: 'Korte testtekst van de grondslag vanaf 2027.',
    });
    try {
      const id = await ontwerp(kmA, klantA, activiteitA, '2026-12-21', '2027-06-20');
      expect((await service.voerToetsingUit(kmA, id)).voldoet).toBe(true);
      const beeld = await service.bekijk(kmA, id);
      // Still the warning that it spans the switch; no refusal.
      expect(beeld.waarschuwingen).toHaveLength(1);
      expect(beeld.waarschuwingen[0]).toContain('loopt door na 31 december 2026');
      expect(beeld.kan.besluiten).toBe(true);
      await service.neemBesluit(kmA, id, {
        datum: '2026-12-07',
        verzenddatum: '2026-12-08',
        ondertekenaar: 'A. Jansen, teamleider',
      });
      const besluit = await pdfTekst(await service.besluitPdf(kmA, id));
      expect(besluit).toContain('Besluit maatschappelijke participatie');
      expect(besluit).toContain('van 21 december 2026 tot en met 20 juni 2027');
      expect(besluit).toContain('Van 21 december 2026 tot en met 31 december 2026');
      expect(besluit).toContain('art. 9 lid 1 onder c Participatiewet');
      expect(besluit).toContain('Van 1 januari 2027 tot en met 20 juni 2027');
      expect(besluit).toContain('Testartikel Participatiewet in balans: Korte testtekst');
      expect(besluit).toContain('artikel 18 lid 2 Participatiewet');
      expect(besluit).toContain('uiterlijk op 19 januari 2027');
      expect(besluit.toLowerCase()).not.toContain('nog in te vullen');
      const overeenkomst = await pdfTekst(await service.overeenkomstPdf(kmA, id));
      expect(overeenkomst).toContain('Overeenkomst maatschappelijke participatie');
      expect(overeenkomst).toContain('Testartikel Participatiewet in balans');
      expect(overeenkomst).toContain('artikel 18 lid 2 Participatiewet');
      expect(overeenkomst.toLowerCase()).not.toContain('nog in te vullen');
      // Once sent, the decision keeps what it printed even if the basis is changed later.
      await verordening.setRechtsgrond(fb, { vanaf: '2027-01-01', artikel: null, omschrijving: null });
      expect(await pdfTekst(await service.besluitPdf(kmA, id))).toContain(
        'Testartikel Participatiewet in balans',
      );
    } finally {
      await verordening.setRechtsgrond(fb, { vanaf: '2027-01-01', artikel: null, omschrijving: null });
    }
  });

  it('Bergdorp: a voluntary agreement may confirm what already runs, only with a recorded reason', async () => {
    vandaag = '2026-12-10';
    const id = await ontwerp(kmB, await klant(kmB, B), activiteitB, '2026-12-07', '2027-03-31');
    expect((await service.voerToetsingUit(kmB, id)).voldoet).toBe(true);
    const zonderReden = (await fout(
      service.legAcceptatieVast(kmB, id, {
        overeenkomstDatum: '2026-12-09',
        klantGetekendOp: '2026-12-09',
        organisatieGetekendOp: '2026-12-09',
      }),
    )) as AppError & { velden?: Record<string, string> };
    expect(zonderReden.velden?.bevestigingsreden).toContain('bevestigt wat al loopt');
    const stand = await service.legAcceptatieVast(kmB, id, {
      overeenkomstDatum: '2026-12-09',
      klantGetekendOp: '2026-12-09',
      organisatieGetekendOp: '2026-12-10',
      bevestigingsreden: 'De klant hielp al mee sinds de opening; nu op papier.',
    });
    expect(stand.acceptatie?.bevestigingsreden).toBe('De klant hielp al mee sinds de opening; nu op papier.');
    const tekst = await pdfTekst(await service.overeenkomstPdf(kmB, id));
    expect(tekst).toContain('bevestigt afspraken die al liepen sinds 7 december 2026');
    expect(tekst).toContain('Meedoen is vrijwillig');
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
      service.neemBesluit(nm, id, { datum: '2026-07-01', verzenddatum: '2026-07-01', ondertekenaar: 'X' }),
      service.eindigVoorGrondslag(nm, id),
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
