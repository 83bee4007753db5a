import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { ingelogdAls, type TestBrowser } from '../../../test/browser.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker, insertTeam, type TestGebruiker } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { insertLopendeTegenprestatie, uitvoeringDiensten } from '../../../test/factories/uitvoering.ts';
import type { Bericht, Mailer } from '../../mail/index.ts';
import { type Gebruiker, systeemActor } from '../auth/index.ts';
import { createBeheerService } from '../beheer/index.ts';
import { medewerkersUitBeheer, plusDagen, plusMaanden } from '../klanten/index.ts';
import { createLogboekService } from '../logboek/index.ts';
import { createUitvoeringService } from '../uitvoering/index.ts';
import { createSignaalBronnen } from './bronnen.ts';
import { createSignalenService, SIGNAAL_MAIL, type SignalenService } from './signalen.service.ts';

let t: TestApp;
let service: SignalenService;
let dienstId: string;
let A: string;
let km: TestGebruiker;
let kmActor: Gebruiker;
let tl: TestGebruiker;
let tlActor: Gebruiker;
let kmBrowser: TestBrowser;
let lopend: { id: string; klantId: string };
let klantNaam: string;
let diensten: ReturnType<typeof uitvoeringDiensten>;
let uitvoering: ReturnType<typeof createUitvoeringService>;
const post: Bericht[] = [];
const mailer: Mailer = { soort: 'smtp', verstuur: async (b) => void post.push(b) };
/** The controlled clock: the start plus 30 days, no hours; evaluation 10 days ahead, end 20 days ahead. */
const START = '2026-10-01';
const VANDAAG = plusDagen(START, 30);

