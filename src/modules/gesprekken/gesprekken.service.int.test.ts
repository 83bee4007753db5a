import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker, insertTeam } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { insertKlant } from '../../../test/factories/klanten.ts';
import { insertOrganisatie } from '../../../test/factories/netwerk.ts';
import { withContext } from '../../db/context.ts';
import { AppError } from '../../http/app-error.ts';
import { dbContext, type Gebruiker, systeemActor } from '../auth/index.ts';
import { createBeheerService } from '../beheer/index.ts';
import { createGemeentenService } from '../gemeenten/index.ts';
import { createKlantenService, medewerkersUitBeheer } from '../klanten/index.ts';
import { createLogboekService } from '../logboek/index.ts';
import { createNetwerkService, type NetwerkService } from '../netwerk/index.ts';
import { createGesprekkenService, GesprekInvoerfout, type GesprekkenService } from './index.ts';

/** Conversations and own proposals: access per role and caseload, the contract for other modules, the log. */

let db: TestDatabase;
let service: GesprekkenService;
let netwerk: NetwerkService;
let dienstId: string;
let A: string;
let B: string;
let km: Gebruiker;
let kmAnderTeam: Gebruiker;
let tl: Gebruiker;
let nm: Gebruiker;
let kmB: Gebruiker;
let klant: string;
let klant2: string;
let klantB: string;
let buurthuis: { id: string; naam: string };
let alleenB: { id: string; naam: string };

async function fout(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('verwachtte een fout');
}

const logregels = (subjectId: string) =>
  withContext(db.app, systeemActor('test', dienstId), (tx) =>
    tx
      .selectFrom('logboek')
      .select(['actie', 'actorId', 'subjectType', 'verwerkingsactiviteitId'])
      .where('subjectId', '=', subjectId)
      .orderBy('tijdstip')
      .orderBy('volgnummer')
      .execute(),
  );

const VOLLEDIG = {
  datum: '2026-11-20',
  deelnemers: ['Sanne Visser (klant)', 'Karin de Wit (klantmanager)'],
  krachtEnBekwaamheid: 'Kan goed plannen en is handig met computers.',
  wensen: 'Wil graag met dieren werken, later misschien in een dierenwinkel.',
  eigenVoorstel: 'Boodschappen doen voor de buurvrouw.',
  socialeOmgeving: 'Kent veel mensen in de wijk via de moskee.',
  notities: 'Open gesprek.',
  afspraken: 'Over twee weken samen naar de kinderboerderij.',
};

