import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY } from '../../../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker, insertTeam } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { maakKlant } from '../../../test/factories/klanten.ts';
import { withContext } from '../../db/context.ts';
import { AppError } from '../../http/app-error.ts';
import { type Gebruiker, systeemActor } from '../auth/index.ts';
import { createBeheerService } from '../beheer/index.ts';
import { createGemeentenService } from '../gemeenten/index.ts';
import { createLogboekService } from '../logboek/index.ts';
import { parseBsnSleutels } from './bsn.ts';
import { createKlantenService, type KlantenService, KlantInvoerfout, medewerkersUitBeheer } from './index.ts';

const VANDAAG = '2026-06-01';

let db: TestDatabase;
let service: KlantenService;
let dienstId: string;
let A: string;
let B: string;
let wijkCentrum: string;
let wijkStratum: string;
let km1: Gebruiker;
let km2: Gebruiker;
let km3: Gebruiker;
let tl: Gebruiker;
let nm: Gebruiker;
let po: Gebruiker;
let fb: Gebruiker;
let kmB: Gebruiker;

async function medewerker(rol: Gebruiker['rol'], gemeenten: string[], teams: string[]): Promise<Gebruiker> {
  const g = await insertGebruiker(db.app, { dienstId, rol, gemeenten, teams, wachtwoord: null });
  return actorVan(g, { gemeenten, teams, rol });
}

/** Access-log entries about a subject (read in a system context, as the privacy officer's pages do). */
async function logregels(subjectId: string) {
  return withContext(db.app, { kind: 'systeem', reden: 'test:logboek', dienstId }, (tx) =>
    tx
      .selectFrom('logboek')
      .select(['actie', 'actorId', 'rol', 'subjectType', 'verwerkingsactiviteitId', 'gemeenteId'])
      .where('subjectId', '=', subjectId)
      .orderBy('tijdstip')
      .orderBy('volgnummer')
      .execute(),
  );
}

async function fout(p: Promise<unknown>): Promise<KlantInvoerfout | AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('verwachtte een fout');
}

beforeAll(async () => {
  db = await createTestDatabase();
  const ga = await insertGemeente(db.app);
  dienstId = ga.dienstId;
  A = ga.gemeenteId;
  B = (await insertGemeente(db.app, { dienstId })).gemeenteId;
  const gemeenten = createGemeentenService(db.app);
  const sys = systeemActor('test', dienstId);
  await createLogboekService(db.app).ensureStandaardRegister(sys, dienstId);
  wijkCentrum = await gemeenten.ensureWijk(sys, dienstId, {
    gemeenteId: A,
    naam: 'Centrum',
    postcodes: ['5611'],
  });
  wijkStratum = await gemeenten.ensureWijk(sys, dienstId, {
    gemeenteId: A,
    naam: 'Stratum',
    postcodes: ['5614'],
  });
  const t1 = (await insertTeam(db.app, { dienstId, gemeenten: [A] })).teamId;
  const t2 = (await insertTeam(db.app, { dienstId, gemeenten: [A] })).teamId;
  const tB = (await insertTeam(db.app, { dienstId, gemeenten: [B] })).teamId;
  km1 = await medewerker('klantmanager', [A], [t1]);
  km2 = await medewerker('klantmanager', [A], [t1]);
  km3 = await medewerker('klantmanager', [A], [t2]);
  tl = await medewerker('teamleider', [A], [t1, t2]);
  nm = await medewerker('netwerkmakelaar', [A], []);
  po = await medewerker('privacy-officer', [A], []);
  fb = await medewerker('functioneel-beheerder', [A], []);
  kmB = await medewerker('klantmanager', [B], [tB]);
  service = createKlantenService({
    db: db.app,
    bsnSleutels: parseBsnSleutels(TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY),
    gemeenten,
    medewerkers: medewerkersUitBeheer(createBeheerService(db.app, { gemeenten }), 0),
    vandaag: () => VANDAAG,
  });
});

