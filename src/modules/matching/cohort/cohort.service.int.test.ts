import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY } from '../../../../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/db.ts';
import { actorVan } from '../../../../test/factories/actoren.ts';
import { insertGebruiker, insertTeam } from '../../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../../test/factories/gemeenten.ts';
import { maakKlant } from '../../../../test/factories/klanten.ts';
import { maakActiviteit, maakOrganisatie, maakToets } from '../../../../test/factories/netwerk.ts';
import { withContext } from '../../../db/context.ts';
import { AppError } from '../../../http/app-error.ts';
import { type Gebruiker, systeemActor } from '../../auth/index.ts';
import { createBeheerService } from '../../beheer/index.ts';
import { createGemeentenService } from '../../gemeenten/index.ts';
import {
  createKlantenService,
  type KlantenService,
  medewerkersUitBeheer,
  parseBsnSleutels,
} from '../../klanten/index.ts';
import { createLogboekService } from '../../logboek/index.ts';
import { createNetwerkService, type NetwerkService } from '../../netwerk/index.ts';
import { createTegenprestatiesService, type TegenprestatiesService } from '../../tegenprestaties/index.ts';
import {
  type CohortKandidaten,
  type CohortOpdracht,
  type CohortService,
  createCohortService,
  REDEN_PLAATSEN_VERGEVEN,
} from './cohort.service.ts';

// The cohort service with the real klanten, netwerk and tegenprestaties services. The ranking's candidate pairs come
// from a fixed table that keeps to `kandidatenVoorCohort`'s contract (pairs with integer scores and reasons, the
// clients without a candidate in `uitgesloten`), so that the optimum is known by hand.

let db: TestDatabase;
let service: CohortService;
let klanten: KlantenService;
let netwerk: NetwerkService;
let tegenprestaties: TegenprestatiesService;
let A: string;
let B: string;
let tl: Gebruiker;
let tlB: Gebruiker;
let km: Gebruiker;
let nm: Gebruiker;
/** k1…k5 in A; kB in B. */
const k: string[] = [];
/** act1: 1 free place; act2: 2 free places; zonderToets: no displacement assessment (never in the cohort). */
let act1: string;
let act2: string;
let organisatie: string;
let kB: string;
const wachtrij: CohortOpdracht[] = [];
const gevraagd: Array<{ klantIds: string[]; activiteitIds: string[]; k: number }> = [];

