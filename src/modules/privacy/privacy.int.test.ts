import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  TEST_BSN_ENCRYPTION_KEYS,
  TEST_BSN_HASH_KEY,
  TEST_LOGBOEK_KEY,
  tijdelijkJournaal,
} from '../../../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker, insertTeam } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { maakKlant } from '../../../test/factories/klanten.ts';
import { insertOrganisatie } from '../../../test/factories/netwerk.ts';
import { type DbContext, withContext } from '../../db/context.ts';
import { AppError } from '../../http/app-error.ts';
import type { Gebruiker } from '../auth/index.ts';
import { createBeheerService } from '../beheer/index.ts';
import { createGemeentenService } from '../gemeenten/index.ts';
import {
  createKlantenService,
  type KlantenService,
  medewerkersUitBeheer,
  parseBsnSleutels,
} from '../klanten/index.ts';
import { createLogboekService, verifieerLogboek, voerOnderhoudUit } from '../logboek/index.ts';
import {
  bestandsJournaal,
  createPrivacyService,
  inzagePdf,
  leesJournaal,
  type PrivacyDeps,
  type PrivacyService,
} from './index.ts';

let db: TestDatabase;
let klanten: KlantenService;
let privacy: PrivacyService;
let deps: PrivacyDeps;
let dienstId: string;
let A: string;
let B: string;
let km: Gebruiker;
let kmB: Gebruiker;
let po: Gebruiker;
let fb: Gebruiker;

const BSN = '111222333';

async function medewerker(rol: Gebruiker['rol'], gemeenten: string[], teams: string[] = []) {
  const g = await insertGebruiker(db.app, { dienstId, rol, gemeenten, teams, wachtwoord: null });
  return actorVan(g, { gemeenten, teams, rol });
}

const systeem = (): DbContext => ({ kind: 'systeem', reden: 'test:privacy', dienstId });

async function logregels(subjectId: string) {
  return withContext(db.app, systeem(), (tx) =>
    tx
      .selectFrom('logboek')
      .select(['actie', 'actorId', 'actorReden', 'rol', 'subjectType', 'verwerkingsactiviteitId'])
      .where('subjectId', '=', subjectId)
      .orderBy('tijdstip')
      .orderBy('volgnummer')
      .execute(),
  );
}

async function fout(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('verwachtte een fout');
}

/** A client with data in every client table (special categories included). */
async function volledigeKlant(gemeenteId: string, bsn?: string) {
  const actor = gemeenteId === A ? km : kmB;
  const vaardigheid = await klanten.createVaardigheid(fb, { naam: `Koken ${Math.random()}` });
  const interesse = await klanten.createInteresse(fb, { naam: `Tuinieren ${Math.random()}` });
  const k = await klanten.createKlant(
    actor,
    maakKlant({
      gemeenteId,
      ...(bsn ? { bsn } : {}),
      zorgtaken: 'Mantelzorg voor moeder',
      werk: [{ omschrijving: 'Supermarkt', urenPerWeek: 8 }],
      reintegratie: [{ omschrijving: 'Taalcursus', begindatum: '2024-01-01' }],
      belastbaarheid: { maxUrenPerWeek: 12, beperkingen: ['werktijden'] },
      vaardigheidIds: [vaardigheid.id],
      interesseIds: [interesse.id],
    }),
  );
  await klanten.createOntheffing(actor, k.id, {
    type: 'dringende-redenen',
    reden: 'Tijdelijk ziek',
    begindatum: '2024-02-01',
    einddatum: '2024-08-01',
  });
  const organisatie = await insertOrganisatie(db.app, {
    dienstId,
    gemeenten: [gemeenteId],
    naam: 'Buurthuis De Linde',
  });
  await klanten.koppelNetwerkOrganisatie(actor, k.id, organisatie.id, 'Oom is er vrijwilliger');
  return k;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const ga = await insertGemeente(db.app, { naam: 'Aardam' });
  dienstId = ga.dienstId;
  A = ga.gemeenteId;
  B = (await insertGemeente(db.app, { dienstId, naam: 'Bergdorp' })).gemeenteId;
  const team = (await insertTeam(db.app, { dienstId, gemeenten: [A] })).teamId;
  const teamB = (await insertTeam(db.app, { dienstId, gemeenten: [B] })).teamId;
  km = await medewerker('klantmanager', [A], [team]);
  kmB = await medewerker('klantmanager', [B], [teamB]);
  po = await medewerker('privacy-officer', [A]);
  fb = await medewerker('functioneel-beheerder', [A, B]);
  const gemeenten = createGemeentenService(db.app);
  const medewerkers = medewerkersUitBeheer(createBeheerService(db.app, { gemeenten }), 0);
  klanten = createKlantenService({
    db: db.app,
    bsnSleutels: parseBsnSleutels(TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY),
    gemeenten,
    medewerkers,
  });
  deps = {
    db: db.app,
    journaal: bestandsJournaal(tijdelijkJournaal()),
    klanten,
    logboek: createLogboekService(db.app),
    gemeenten,
    medewerkers,
  };
  privacy = createPrivacyService(deps);
});

