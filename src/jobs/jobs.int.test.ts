import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_LOGBOEK_KEY } from '../../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/db.ts';
import { withContext } from '../db/context.ts';
import {
  type Jobs,
  LOGBOEK_ONDERHOUD,
  LOGBOEK_ONDERHOUD_CRON,
  OVEREENKOMSTEN_STARTEN,
  OVEREENKOMSTEN_STARTEN_CRON,
  startJobs,
  Taken,
} from './index.ts';

// The one test that starts pg-boss: the maintenance job is registered, scheduled nightly, and runs.
let db: TestDatabase;
let jobs: Jobs;
const fouten: unknown[] = [];
/** The reasons the agreements' start job was called with (its handler is the overeenkomsten service's). */
const gestart: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  const taken = new Taken();
  taken.overeenkomstenStarten = async (reden) => {
    gestart.push(reden);
    return { gestart: 0 };
  };
  jobs = await startJobs({
    taken,
    connectionString: db.ownerUrl,
    owner: db.owner,
    logboekSigningKey: TEST_LOGBOEK_KEY,
    pollingIntervalSeconds: 0.5,
    log: { info: () => {}, warn: () => {}, error: (obj) => fouten.push(obj) },
  });
});
afterAll(async () => {
  await jobs?.stop();
});

const wacht = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('jobs', () => {
  it('schedules the access log maintenance nightly', async () => {
    const schedules = await jobs.boss.getSchedules();
    expect(schedules).toContainEqual(
      expect.objectContaining({ name: LOGBOEK_ONDERHOUD, cron: LOGBOEK_ONDERHOUD_CRON }),
    );
  });

  it('runs the maintenance job: partitions ahead, anchor signed', async () => {
    const id = await jobs.runNow(LOGBOEK_ONDERHOUD);
    expect(id).toBeTruthy();
    let state: string | undefined;
    // Polls the job's state; the test's own timeout bounds the wait (no timed assertion).
    while (state !== 'completed' && state !== 'failed') {
      await wacht(200);
      state = (await jobs.boss.getJobById(LOGBOEK_ONDERHOUD, id!))?.state;
    }
    expect(fouten).toEqual([]);
    expect(state).toBe('completed');
    const inst = await withContext(db.owner, { kind: 'systeem', reden: 'test' }, (tx) =>
      tx.selectFrom('logboekInstelling').select(['eerstePartitie', 'ankerZegel']).executeTakeFirstOrThrow(),
    );
    expect(inst.ankerZegel).toMatch(/^[0-9a-f]{64}$/);
    const partities = await withContext(db.owner, { kind: 'systeem', reden: 'test' }, (tx) =>
      tx.selectFrom('logboekPartitie').select('van').execute(),
    );
    // This month and three ahead.
    expect(partities.length).toBeGreaterThanOrEqual(4);
  });

  it('schedules the agreements start daily (Europe/Amsterdam) and runs it as the logged job', async () => {
    const schedules = await jobs.boss.getSchedules();
    expect(schedules).toContainEqual(
      expect.objectContaining({
        name: OVEREENKOMSTEN_STARTEN,
        cron: OVEREENKOMSTEN_STARTEN_CRON,
        options: expect.objectContaining({ tz: 'Europe/Amsterdam' }),
      }),
    );
    const id = await jobs.runNow(OVEREENKOMSTEN_STARTEN);
    let state: string | undefined;
    while (state !== 'completed' && state !== 'failed') {
      await wacht(200);
      state = (await jobs.boss.getJobById(OVEREENKOMSTEN_STARTEN, id!))?.state;
    }
    expect(state).toBe('completed');
    expect(gestart).toEqual([`job:${OVEREENKOMSTEN_STARTEN}`]);
  });
});
