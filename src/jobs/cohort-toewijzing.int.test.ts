import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_LOGBOEK_KEY } from '../../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/db.ts';
import { actorVan } from '../../test/factories/actoren.ts';
import { insertGebruiker } from '../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../test/factories/gemeenten.ts';
import { maakKlant } from '../../test/factories/klanten.ts';
import { maakActiviteit, maakOrganisatie } from '../../test/factories/netwerk.ts';
import { type Gebruiker, systeemActor } from '../modules/auth/index.ts';
import { createBeheerService } from '../modules/beheer/index.ts';
import { createGemeentenService } from '../modules/gemeenten/index.ts';
import { createKlantenService, medewerkersUitBeheer } from '../modules/klanten/index.ts';
import { createLogboekService } from '../modules/logboek/index.ts';
import { type CohortService, createCohortService } from '../modules/matching/index.ts';
import { createNetwerkService } from '../modules/netwerk/index.ts';
import { type Jobs, startJobs, Taken } from './index.ts';

// A large cohort goes through pg-boss: queued by the service, computed by the worker startJobs registers, on behalf
// of the team lead (the ranking's pairs come from a fixed table here: every client fits every activity).
let db: TestDatabase;
let jobs: Jobs;
let service: CohortService;
let tl: Gebruiker;
let gemeenteId: string;
const klantIds: string[] = [];
const fouten: unknown[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  const g = await insertGemeente(db.app);
  gemeenteId = g.gemeenteId;
  await createLogboekService(db.app).ensureStandaardRegister(systeemActor('test', g.dienstId), g.dienstId);
  tl = actorVan(
    await insertGebruiker(db.app, { dienstId: g.dienstId, rol: 'teamleider', gemeenten: [gemeenteId] }),
    {
      gemeenten: [gemeenteId],
    },
  );
  const nm = actorVan(
    await insertGebruiker(db.app, { dienstId: g.dienstId, rol: 'netwerkmakelaar', gemeenten: [gemeenteId] }),
    { gemeenten: [gemeenteId] },
  );
  const gemeenten = createGemeentenService(db.app);
  const klanten = createKlantenService({
    db: db.app,
    bsnSleutels: undefined,
    gemeenten,
    medewerkers: medewerkersUitBeheer(createBeheerService(db.app, { gemeenten }), 0),
  });
  const netwerk = createNetwerkService({ db: db.app, gemeenten });
  for (let i = 0; i < 3; i++) klantIds.push((await klanten.createKlant(tl, maakKlant({ gemeenteId }))).id);
  const organisatieId = (await netwerk.createOrganisatie(nm, maakOrganisatie({ gemeenteIds: [gemeenteId] })))
    .id;
  const activiteitId = (
    await netwerk.createActiviteit(
      nm,
      maakActiviteit({ gemeenteIds: [gemeenteId], organisatieId, plaatsen: 2 }),
    )
  ).id;
  const taken = new Taken();
  service = createCohortService({
    db: db.app,
    klanten,
    netwerk,
    kandidaten: async (_actor, invoer) => ({
      paren: invoer.klantIds.map((klantId, i) => ({
        klantId,
        activiteitId,
        score: 500 + i,
        redenen: ['Past'],
      })),
      uitgesloten: [],
    }),
    wachtrij: (opdracht) => taken.stuurCohortToewijzing(opdracht),
    direktTot: 0,
    meldFout: (e) => fouten.push(e),
  });
  taken.cohortToewijzing = (opdracht) => service.verwerk(opdracht);
  jobs = await startJobs({
    connectionString: db.ownerUrl,
    owner: db.owner,
    logboekSigningKey: TEST_LOGBOEK_KEY,
    pollingIntervalSeconds: 0.5,
    log: { info: () => {}, warn: () => {}, error: (obj) => fouten.push(obj) },
    taken,
  });
});
afterAll(async () => {
  await jobs?.stop();
});

it('computes a queued cohort in the background job and reports progress until it is done', async () => {
  const run = await service.startCohort(tl, { gemeenteId, klantIds });
  expect(run.status).toBe('wachtrij');
  let nu = run;
  for (let i = 0; i < 120 && nu.status !== 'klaar' && nu.status !== 'mislukt'; i++) {
    await new Promise((r) => setTimeout(r, 250));
    nu = await service.findRun(tl, run.id);
  }
  expect(fouten).toEqual([]);
  // two places, three clients: the two best fits (501, 502) get them
  expect(nu).toMatchObject({
    status: 'klaar',
    voortgang: 100,
    aantalKlanten: 3,
    aantalToegewezen: 2,
    doelwaarde: 1003,
  });
  const c = await service.findCohort(tl, run.id);
  expect(c.voorstellen.find((v) => v.klantId === klantIds[0])?.status).toBe('niet-toegewezen');
});