describe('createKlant', () => {
  it('registers a client for the klantmanager, derives the wijk, encrypts the BSN and logs the creation', async () => {
    const k = await service.createKlant(
      km1,
      maakKlant({ gemeenteId: A, bsn: '111 222 333', postcode: '5611ab', werk: [{ urenPerWeek: 12 }] }),
    );
    expect(k.klantmanager?.id).toBe(km1.gebruikerId);
    expect(k.postcode).toBe('5611 AB');
    expect(k.wijk).toEqual({ id: wijkCentrum, naam: 'Centrum' });
    expect(k.wijkHandmatig).toBe(false);
    expect(k.bsnGemaskeerd).toBe('*****2333');
    expect(JSON.stringify(k)).not.toContain('111222333');
    expect(k.toepasselijkheid).toBe('van-toepassing');
    expect(k.toepasselijkheidDetail.resterendeUren).toBe(16);
    const opgeslagen = await withContext(db.app, { kind: 'systeem', reden: 'test', dienstId }, (tx) =>
      tx
        .selectFrom('klant')
        .select(['bsnVersleuteld', 'bsnHash', 'toepasselijkheid'])
        .where('id', '=', k.id)
        .executeTakeFirstOrThrow(),
    );
    expect(opgeslagen.bsnVersleuteld).toMatch(/^v1:/);
    expect(opgeslagen.bsnVersleuteld).not.toContain('111222333');
    expect(opgeslagen.toepasselijkheid).toBe('van-toepassing');
    expect(await logregels(k.id)).toEqual([
      {
        actie: 'aanmaken',
        actorId: km1.gebruikerId,
        rol: 'klantmanager',
        subjectType: 'klant',
        verwerkingsactiviteitId: 'va-klantdossier-tegenprestatie',
        gemeenteId: A,
      },
    ]);
  });

  it('keeps free text exactly as sent, and refuses NUL and unpaired surrogates naming the field', async () => {
    const precies = '  Ömer 🙂 אבג\tvan  ';
    const k = await service.createKlant(
      km1,
      maakKlant({ gemeenteId: A, voornamen: precies, eigenNetwerk: ' x ' }),
    );
    expect(k.voornamen).toBe(precies);
    expect(k.eigenNetwerk).toBe(' x ');
    const nul = await fout(service.createKlant(km1, maakKlant({ gemeenteId: A, zorgtaken: 'a\u0000b' })));
    expect((nul as KlantInvoerfout).velden).toEqual({ zorgtaken: expect.stringContaining('NUL') });
    const surrogaat = await fout(
      service.createKlant(km1, maakKlant({ gemeenteId: A, achternaam: 'X\ud800' })),
    );
    expect(Object.keys((surrogaat as KlantInvoerfout).velden)).toEqual(['achternaam']);
  });

  it('names the field for a bad BSN, an impossible date and an unknown municipality — without echoing the BSN', async () => {
    const bsn = await fout(service.createKlant(km1, maakKlant({ gemeenteId: A, bsn: '123456789' })));
    expect(bsn).toBeInstanceOf(KlantInvoerfout);
    expect((bsn as KlantInvoerfout).velden).toEqual({ bsn: expect.stringContaining('elfproef') });
    expect(bsn.message + bsn.userMessage).not.toContain('123456789');
    const datum = await fout(
      service.createKlant(km1, maakKlant({ gemeenteId: A, geboortedatum: '1990-02-30' })),
    );
    expect(Object.keys((datum as KlantInvoerfout).velden)).toEqual(['geboortedatum']);
    const gemeente = await fout(service.createKlant(km1, maakKlant({ gemeenteId: B })));
    expect((gemeente as KlantInvoerfout).velden).toEqual({ gemeenteId: expect.any(String) });
  });

  it('refuses a duplicate klantnummer or BSN in the same municipality with a conflict', async () => {
    const eerst = await service.createKlant(km1, maakKlant({ gemeenteId: A, bsn: '123456782' }));
    const dubbel = await fout(
      service.createKlant(km1, maakKlant({ gemeenteId: A, klantnummer: eerst.klantnummer })),
    );
    expect(dubbel.status).toBe(409);
    expect((dubbel as KlantInvoerfout).velden).toHaveProperty('klantnummer');
    const bsn = await fout(service.createKlant(km1, maakKlant({ gemeenteId: A, bsn: '123456782' })));
    expect(bsn.status).toBe(409);
    expect((bsn as KlantInvoerfout).velden).toHaveProperty('bsn');
  });

  it('lets a klantmanager assign only colleagues of their own team', async () => {
    const ok = await service.createKlant(km1, maakKlant({ gemeenteId: A, klantmanagerId: km2.gebruikerId }));
    expect(ok.klantmanager?.id).toBe(km2.gebruikerId);
    const nee = await fout(
      service.createKlant(km1, maakKlant({ gemeenteId: A, klantmanagerId: km3.gebruikerId })),
    );
    expect((nee as KlantInvoerfout).velden).toHaveProperty('klantmanagerId');
    const tlKlant = await service.createKlant(
      tl,
      maakKlant({ gemeenteId: A, klantmanagerId: km3.gebruikerId }),
    );
    expect(tlKlant.klantmanager?.id).toBe(km3.gebruikerId);
  });

  it.each([
    ['netwerkmakelaar', () => nm],
    ['privacy-officer', () => po],
    ['functioneel-beheerder', () => fb],
  ])('refuses a %s (403)', async (_rol, actor) => {
    const e = await fout(service.createKlant(actor(), maakKlant({ gemeenteId: A })));
    expect(e.status).toBe(403);
  });
});

