import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY, TEST_LOGBOEK_KEY } from '../../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/db.ts';
import { insertGemeente } from '../../test/factories/gemeenten.ts';
import { systeemActor } from '../modules/auth/index.ts';
import { createBeheerService } from '../modules/beheer/index.ts';
import { createGemeentenService } from '../modules/gemeenten/index.ts';
import {
  createKlantenImportService,
  createKlantenService,
  type KlantenImportService,
  medewerkersUitBeheer,
  parseBsnSleutels,
} from '../modules/klanten/index.ts';
import { createLogboekService } from '../modules/logboek/index.ts';
import { type Jobs, startJobs, Taken } from './index.ts';

// A started client import goes through pg-boss: queued by the service, run by the worker startJobs registers.
let db: TestDatabase;
let jobs: Jobs;
let service: KlantenImportService;
let dienstId: string;
let gemeenteId: string;
const fouten: unknown[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  const g = await insertGemeente(db.app);
  dienstId = g.dienstId;
  gemeenteId = g.gemeenteId;
  await createLogboekService(db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const gemeenten = createGemeentenService(db.app);
  const bsnSleutels = parseBsnSleutels(TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY);
  const taken = new Taken();
  service = createKlantenImportService({
    db: db.app,
    klanten: createKlantenService({
      db: db.app,
      bsnSleutels,
      gemeenten,
      medewerkers: medewerkersUitBeheer(createBeheerService(db.app, { gemeenten })),
    }),
    bsnSleutels,
    wachtrij: (opdracht) => taken.stuurKlantenImport(opdracht),
    meldFout: (e) => fouten.push(e),
  });
  taken.klantenImport = (opdracht) => service.verwerk(opdracht);
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

describe('the klanten-import job', () => {
  it('runs a started import in the background until it is done', async () => {
    const actor = systeemActor('test:import', dienstId);
    const proef = await service.proefrun(actor, {
      gemeenteId,
      bestandsnaam: 'job.csv',
      bytes: new TextEncoder().encode(
        'klantnummer;achternaam;geboortedatum\nJ-1;A;1980-01-01\nJ-2;B;1981-01-01\n',
      ),
    });
    await service.start(actor, proef.id);
    let imp = await service.findImport(actor, proef.id);
    // Polls the import's own progress; the test's timeout bounds the wait (no timed assertion).
    while (imp.status === 'wachtend' || imp.status === 'bezig') {
      await new Promise((r) => setTimeout(r, 200));
      imp = await service.findImport(actor, proef.id);
    }
    expect(fouten).toEqual([]);
    expect(imp).toMatchObject({ status: 'klaar', verwerkt: 2, aangemaakt: 2 });
  });
});
