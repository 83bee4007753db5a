import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY } from '../../../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker, insertTeam } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { insertLopendeTegenprestatie } from '../../../test/factories/uitvoering.ts';
import { maakVersie } from '../../../test/factories/verordening.ts';
import { pdfTekst } from '../../../test/pdf.ts';
import { withContext } from '../../db/context.ts';
import { AppError } from '../../http/app-error.ts';
import { type Gebruiker, systeemActor } from '../auth/index.ts';
import { createBeheerService } from '../beheer/index.ts';
import { createGemeentenService } from '../gemeenten/index.ts';
import { createKlantenService, medewerkersUitBeheer, parseBsnSleutels } from '../klanten/index.ts';
import { createLogboekService } from '../logboek/index.ts';
import { createNetwerkService } from '../netwerk/index.ts';
import { createTegenprestatiesService, type TegenprestatiesService } from '../tegenprestaties/index.ts';
import { createUitvoeringService, type UitvoeringService } from '../uitvoering/index.ts';
import { createVerordeningService } from '../verordening/index.ts';
import { OvereenkomstInvoerfout } from './overeenkomsten.schemas.ts';
import { createOvereenkomstenService, type OvereenkomstenService } from './overeenkomsten.service.ts';

/**
 * A running agreement changed after an evaluation with `aanpassen` (issue 16): a new version, confirmed by the three
 * parties (and, where the ordinance imposes, by a change decision sent no later than it takes effect), an extension
 * within the ordinance, growth against the client's view refused, the older versions and their PDFs kept.
 * A fixed day (`VANDAAG`) for every service: the dates around it are the rules' boundaries.
 */

const VANDAAG = '2026-11-20';
let db: TestDatabase;
let tp: TegenprestatiesService;
let service: OvereenkomstenService;
let uitvoering: UitvoeringService;
let A: string;
let B: string;
let kmA: Gebruiker;
let kmB: Gebruiker;
let nm: Gebruiker;

async function fout(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}
const velden = async (p: Promise<unknown>) => {
  const e = await fout(p);
  expect(e).toBeInstanceOf(OvereenkomstInvoerfout);
  return (e as OvereenkomstInvoerfout).velden;
};