async function fout(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

/**
 * The candidate table: k1 prefers act1 (900) over act2 (500); k2 act1 800, act2 700; k3 only act1 (700); k4 has no
 * candidate (too far); k5 only act2 (600). Optimum with places act1 = 1, act2 = 2: k1→act1, k2→act2, k5→act2 =
 * 2200; k3 is left without a place (act1 went to k1, for whom it added more).
 */
function kandidatenTabel(): Map<string, Array<[string, number]>> {
  return new Map([
    [
      k[0]!,
      [
        [act1, 900],
        [act2, 500],
      ],
    ],
    [
      k[1]!,
      [
        [act1, 800],
        [act2, 700],
      ],
    ],
    [k[2]!, [[act1, 700]]],
    [k[4]!, [[act2, 600]]],
  ]);
}

async function kandidatenVoorCohort(
  _actor: unknown,
  invoer: { klantIds: string[]; activiteitIds: string[]; k: number },
): Promise<CohortKandidaten> {
  gevraagd.push(invoer);
  const tabel = kandidatenTabel();
  const paren: CohortKandidaten['paren'] = [];
  const uitgesloten: CohortKandidaten['uitgesloten'] = [];
  for (const klantId of invoer.klantIds) {
    const rij = (tabel.get(klantId) ?? [])
      .filter(([a]) => invoer.activiteitIds.includes(a))
      .slice(0, invoer.k);
    if (rij.length === 0) uitgesloten.push({ klantId, reden: 'Reistijd te lang voor alle activiteiten.' });
    for (const [activiteitId, score] of rij)
      paren.push({ klantId, activiteitId, score, redenen: [`Past goed (${score})`, 'In de eigen wijk'] });
  }
  return { paren, uitgesloten };
}

const logregels = (subjectId: string) =>
  withContext(db.app, systeemActor('test'), (tx) =>
    tx
      .selectFrom('logboek')
      .select(['actie', 'subjectType', 'actorId', 'verwerkingsactiviteitId'])
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
  await createLogboekService(db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const gemeenten = createGemeentenService(db.app);
  const tA = (await insertTeam(db.app, { dienstId, gemeenten: [A] })).teamId;
  const tB = (await insertTeam(db.app, { dienstId, gemeenten: [B] })).teamId;
  const medewerker = async (rol: Gebruiker['rol'], gem: string[], teams: string[]) =>
    actorVan(await insertGebruiker(db.app, { dienstId, rol, gemeenten: gem, teams }), {
      gemeenten: gem,
      teams,
    });
  tl = await medewerker('teamleider', [A], [tA]);
  tlB = await medewerker('teamleider', [B], [tB]);
  km = await medewerker('klantmanager', [A], [tA]);
  nm = await medewerker('netwerkmakelaar', [A, B], []);
  netwerk = createNetwerkService({ db: db.app, gemeenten });
  klanten = createKlantenService({
    db: db.app,
    bsnSleutels: parseBsnSleutels(TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY),
    gemeenten,
    medewerkers: medewerkersUitBeheer(createBeheerService(db.app, { gemeenten }), 0),
  });
  tegenprestaties = createTegenprestatiesService({
    db: db.app,
    klanten,
    netwerk,
    // Imposing is not what this test is about: the guard answers no (fail closed).
    opleggenToegestaan: () => false,
  });
  for (let i = 0; i < 5; i++) k.push((await klanten.createKlant(tl, maakKlant({ gemeenteId: A }))).id);
  kB = (await klanten.createKlant(tlB, maakKlant({ gemeenteId: B }))).id;
  organisatie = (await netwerk.createOrganisatie(nm, maakOrganisatie({ gemeenteIds: [A, B] }))).id;
  const organisatieId = organisatie;
  const maak = async (plaatsen: number) =>
    (await netwerk.createActiviteit(nm, maakActiviteit({ gemeenteIds: [A], organisatieId, plaatsen }))).id;
  act1 = await maak(1);
  act2 = await maak(2);
  for (const id of [act1, act2]) await netwerk.createVerdringingstoets(nm, id, maakToets());
  service = createCohortService({
    db: db.app,
    klanten,
    netwerk,
    kandidaten: kandidatenVoorCohort,
    verkenning: (actor, input) => tegenprestaties.bereidVerkenningVoor(actor, input),
    wachtrij: async (opdracht) => {
      wachtrij.push(opdracht);
    },
    direktTot: 5,
  });
  expect(kB).toBeDefined();
});

describe('startCohort and findCohort', () => {
  it('computes the optimal proposal right away for a small cohort, with reasons and why clients were left out', async () => {
    const run = await service.startCohort(tl, { gemeenteId: A, klantIds: k, activiteitIds: [act1, act2] });
    expect(run).toMatchObject({
      status: 'klaar',
      voortgang: 100,
      aantalKlanten: 5,
      aantalActiviteiten: 2,
      aantalPlaatsen: 3,
      aantalParen: 6,
      aantalToegewezen: 3,
      doelwaarde: 2200,
      k: 50,
    });
    expect(gevraagd.at(-1)).toEqual({ klantIds: k, activiteitIds: [act1, act2], k: 50 });

    const c = await service.findCohort(tl, run.id);
    expect(c.totaalVoorstellen).toBe(5);
    const per = new Map(c.voorstellen.map((v) => [v.klantId, v]));
    expect(per.get(k[0]!)).toMatchObject({
      activiteitId: act1,
      score: 900,
      status: 'voorgesteld',
      eersteKeusId: null,
    });
    expect(per.get(k[0]!)?.redenen).toEqual(['Past goed (900)', 'In de eigen wijk']);
    // k2's first choice (act1) went to k1: it gets act2 and the proposal says so.
    expect(per.get(k[1]!)).toMatchObject({ activiteitId: act2, score: 700, eersteKeusId: act1 });
    expect(per.get(k[4]!)).toMatchObject({ activiteitId: act2, score: 600 });
    expect(per.get(k[2]!)).toMatchObject({
      activiteitId: null,
      status: 'niet-toegewezen',
      reden: REDEN_PLAATSEN_VERGEVEN,
      eersteKeusId: act1,
    });
    expect(per.get(k[3]!)).toMatchObject({
      activiteitId: null,
      reden: 'Reistijd te lang voor alle activiteiten.',
      eersteKeusId: null,
    });
    // assigned pairs first, best score first; never more than an activity's places
    expect(c.voorstellen.map((v) => v.score)).toEqual([900, 700, 600, null, null]);
    const bezet = c.voorstellen.filter((v) => v.activiteitId === act2).length;
    expect(bezet).toBeLessThanOrEqual(2);

    // reading the proposal is logged per client, as the team lead
    const log = await logregels(k[2]!);
    expect(log).toContainEqual({
      actie: 'lezen',
      subjectType: 'klant',
      actorId: tl.gebruikerId,
      verwerkingsactiviteitId: 'va-matching',
    });
    expect(log.some((r) => r.actie === 'aanmaken')).toBe(true);

    // one page at a time, and only the unassigned
    const p2 = await service.findCohort(tl, run.id, { pagina: 2, paginaGrootte: 2 });
    expect(p2.voorstellen.map((v) => v.score)).toEqual([600, null]);
    const zonder = await service.findCohort(tl, run.id, { status: 'niet-toegewezen' });
    expect(zonder.voorstellen.map((v) => v.klantId).sort()).toEqual([k[2]!, k[3]!].sort());
  });

  it('uses all active activities with free places when none are chosen, and a selection of clients', async () => {
    const zonderToets = (
      await netwerk.createActiviteit(
        nm,
        maakActiviteit({
          gemeenteIds: [A],
          organisatieId: organisatie,
          plaatsen: 3,
          titel: 'Nog niet getoetst',
        }),
      )
    ).id;
    // five clients in A: not more than direktTot, so computed in the request
    const run = await service.startCohort(tl, { gemeenteId: A, selectie: {} });
    expect(run.status).toBe('klaar');
    expect(run.aantalKlanten).toBe(5);
    const laatste = gevraagd.at(-1)!;
    expect([...laatste.klantIds].sort()).toEqual([...k].sort());
    expect(laatste.activiteitIds).toEqual(expect.arrayContaining([act1, act2]));
    expect(run.doelwaarde).toBe(2200);
    // the ranking decides about an activity without assessment; its free places are offered to it
    expect(laatste.activiteitIds.includes(zonderToets)).toBe(true);
  });

  it('queues a large cohort as a background job that computes it on behalf of the team lead', async () => {
    const extra = [];
    for (let i = 0; i < 2; i++) extra.push((await klanten.createKlant(tl, maakKlant({ gemeenteId: A }))).id);
    const run = await service.startCohort(tl, {
      gemeenteId: A,
      klantIds: [...k, ...extra],
      activiteitIds: [act1, act2],
      k: 10,
    });
    expect(run.status).toBe('wachtrij');
    expect(run.voortgang).toBe(0);
    const opdracht = wachtrij.at(-1)!;
    expect(opdracht).toMatchObject({
      runId: run.id,
      uitvoerder: { gebruikerId: tl.gebruikerId, rol: 'teamleider' },
    });
    await service.verwerk(opdracht);
    const klaar = await service.findRun(tl, run.id);
    expect(klaar).toMatchObject({
      status: 'klaar',
      aantalKlanten: 7,
      aantalToegewezen: 3,
      doelwaarde: 2200,
      k: 10,
    });
    expect(gevraagd.at(-1)?.k).toBe(10);
    // a second delivery of the same job changes nothing
    await service.verwerk(opdracht);
    expect((await service.findCohort(tl, run.id)).totaalVoorstellen).toBe(7);
  });

  it('is for the team lead only, within their own municipalities', async () => {
    expect((await fout(service.startCohort(km, { gemeenteId: A, klantIds: k }))).status).toBe(403);
    expect((await fout(service.startCohort(nm, { gemeenteId: A, klantIds: k }))).status).toBe(403);
    expect((await fout(service.startCohort(tlB, { gemeenteId: A, klantIds: k }))).status).toBe(404);
    const run = await service.startCohort(tl, { gemeenteId: A, klantIds: [k[0]!] });
    expect((await fout(service.findCohort(km, run.id))).status).toBe(403);
    expect((await fout(service.findCohort(tlB, run.id))).status).toBe(404);
    expect((await fout(service.beslis(tlB, run.id, { accepteer: [k[0]!] }))).status).toBe(404);
    expect(await service.findRuns(tlB)).toEqual([]);
    expect((await service.findRuns(tl)).map((r) => r.id)).toContain(run.id);
  });

  it('refuses invalid input with a message per field', async () => {
    const e = await fout(service.startCohort(tl, { gemeenteId: A }));
    expect(e.status).toBe(400);
    expect(e.userMessage).toContain('Kies klanten');
    const e2 = await fout(service.startCohort(tl, { gemeenteId: A, klantIds: [], k: 0 }));
    expect(e2.status).toBe(400);
    // a client of another municipality (or an unknown id) is refused before anything is computed
    const e3 = await fout(service.startCohort(tl, { gemeenteId: A, klantIds: [k[0]!, kB] }));
    expect(e3.status).toBe(400);
    expect(e3.userMessage).toBe('1 van de gekozen klanten hoort niet bij deze gemeente of bestaat niet.');
  });
});

describe('beslis', () => {
  it('opens a verkenning per accepted pair carrying the suggestion, rejects others, skips what cannot be accepted', async () => {
    const run = await service.startCohort(tl, { gemeenteId: A, klantIds: k, activiteitIds: [act1, act2] });
    const uitkomst = await service.beslis(tl, run.id, { accepteer: [k[0]!, k[2]!], wijsAf: [k[1]!] });
    expect(uitkomst.geaccepteerd.map((g) => g.klantId)).toEqual([k[0]!]);
    expect(uitkomst.afgewezen).toEqual([k[1]!]);
    expect(uitkomst.overgeslagen).toEqual([
      { klantId: k[2]!, reden: 'Voor deze klant is geen paar voorgesteld.' },
    ]);

    const t = await tegenprestaties.findTegenprestatie(tl, uitkomst.geaccepteerd[0]!.tegenprestatieId);
    expect(t).toMatchObject({ klantId: k[0]!, activiteitId: act1, status: 'verkenning' });
    expect(t.suggestie).toEqual({
      bron: 'cohort',
      score: 900,
      redenen: ['Past goed (900)', 'In de eigen wijk'],
    });

    const c = await service.findCohort(tl, run.id);
    const per = new Map(c.voorstellen.map((v) => [v.klantId, v]));
    expect(per.get(k[0]!)).toMatchObject({ status: 'geaccepteerd', tegenprestatieId: t.id });
    expect(per.get(k[1]!)?.status).toBe('afgewezen');

    // accepting again is idempotent; a rejected pair can still be accepted; the klantmanager may not decide
    const nogmaals = await service.beslis(tl, run.id, { accepteer: [k[0]!, k[1]!] });
    expect(nogmaals.geaccepteerd).toContainEqual({ klantId: k[0]!, tegenprestatieId: t.id });
    expect(nogmaals.geaccepteerd.map((g) => g.klantId)).toContain(k[1]!);
    expect((await fout(service.beslis(km, run.id, { accepteer: [k[4]!] }))).status).toBe(403);
    const leeg = await fout(service.beslis(tl, run.id, {}));
    expect(leeg.status).toBe(400);
  });
});