beforeAll(async () => {
  t = await createTestApp();
  const g = await insertGemeente(t.db.app, { naam: 'Aardam', code: 'GM9941' });
  dienstId = g.dienstId;
  A = g.gemeenteId;
  await createLogboekService(t.db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const t1 = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  km = await insertGebruiker(t.db.app, { dienstId, rol: 'klantmanager', gemeenten: [A], teams: [t1] });
  tl = await insertGebruiker(t.db.app, { dienstId, rol: 'teamleider', gemeenten: [A], teams: [t1] });
  kmActor = actorVan(km, { gemeenten: [A], teams: [t1] });
  tlActor = actorVan(tl, { gemeenten: [A], teams: [t1] });
  const d = uitvoeringDiensten(t.db.app);
  diensten = d;
  lopend = await insertLopendeTegenprestatie(t.db.app, {
    km: kmActor,
    gemeenteId: A,
    startdatum: START,
    einddatum: plusDagen(VANDAAG, 20),
    evaluatiedata: [plusDagen(VANDAAG, 10)],
  });
  klantNaam = (await d.klanten.findKlant(kmActor, lopend.klantId)).naam;
  // Stuck in toetsing since today (real clock) and geen medewerking are covered by the rules' table tests.
  const beheer = createBeheerService(t.db.app, { gemeenten: d.gemeenten });
  uitvoering = createUitvoeringService({
    db: t.db.app,
    tegenprestaties: d.tegenprestaties,
    klanten: d.klanten,
    afspraakVoorStart: () => Promise.reject(new Error('no start by hand in this test')),
    bereidIntrekkingVoor: () => Promise.reject(new Error('no revocation in this test')),
  });
  service = createSignalenService({
    db: t.db.app,
    bronnen: createSignaalBronnen({
      tegenprestaties: d.tegenprestaties,
      uitvoering,
      klanten: d.klanten,
      netwerk: d.netwerk,
      medewerkers: medewerkersUitBeheer(beheer, 0),
    }),
    mailer,
    adressen: async () => new Map([[km.gebruikerId, km.email]]),
    publicUrl: 'https://wederkerig.example.nl/',
  });
  // An exemption of another client that ends in 3 weeks (of the real today: exemptions are kept for today).
  const ander = await d.klanten.createKlant(kmActor, {
    klantnummer: 'K-ONTH-1',
    achternaam: 'Ontheven',
    geboortedatum: '1980-01-01',
    gemeenteId: A,
    klantmanagerId: km.gebruikerId,
  });
  await d.klanten.createOntheffing(kmActor, ander.id, {
    type: 'dringende-redenen',
    begindatum: '2026-01-01',
    einddatum: plusDagen(new Date().toISOString().slice(0, 10), 21),
    reden: 'Mantelzorg voor een ouder.',
  });
  kmBrowser = await ingelogdAls(t.app, km);
});

describe('signals with a controlled clock', () => {
  it('fire once per cause: evaluation due, end near, no hours for 3 weeks; a second run adds nothing', async () => {
    const eerste = await service.maakSignalen(systeemActor('test:signalen', dienstId), { vandaag: VANDAAG });
    expect(eerste.nieuw).toBeGreaterThanOrEqual(3);
    const tweede = await service.maakSignalen(systeemActor('test:signalen', dienstId), { vandaag: VANDAAG });
    expect(tweede.nieuw).toBe(0);
    const inbox = await service.findSignalen(kmActor);
    const soorten = inbox.map((s) => s.soort).sort();
    expect(soorten).toEqual(['einde-nadert', 'evaluatie-nadert', 'geen-uren']);
    for (const s of inbox) {
      expect(s.tekst).toContain(klantNaam);
      expect(s.tekst).not.toMatch(/\d{9}/);
    }
    // One e-mail per run and recipient, without client details.
    expect(post).toHaveLength(1);
    expect(post[0]).toMatchObject({ aan: km.email, onderwerp: SIGNAAL_MAIL.onderwerp });
    expect(post[0]?.tekst).toContain('https://wederkerig.example.nl/signalen');
    expect(post[0]?.tekst).not.toContain(klantNaam);
    // The team lead's inbox does not hold the caseworker's signals (row-level security and the query).
    expect(await service.findSignalen(tlActor)).toEqual([]);
  });

  it('the exemption signal fires for an exemption ending within 4 weeks', async () => {
    const vandaag = new Date().toISOString().slice(0, 10);
    await service.maakSignalen(systeemActor('test:signalen', dienstId), { vandaag });
    const s = (await service.findSignalen(kmActor)).filter((x) => x.soort === 'ontheffing-eindigt');
    expect(s).toHaveLength(1);
    expect(s[0]?.link).toMatch(/^\/klanten\/[0-9a-f-]{36}\/verplichtingen$/);
    expect(plusMaanden(vandaag, 1) >= (s[0]?.datum ?? '')).toBe(true);
  });

  it('inbox page with the count in the header; read and done; nobody else can mark them', async () => {
    const start = await kmBrowser.get('/');
    const aantal = (await service.telOngelezen(kmActor)).toString();
    expect(start.body).toContain(`<span class="wk-teller">${aantal}</span>`);
    const pagina = await kmBrowser.get('/signalen');
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain('Evaluatie over 2 weken');
    const id = /action="\/signalen\/([0-9a-f-]{36})"/.exec(pagina.body)?.[1] ?? '';
    const tlBrowser = await ingelogdAls(t.app, tl);
    expect((await tlBrowser.get('/signalen')).body).toContain('U heeft geen open signalen.');
    expect((await tlBrowser.post(`/signalen/${id}`, { actie: 'gelezen' })).statusCode).toBe(404);
    expect((await kmBrowser.post(`/signalen/${id}`, { actie: 'gelezen' })).statusCode).toBe(303);
    expect(await service.telOngelezen(kmActor)).toBe(Number(aantal) - 1);
    expect((await kmBrowser.post(`/signalen/${id}`, { actie: 'afgehandeld' })).statusCode).toBe(303);
    expect((await kmBrowser.get('/signalen')).body).not.toContain(`/signalen/${id}"`);
    expect((await kmBrowser.get('/signalen?alle=ja')).body).toContain(`/signalen/${id}"`);
    expect((await kmBrowser.post(`/signalen/${id}`, { actie: 'iets' })).statusCode).toBe(400);
  });

  it('uren-wijken-af: a finished week far from the agreed hours tells the caseworker, and changes nothing else', async () => {
    const p = await insertLopendeTegenprestatie(t.db.app, {
      km: kmActor,
      gemeenteId: A,
      startdatum: '2026-10-05',
    });
    // Agreed 8 hours a week; the week of 12 October has 2.
    await uitvoering.registreerUren(
      kmActor,
      p.id,
      { dagen: [{ datum: '2026-10-12', uren: 2 }] },
      { bron: 'formulier' },
    );
    const voor = await diensten.tegenprestaties.findTegenprestatie(kmActor, p.id);
    const uit = await service.maakSignalen(systeemActor('test:signalen', dienstId), {
      vandaag: '2026-10-21',
    });
    expect(uit.nieuw).toBe(1);
    const s = (await service.findSignalen(kmActor)).filter((x) => x.soort === 'uren-wijken-af');
    expect(s).toMatchObject([
      {
        datum: '2026-10-12',
        link: `/tegenprestaties/${p.id}/uitvoering?week=2026-10-12#uren`,
        tekst: expect.stringContaining('2 uur; afgesproken is 8 uur per week'),
      },
    ]);
    // A signal never creates an incident or measure: the placement, its history and its hours are as before.
    const na = await diensten.tegenprestaties.findTegenprestatie(kmActor, p.id);
    expect(na).toEqual(voor);
    expect((await uitvoering.findUren(kmActor, p.id)).map((u) => [u.datum, u.uren])).toEqual([
      ['2026-10-12', 2],
    ]);
    // The next day: the same week, the same cause, nothing new.
    expect(
      (await service.maakSignalen(systeemActor('test:signalen', dienstId), { vandaag: '2026-10-22' })).nieuw,
    ).toBe(0);
  });
});