beforeAll(async () => {
  db = await createTestDatabase();
  const a = await insertGemeente(db.app, { naam: 'Aardam', code: 'GM9921' });
  const dienstId = a.dienstId;
  A = a.gemeenteId;
  B = (await insertGemeente(db.app, { dienstId, naam: 'Bergdorp', code: 'GM9922' })).gemeenteId;
  await createLogboekService(db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const gemeenten = createGemeentenService(db.app);
  const tA = (await insertTeam(db.app, { dienstId, gemeenten: [A] })).teamId;
  const tB = (await insertTeam(db.app, { dienstId, gemeenten: [B] })).teamId;
  const medewerker = async (rol: Gebruiker['rol'], gem: string[], teams: string[]) =>
    actorVan(await insertGebruiker(db.app, { dienstId, rol, gemeenten: gem, teams }), {
      gemeenten: gem,
      teams,
    });
  kmA = await medewerker('klantmanager', [A], [tA]);
  kmB = await medewerker('klantmanager', [B], [tB]);
  nm = await medewerker('netwerkmakelaar', [A, B], []);
  const fb = await medewerker('functioneel-beheerder', [A, B], []);
  const netwerk = createNetwerkService({ db: db.app, gemeenten });
  const klanten = createKlantenService({
    db: db.app,
    bsnSleutels: parseBsnSleutels(TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY),
    gemeenten,
    medewerkers: medewerkersUitBeheer(createBeheerService(db.app, { gemeenten }), 0),
  });
  const verordening = createVerordeningService({ db: db.app, gemeenten, klanten });
  // Aardam imposes, Bergdorp only offers; both: 4–12 hours, at most 6 months, extension at most 3 months.
  const limieten = {
    maxUrenPerWeek: 12,
    maxDuurMaanden: 6,
    verlengingToegestaan: true,
    maxVerlengingMaanden: 3,
  };
  await verordening.createVersie(fb, A, maakVersie({ ...limieten, titel: 'Verordening Aardam 2026' }));
  await verordening.createVersie(
    fb,
    B,
    maakVersie({ ...limieten, vorm: 'aanbieden', titel: 'Verordening Bergdorp 2026' }),
  );
  tp = createTegenprestatiesService({ db: db.app, klanten, netwerk, opleggenToegestaan: () => false });
  service = createOvereenkomstenService({
    db: db.app,
    tegenprestaties: tp,
    klanten,
    netwerk,
    verordening,
    vandaag: () => VANDAAG,
    evaluaties: (actor, id) => uitvoering.evaluatiesVan(actor, id),
  });
  uitvoering = createUitvoeringService({
    db: db.app,
    tegenprestaties: tp,
    klanten,
    afspraakVoorStart: (actor, id) => service.afspraakVoorStart(actor, id),
    bereidIntrekkingVoor: (actor, id, input, reden) => service.bereidIntrekkingVoor(actor, id, input, reden),
    vandaag: () => VANDAAG,
  });
});

/** A running placement (8 h, Monday and Wednesday mornings, 2026-10-05 to 2026-12-31) with its real agreement. */
async function lopendeMetOvereenkomst(km: Gebruiker, gemeenteId: string): Promise<string> {
  const { id } = await insertLopendeTegenprestatie(db.app, {
    km,
    gemeenteId,
    startdatum: '2026-10-05',
    einddatum: '2026-12-31',
    evaluatiedata: ['2026-11-16'],
    tot: 'toetsing',
    tegenprestaties: tp,
  });
  const toets = await service.voerToetsingUit(km, id);
  expect(toets.voldoet).toBe(true);
  if (gemeenteId === A)
    await service.neemBesluit(km, id, {
      datum: '2026-09-20',
      verzenddatum: '2026-09-25',
      ondertekenaar: 'B. en W.',
    });
  await service.legAcceptatieVast(km, id, {
    overeenkomstDatum: '2026-09-28',
    klantGetekendOp: '2026-09-29',
    organisatieGetekendOp: '2026-09-29',
  });
  await tp.voerDeel2OvergangUit(km, id, { naar: 'lopend' });
  return id;
}

const evalueer = (km: Gebruiker, id: string, besluit: 'aanpassen' | 'voortzetten', datum = '2026-11-16') =>
  uitvoering.createEvaluatie(km, id, {
    datum,
    stemKlant: 'Ik wil minder uren, de ochtenden zijn zwaar.',
    conclusie: 'Minder uren past beter.',
    besluit,
  });

const voorstel = (o: Record<string, unknown> = {}) => ({
  urenPerWeek: 6,
  dagdelen: ['ma-ochtend'],
  einddatum: '2026-12-31',
  ingangsdatum: '2026-11-23',
  toelichting: 'Na de evaluatie: minder uren, alleen de maandagochtend.',
  klantAkkoord: true,
  ...o,
});
const getekend = { overeenkomstDatum: VANDAAG, klantGetekendOp: VANDAAG, organisatieGetekendOp: VANDAAG };

describe('a new version after an evaluation with aanpassen (voluntary: Bergdorp)', () => {
  let id: string;
  beforeAll(async () => {
    id = await lopendeMetOvereenkomst(kmB, B);
  });

  it('is refused before an evaluation decided aanpassen, and the page says why', async () => {
    await evalueer(kmB, id, 'voortzetten', '2026-11-09');
    const e = await fout(service.stelVersieVoor(kmB, id, voorstel()));
    expect(e.code).toBe('niet-verwerkbaar');
    expect(e.userMessage).toMatch(/aanpassen/);
    const beeld = await service.aanpassing(kmB, id);
    expect(beeld.kan.voorstellen).toBe(false);
    expect(beeld.waaromNiet).toMatch(/aanpassen/);
    expect(beeld.versies.map((v) => [v.nummer, v.status, v.inKracht])).toEqual([[1, 'bevestigd', true]]);
  });

  it('refuses growth the client does not agree with (voluntary) and keeps nothing', async () => {
    await evalueer(kmB, id, 'aanpassen');
    const f = await velden(
      service.stelVersieVoor(kmB, id, voorstel({ urenPerWeek: 10, klantAkkoord: false })),
    );
    expect(f.klantAkkoord).toMatch(/vrijwillig/);
    expect((await service.aanpassing(kmB, id)).versies).toHaveLength(1);
  });

  it('stores a proposal that changes nothing until the three parties confirm it', async () => {
    const v = await service.stelVersieVoor(kmB, id, voorstel());
    expect(v).toMatchObject({ nummer: 2, status: 'voorgesteld', inKracht: false, verlengingMaanden: null });
    expect(v.vorige).toEqual({
      urenPerWeek: 8,
      dagdelen: ['ma-ochtend', 'wo-ochtend'],
      einddatum: '2026-12-31',
    });
    expect((await tp.findTegenprestatie(kmB, id)).urenPerWeek).toBe(8);
    // One open proposal at a time.
    expect((await fout(service.stelVersieVoor(kmB, id, voorstel({ urenPerWeek: 5 })))).userMessage).toMatch(
      /op bevestiging wacht/,
    );
    // Without the host's signature (there is a host): refused, nothing changes.
    const f = await velden(service.bevestigVersie(kmB, id, 2, { ...getekend, organisatieGetekendOp: '' }));
    expect(Object.keys(f)).toEqual(['organisatieGetekendOp']);
    expect((await tp.findTegenprestatie(kmB, id)).urenPerWeek).toBe(8);
  });

  it('confirmed, the placement gets the new items; version 1 and its PDF keep the old ones', async () => {
    const v = await service.bevestigVersie(kmB, id, 2, getekend);
    expect(v.status).toBe('bevestigd');
    const t = await tp.findTegenprestatie(kmB, id);
    expect([t.urenPerWeek, t.dagdelen, t.status]).toEqual([6, ['ma-ochtend'], 'lopend']);
    const beeld = await service.aanpassing(kmB, id);
    // It takes effect on 2026-11-23: today (2026-11-20) version 1 is still in force.
    expect(beeld.versies.map((x) => [x.nummer, x.status, x.inKracht, x.afspraak.urenPerWeek])).toEqual([
      [1, 'bevestigd', true, 8],
      [2, 'bevestigd', false, 6],
    ]);
    const een = await pdfTekst(await service.versiePdf(kmB, id, 1));
    expect(een).toContain('8 uur per week');
    expect(een).not.toContain('versie 2');
    expect(await pdfTekst(await service.overeenkomstPdf(kmB, id))).toContain('8 uur per week');
    const twee = await pdfTekst(await service.versiePdf(kmB, id, 2));
    expect(twee).toContain('versie 2');
    expect(twee).toContain('6 uur per week');
    expect(twee).toContain('Deze versie vervangt versie 1');
    expect(twee).toContain('23 november 2026');
    expect(twee).toContain('Meedoen is vrijwillig');
    // No change decision where the ordinance only offers.
    expect((await fout(service.wijzigingsbesluitPdf(kmB, id, 2))).code).toBe('niet-verwerkbaar');
  });

  it('one change per evaluation; an extension within the ordinance after a new one', async () => {
    expect((await fout(service.stelVersieVoor(kmB, id, voorstel({ urenPerWeek: 5 })))).userMessage).toMatch(
      /al aangepast/,
    );
    await evalueer(kmB, id, 'aanpassen', VANDAAG);
    const verlengen = { urenPerWeek: 6, dagdelen: ['ma-ochtend'], ingangsdatum: '2026-12-01' };
    // Four months after the original end date: more than the ordinance's three.
    const f = await velden(
      service.stelVersieVoor(kmB, id, voorstel({ ...verlengen, einddatum: '2027-04-01' })),
    );
    expect(f.toetsing).toMatch(/Verlenging/);
    expect(f.toetsing).toMatch(/3 maanden/);
    const v = await service.stelVersieVoor(kmB, id, voorstel({ ...verlengen, einddatum: '2027-03-31' }));
    expect([v.nummer, v.verlengingMaanden]).toEqual([3, 3]);
    expect(v.uitkomsten.find((u) => u.regel === 'verlenging')?.uitkomst).toBe('voldoet');
  });

  it('a withdrawn proposal stays stored with its reason and frees the way for another', async () => {
    const v = await service.trekVersieIn(kmB, id, 3, { reden: 'De klant wil toch niet verlengen.' });
    expect([v.status, v.ingetrokkenReden]).toEqual(['ingetrokken', 'De klant wil toch niet verlengen.']);
    expect((await fout(service.bevestigVersie(kmB, id, 3, getekend))).code).toBe('conflict');
    expect((await fout(service.versiePdf(kmB, id, 3))).code).toBe('niet-gevonden');
    const w = await service.stelVersieVoor(kmB, id, voorstel({ urenPerWeek: 5, ingangsdatum: '2026-12-01' }));
    expect(w.nummer).toBe(4);
    expect((await service.aanpassing(kmB, id)).versies.map((x) => x.status)).toEqual([
      'bevestigd',
      'bevestigd',
      'ingetrokken',
      'voorgesteld',
    ]);
  });

  it('only staff of the placement: another role 403, another municipality 404; reads and changes logged', async () => {
    expect((await fout(service.aanpassing(nm, id))).code).toBe('geen-toegang');
    expect((await fout(service.stelVersieVoor(nm, id, voorstel()))).code).toBe('geen-toegang');
    expect((await fout(service.bevestigVersie(kmA, id, 4, getekend))).code).toBe('niet-gevonden');
    expect((await fout(service.versiePdf(kmA, id, 2))).code).toBe('niet-gevonden');
    const t = await tp.findTegenprestatie(kmB, id);
    const acties = await withContext(db.app, systeemActor('test'), (tx) =>
      tx
        .selectFrom('logboek')
        .select(['actie'])
        .where('subjectId', '=', t.klantId)
        .where('actorId', '=', kmB.gebruikerId)
        .execute(),
    );
    const soorten = new Set(acties.map((a) => a.actie));
    for (const a of ['lezen', 'aanmaken', 'wijzigen', 'exporteren']) expect(soorten).toContain(a);
  });
});

describe('an imposing municipality (Aardam): every change is a new decision', () => {
  let id: string;
  beforeAll(async () => {
    id = await lopendeMetOvereenkomst(kmA, A);
    await evalueer(kmA, id, 'aanpassen');
  });

  it('points growth against the client to the imposing path', async () => {
    const f = await velden(
      service.stelVersieVoor(kmA, id, voorstel({ urenPerWeek: 10, klantAkkoord: false })),
    );
    expect(f.klantAkkoord).toMatch(/voornemen tot opleggen/);
  });

  it('refuses an extension into a period without a recorded legal basis', async () => {
    const f = await velden(
      service.stelVersieVoor(kmA, id, voorstel({ einddatum: '2027-02-28', urenPerWeek: 8 })),
    );
    expect(f.einddatum).toMatch(/grondslag/);
  });

  it('needs the change decision, sent no later than the day it takes effect', async () => {
    await service.stelVersieVoor(kmA, id, voorstel());
    const zonder = await velden(service.bevestigVersie(kmA, id, 2, getekend));
    expect(Object.keys(zonder)).toEqual(['besluitDatum']);
    const teLaat = await velden(
      service.bevestigVersie(kmA, id, 2, {
        ...getekend,
        besluitDatum: VANDAAG,
        verzenddatum: '2026-11-24',
        besluitOndertekenaar: 'B. en W.',
      }),
    );
    expect(teLaat.verzenddatum).toMatch(/3:40/);
    const v = await service.bevestigVersie(kmA, id, 2, {
      ...getekend,
      besluitDatum: VANDAAG,
      verzenddatum: '2026-11-23',
      besluitOndertekenaar: 'B. en W.',
    });
    expect(v.besluit).toEqual({ datum: VANDAAG, verzenddatum: '2026-11-23', ondertekenaar: 'B. en W.' });
    expect(v.waarschuwingen.join(' ')).toMatch(/dagen/);
    const besluit = await pdfTekst(await service.wijzigingsbesluitPdf(kmA, id, 2));
    expect(besluit).toContain('Besluit tot wijziging van de tegenprestatie');
    expect(besluit).toContain('6 uur per week');
    expect(besluit).toContain('23 november 2026');
    expect(besluit).toMatch(/bezwaar/i);
    // The first decision keeps printing the first version's items.
    expect(await pdfTekst(await service.besluitPdf(kmA, id))).toContain('8 uur per week');
  });
});

describe('an imposing municipality: ending or stepping back after the decision was sent revokes it', () => {
  it('an early end (work found) needs the revocation, sent already; its PDF has the objection clause', async () => {
    const id = await lopendeMetOvereenkomst(kmA, A);
    const eind = (intrekking?: { datum: string; verzenddatum: string; ondertekenaar: string }) =>
      uitvoering.createEvaluatie(kmA, id, {
        datum: VANDAAG,
        stemKlant: 'Ik heb werk gevonden.',
        conclusie: 'Beëindigen: betaald werk.',
        besluit: 'beeindigen',
        eind: {
          vervolg: 'betaald-werk',
          afloop: 'beeindigd',
          beeindigingReden: 'werk-gevonden',
          ...(intrekking ? { intrekking } : {}),
        },
      });
    expect(Object.keys(await velden(eind()))).toEqual(
      expect.arrayContaining(['intrekkingDatum', 'intrekkingVerzenddatum']),
    );
    // Not sent yet (tomorrow): the end takes effect now, so it is refused.
    const morgen = await velden(
      eind({ datum: VANDAAG, verzenddatum: '2026-11-21', ondertekenaar: 'B. en W.' }),
    );
    expect(morgen.intrekkingVerzenddatum).toMatch(/3:40/);
    // Before the decision it revokes.
    const vooraf = await velden(
      eind({ datum: '2026-09-19', verzenddatum: '2026-09-19', ondertekenaar: 'B. en W.' }),
    );
    expect(vooraf.intrekkingDatum).toMatch(/vóór het besluit/);
    expect((await tp.findTegenprestatie(kmA, id)).status).toBe('lopend');
    await eind({ datum: VANDAAG, verzenddatum: VANDAAG, ondertekenaar: 'B. en W.' });
    expect((await tp.findTegenprestatie(kmA, id)).status).toBe('beeindigd');
    const beeld = await service.bekijk(kmA, id);
    expect(beeld.stand?.intrekking).toMatchObject({
      datum: VANDAAG,
      verzenddatum: VANDAAG,
      ondertekenaar: 'B. en W.',
    });
    const pdf = await pdfTekst(await service.intrekkingPdf(kmA, id));
    expect(pdf).toContain('Besluit tot intrekking van de tegenprestatie');
    expect(pdf).toContain('Werk gevonden');
    expect(pdf).toContain('20 november 2026');
    expect(pdf).toMatch(/bezwaar/);
  });

  it('a back-step revokes it, and agreeing again needs a new check and a new decision (re-accept)', async () => {
    const { id } = await insertLopendeTegenprestatie(db.app, {
      km: kmA,
      gemeenteId: A,
      startdatum: '2026-12-07',
      einddatum: '2026-12-31',
      evaluatiedata: ['2026-12-21'],
      tot: 'toetsing',
      tegenprestaties: tp,
    });
    await service.voerToetsingUit(kmA, id);
    await service.neemBesluit(kmA, id, {
      datum: '2026-11-16',
      verzenddatum: '2026-11-17',
      ondertekenaar: 'B. en W.',
    });
    const getekendOp = {
      overeenkomstDatum: '2026-11-18',
      klantGetekendOp: '2026-11-18',
      organisatieGetekendOp: '2026-11-18',
    };
    await service.legAcceptatieVast(kmA, id, getekendOp);
    // The step's text says a revocation is needed (the placement page passes the sending date).
    const stand = await service.versieStand(kmA, id);
    expect(stand.besluitVerzonden).toBe('2026-11-17');
    const zonder = await velden(
      uitvoering.wijzigLevensloop(kmA, id, { stap: 'terug-naar-ontwerp', reden: 'Andere startdatum nodig.' }),
    );
    expect(zonder.intrekkingDatum).toMatch(/verzonden op 17 november 2026/);
    expect((await tp.findTegenprestatie(kmA, id)).status).toBe('overeengekomen');
    await uitvoering.wijzigLevensloop(kmA, id, {
      stap: 'terug-naar-ontwerp',
      reden: 'Andere startdatum nodig.',
      intrekking: { datum: VANDAAG, verzenddatum: VANDAAG, ondertekenaar: 'B. en W.' },
    });
    expect((await tp.findTegenprestatie(kmA, id)).status).toBe('ontwerp');
    await tp.wijzigStatus(kmA, id, { naar: 'toetsing' });
    // The revoked decision's run cannot be accepted again.
    const weer = await fout(service.legAcceptatieVast(kmA, id, getekendOp));
    expect(weer.userMessage).toMatch(/ingetrokken/);
    expect((await service.bekijk(kmA, id)).kan.accepteren).toBe(false);
    // A new check, a new decision, then the signed agreement again.
    await service.voerToetsingUit(kmA, id);
    await service.neemBesluit(kmA, id, { datum: VANDAAG, verzenddatum: VANDAAG, ondertekenaar: 'B. en W.' });
    await service.legAcceptatieVast(kmA, id, {
      overeenkomstDatum: VANDAAG,
      klantGetekendOp: VANDAAG,
      organisatieGetekendOp: VANDAAG,
    });
    expect((await tp.findTegenprestatie(kmA, id)).status).toBe('overeengekomen');
  });

  it('a voluntary municipality needs no revocation: the back-step goes as before', async () => {
    const { id } = await insertLopendeTegenprestatie(db.app, {
      km: kmB,
      gemeenteId: B,
      startdatum: '2026-12-07',
      einddatum: '2026-12-31',
      evaluatiedata: ['2026-12-21'],
      tot: 'toetsing',
      tegenprestaties: tp,
    });
    await service.voerToetsingUit(kmB, id);
    await service.legAcceptatieVast(kmB, id, {
      overeenkomstDatum: VANDAAG,
      klantGetekendOp: VANDAAG,
      organisatieGetekendOp: VANDAAG,
    });
    expect((await service.versieStand(kmB, id)).besluitVerzonden).toBeNull();
    await uitvoering.wijzigLevensloop(kmB, id, {
      stap: 'beeindigen-voor-start',
      reden: 'Werk.',
      beeindigingReden: 'werk-gevonden',
    });
    expect((await tp.findTegenprestatie(kmB, id)).status).toBe('beeindigd');
  });
});