describe('who sees which client', () => {
  let vanKm1: string;
  let vanKm3: string;

  beforeAll(async () => {
    vanKm1 = (await service.createKlant(km1, maakKlant({ gemeenteId: A, achternaam: 'Zichtbaarheid-Een' })))
      .id;
    vanKm3 = (await service.createKlant(km3, maakKlant({ gemeenteId: A, achternaam: 'Zichtbaarheid-Drie' })))
      .id;
  });

  it('shows a client to its klantmanager, their team and the teamleider, and logs each read', async () => {
    for (const actor of [km1, km2, tl]) {
      expect((await service.findKlant(actor, vanKm1)).id).toBe(vanKm1);
    }
    const lezen = (await logregels(vanKm1)).filter((r) => r.actie === 'lezen');
    expect(lezen.map((r) => r.actorId)).toEqual([km1.gebruikerId, km2.gebruikerId, tl.gebruikerId]);
  });

  it('answers 404 to a klantmanager of another team or municipality, and 403 to other roles', async () => {
    expect((await fout(service.findKlant(km3, vanKm1))).status).toBe(404);
    expect((await fout(service.findKlant(kmB, vanKm1))).status).toBe(404);
    expect((await fout(service.findKlant(km1, 'geen-uuid'))).status).toBe(404);
    for (const actor of [nm, po, fb]) expect((await fout(service.findKlant(actor, vanKm1))).status).toBe(403);
  });

  it('lists mine, my team and (teamleider) all clients of the municipality', async () => {
    const zoek = 'Zichtbaarheid';
    const namen = async (actor: Gebruiker, reikwijdte?: 'mijn' | 'team' | 'alle') =>
      (await service.findKlanten(actor, { zoek, ...(reikwijdte ? { reikwijdte } : {}) })).items
        .map((k) => k.achternaam)
        .sort();
    expect(await namen(km1, 'mijn')).toEqual(['Zichtbaarheid-Een']);
    expect(await namen(km2, 'mijn')).toEqual([]);
    expect(await namen(km2)).toEqual(['Zichtbaarheid-Een']);
    expect(await namen(km3)).toEqual(['Zichtbaarheid-Drie']);
    expect(await namen(tl)).toEqual(['Zichtbaarheid-Drie', 'Zichtbaarheid-Een']);
    expect(await namen(kmB)).toEqual([]);
    expect(vanKm3).toBeTruthy();
  });
});

