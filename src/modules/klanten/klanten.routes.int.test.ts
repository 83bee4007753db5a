import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  TEST_BSN_ENCRYPTION_KEYS,
  TEST_BSN_HASH_KEY,
  type TestApp,
} from '../../../test/app.ts';
import { ingelogdAls, TestBrowser } from '../../../test/browser.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker, insertTeam, type TestGebruiker } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { withContext } from '../../db/context.ts';
import { systeemActor } from '../auth/index.ts';
import { createBeheerService } from '../beheer/index.ts';
import { createGemeentenService } from '../gemeenten/index.ts';
import { createLogboekService } from '../logboek/index.ts';
import { parseBsnSleutels } from './bsn.ts';
import { medewerkersUitBeheer } from './klanten.medewerkers.ts';
import { createKlantenService, type KlantenService } from './klanten.service.ts';

let t: TestApp;
let dienstId: string;
let A: string;
let B: string;
let centrum: string;
let km: TestGebruiker;
let km2: TestGebruiker;
let kmB: TestGebruiker;
let tl: TestGebruiker;
const anderen: Record<string, TestGebruiker> = {};
let service: KlantenService;
/** A client of km in Aardam, with a BSN. */
let klantA: string;
/** A client of kmB in Bergdorp. */
let klantB: string;
let kmBrowser: TestBrowser;

const BSN = '111222333';