describe('the privacy officer finds a client without opening the file', () => {
  it('by klantnummer or exact BSN: id, klantnummer and municipality only; the lookup is logged', async () => {
    const k = await volledigeKlant(A, BSN);
    const opNummer = await privacy.zoekKlant(po, { klantnummer: k.klantnummer! });
    expect(opNummer).toEqual([{ id: k.id, klantnummer: k.klantnummer, gemeente: { id: A, naam: 'Aardam' } }]);
    expect(await privacy.zoekKlant(po, { bsn: BSN })).toEqual(opNummer);
    const regels = await logregels(k.id);
    expect(regels.filter((r) => r.actorId === po.gebruikerId)).toEqual([
      expect.objectContaining({
        actie: 'lezen',
        rol: 'privacy-officer',
        verwerkingsactiviteitId: 'va-privacyverzoeken',
      }),
      expect.objectContaining({
        actie: 'lezen',
        rol: 'privacy-officer',
        verwerkingsactiviteitId: 'va-privacyverzoeken',
      }),
    ]);
  });

  it('finds nothing outside the officer municipalities, and names the field of an invalid BSN', async () => {
    const kB = await volledigeKlant(B);
    expect(await privacy.zoekKlant(po, { klantnummer: kB.klantnummer! })).toEqual([]);
    expect((await fout(privacy.findVerwerkingen(po, kB.id))).status).toBe(404);
    const e = await fout(privacy.zoekKlant(po, { bsn: '123456789' }));
    expect(e.status).toBe(400);
    expect((e as AppError & { velden: Record<string, string> }).velden).toHaveProperty('bsn');
  });

  it('is refused to every other role', async () => {
    for (const actor of [km, fb]) {
      expect((await fout(privacy.zoekKlant(actor, { klantnummer: 'K-1' }))).status).toBe(403);
      expect((await fout(privacy.findVerwerkingen(actor, A))).status).toBe(403);
      expect((await fout(privacy.maakInzage(actor, A))).status).toBe(403);
    }
    expect((await fout(privacy.listBewaartermijnen(po))).status).toBe(403);
  });

  it("row-level security: the officer's context reads the log of their municipalities, never client tables", async () => {
    const k = await volledigeKlant(A, '222333443');
    const ctx: DbContext = {
      kind: 'gebruiker',
      dienstId,
      gebruikerId: po.gebruikerId,
      rol: 'privacy-officer',
      gemeenten: [A],
    };
    await withContext(db.app, ctx, async (tx) => {
      for (const tabel of [
        'klant',
        'klant_werk',
        'klant_reintegratie',
        'klant_vaardigheid',
        'klant_interesse',
        'klant_netwerk_organisatie',
        'klant_belastbaarheid',
        'klant_ontheffing',
      ]) {
        const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(tabel)}`.execute(tx);
        expect(r.rows[0]?.n, tabel).toBe(0);
      }
      const log = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM logboek WHERE subject_id = ${k.id}`.execute(tx);
      expect(log.rows[0]?.n).toBeGreaterThan(0);
    });
    // The klantmanager's context still reads the client.
    expect((await klanten.findKlant(km, k.id)).id).toBe(k.id);
  });
});