describe('findKlanten', () => {
  beforeAll(async () => {
    for (let i = 0; i < 7; i++)
      await service.createKlant(
        km1,
        maakKlant({
          gemeenteId: A,
          klantnummer: `LIJST-${i}`,
          achternaam: `Lijsttest ${String.fromCharCode(72 - i)}`,
          voornamen: i % 2 ? 'Fatima' : 'Kees',
          postcode: i % 2 ? '5614 AA' : '5611 AA',
          werk: i === 0 ? [{ urenPerWeek: 32 }] : [],
        }),
      );
  });

  it('searches name parts and klantnummer, sorts and pages, and logs every client shown', async () => {
    const p1 = await service.findKlanten(km1, { zoek: 'lijsttest', paginaGrootte: 3, sorteer: 'naam' });
    expect(p1.totaal).toBe(7);
    expect(p1.aantalPaginas).toBe(3);
    expect(p1.items.map((k) => k.achternaam)).toEqual(['Lijsttest B', 'Lijsttest C', 'Lijsttest D']);
    const p3 = await service.findKlanten(km1, {
      zoek: 'lijsttest',
      paginaGrootte: 3,
      pagina: 3,
      sorteer: 'naam',
    });
    expect(p3.items.map((k) => k.achternaam)).toEqual(['Lijsttest H']);
    expect((await service.findKlanten(km1, { zoek: 'fatima lijsttest' })).totaal).toBe(3);
    expect((await service.findKlanten(km1, { zoek: 'LIJST-4' })).items.map((k) => k.klantnummer)).toEqual([
      'LIJST-4',
    ]);
    expect((await service.findKlanten(km1, { zoek: '100%_' })).totaal).toBe(0);
    const h = p3.items[0]!;
    expect((await logregels(h.id)).filter((r) => r.actie === 'lezen')).toHaveLength(1);
  });

  it('filters on applicability, wijk and klantmanager', async () => {
    const werk = await service.findKlanten(km1, {
      zoek: 'lijsttest',
      toepasselijkheid: 'niet-van-toepassing',
    });
    expect(werk.items.map((k) => k.klantnummer)).toEqual(['LIJST-0']);
    const stratum = await service.findKlanten(km1, { zoek: 'lijsttest', wijkId: wijkStratum });
    expect(stratum.totaal).toBe(3);
    expect(stratum.items.every((k) => k.wijk?.naam === 'Stratum')).toBe(true);
    expect(
      (await service.findKlanten(tl, { zoek: 'lijsttest', klantmanagerId: km2.gebruikerId })).totaal,
    ).toBe(0);
    expect(
      (await service.findKlanten(tl, { zoek: 'lijsttest', klantmanagerId: km1.gebruikerId })).totaal,
    ).toBe(7);
  });

  it('recomputes stored applicability when the municipality changes its regular-work threshold', async () => {
    await service.updateInstellingen(fb, A, { regulierWerkUren: 36 });
    const werk = await service.findKlanten(km1, { zoek: 'LIJST-0' });
    expect(werk.items[0]!.toepasselijkheid).toBe('van-toepassing');
    await service.updateInstellingen(fb, A, { regulierWerkUren: 28 });
    expect((await service.findKlanten(km1, { zoek: 'LIJST-0' })).items[0]!.toepasselijkheid).toBe(
      'niet-van-toepassing',
    );
    expect((await fout(service.updateInstellingen(km1, A, { regulierWerkUren: 20 }))).status).toBe(403);
  });
});