beforeAll(async () => {
  t = await createTestApp();
  const ga = await insertGemeente(t.db.app, { naam: 'Aardam' });
  dienstId = ga.dienstId;
  A = ga.gemeenteId;
  B = (await insertGemeente(t.db.app, { dienstId, naam: 'Bergdorp' })).gemeenteId;
  await createLogboekService(t.db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const gemeenten = createGemeentenService(t.db.app);
  centrum = await gemeenten.ensureWijk(systeemActor('test', dienstId), dienstId, {
    gemeenteId: A,
    naam: 'Centrum',
    postcodes: ['5611'],
  });
  await gemeenten.ensureWijk(systeemActor('test', dienstId), dienstId, {
    gemeenteId: A,
    naam: 'Stratum',
    postcodes: ['5614'],
  });
  const teamA = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  const teamB = (await insertTeam(t.db.app, { dienstId, gemeenten: [B] })).teamId;
  km = await insertGebruiker(t.db.app, {
    dienstId,
    rol: 'klantmanager',
    naam: 'Kim Aardam',
    gemeenten: [A],
    teams: [teamA],
  });
  km2 = await insertGebruiker(t.db.app, {
    dienstId,
    rol: 'klantmanager',
    naam: 'Koen Aardam',
    gemeenten: [A],
    teams: [teamA],
  });
  kmB = await insertGebruiker(t.db.app, {
    dienstId,
    rol: 'klantmanager',
    naam: 'Bas Bergdorp',
    gemeenten: [B],
    teams: [teamB],
  });
  tl = await insertGebruiker(t.db.app, {
    dienstId,
    rol: 'teamleider',
    gemeenten: [A, B],
    teams: [teamA, teamB],
  });
  for (const rol of ['netwerkmakelaar', 'functioneel-beheerder', 'privacy-officer'] as const)
    anderen[rol] = await insertGebruiker(t.db.app, { dienstId, rol, gemeenten: [A, B] });
  service = createKlantenService({
    db: t.db.app,
    bsnSleutels: parseBsnSleutels(TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY),
    gemeenten,
    medewerkers: medewerkersUitBeheer(createBeheerService(t.db.app, { gemeenten })),
  });
  const kmActor = actorVan(km, { gemeenten: [A], teams: [teamA] });
  klantA = (
    await service.createKlant(kmActor, {
      gemeenteId: A,
      klantnummer: 'A-001',
      bsn: BSN,
      voornamen: 'Fatima',
      achternaam: 'El Amrani',
      geboortedatum: '1979-02-14',
      postcode: '5611 AB',
    })
  ).id;
  for (let i = 2; i <= 30; i++)
    await service.createKlant(kmActor, {
      gemeenteId: A,
      klantnummer: `A-${String(i).padStart(3, '0')}`,
      achternaam: `Zomer${String(i).padStart(2, '0')}`,
      geboortedatum: '1980-01-01',
    });
  klantB = (
    await service.createKlant(actorVan(kmB, { gemeenten: [B], teams: [teamB] }), {
      gemeenteId: B,
      klantnummer: 'B-001',
      achternaam: 'Bergman',
      geboortedatum: '1985-05-05',
    })
  ).id;
  kmBrowser = await ingelogdAls(t.app, km);
});

const routes = () => ({
  get: [
    '/klanten',
    '/klanten/nieuw',
    `/klanten/${klantA}`,
    `/klanten/${klantA}/verplichtingen`,
    `/klanten/${klantA}/tegenprestaties`,
    `/klanten/${klantA}/gesprekken`,
    `/klanten/${klantA}/wijzigen`,
  ],
  post: [
    '/klanten',
    '/klanten/zoek-bsn',
    `/klanten/${klantA}`,
    `/klanten/${klantA}/bsn`,
    `/klanten/${klantA}/dossier-sluiten`,
    `/klanten/${klantA}/klantmanager`,
    `/klanten/${klantA}/ontheffingen`,
    `/klanten/${klantA}/ontheffingen/${klantA}/beeindigen`,
    `/klanten/${klantA}/ontheffingen/${klantA}/gebeurtenissen`,
    `/klanten/${klantA}/ontheffingen/${klantA}/plan-van-aanpak`,
  ],
});

const logregels = (subjectId: string, subjectType = 'klant') =>
  withContext(t.db.app, systeemActor('test', dienstId), (tx) =>
    tx
      .selectFrom('logboek')
      .select(['actie', 'actorId', 'subjectType'])
      .where('subjectId', '=', subjectId)
      .where('subjectType', '=', subjectType)
      .execute(),
  );

describe('who may use the client pages', () => {
  it('sends an anonymous visitor to the login page', async () => {
    const anoniem = new TestBrowser(t.app);
    for (const url of routes().get) {
      const res = await anoniem.get(url);
      expect([url, res.statusCode, res.headers.location]).toEqual([url, 303, '/']);
    }
    for (const url of routes().post) {
      const res = await anoniem.post(url, { achternaam: 'X' });
      expect([url, res.statusCode, res.headers.location]).toEqual([url, 303, '/']);
    }
  });

  it('refuses the netwerkmakelaar, functioneel beheerder and privacy officer with 403', async () => {
    for (const [rol, g] of Object.entries(anderen)) {
      const b = await ingelogdAls(t.app, g);
      for (const url of routes().get)
        expect([rol, url, (await b.get(url)).statusCode]).toEqual([rol, url, 403]);
      for (const url of routes().post)
        expect([rol, url, (await b.post(url, { bsn: BSN, achternaam: 'X' })).statusCode]).toEqual([
          rol,
          url,
          403,
        ]);
      expect((await b.get('/')).body).not.toContain('href="/klanten"');
    }
    expect(await logregels(klantA, 'klant-bsn')).toEqual([]);
  });

  it('answers 404 to a klantmanager of Aardam for a Bergdorp client, and for an id that is not one', async () => {
    const urls = [
      `/klanten/${klantB}`,
      `/klanten/${klantB}/verplichtingen`,
      `/klanten/${klantB}/wijzigen`,
      '/klanten/geen-id',
    ];
    for (const url of urls) expect([url, (await kmBrowser.get(url)).statusCode]).toEqual([url, 404]);
    for (const url of [`/klanten/${klantB}`, `/klanten/${klantB}/bsn`, `/klanten/${klantB}/ontheffingen`])
      expect([url, (await kmBrowser.post(url, { achternaam: 'Gewijzigd' })).statusCode]).toEqual([url, 404]);
    // The teamleider of both municipalities does see it.
    const tlBrowser = await ingelogdAls(t.app, tl);
    expect((await tlBrowser.get(`/klanten/${klantB}`)).statusCode).toBe(200);
  });

  it('shows the Klanten menu entry to klantmanager and teamleider', async () => {
    expect((await kmBrowser.get('/')).body).toContain('href="/klanten"');
  });
});

describe('the caseload list', () => {
  it('lists, searches by name or klantnummer, sorts and pages', async () => {
    const lijst = await kmBrowser.get('/klanten');
    expect(lijst.statusCode).toBe(200);
    expect(lijst.body).toContain('30 klanten');
    expect(lijst.body).toContain('El Amrani');
    expect(lijst.body).toContain('Pagina 1 van 2');
    expect(lijst.body).toContain('aria-sort="ascending"');
    expect(lijst.body).not.toContain('Bergman');

    const gezocht = await kmBrowser.get('/klanten?zoek=amrani');
    expect(gezocht.body).toContain('1 klant<');
    expect(gezocht.body).toContain(`href="/klanten/${klantA}"`);
    expect((await kmBrowser.get('/klanten?zoek=A-017')).body).toContain('Zomer17');

    const aflopend = await kmBrowser.get('/klanten?sorteer=klantnummer&richting=aflopend');
    expect(aflopend.body.indexOf('A-030')).toBeLessThan(aflopend.body.indexOf('A-029'));
    expect(aflopend.body).toContain('aria-sort="descending"');
    const pagina2 = await kmBrowser.get('/klanten?sorteer=klantnummer&pagina=2');
    expect(pagina2.body).toContain('A-030');
    expect(pagina2.body).not.toContain('>A-001<');
  });

  it('filters by wijk, applicability and klantmanager; ignores values it does not know', async () => {
    const wijk = await kmBrowser.get(`/klanten?wijkId=${centrum}`);
    expect(wijk.body).toContain('1 klant<');
    const geen = await kmBrowser.get('/klanten?klantmanagerId=geen');
    expect(geen.body).toContain('0 klanten');
    const vanToepassing = await kmBrowser.get('/klanten?toepasselijkheid=van-toepassing');
    expect(vanToepassing.body).toContain('30 klanten');
    expect((await kmBrowser.get('/klanten?sorteer=%3Bdrop&pagina=-4&wijkId=x')).statusCode).toBe(200);
  });

  it('finds a client by exact BSN through a posted form, never through the URL', async () => {
    await kmBrowser.get('/klanten');
    const res = await kmBrowser.post('/klanten/zoek-bsn', { bsn: '111 222 333' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Gevonden op BSN: 1 klant');
    expect(res.body).toContain(`href="/klanten/${klantA}"`);
    expect(res.headers['cache-control']).toBe('no-store');
    // The page has no link carrying the BSN.
    expect(res.body).not.toMatch(/href="[^"]*111222333/);
    expect((await kmBrowser.get('/klanten')).body).toMatch(/action="\/klanten\/zoek-bsn" method="post"/);

    const fout = await kmBrowser.post('/klanten/zoek-bsn', { bsn: '123456789' });
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('Er is een probleem');
    expect(fout.body).toContain('Dit is geen geldig BSN');
  });
});

describe('the client file', () => {
  it('shows the profile with a masked BSN, and the full BSN only after the posted "Toon BSN" (logged)', async () => {
    const profiel = await kmBrowser.get(`/klanten/${klantA}`);
    expect(profiel.statusCode).toBe(200);
    expect(profiel.body).toContain('*****2333');
    expect(profiel.body).not.toContain(BSN);
    expect(profiel.body).toContain('Tegenprestatie:');
    expect(profiel.body).toContain('Centrum');
    expect(await logregels(klantA, 'klant-bsn')).toEqual([]);

    const getoond = await kmBrowser.post(`/klanten/${klantA}/bsn`);
    expect(getoond.statusCode).toBe(200);
    expect(getoond.body).toContain(BSN);
    expect(getoond.headers['cache-control']).toBe('no-store');
    expect(await logregels(klantA, 'klant-bsn')).toEqual([
      { actie: 'lezen', actorId: km.gebruikerId, subjectType: 'klant-bsn' },
    ]);
  });

  it('shows the tabs, with applicability reasons and articles on the obligations tab', async () => {
    const v = await kmBrowser.get(`/klanten/${klantA}/verplichtingen`);
    expect(v.statusCode).toBe(200);
    expect(v.body).toContain('aria-current="page">Verplichtingen en ontheffingen');
    expect(v.body).toContain('Ontheffing vastleggen');
  });

  it('records an exemption: 422 keeping the input for a missing reason, then 303 and the reason with its article', async () => {
    await kmBrowser.get(`/klanten/${klantA}/verplichtingen`);
    const fout = await kmBrowser.post(`/klanten/${klantA}/ontheffingen`, {
      type: 'dringende-redenen',
      begindatum: '2026-01-01',
      einddatum: '2099-01-01',
      herbeoordelingsdatum: '2026-06-01',
    });
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('Vul de dringende reden in.');
    expect(fout.body).toContain('value="2026-06-01"');
    expect(fout.body).toContain('<option value="dringende-redenen" selected="">');

    const ok = await kmBrowser.post(`/klanten/${klantA}/ontheffingen`, {
      type: 'dringende-redenen',
      begindatum: '2026-01-01',
      einddatum: '2099-01-01',
      reden: 'Zorg voor een ziek familielid',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/klanten/${klantA}/verplichtingen?melding=ontheffing-vastgelegd`);
    const na = await kmBrowser.get(ok.headers.location as string);
    expect(na.body).toContain('De ontheffing is vastgelegd.');
    expect(na.body).toContain('Zorg voor een ziek familielid');
    expect(na.body).toContain('art. 9 lid 2 Participatiewet');
    expect(na.body).toContain('Niet van toepassing');

    const id = /action="\/klanten\/[^/]+\/ontheffingen\/([0-9a-f-]{36})\/beeindigen"/.exec(na.body)?.[1];
    expect(id).toBeDefined();
    const teVroeg = await kmBrowser.post(`/klanten/${klantA}/ontheffingen/${id}/beeindigen`, {
      einddatum: '2025-01-01',
    });
    expect(teVroeg.statusCode).toBe(422);
    expect(teVroeg.body).toContain('De einddatum moet na de begindatum liggen.');
    const beeindigd = await kmBrowser.post(`/klanten/${klantA}/ontheffingen/${id}/beeindigen`, {
      einddatum: '2026-02-01',
    });
    expect(beeindigd.statusCode).toBe(303);
    expect((await kmBrowser.get(`/klanten/${klantA}/verplichtingen`)).body).toContain('Afgelopen');
  });

  it('art. 9a without JavaScript: records the grant, 422 keeping the input for a wrong suspension, then suspends', async () => {
    const k = await service.createKlant(actorVan(km, { gemeenten: [A], teams: [] }), {
      gemeenteId: A,
      achternaam: 'Ouder',
      geboortedatum: '1990-01-01',
    });
    await kmBrowser.get(`/klanten/${k.id}/verplichtingen`);
    const zonderVerzoek = await kmBrowser.post(`/klanten/${k.id}/ontheffingen`, {
      type: 'alleenstaande-ouder-kind-onder-5',
      begindatum: '2026-03-01',
      geboortedatumKind: '2025-12-01',
    });
    expect(zonderVerzoek.statusCode).toBe(422);
    expect(zonderVerzoek.body).toContain('art. 9a lid 7');
    expect(zonderVerzoek.body).toContain('value="2025-12-01"');
    const ok = await kmBrowser.post(`/klanten/${k.id}/ontheffingen`, {
      type: 'alleenstaande-ouder-kind-onder-5',
      begindatum: '2026-03-01',
      verzoekdatum: '2026-02-10',
      geboortedatumKind: '2025-12-01',
    });
    expect(ok.statusCode).toBe(303);
    const pagina = await kmBrowser.get(`/klanten/${k.id}/verplichtingen`);
    expect(pagina.body).toContain('Ontheffing alleenstaande ouder (art. 9a Participatiewet)');
    // The child turns 5 on 1 December 2030, before the five years (to 1 March 2031) are used.
    expect(pagina.body).toContain('Loopt tot 1 december 2030 (eerste dag zonder): jongste kind 5 jaar');
    expect(pagina.body).toContain('uiterlijk 10 augustus 2026 (zes maanden na het verzoek)');

    const id = /action="\/klanten\/[^/]+\/ontheffingen\/([0-9a-f-]{36})\/gebeurtenissen"/.exec(
      pagina.body,
    )?.[1];
    expect(id).toBeDefined();
    const fout = await kmBrowser.post(`/klanten/${k.id}/ontheffingen/${id}/gebeurtenissen`, {
      soort: 'hervatting',
      datum: '2026-06-01',
      toelichting: 'Getypte toelichting',
    });
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('Er is een probleem');
    expect(fout.body).toContain('er valt niets te hervatten');
    expect(fout.body).toContain('href="#gebeurtenis-soort"');
    expect(fout.body).toContain('Getypte toelichting');
    expect(fout.body).toContain('value="2026-06-01"');

    const opgeschort = await kmBrowser.post(`/klanten/${k.id}/ontheffingen/${id}/gebeurtenissen`, {
      soort: 'opschorting-verzoek',
      datum: '2026-06-01',
      geboortedatumKind: '',
      toelichting: '',
    });
    expect(opgeschort.statusCode).toBe(303);
    const na = await kmBrowser.get(opgeschort.headers.location as string);
    expect(na.body).toContain('De opschorting of hervatting van de ontheffing is vastgelegd.');
    expect(na.body).toContain('Opgeschort sinds 1 juni 2026: op verzoek van de ouder');

    const plan = await kmBrowser.post(`/klanten/${k.id}/ontheffingen/${id}/plan-van-aanpak`, {
      planVanAanpakOp: '',
      laatsteHeronderzoekOp: '2026-07-01',
    });
    expect(plan.statusCode).toBe(422);
    expect(plan.body).toContain('leg eerst het plan vast');
    expect(plan.body).toContain('value="2026-07-01"');
  });

  it('reassigns within the team, and refuses a klantmanager of another team with 422', async () => {
    await kmBrowser.get(`/klanten/${klantA}`);
    const fout = await kmBrowser.post(`/klanten/${klantA}/klantmanager`, { klantmanagerId: kmB.gebruikerId });
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('Er is een probleem');
    const ok = await kmBrowser.post(`/klanten/${klantA}/klantmanager`, { klantmanagerId: km2.gebruikerId });
    expect(ok.statusCode).toBe(303);
    expect((await kmBrowser.get(`/klanten/${klantA}`)).body).toContain('klantmanager Koen Aardam');
    await kmBrowser.post(`/klanten/${klantA}/klantmanager`, { klantmanagerId: km.gebruikerId });
  });
});

describe('closing the file', () => {
  it('refuses a date in the future with 422 keeping it, closes as of a date (303), and opens the file again', async () => {
    await kmBrowser.get(`/klanten/${klantA}`);
    const fout = await kmBrowser.post(`/klanten/${klantA}/dossier-sluiten`, {
      actie: 'sluiten',
      per: '2999-01-01',
    });
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('Er is een probleem');
    expect(fout.body).toContain('value="2999-01-01"');
    const dicht = await kmBrowser.post(`/klanten/${klantA}/dossier-sluiten`, {
      actie: 'sluiten',
      per: '2026-01-15',
    });
    expect(dicht.statusCode).toBe(303);
    const pagina = await kmBrowser.get(`/klanten/${klantA}`);
    expect(pagina.body).toContain('Het dossier is gesloten op 15 januari 2026');
    expect(
      (await service.findKlant(actorVan(km, { gemeenten: [A] }), klantA)).dossierGeslotenOp,
    ).not.toBeNull();
    const open = await kmBrowser.post(`/klanten/${klantA}/dossier-sluiten`, { actie: 'heropenen' });
    expect(open.statusCode).toBe(303);
    expect((await kmBrowser.get(`/klanten/${klantA}`)).body).toContain('Dossier sluiten');
    expect((await service.findKlant(actorVan(km, { gemeenten: [A] }), klantA)).dossierGeslotenOp).toBeNull();
  });
});

describe('create and edit forms', () => {
  it('re-renders the create form with 422, an error summary and what was typed; then creates (303)', async () => {
    await kmBrowser.get('/klanten/nieuw');
    const fout = await kmBrowser.post('/klanten', {
      gemeenteId: A,
      voornamen: 'Joris',
      achternaam: '',
      geboortedatum: '31-02-1990',
      postcode: '1234',
      bsn: '123456789',
      'werkervaring.0.sector': 'Bouw',
      'werkervaring.0.functie': 'Timmerman',
      'werkervaring.0.jaren': '3',
      beschikbaarheid: 'di-middag',
    });
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('<title>Fout: Klant inschrijven');
    expect(fout.body).toContain('Er is een probleem');
    expect(fout.body).toContain('href="#achternaam"');
    expect(fout.body).toContain('href="#geboortedatum"');
    expect(fout.body).toContain('Dit is geen geldig BSN');
    expect(fout.body).toContain('value="Joris"');
    expect(fout.body).toContain('value="Timmerman"');
    expect(fout.body).toMatch(/id="beschikbaarheid-di-middag" name="beschikbaarheid" checked=""/);

    const ok = await kmBrowser.post('/klanten', {
      gemeenteId: A,
      klantnummer: 'A-NIEUW',
      voornamen: 'Joris',
      achternaam: 'de Wit',
      geboortedatum: '1990-02-28',
      postcode: '5614ab',
      'werk.0.urenPerWeek': '12,5',
      'werk.0.omschrijving': 'Supermarkt',
      'werk.1.urenPerWeek': '',
    });
    expect(ok.statusCode).toBe(303);
    const url = (ok.headers.location as string).split('?')[0]!;
    const profiel = await kmBrowser.get(ok.headers.location as string);
    expect(profiel.body).toContain('De klant is ingeschreven.');
    expect(profiel.body).toContain('Joris de Wit');
    expect(profiel.body).toContain('Stratum');
    expect(profiel.body).toContain('klantmanager Kim Aardam');
    expect((await kmBrowser.get(`${url}/verplichtingen`)).body).toContain('Supermarkt');
  });

  it('re-renders the edit form with 422 keeping what was typed, maps a row error to its row, then saves (303)', async () => {
    const formulier = await kmBrowser.get(`/klanten/${klantA}/wijzigen`);
    expect(formulier.statusCode).toBe(200);
    expect(formulier.body).toContain('value="El Amrani"');
    expect(formulier.body).not.toContain(BSN);
    const fout = await kmBrowser.post(`/klanten/${klantA}`, {
      achternaam: 'El Amrani-Bakker',
      geboortedatum: '1979-02-14',
      email: 'geen-adres',
      // Row 0 left empty, row 1 filled with too many hours: the error belongs to the form's row 1.
      'werk.1.urenPerWeek': '200',
    });
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('value="El Amrani-Bakker"');
    expect(fout.body).toContain('href="#email"');
    expect(fout.body).toContain('href="#werk-1-urenPerWeek"');

    const ok = await kmBrowser.post(`/klanten/${klantA}`, {
      achternaam: 'El Amrani-Bakker',
      voornamen: 'Fatima',
      geboortedatum: '1979-02-14',
      postcode: '5611 AB',
      maxUrenPerWeek: '16',
      beperkingen: 'werktijden',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/klanten/${klantA}?melding=gewijzigd`);
    const na = await kmBrowser.get(ok.headers.location as string);
    expect(na.body).toContain('Fatima El Amrani-Bakker');
    expect(na.body).toContain('16 uur per week');
    // The BSN stayed (an empty BSN field means: keep).
    expect(na.body).toContain('*****2333');
  });
});