describe('who looked at this client, when and why', () => {
  it('lists reads, changes and BSN reveals with name, action and processing activity; filters and pages', async () => {
    const k = await volledigeKlant(A, '333444553');
    await klanten.findKlant(km, k.id);
    await klanten.toonBsn(km, k.id);
    const r = await privacy.findVerwerkingen(po, k.id);
    expect(r.klant).toEqual({ id: k.id, klantnummer: k.klantnummer, gemeente: { id: A, naam: 'Aardam' } });
    const vanKm = r.items.filter((v) => v.medewerker.id === km.gebruikerId);
    expect(vanKm.map((v) => [v.actie, v.wat])).toEqual(
      expect.arrayContaining([
        ['lezen', 'bsn'],
        ['lezen', 'dossier'],
        ['aanmaken', 'dossier'],
        ['wijzigen', 'dossier'],
      ]),
    );
    expect(vanKm[0]?.verwerkingsactiviteit).toEqual({
      id: 'va-klantdossier-tegenprestatie',
      naam: 'Klantdossier tegenprestatie',
    });
    // The name as the staff register has it (the factory's), not a placeholder.
    expect(vanKm[0]?.medewerker.naam).toMatch(/^Medewerker [0-9a-f]+$/);
    expect(r.medewerkers.map((m) => m.id)).toEqual(expect.arrayContaining([km.gebruikerId, po.gebruikerId]));
    // Newest first.
    const tijden = r.items.map((v) => v.tijdstip);
    expect([...tijden].sort().reverse()).toEqual(tijden);

    const alleenAanmaken = await privacy.findVerwerkingen(po, k.id, { actie: 'aanmaken' });
    expect(alleenAanmaken.items.map((v) => v.actie)).toEqual(['aanmaken']);
    const alleenKm = await privacy.findVerwerkingen(po, k.id, { actorId: km.gebruikerId });
    expect(alleenKm.items.every((v) => v.medewerker.id === km.gebruikerId)).toBe(true);
    expect((await privacy.findVerwerkingen(po, k.id, { van: '2099-01-01' })).totaal).toBe(0);
    expect((await privacy.findVerwerkingen(po, k.id, { tot: '2000-01-01' })).totaal).toBe(0);
    const p2 = await privacy.findVerwerkingen(po, k.id, { paginaGrootte: 2, pagina: 2 });
    expect(p2.items).toHaveLength(2);
    expect(p2.aantalPaginas).toBeGreaterThanOrEqual(3);
  });

  it('exports the result as CSV and logs the export', async () => {
    const k = await volledigeKlant(A);
    await klanten.findKlant(km, k.id);
    const { csv } = await privacy.exporteerVerwerkingen(po, k.id, { actie: 'lezen' });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const regels = csv.slice(1).trimEnd().split('\r\n');
    expect(regels[0]).toBe('Tijdstip;Medewerker;Rol;Handeling;Gegevens;Verwerkingsactiviteit;Code');
    expect(regels.some((r) => r.includes('Bekeken;Dossier;Klantdossier tegenprestatie'))).toBe(true);
    expect((await logregels(k.id)).at(-1)).toMatchObject({
      actie: 'exporteren',
      actorId: po.gebruikerId,
      verwerkingsactiviteitId: 'va-privacyverzoeken',
    });
  });
});

describe('the AVG article 15 export', () => {
  it('holds all data, the log as dates and processing activities without staff, and is logged', async () => {
    const k = await volledigeKlant(A, '444555663');
    await klanten.findKlant(km, k.id);
    const inzage = await privacy.maakInzage(po, k.id);
    expect(inzage.gemeente).toBe('Aardam');
    expect(inzage.gegevens).toMatchObject({
      klantnummer: k.klantnummer,
      bsn: '444555663',
      zorgtaken: 'Mantelzorg voor moeder',
      belastbaarheid: { maxUrenPerWeek: 12, beperkingen: ['werktijden'] },
      werk: [expect.objectContaining({ omschrijving: 'Supermarkt' })],
      reintegratie: [expect.objectContaining({ omschrijving: 'Taalcursus' })],
      ontheffingen: [expect.objectContaining({ reden: 'Tijdelijk ziek' })],
    });
    expect(inzage.gegevens.vaardigheden).toHaveLength(1);
    expect(inzage.gegevens.interesses).toHaveLength(1);
    expect(inzage.gegevens.netwerkOrganisaties).toEqual([
      expect.objectContaining({ naam: 'Buurthuis De Linde', toelichting: 'Oom is er vrijwilliger' }),
    ]);
    expect(inzage.verwerkingen.length).toBeGreaterThan(2);
    expect(Object.keys(inzage.verwerkingen[0]!).sort()).toEqual([
      'datum',
      'handeling',
      'verwerkingsactiviteit',
    ]);
    expect(inzage.verwerkingsactiviteiten.map((v) => v.id)).toContain('va-klantdossier-tegenprestatie');
    // No staff names or ids anywhere in the log part (CJEU C-579/21); the klantmanager's id nowhere at all.
    const json = JSON.stringify(inzage);
    for (const m of [km, po]) expect(json).not.toContain(m.gebruikerId);
    expect(JSON.stringify(inzage.verwerkingen)).not.toContain(km.naam);
    const regels = await logregels(k.id);
    expect(regels.slice(-2)).toEqual([
      expect.objectContaining({ actie: 'lezen', actorId: 'systeem', actorReden: 'avg-inzage' }),
      expect.objectContaining({
        actie: 'exporteren',
        actorId: po.gebruikerId,
        verwerkingsactiviteitId: 'va-privacyverzoeken',
      }),
    ]);

    const pdf = await inzagePdf(inzage);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const tekst = pdf.toString('latin1');
    expect(tekst).toContain('pdfaid:part');
    expect(tekst).toContain('/Lang');
    expect(tekst).toMatch(/DejaVuSans/);
  });

  it('answers 404 for a client outside the officer municipalities', async () => {
    const kB = await volledigeKlant(B);
    expect((await fout(privacy.maakInzage(po, kB.id))).status).toBe(404);
  });
});