describe('zoekKlantenOpBsn and toonBsn', () => {
  it('finds by exact BSN within what the actor may see, and logs the reveal of a BSN', async () => {
    const k = await service.createKlant(km1, maakKlant({ gemeenteId: A, bsn: '999999990' }));
    expect((await service.zoekKlantenOpBsn(km2, '999 999 990')).map((x) => x.id)).toEqual([k.id]);
    expect(await service.zoekKlantenOpBsn(km3, '999999990')).toEqual([]);
    const e = await fout(service.zoekKlantenOpBsn(km1, '999999991'));
    expect((e as KlantInvoerfout).velden).toHaveProperty('bsn');
    expect(await service.toonBsn(km1, k.id)).toBe('999999990');
    expect((await fout(service.toonBsn(km3, k.id))).status).toBe(404);
    expect((await logregels(k.id)).map((r) => `${r.actie}:${r.subjectType}`)).toEqual([
      'aanmaken:klant',
      'lezen:klant',
      'lezen:klant-bsn',
    ]);
  });

  it('lets the privacy officer identify a client without opening the file', async () => {
    const k = await service.createKlant(km1, maakKlant({ gemeenteId: A, bsn: '100000009' }));
    expect(await service.identificeerKlant(po, { bsn: '100000009' })).toEqual([
      { id: k.id, gemeenteId: A, klantnummer: k.klantnummer },
    ]);
    expect(await service.identificeerKlant(po, { klantnummer: k.klantnummer! })).toHaveLength(1);
    expect((await fout(service.identificeerKlant(km1, { bsn: '100000009' }))).status).toBe(403);
    const regels = await logregels(k.id);
    expect(regels.at(-1)).toMatchObject({
      rol: 'privacy-officer',
      verwerkingsactiviteitId: 'va-privacyverzoeken',
    });
  });
});

describe('updateKlant', () => {
  it('changes fields, derives the wijk again from a new postcode, and keeps a manual wijk', async () => {
    const k = await service.createKlant(km1, maakKlant({ gemeenteId: A, postcode: '5611 AA' }));
    const verhuisd = await service.updateKlant(km2, k.id, { postcode: '5614 BB', telefoon: '06 1234 5678' });
    expect(verhuisd.wijk?.naam).toBe('Stratum');
    expect(verhuisd.telefoon).toBe('06 1234 5678');
    expect(verhuisd.achternaam).toBe(k.achternaam);
    const handmatig = await service.updateKlant(km1, k.id, { wijkId: wijkCentrum });
    expect(handmatig).toMatchObject({ wijk: { naam: 'Centrum' }, wijkHandmatig: true });
    const weer = await service.updateKlant(km1, k.id, { postcode: '5614 CC' });
    expect(weer.wijk?.naam).toBe('Centrum');
    const auto = await service.updateKlant(km1, k.id, { wijkId: null });
    expect(auto).toMatchObject({ wijk: { naam: 'Stratum' }, wijkHandmatig: false });
    const leeg = await service.updateKlant(km1, k.id, { telefoon: null });
    expect(leeg.telefoon).toBeNull();
    expect((await logregels(k.id)).filter((r) => r.actie === 'wijzigen')).toHaveLength(5);
  });

  it('stores work, re-integration and belastbaarheid and updates the applicability', async () => {
    const k = await service.createKlant(km1, maakKlant({ gemeenteId: A }));
    const u = await service.updateKlant(km1, k.id, {
      werk: [{ urenPerWeek: 10, dagdelen: ['ma-ochtend', 'di-ochtend'] }],
      belastbaarheid: { maxUrenPerWeek: 20, beperkingen: ['sociaal-functioneren'] },
      beschikbaarheid: ['wo-middag'],
      werkervaring: [{ sector: 'Zorg', functie: 'Helpende', jaren: 3 }],
    });
    expect(u.toepasselijkheidDetail).toMatchObject({ uitkomst: 'van-toepassing', resterendeUren: 10 });
    expect(u.belastbaarheid).toEqual({
      maxUrenPerWeek: 20,
      beperkingen: ['sociaal-functioneren'],
      geenBeperkingenReden: null,
    });
    expect(u.werk[0]).toMatchObject({ urenPerWeek: 10, dagdelen: ['ma-ochtend', 'di-ochtend'] });
    const traject = await service.updateKlant(km1, k.id, {
      reintegratie: [{ begindatum: '2026-01-01', einddatum: '2026-12-01', omschrijving: 'Werkfit' }],
    });
    expect(traject.toepasselijkheid).toBe('niet-van-toepassing');
    expect(traject.toepasselijkheidDetail.redenen[0]).toMatchObject({ code: 'reintegratie' });
  });

  it('reassigns: a klantmanager within the team only, a teamleider to any klantmanager of the municipality', async () => {
    const k = await service.createKlant(km1, maakKlant({ gemeenteId: A }));
    const nee = await fout(service.wijsKlantmanagerToe(km1, k.id, km3.gebruikerId));
    expect((nee as KlantInvoerfout).velden).toHaveProperty('klantmanagerId');
    expect((await service.wijsKlantmanagerToe(km1, k.id, km2.gebruikerId)).klantmanager?.id).toBe(
      km2.gebruikerId,
    );
    expect((await service.wijsKlantmanagerToe(tl, k.id, km3.gebruikerId)).klantmanager?.id).toBe(
      km3.gebruikerId,
    );
    expect((await fout(service.findKlant(km1, k.id))).status).toBe(404);
    const buiten = await fout(service.wijsKlantmanagerToe(tl, k.id, kmB.gebruikerId));
    expect((buiten as KlantInvoerfout).velden).toHaveProperty('klantmanagerId');
  });
});