beforeAll(async () => {
  db = await createTestDatabase();
  const ga = await insertGemeente(db.app, { naam: 'Aardam' });
  dienstId = ga.dienstId;
  A = ga.gemeenteId;
  B = (await insertGemeente(db.app, { dienstId, naam: 'Bergdorp' })).gemeenteId;
  await createLogboekService(db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const gemeenten = createGemeentenService(db.app);
  const teamA = (await insertTeam(db.app, { dienstId, gemeenten: [A] })).teamId;
  const teamA2 = (await insertTeam(db.app, { dienstId, gemeenten: [A] })).teamId;
  const teamB = (await insertTeam(db.app, { dienstId, gemeenten: [B] })).teamId;
  const g = async (rol: Gebruiker['rol'], gem: string[], teams: string[]) =>
    actorVan(await insertGebruiker(db.app, { dienstId, rol, gemeenten: gem, teams, wachtwoord: null }), {
      gemeenten: gem,
      teams,
    });
  km = await g('klantmanager', [A], [teamA]);
  kmAnderTeam = await g('klantmanager', [A], [teamA2]);
  tl = await g('teamleider', [A], [teamA]);
  nm = await g('netwerkmakelaar', [A], []);
  kmB = await g('klantmanager', [B], [teamB]);
  netwerk = createNetwerkService({ db: db.app, gemeenten });
  const klanten = createKlantenService({
    db: db.app,
    bsnSleutels: undefined,
    gemeenten,
    medewerkers: medewerkersUitBeheer(createBeheerService(db.app, { gemeenten }), 0),
    netwerk,
  });
  service = createGesprekkenService({ db: db.app, klanten, netwerk });
  klant = (await insertKlant(db.app, { dienstId, gemeenteId: A, klantmanagerId: km.gebruikerId })).id;
  klant2 = (await insertKlant(db.app, { dienstId, gemeenteId: A, klantmanagerId: km.gebruikerId })).id;
  klantB = (await insertKlant(db.app, { dienstId, gemeenteId: B, klantmanagerId: kmB.gebruikerId })).id;
  buurthuis = await insertOrganisatie(db.app, { dienstId, gemeenten: [A], naam: 'Buurthuis De Linde' });
  alleenB = await insertOrganisatie(db.app, { dienstId, gemeenten: [B], naam: 'Buurthuis Bergdorp' });
});

describe('conversations', () => {
  it('a klantmanager records, reads and changes a conversation of their caseload; each step is logged', async () => {
    const voor = (await logregels(klant)).length;
    const g = await service.createGesprek(km, klant, {
      ...VOLLEDIG,
      deelnemers: ['  Sanne  Visser ', 'sanne visser', ''],
    });
    expect(g.deelnemers).toEqual(['Sanne Visser']);
    expect(g.onderdelen).toEqual({
      krachtEnBekwaamheid: true,
      wensen: true,
      eigenVoorstel: true,
      socialeOmgeving: true,
    });
    const gelezen = await service.findGesprek(km, g.id);
    expect(gelezen.gesprek.afspraken).toBe(VOLLEDIG.afspraken);
    expect(gelezen.klant.id).toBe(klant);

    // PATCH: absent stays, blank clears.
    const gewijzigd = await service.updateGesprek(km, g.id, { eigenVoorstel: '   ', notities: 'Aangevuld.' });
    expect(gewijzigd.eigenVoorstel).toBeNull();
    expect(gewijzigd.notities).toBe('Aangevuld.');
    expect(gewijzigd.wensen).toBe(VOLLEDIG.wensen);
    expect(gewijzigd.onderdelen.eigenVoorstel).toBe(false);

    const lijst = await service.gesprekkenVanKlant(km, klant);
    expect(lijst.gesprekken.map((x) => x.id)).toContain(g.id);

    const regels = (await logregels(klant)).slice(voor);
    const acties = regels.map((r) => r.actie);
    expect(acties).toContain('aanmaken');
    expect(acties).toContain('wijzigen');
    expect(acties.filter((a) => a === 'lezen').length).toBeGreaterThanOrEqual(2);
    expect(regels.every((r) => r.subjectType === 'klant' && r.actorId === km.gebruikerId)).toBe(true);
  });

  it('a colleague in the team reads; the teamleider reads but may not record', async () => {
    const g = await service.createGesprek(km, klant, { datum: '2026-11-21' });
    expect((await service.findGesprek(tl, g.id)).gesprek.id).toBe(g.id);
    expect((await fout(service.createGesprek(tl, klant, { datum: '2026-11-21' }))).status).toBe(403);
    expect((await fout(service.updateGesprek(tl, g.id, { notities: 'x' }))).status).toBe(403);
  });

  it('a klantmanager of another team, another municipality or the netwerkmakelaar gets nothing', async () => {
    const g = await service.createGesprek(km, klant, { datum: '2026-11-22' });
    expect((await fout(service.findGesprek(kmAnderTeam, g.id))).status).toBe(404);
    expect((await fout(service.createGesprek(kmAnderTeam, klant, { datum: '2026-11-22' }))).status).toBe(404);
    expect((await fout(service.updateGesprek(kmAnderTeam, g.id, { notities: 'x' }))).status).toBe(404);
    expect((await fout(service.findGesprek(kmB, g.id))).status).toBe(404);
    expect((await fout(service.gesprekkenVanKlant(kmB, klant))).status).toBe(404);
    expect((await fout(service.gesprekkenVanKlant(nm, klant))).status).toBe(403);
    expect((await fout(service.findGesprek(km, 'geen-uuid'))).status).toBe(404);
  });

  it('invalid input names the field in Dutch', async () => {
    const e = await fout(service.createGesprek(km, klant, { datum: '2026-02-30', notities: 'a\u0000b' }));
    expect(e).toBeInstanceOf(GesprekInvoerfout);
    expect(Object.keys((e as GesprekInvoerfout).velden).sort()).toEqual(['datum', 'notities']);
    const te = await fout(
      service.createGesprek(km, klant, {
        datum: '2026-11-01',
        deelnemers: Array.from({ length: 21 }, (_, i) => `P${i}`),
      }),
    );
    expect((te as GesprekInvoerfout).velden.deelnemers).toMatch(/20/);
  });
});

describe('contract for other modules', () => {
  it('samenvattingVoorKlant: the latest conversation and its filled parts; null without one; logged', async () => {
    expect(await service.samenvattingVoorKlant(km, klant2)).toBeNull();
    await service.createGesprek(km, klant2, { ...VOLLEDIG, datum: '2026-10-01' });
    const laatste = await service.createGesprek(km, klant2, {
      datum: '2026-11-01',
      wensen: 'Iets met kinderen.',
      socialeOmgeving: '  ',
    });
    const voor = (await logregels(klant2)).length;
    const s = await service.samenvattingVoorKlant(tl, klant2);
    expect(s).toEqual({
      id: laatste.id,
      datum: '2026-11-01',
      onderdelen: { krachtEnBekwaamheid: false, wensen: true, eigenVoorstel: false, socialeOmgeving: false },
    });
    expect((await logregels(klant2)).slice(voor).map((r) => r.actie)).toEqual(['lezen']);
    // Inside the caller's transaction.
    const inTx = await withContext(db.app, dbContext(km), (tx) =>
      service.samenvattingVoorKlant(km, klant2, { tx }),
    );
    expect(inTx?.id).toBe(laatste.id);
    // Another municipality: row-level security hides it; a role without access is refused.
    expect(await service.samenvattingVoorKlant(kmB, klant2)).toBeNull();
    expect((await fout(service.samenvattingVoorKlant(nm, klant2))).status).toBe(403);
  });

  it('wensenVanKlanten: parts (b) and (a) of the latest conversation that has them, per visible client', async () => {
    await service.createGesprek(kmB, klantB, { datum: '2026-11-01', wensen: 'Buiten werken.' });
    const voor = (await logregels(klant2)).length;
    const wensen = await service.wensenVanKlanten(nm, [klant2, klantB, 'geen-uuid', klant2]);
    // klant2's latest has only (b); klantB lies in another municipality.
    expect([...wensen.keys()]).toEqual([klant2]);
    expect(wensen.get(klant2)).toBe('Iets met kinderen.');
    const regels = (await logregels(klant2)).slice(voor);
    expect(regels).toEqual([
      expect.objectContaining({
        actie: 'lezen',
        verwerkingsactiviteitId: 'va-matching',
        actorId: nm.gebruikerId,
      }),
    ]);
    expect((await service.wensenVanKlanten(kmB, [klantB])).get(klantB)).toBe('Buiten werken.');
    expect(await service.wensenVanKlanten(km, [])).toEqual(new Map());
  });
});

describe('own proposals', () => {
  it('without a host: a maatwerk activity without organisation in the client municipality', async () => {
    const g = await service.createGesprek(km, klant, VOLLEDIG);
    const v = await service.createEigenVoorstel(km, g.id, {
      titel: 'Boodschappen doen voor de buurvrouw',
      omschrijving: 'Twee keer per week boodschappen doen voor mevrouw op nummer 12.',
      soort: 'zonder-organisatie',
      maatschappelijkNut: true,
      nutMotivering: 'Helpt een oudere buurvrouw zelfstandig te blijven wonen; geen betaald werk.',
      categorie: 'buurt-en-wijk',
      fysiekeBelasting: 'laag',
      urenPerWeek: 3,
    });
    expect(v.organisatieId).toBeNull();
    expect(v.activiteitId).not.toBeNull();
    const a = await netwerk.findActiviteit(km, v.activiteitId!);
    expect(a).toMatchObject({ isMaatwerk: true, organisatie: null, gemeenteIds: [A], plaatsen: 1 });
    expect((await service.findGesprek(km, g.id)).gesprek.eigenVoorstellen).toHaveLength(1);
  });

  it('at a new organisation: proposed to the netwerkmakelaar (voorgesteld), the activity too', async () => {
    const g = await service.createGesprek(km, klant, VOLLEDIG);
    const v = await service.createEigenVoorstel(km, g.id, {
      titel: 'Helpen bij de moestuin',
      omschrijving: 'Meewerken in de moestuin van de buurtvereniging.',
      soort: 'nieuwe-organisatie',
      nieuweOrganisatie: { naam: 'Moestuin De Groene Hoek', type: 'vereniging', plaats: 'Aardam' },
      maatschappelijkNut: true,
      nutMotivering: 'De moestuin levert groente aan de voedselbank.',
      categorie: 'natuur-en-dieren',
      fysiekeBelasting: 'midden',
      urenPerWeek: 4,
    });
    const o = await netwerk.findOrganisatie(km, v.organisatieId!);
    expect(o).toMatchObject({ naam: 'Moestuin De Groene Hoek', status: 'voorgesteld', gemeenteIds: [A] });
    const a = await netwerk.findActiviteit(km, v.activiteitId!);
    expect(a).toMatchObject({ status: 'voorgesteld', isMaatwerk: true });
    expect(v.nieuweOrganisatieNaam).toBe('Moestuin De Groene Hoek');
  });

  it('at a network organisation, which must serve the client municipality; not useful: no activity', async () => {
    const g = await service.createGesprek(km, klant, VOLLEDIG);
    const basis = {
      titel: 'Gastvrouw in het buurthuis',
      omschrijving: 'Koffie schenken.',
      soort: 'bestaande-organisatie' as const,
      maatschappelijkNut: true,
      nutMotivering: 'Ontmoeting in de wijk.',
      categorie: 'buurt-en-wijk' as const,
      fysiekeBelasting: 'laag' as const,
      urenPerWeek: 4,
    };
    const e = await fout(service.createEigenVoorstel(km, g.id, { ...basis, organisatieId: alleenB.id }));
    expect((e as GesprekInvoerfout).velden.organisatieId).toBeDefined();
    const v = await service.createEigenVoorstel(km, g.id, { ...basis, organisatieId: buurthuis.id });
    expect(v.organisatieId).toBe(buurthuis.id);
    expect((await netwerk.findActiviteit(km, v.activiteitId!)).organisatie?.id).toBe(buurthuis.id);

    const lijst = await service.eigenVoorstellenVanKlant(tl, klant);
    expect(lijst[0]?.id).toBe(v.id);
    expect(await service.eigenVoorstellenVanKlant(kmB, klant)).toEqual([]);
    const nee = await service.createEigenVoorstel(km, g.id, {
      ...basis,
      organisatieId: buurthuis.id,
      maatschappelijkNut: false,
      nutMotivering: 'Dit is werk dat het buurthuis normaal betaalt.',
      categorie: null,
      urenPerWeek: null,
    });
    expect(nee.activiteitId).toBeNull();
  });

  it('needs the motivation and, when useful, hours; only the klantmanager with access may', async () => {
    const g = await service.createGesprek(km, klant, VOLLEDIG);
    const e = await fout(
      service.createEigenVoorstel(km, g.id, {
        titel: 'Iets',
        omschrijving: 'Iets doen.',
        soort: 'zonder-organisatie',
        maatschappelijkNut: true,
        nutMotivering: ' ',
      }),
    );
    expect(Object.keys((e as GesprekInvoerfout).velden).sort()).toEqual([
      'categorie',
      'fysiekeBelasting',
      'nutMotivering',
      'urenPerWeek',
    ]);
    const geldig = {
      titel: 'Iets',
      omschrijving: 'Iets doen.',
      soort: 'zonder-organisatie' as const,
      maatschappelijkNut: false,
      nutMotivering: 'Niet nuttig genoeg.',
    };
    expect((await fout(service.createEigenVoorstel(tl, g.id, geldig))).status).toBe(403);
    expect((await fout(service.createEigenVoorstel(kmAnderTeam, g.id, geldig))).status).toBe(404);
    expect((await fout(service.createEigenVoorstel(kmB, g.id, geldig))).status).toBe(404);
  });
});

describe('retention', () => {
  it('conversations and proposals go with the client when the file is destroyed', async () => {
    const weg = (await insertKlant(db.app, { dienstId, gemeenteId: A, klantmanagerId: km.gebruikerId })).id;
    const g = await service.createGesprek(km, weg, VOLLEDIG);
    await service.createEigenVoorstel(km, g.id, {
      titel: 'Iets',
      omschrijving: 'Iets doen.',
      soort: 'zonder-organisatie',
      maatschappelijkNut: false,
      nutMotivering: 'Niet nuttig genoeg.',
    });
    const tel = () =>
      withContext(db.app, systeemActor('test', dienstId), async (tx) => [
        (await tx.selectFrom('gesprek').select('id').where('klantId', '=', weg).execute()).length,
        (await tx.selectFrom('eigenVoorstel').select('id').where('klantId', '=', weg).execute()).length,
      ]);
    expect(await tel()).toEqual([1, 1]);
    await withContext(db.app, dbContext(km), (tx) => tx.deleteFrom('klant').where('id', '=', weg).execute());
    expect(await tel()).toEqual([0, 0]);
  });
});