describe('retention and the destruction list', () => {
  it('destroys nothing until a period is set', async () => {
    expect(await privacy.stelVernietigingslijstVoor(fb, B)).toBeNull();
    const termijnen = await privacy.listBewaartermijnen(fb);
    expect(termijnen.find((t) => t.gemeente.id === B)?.maanden).toBeNull();
  });

  it('removes every trace of an expired client except the log references; the log still verifies', async () => {
    await privacy.zetBewaartermijn(fb, A, { maanden: 12, grondslag: 'Selectielijst 2020, resultaat 12.1.1' });
    const weg = await volledigeKlant(A, '555666773');
    const recent = await volledigeKlant(A);
    const open = await volledigeKlant(A);
    await klanten.sluitDossier(km, weg.id, { per: '2020-01-15' });
    await klanten.sluitDossier(km, recent.id);
    // An import report line that mentions the klantnummer.
    await withContext(db.app, systeem(), async (tx) => {
      const { id } = await tx
        .insertInto('klantImport')
        .values({
          dienstId,
          gemeenteId: A,
          gestartDoorNaam: 'Test',
          bestandsnaam: 'klanten.csv',
          codering: 'utf-8',
          scheidingsteken: ';',
          kolommen: [],
          onbekendeKolommen: [],
          totaal: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('klantImportRij')
        .values({
          dienstId,
          gemeenteId: A,
          importId: id,
          rij: 1,
          klantnummer: weg.klantnummer,
          proef: 'bijwerken',
        })
        .execute();
    });

    const lijst = await privacy.stelVernietigingslijstVoor(fb, A);
    expect(lijst).toMatchObject({ status: 'voorgesteld', aantal: 1, bewaartermijnMaanden: 12 });
    const { klanten: regels } = await privacy.findVernietigingslijst(fb, lijst!.id);
    expect(regels).toEqual([
      expect.objectContaining({
        klantId: weg.id,
        klantnummer: weg.klantnummer,
        vernietigenVanaf: '2021-01-15',
      }),
    ]);
    // Not by the privacy officer or a klantmanager.
    expect((await fout(privacy.keurVernietigingslijstGoed(po, lijst!.id))).status).toBe(403);
    expect((await fout(privacy.keurVernietigingslijstGoed(km, lijst!.id))).status).toBe(403);

    expect(await privacy.keurVernietigingslijstGoed(fb, lijst!.id)).toEqual({ vernietigd: 1 });
    expect((await fout(privacy.keurVernietigingslijstGoed(fb, lijst!.id))).status).toBe(409);

    // Every table, every column that can hold text or an id: no trace of the client, except the access log.
    const sporen = await withContext(db.owner, systeem(), async (tx) => {
      const kolommen = await sql<{ tabel: string; kolom: string }>`
        SELECT c.table_name AS tabel, c.column_name AS kolom FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
          AND c.table_name NOT LIKE 'logboek%'
          AND c.data_type IN ('uuid', 'text', 'jsonb', 'ARRAY', 'character varying')`.execute(tx);
      const gevonden: string[] = [];
      for (const { tabel, kolom } of kolommen.rows) {
        const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(tabel)}
          WHERE ${sql.ref(kolom)}::text LIKE ${`%${weg.id}%`} OR ${sql.ref(kolom)}::text = ${weg.klantnummer}
            OR ${sql.ref(kolom)}::text LIKE ${`%${weg.klantnummer}%`}`.execute(tx);
        if ((r.rows[0]?.n ?? 0) > 0) gevonden.push(`${tabel}.${kolom}`);
      }
      return gevonden;
    });
    expect(sporen).toEqual([]);
    expect(
      await withContext(db.app, systeem(), (tx) =>
        tx.selectFrom('klant').select('id').where('id', '=', weg.id).execute(),
      ),
    ).toEqual([]);

    // The log keeps its pseudonymous references and records the destruction.
    const log = await logregels(weg.id);
    expect(log.length).toBeGreaterThan(3);
    expect(log.at(-1)).toMatchObject({
      actie: 'verwijderen',
      actorId: fb.gebruikerId,
      verwerkingsactiviteitId: 'va-bewaartermijnen',
    });
    // The others stay.
    expect((await klanten.findKlant(km, recent.id)).id).toBe(recent.id);
    expect((await klanten.findKlant(km, open.id)).id).toBe(open.id);
    // The approved list keeps counts only.
    const na = await privacy.findVernietigingslijst(fb, lijst!.id);
    expect(na.lijst).toMatchObject({ status: 'goedgekeurd', aantalVernietigd: 1 });
    expect(na.klanten).toEqual([]);

    await voerOnderhoudUit(db.owner, { sleutel: TEST_LOGBOEK_KEY });
    const v = await verifieerLogboek(db.owner, { sleutel: TEST_LOGBOEK_KEY });
    expect(v.bevindingen).toEqual([]);
    expect(v.ok).toBe(true);
  });

  it('skips a file reopened after the proposal, and the monthly run proposes per municipality', async () => {
    const k = await volledigeKlant(A);
    await klanten.sluitDossier(km, k.id, { per: '2019-05-01' });
    const lijst = await privacy.stelVernietigingslijstVoor(fb, A);
    expect(lijst?.aantal).toBe(1);
    await klanten.sluitDossier(km, k.id, { gesloten: false });
    expect(await privacy.keurVernietigingslijstGoed(fb, lijst!.id)).toEqual({ vernietigd: 0 });
    expect((await klanten.findKlant(km, k.id)).id).toBe(k.id);

    const uitkomst = await privacy.stelVernietigingslijstenVoor('test:maandelijks');
    expect(uitkomst).toEqual(
      expect.arrayContaining([
        { gemeente: 'Aardam', aantal: 0 },
        { gemeente: 'Bergdorp', aantal: null },
      ]),
    );
  });

  it('destroys nothing when the destruction journal cannot be written (fail closed), and writes it before the commit', async () => {
    const k = await volledigeKlant(A);
    await klanten.sluitDossier(km, k.id, { per: '2018-02-01' });
    const lijst = await privacy.stelVernietigingslijstVoor(fb, A);
    expect(lijst?.aantal).toBe(1);
    const zonderJournaal = createPrivacyService({
      ...deps,
      journaal: {
        pad: '/kan/niet',
        schrijf: async () => {
          throw new Error('schijf vol');
        },
        maakAan: async () => {},
      },
    });
    await expect(zonderJournaal.keurVernietigingslijstGoed(fb, lijst!.id)).rejects.toThrow('schijf vol');
    expect((await klanten.findKlant(km, k.id)).id).toBe(k.id);
    expect((await privacy.findVernietigingslijst(fb, lijst!.id)).lijst.status).toBe('voorgesteld');

    // The line is written inside the transaction: the file is still there when the journal is called.
    const gezien: boolean[] = [];
    const pad = tijdelijkJournaal();
    const echt = bestandsJournaal(pad);
    const metJournaal = createPrivacyService({
      ...deps,
      journaal: {
        pad,
        schrijf: async (regel) => {
          gezien.push(
            await withContext(db.app, systeem(), async (tx) =>
              Boolean(await tx.selectFrom('klant').select('id').where('id', '=', k.id).executeTakeFirst()),
            ),
          );
          await echt.schrijf(regel);
        },
        maakAan: () => echt.maakAan(),
      },
    });
    expect(await metJournaal.keurVernietigingslijstGoed(fb, lijst!.id)).toEqual({ vernietigd: 1 });
    expect(gezien).toEqual([true]);
    expect(await leesJournaal(pad)).toEqual([
      expect.objectContaining({ lijstId: lijst!.id, gemeenteId: A, maanden: 12, klantIds: [k.id] }),
    ]);
  });
});