describe('ontheffingen', () => {
  it('requires the reason and end date for dringende redenen, naming the fields', async () => {
    const k = await service.createKlant(km1, maakKlant({ gemeenteId: A }));
    const e = await fout(
      service.createOntheffing(km1, k.id, {
        type: 'dringende-redenen',
        begindatum: '2026-05-01',
        reden: '  ',
      }),
    );
    expect(Object.keys((e as KlantInvoerfout).velden).sort()).toEqual(['einddatum', 'reden']);
  });

  it('records an exemption, shows its legal basis and effective end, and updates the applicability', async () => {
    const k = await service.createKlant(km1, maakKlant({ gemeenteId: A }));
    const o = await service.createOntheffing(km1, k.id, {
      type: 'dringende-redenen',
      begindatum: '2026-05-01',
      einddatum: '2026-06-20',
      reden: 'Zorg voor moeder',
      herbeoordelingsdatum: '2026-06-15',
    });
    expect(o).toMatchObject({
      grondslag: { artikel: 'art. 9 lid 2 Participatiewet', bekend: true },
      effectiefEinde: '2026-06-20',
      isLopend: true,
    });
    const dossier = await service.findKlant(km1, k.id);
    expect(dossier.toepasselijkheid).toBe('ontheffing-verloopt');
    expect(dossier.toepasselijkheidDetail.vanToepassingVanaf).toBe('2026-06-20');
    const beeindigd = await service.updateOntheffing(km1, k.id, o.id, { einddatum: VANDAAG });
    expect(beeindigd.isLopend).toBe(false);
    expect((await service.findKlant(km1, k.id)).toepasselijkheid).toBe('van-toepassing');
    expect(await service.listOntheffingen(km2, k.id)).toHaveLength(1);
    expect((await fout(service.listOntheffingen(km3, k.id))).status).toBe(404);
  });

  it('counts art. 9a periods used elsewhere towards the 5 years', async () => {
    const k = await service.createKlant(km1, maakKlant({ gemeenteId: A }));
    await service.createOntheffing(km1, k.id, {
      type: 'alleenstaande-ouder-kind-onder-5',
      begindatum: '2019-01-01',
      einddatum: '2022-01-01',
      geboortedatumKind: '2018-10-01',
      eerderGebruikt: true,
      eerdereGemeente: 'Elders',
    });
    const o = await service.createOntheffing(km1, k.id, {
      type: 'alleenstaande-ouder-kind-onder-5',
      begindatum: '2024-06-20',
      geboortedatumKind: '2024-01-01',
      verzoekdatum: '2024-06-01',
    });
    expect(o.effectiefEinde).toBe('2026-06-20');
    expect((await service.findKlant(km1, k.id)).toepasselijkheid).toBe('ontheffing-verloopt');
  });

  it('accepts a local ground only from the municipality’s catalogue', async () => {
    const grond = await service.createLokaleGrond(fb, A, {
      code: 'mantelzorg',
      naam: 'Mantelzorg',
      grondslag: 'art. 4 Verordening tegenprestatie',
    });
    const k = await service.createKlant(km1, maakKlant({ gemeenteId: A }));
    const o = await service.createOntheffing(km1, k.id, {
      type: 'lokaal',
      lokaleGrondId: grond.id,
      begindatum: '2026-01-01',
      einddatum: '2027-01-01',
    });
    expect(o).toMatchObject({
      lokaleGrond: { code: 'mantelzorg' },
      grondslag: { artikel: 'art. 4 Verordening tegenprestatie' },
    });
    const e = await fout(
      service.createOntheffing(km1, k.id, {
        type: 'lokaal',
        lokaleGrondId: '00000000-0000-4000-8000-000000000000',
        begindatum: '2026-01-01',
      }),
    );
    expect((e as KlantInvoerfout).velden).toHaveProperty('lokaleGrondId');
    expect(
      (await fout(service.createLokaleGrond(fb, A, { code: 'mantelzorg', naam: 'X', grondslag: 'Y' })))
        .status,
    ).toBe(409);
  });
});

