import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_LOGBOEK_KEY, type TestApp, tijdelijkJournaal } from '../../../test/app.ts';
import { ingelogdAls, type TestBrowser } from '../../../test/browser.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker, insertTeam, type TestGebruiker } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { maakKlant } from '../../../test/factories/klanten.ts';
import { insertLopendeTegenprestatie, uitvoeringDiensten } from '../../../test/factories/uitvoering.ts';
import { withContext } from '../../db/context.ts';
import type { InzageOnderdeel } from '../../lib/inzage.ts';
import { type Gebruiker, systeemActor } from '../auth/index.ts';
import { createBeheerService } from '../beheer/index.ts';
import { createGesprekkenService } from '../gesprekken/index.ts';
import { medewerkersUitBeheer } from '../klanten/index.ts';
import { createLogboekService, verifieerLogboek, voerOnderhoudUit } from '../logboek/index.ts';
import { createUitvoeringService } from '../uitvoering/index.ts';
import { REGELS } from '../verordening/index.ts';
import { bestandsJournaal, createPrivacyService, type Inzage } from './index.ts';

/**
 * The AVG art. 15 export covers the data of every module (through the app's own wiring), and the destruction run
 * removes all of it. One client with data everywhere, one other client whose data must never show up.
 */

let t: TestApp;
let dienstId: string;
let A: string;
let km: Gebruiker;
let po: TestGebruiker;
let fb: Gebruiker;
let officer: TestBrowser;
let diensten: ReturnType<typeof uitvoeringDiensten>;

const systeem = () => systeemActor('test:inzage', dienstId);

/** The text of a PDF (every page, whitespace collapsed). */
async function pdfTekst(pdf: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  let tekst = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const inhoud = await (await doc.getPage(i)).getTextContent();
    for (const item of inhoud.items) if ('str' in item) tekst += item.str + (item.hasEOL ? ' ' : '');
    tekst += ' ';
  }
  await doc.destroy();
  return tekst.replace(/\s+/g, ' ');
}

interface Gemaakt {
  klantId: string;
  tegenprestatieId: string;
  activiteitId: string;
  runId: string;
}

/** A client with data in every module; `merk` makes every text of this client recognisable. */
async function klantMetAlles(merk: string): Promise<Gemaakt> {
  const { klanten } = diensten;
  const klantId = (
    await klanten.createKlant(km, maakKlant({ gemeenteId: A, belastbaarheid: { maxUrenPerWeek: 16 } }))
  ).id;
  const gesprekken = createGesprekkenService({ db: t.db.app, klanten, netwerk: diensten.netwerk });
  const g = await gesprekken.createGesprek(km, klantId, {
    datum: '2026-09-01',
    deelnemers: [`Sanne ${merk}`, 'Piet Klant'],
    krachtEnBekwaamheid: `Kracht ${merk}`,
    wensen: `Wens ${merk}`,
    eigenVoorstel: `Voorstel ${merk}`,
    socialeOmgeving: `Omgeving ${merk}`,
    notities: `Notitie ${merk}`,
    afspraken: `Afspraak ${merk}`,
  });
  await gesprekken.createEigenVoorstel(km, g.id, {
    titel: `Eigen idee ${merk}`,
    omschrijving: 'Boodschappen doen voor de buurvrouw.',
    soort: 'zonder-organisatie',
    maatschappelijkNut: false,
    nutMotivering: `Nut ${merk}`,
  });
  const tp = await insertLopendeTegenprestatie(t.db.app, {
    km,
    gemeenteId: A,
    klantId,
    tegenprestaties: diensten.tegenprestaties,
  });
  const uitvoering = createUitvoeringService({
    db: t.db.app,
    tegenprestaties: diensten.tegenprestaties,
    klanten,
    vandaag: () => '2026-11-20',
    afspraakVoorStart: () => Promise.reject(new Error('no start by hand in this test')),
    bereidIntrekkingVoor: () => Promise.reject(new Error('no revocation in this test')),
  });
  await uitvoering.registreerUren(
    km,
    tp.id,
    {
      dagen: [
        { datum: '2026-10-05', uren: 3.5 },
        { datum: '2026-10-07', uren: 0, afwezig: 'ziek', toelichting: `Griep ${merk}` },
      ],
    },
    { bron: 'formulier' },
  );
  await uitvoering.createEvaluatie(km, tp.id, {
    datum: '2026-11-02',
    stemKlant: `Stem ${merk}`,
    visieOrganisatie: `Visie ${merk}`,
    conclusie: `Conclusie ${merk}`,
    besluit: 'voortzetten',
  });
  // The ordinance check, decision and agreement, a cohort proposal and a signal: as their modules store them.
  const runId = await withContext(t.db.app, systeem(), async (tx) => {
    const toetsing = await tx
      .insertInto('verordeningstoetsing')
      .values({
        dienstId,
        gemeenteId: A,
        tegenprestatieId: tp.id,
        versieId: tp.id,
        versie: JSON.stringify({ titel: `Verordening ${merk}` }),
        startdatum: '2026-09-07',
        uitkomsten: JSON.stringify([
          { regel: REGELS[0], uitkomst: 'voldoet', uitleg: 'Goed.', artikel: 'art. 3' },
        ]),
        voldoet: true,
        doorNaam: km.naam,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('overeenkomst')
      .values({
        dienstId,
        gemeenteId: A,
        toetsingId: toetsing.id,
        tegenprestatieId: tp.id,
        besluitDatum: '2026-09-02',
        verzenddatum: '2026-09-03',
        besluitOndertekenaar: `Wethouder ${merk}`,
        overeenkomstDatum: '2026-09-03',
        klantGetekendOp: '2026-09-04',
        organisatieGetekendOp: '2026-09-05',
        acceptatieVastgelegdOp: new Date(),
        startdatum: '2026-09-07',
      })
      .execute();
    const run = await tx
      .insertInto('cohortRun')
      .values({
        dienstId,
        gemeenteId: A,
        k: 5,
        status: 'klaar',
        invoer: JSON.stringify({ klantIds: [klantId] }),
        gestartDoor: fb.gebruikerId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('cohortVoorstel')
      .values({
        dienstId,
        gemeenteId: A,
        runId: run.id,
        klantId,
        activiteitId: tp.activiteitId,
        score: 812,
        redenen: JSON.stringify([`Reden ${merk}`]),
        status: 'afgewezen',
      })
      .execute();
    await tx
      .insertInto('signaal')
      .values({
        dienstId,
        gemeenteId: A,
        gebruikerId: km.gebruikerId,
        soort: 'geen-uren',
        oorzaak: `${tp.id}:2026-11-16`,
        klantId,
        tekst: `Geen uren ${merk}`,
        link: `/tegenprestaties/${tp.id}`,
        datum: '2026-11-16',
      })
      .execute();
    return run.id;
  });
  return { klantId, tegenprestatieId: tp.id, activiteitId: tp.activiteitId, runId };
}

const deel = (inzage: Inzage, onderdeel: string): InzageOnderdeel => {
  const o = inzage.onderdelen.find((x) => x.onderdeel === onderdeel);
  if (!o) throw new Error(`part ${onderdeel} missing`);
  return o;
};

let mijn: Gemaakt;
let ander: Gemaakt;

beforeAll(async () => {
  t = await createTestApp({}, undefined, { tweedeVerbinding: 'weiger' });
  const a = await insertGemeente(t.db.app, { naam: 'Aardam', code: 'GM9931' });
  dienstId = a.dienstId;
  A = a.gemeenteId;
  await createLogboekService(t.db.app).ensureStandaardRegister(systeem(), dienstId);
  const team = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  km = actorVan(
    await insertGebruiker(t.db.app, { dienstId, rol: 'klantmanager', gemeenten: [A], teams: [team] }),
    { gemeenten: [A], teams: [team] },
  );
  fb = actorVan(
    await insertGebruiker(t.db.app, {
      dienstId,
      rol: 'functioneel-beheerder',
      gemeenten: [A],
      wachtwoord: null,
    }),
    { gemeenten: [A] },
  );
  po = await insertGebruiker(t.db.app, { dienstId, rol: 'privacy-officer', gemeenten: [A] });
  officer = await ingelogdAls(t.app, po);
  diensten = uitvoeringDiensten(t.db.app);
  mijn = await klantMetAlles('MIJN');
  ander = await klantMetAlles('ANDER');
});

describe('the article 15 export holds the data of every module', () => {
  let inzage: Inzage;

  beforeAll(async () => {
    await officer.get(`/privacy/verwerkingen/${mijn.klantId}`);
    const res = await officer.post(`/privacy/verwerkingen/${mijn.klantId}/inzage`, { formaat: 'json' });
    expect(res.statusCode).toBe(200);
    inzage = res.json() as Inzage;
  });

  it('has every part, with this client’s content', () => {
    expect(inzage.onderdelen.map((o) => o.onderdeel)).toEqual([
      'gesprekken',
      'eigen-voorstellen',
      'tegenprestaties',
      'tegenprestatie-statussen',
      'toetsingen',
      'besluiten-en-overeenkomsten',
      'uren',
      'uren-wijzigingen',
      'evaluaties',
      'cohort-voorstellen',
      'signalen',
    ]);
    expect(deel(inzage, 'gesprekken').records).toEqual([
      {
        Datum: '2026-09-01',
        'Wie waren erbij': 'Sanne MIJN, Piet Klant',
        'Wat u kunt (kracht en bekwaamheid)': 'Kracht MIJN',
        'Wat u wilt (wensen, ambities en kwaliteiten)': 'Wens MIJN',
        'Uw eigen voorstel': 'Voorstel MIJN',
        'Mensen om u heen (eigen sociale omgeving)': 'Omgeving MIJN',
        Notities: 'Notitie MIJN',
        Afspraken: 'Afspraak MIJN',
      },
    ]);
    expect(deel(inzage, 'eigen-voorstellen').records).toEqual([
      expect.objectContaining({
        Titel: 'Eigen idee MIJN',
        'Nuttig voor de samenleving': false,
        Waarom: 'Nut MIJN',
      }),
    ]);
    const kenmerk = mijn.tegenprestatieId.slice(0, 8).toUpperCase();
    expect(deel(inzage, 'tegenprestaties').records).toEqual([
      expect.objectContaining({
        Kenmerk: kenmerk,
        Status: 'Lopend',
        'Uren per week': 8,
        Begindatum: '2026-09-07',
        'Uw mening': 'Ik wil graag weer iets doen.',
        'Wat daarna (vervolg)': 'Re-integratie',
      }),
    ]);
    expect(deel(inzage, 'tegenprestatie-statussen').records.map((r) => r.Naar)).toEqual([
      'Verkenning',
      'Ontwerp',
      'Toetsing',
      'Overeengekomen',
      'Lopend',
    ]);
    expect(deel(inzage, 'toetsingen').records).toEqual([
      expect.objectContaining({
        Tegenprestatie: kenmerk,
        Verordening: 'Verordening MIJN',
        'Voldoet aan de regels': true,
      }),
    ]);
    const afspraken = deel(inzage, 'besluiten-en-overeenkomsten');
    expect(afspraken.uitleg).toContain('Vraag die dan aan de gemeente');
    expect(afspraken.records).toEqual([
      {
        Tegenprestatie: kenmerk,
        'Datum besluit': '2026-09-02',
        'Besluit verzonden op': '2026-09-03',
        'Besluit ondertekend door': 'Wethouder MIJN',
        'Datum overeenkomst': '2026-09-03',
        'U tekende op': '2026-09-04',
        'De organisatie tekende op': '2026-09-05',
        Begindatum: '2026-09-07',
        'Begonnen op': null,
      },
    ]);
    expect(deel(inzage, 'uren').records).toEqual([
      { Tegenprestatie: kenmerk, Datum: '2026-10-05', Uren: 3.5, Afwezig: null, Toelichting: null },
      { Tegenprestatie: kenmerk, Datum: '2026-10-07', Uren: 0, Afwezig: 'Ziek', Toelichting: 'Griep MIJN' },
    ]);
    expect(
      deel(inzage, 'uren-wijzigingen').records.map((r) => [r.Datum, r.Wat, r.Was, r.Werd, r.Hoe]),
    ).toEqual([
      ['2026-10-05', 'Nieuw', null, '3,5 uur', 'Weekformulier'],
      ['2026-10-07', 'Nieuw', null, 'Ziek (Griep MIJN)', 'Weekformulier'],
    ]);
    expect(deel(inzage, 'evaluaties').records).toEqual([
      expect.objectContaining({
        Datum: '2026-11-02',
        'Wat u zei': 'Stem MIJN',
        'Wat de organisatie zei': 'Visie MIJN',
        Conclusie: 'Conclusie MIJN',
        Besluit: 'Voortzetten',
      }),
    ]);
    expect(deel(inzage, 'cohort-voorstellen').records).toEqual([
      expect.objectContaining({
        'Hoe goed het past (score)': 812,
        Waarom: 'Reden MIJN',
        Besluit: 'Afgewezen',
      }),
    ]);
    // Signals: kind and date only (no text, no recipient).
    expect(deel(inzage, 'signalen').records).toEqual([
      { Datum: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), Soort: 'Geen uren in 3 weken' },
    ]);
  });

  it('holds nothing of the other client, and no staff names', () => {
    const json = JSON.stringify(inzage);
    expect(json).not.toContain('ANDER');
    expect(json).not.toContain(ander.tegenprestatieId.slice(0, 8).toUpperCase());
    // Staff names stay out of the modules' parts (who registered hours, wrote an evaluation, moved a design); the
    // client file itself names the client's own klantmanager.
    expect(JSON.stringify(inzage.onderdelen)).not.toContain(km.naam);
    expect(json).not.toContain('Geen uren MIJN');
  });

  it('renders every part in the PDF with plain Dutch headings', async () => {
    const res = await officer.post(`/privacy/verwerkingen/${mijn.klantId}/inzage`, { formaat: 'pdf' });
    expect(res.statusCode).toBe(200);
    const tekst = await pdfTekst(res.rawPayload);
    for (const kop of [
      'Gesprekken met u',
      'Uw eigen voorstellen',
      'Uw tegenprestatie',
      'Hoe uw tegenprestatie veranderde',
      'Toets aan de regels van de gemeente',
      'Besluit en overeenkomst',
      'Uw uren',
      'Wijzigingen van uw uren',
      'Gesprekken over hoe het gaat (evaluaties)',
      'Voorstellen voor een activiteit',
      'Herinneringen voor medewerkers over u',
      'Wanneer uw gegevens zijn gebruikt',
    ])
      expect(tekst, kop).toContain(kop);
    for (const inhoud of [
      'Kracht MIJN',
      'Afspraak MIJN',
      'Stem MIJN',
      'Griep MIJN',
      'Wethouder MIJN',
      'Reden MIJN',
    ])
      expect(tekst, inhoud).toContain(inhoud);
    expect(tekst).toContain('4 september 2026');
    expect(tekst).toContain('3,5');
    expect(tekst).not.toContain('ANDER');
  });

  it('logs the export and each module’s read under avg-inzage', async () => {
    const log = await withContext(t.db.app, systeem(), (tx) =>
      tx
        .selectFrom('logboek')
        .select(['actie', 'actorId', 'actorReden', 'verwerkingsactiviteitId'])
        .where('subjectId', '=', mijn.klantId)
        .where('verwerkingsactiviteitId', '=', 'va-privacyverzoeken')
        .execute(),
    );
    expect(
      log.filter((l) => l.actie === 'exporteren' && l.actorId === po.gebruikerId).length,
    ).toBeGreaterThan(0);
    // Per export: the client file plus the six modules, as the system under avg-inzage.
    expect(
      log.filter((l) => l.actie === 'lezen' && l.actorId === 'systeem' && l.actorReden === 'avg-inzage')
        .length,
    ).toBeGreaterThanOrEqual(7);
  });

  it('is for the system context only: a caseworker cannot call a module’s read', async () => {
    const gesprekken = createGesprekkenService({
      db: t.db.app,
      klanten: diensten.klanten,
      netwerk: diensten.netwerk,
    });
    await expect(
      withContext(t.db.app, { kind: 'systeem', reden: 'test', dienstId }, (tx) =>
        gesprekken.inzageVoorKlant(km, mijn.klantId, { tx, gemeenteId: A }),
      ),
    ).rejects.toMatchObject({ code: 'geen-toegang' });
  });
});

describe('destruction removes the data of every module', () => {
  it('leaves nothing but the log’s pseudonymous references; the other client and the host stay; the log verifies', async () => {
    const gemeenten = diensten.gemeenten;
    const privacy = createPrivacyService({
      db: t.db.app,
      journaal: bestandsJournaal(tijdelijkJournaal()),
      klanten: diensten.klanten,
      logboek: createLogboekService(t.db.app),
      gemeenten,
      medewerkers: medewerkersUitBeheer(createBeheerService(t.db.app, { gemeenten }), 0),
    });
    await privacy.zetBewaartermijn(fb, A, { maanden: 12, grondslag: 'Selectielijst 2020, resultaat 12.1.1' });
    await diensten.klanten.sluitDossier(km, mijn.klantId, { per: '2020-01-15' });
    const lijst = await privacy.stelVernietigingslijstVoor(fb, A);
    expect(lijst?.aantal).toBe(1);
    expect(await privacy.keurVernietigingslijstGoed(fb, lijst!.id)).toEqual({ vernietigd: 1 });

    const ids = [mijn.klantId, mijn.tegenprestatieId];
    const sporen = await withContext(t.db.owner, { kind: 'systeem', reden: 'test', dienstId }, async (tx) => {
      const kolommen = await sql<{ tabel: string; kolom: string }>`
        SELECT c.table_name AS tabel, c.column_name AS kolom FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
          AND c.table_name NOT LIKE 'logboek%'
          AND c.data_type IN ('uuid', 'text', 'jsonb', 'ARRAY', 'character varying')`.execute(tx);
      const gevonden: string[] = [];
      for (const { tabel, kolom } of kolommen.rows)
        for (const zoek of [...ids, 'MIJN']) {
          const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(tabel)}
            WHERE ${sql.ref(kolom)}::text LIKE ${`%${zoek}%`}`.execute(tx);
          if ((r.rows[0]?.n ?? 0) > 0)
            gevonden.push(`${tabel}.${kolom} (${zoek === 'MIJN' ? 'tekst' : 'id'})`);
        }
      return gevonden;
    });
    expect(sporen).toEqual([]);
    // The place the design held is free again.
    expect((await diensten.netwerk.findActiviteit(systeem(), mijn.activiteitId)).plaatsenBezet).toBe(0);

    // The other client keeps everything; the host organisation and its activity stay.
    await officer.get(`/privacy/verwerkingen/${ander.klantId}`);
    const res = await officer.post(`/privacy/verwerkingen/${ander.klantId}/inzage`, { formaat: 'json' });
    const overig = res.json() as Inzage;
    for (const o of overig.onderdelen) expect(o.records.length, o.onderdeel).toBeGreaterThan(0);
    expect((await diensten.netwerk.findActiviteit(systeem(), mijn.activiteitId)).id).toBe(mijn.activiteitId);

    await voerOnderhoudUit(t.db.owner, { sleutel: TEST_LOGBOEK_KEY });
    const v = await verifieerLogboek(t.db.owner, { sleutel: TEST_LOGBOEK_KEY });
    expect(v.bevindingen).toEqual([]);
    expect(v.ok).toBe(true);
  });
});