describe('catalogues', () => {
  it('lets the functioneel beheerder keep skills and interests; clients link to them', async () => {
    const v = await service.createVaardigheid(fb, { naam: 'Koken' });
    const i = await service.createInteresse(fb, { naam: 'Tuinieren' });
    expect((await fout(service.createVaardigheid(fb, { naam: 'koken' }))).status).toBe(409);
    expect((await fout(service.createVaardigheid(km1, { naam: 'Lassen' }))).status).toBe(403);
    const k = await service.createKlant(
      km1,
      maakKlant({ gemeenteId: A, vaardigheidIds: [v.id], interesseIds: [i.id] }),
    );
    expect(k.vaardigheden).toEqual([{ id: v.id, naam: 'Koken' }]);
    expect(k.interesses).toEqual([{ id: i.id, naam: 'Tuinieren' }]);
    const e = await fout(
      service.createKlant(
        km1,
        maakKlant({ gemeenteId: A, vaardigheidIds: ['00000000-0000-4000-8000-000000000000'] }),
      ),
    );
    expect((e as KlantInvoerfout).velden).toHaveProperty('vaardigheidIds');
    expect((await service.updateVaardigheid(fb, v.id, { isActief: false })).isActief).toBe(false);
    expect((await service.listVaardigheden(km1)).map((x) => x.naam)).toContain('Koken');
  });
});

describe('importeerKlanten', () => {
  it('reports a dry run, then creates, then updates idempotently; a broken row does not stop the others', async () => {
    const rijen = [
      {
        rij: 2,
        invoer: {
          klantnummer: 'IMP-1',
          achternaam: 'Import',
          geboortedatum: '1990-01-01',
          postcode: '5611 AA',
        },
      },
      { rij: 3, invoer: { klantnummer: 'IMP-2', achternaam: 'Import', geboortedatum: '1990-13-01' } },
      {
        rij: 4,
        invoer: {
          klantnummer: 'IMP-3',
          achternaam: 'Import',
          geboortedatum: '1991-01-01',
          werk: [{ urenPerWeek: 30 }],
        },
      },
      { rij: 5, invoer: { klantnummer: 'IMP-1', achternaam: 'Dubbel', geboortedatum: '1990-01-01' } },
    ];
    const proef = await service.importeerKlanten(fb, A, rijen, { proefrun: true });
    expect(proef.map((r) => `${r.rij}:${r.uitkomst}`)).toEqual([
      '2:aangemaakt',
      '3:afgewezen',
      '4:aangemaakt',
      '5:afgewezen',
    ]);
    expect(proef[1]!.velden).toHaveProperty('geboortedatum');
    expect((await service.findKlanten(tl, { zoek: 'IMP-1' })).totaal).toBe(0);
    const echt = await service.importeerKlanten(fb, A, rijen);
    expect(echt.map((r) => r.uitkomst)).toEqual(['aangemaakt', 'afgewezen', 'aangemaakt', 'afgewezen']);
    const imp1 = (await service.findKlanten(tl, { zoek: 'IMP-1' })).items[0]!;
    expect(imp1.wijk?.naam).toBe('Centrum');
    expect((await service.findKlanten(tl, { zoek: 'IMP-3' })).items[0]!.toepasselijkheid).toBe(
      'niet-van-toepassing',
    );
    const opnieuw = await service.importeerKlanten(fb, A, [
      { rij: 2, invoer: { klantnummer: 'IMP-1', achternaam: 'Geimporteerd', geboortedatum: '1990-01-01' } },
    ]);
    expect(opnieuw).toEqual([{ rij: 2, klantnummer: 'IMP-1', uitkomst: 'bijgewerkt' }]);
    expect((await service.findKlant(tl, imp1.id)).achternaam).toBe('Geimporteerd');
    expect((await logregels(imp1.id))[0]).toMatchObject({ actie: 'aanmaken', actorId: 'systeem' });
    expect((await fout(service.importeerKlanten(km1, A, rijen))).status).toBe(403);
  });

  it('a re-import replaces the given child rows of each updated client and keeps the ones left out', async () => {
    const v1 = await service.createVaardigheid(fb, { naam: 'Lassen' });
    const v2 = await service.createVaardigheid(fb, { naam: 'Schilderen' });
    const i1 = await service.createInteresse(fb, { naam: 'Muziek' });
    const eerst = await service.importeerKlanten(fb, A, [
      {
        rij: 2,
        invoer: {
          klantnummer: 'HER-1',
          achternaam: 'Herhaal',
          geboortedatum: '1990-01-01',
          werk: [{ urenPerWeek: 30 }],
          belastbaarheid: { maxUrenPerWeek: 20, beperkingen: ['persoonlijk-functioneren'] },
          vaardigheidIds: [v1.id],
          interesseIds: [i1.id],
        },
      },
      {
        rij: 3,
        invoer: {
          klantnummer: 'HER-2',
          achternaam: 'Herhaal',
          geboortedatum: '1991-01-01',
          werk: [{ urenPerWeek: 10 }, { urenPerWeek: 12 }],
          reintegratie: [{ begindatum: '2026-01-01' }],
          belastbaarheid: { maxUrenPerWeek: 16 },
        },
      },
    ]);
    expect(eerst.map((r) => r.uitkomst)).toEqual(['aangemaakt', 'aangemaakt']);
    const opnieuw = await service.importeerKlanten(fb, A, [
      {
        rij: 2,
        invoer: {
          klantnummer: 'HER-1',
          achternaam: 'Herhaal',
          geboortedatum: '1990-01-01',
          werk: [],
          belastbaarheid: null,
          vaardigheidIds: [v2.id, v2.id],
          interesseIds: [],
        },
      },
      {
        rij: 3,
        invoer: {
          klantnummer: 'HER-2',
          achternaam: 'Herhaal',
          geboortedatum: '1991-01-01',
          reintegratie: [],
          belastbaarheid: { maxUrenPerWeek: 8, beperkingen: ['persoonlijk-functioneren'] },
        },
      },
    ]);
    expect(opnieuw.map((r) => r.uitkomst)).toEqual(['bijgewerkt', 'bijgewerkt']);
    const [een, twee] = await Promise.all(
      ['HER-1', 'HER-2'].map(
        async (nr) => (await service.findKlanten(tl, { zoek: nr })).items.find((k) => k.klantnummer === nr)!,
      ),
    );
    const d1 = await service.findKlant(tl, een!.id);
    expect(d1.werk).toEqual([]);
    expect(d1.belastbaarheid).toBeNull();
    expect(d1.vaardigheden.map((v) => v.naam)).toEqual(['Schilderen']);
    expect(d1.interesses).toEqual([]);
    expect(een!.toepasselijkheid).toBe('van-toepassing');
    const d2 = await service.findKlant(tl, twee!.id);
    expect(d2.werk.map((w) => w.urenPerWeek).sort()).toEqual([10, 12]);
    expect(d2.reintegratie).toEqual([]);
    expect(d2.belastbaarheid).toEqual({
      maxUrenPerWeek: 8,
      beperkingen: ['persoonlijk-functioneren'],
      geenBeperkingenReden: null,
    });
    expect((await logregels(een!.id)).map((r) => r.actie)).toEqual(
      expect.arrayContaining(['aanmaken', 'wijzigen']),
    );
  });
});
