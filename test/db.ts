import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { createPools, type Pools, type VerbindingLimieten } from '../src/db/database.ts';
import { createDemoServices, type DemoResult, loadDemo } from '../src/demo/demo.ts';
import { systeemActor } from '../src/modules/auth/index.ts';
import { parseBsnSleutels } from '../src/modules/klanten/index.ts';
import { TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY } from './constants.ts';
import { withDatabase } from './global-setup.ts';

export interface TestDatabase extends Pools {
  name: string;
  appUrl: string;
  ownerUrl: string;
  systeemUrl: string;
}

async function adminClient(): Promise<pg.Client> {
  const admin = new pg.Client({ connectionString: inject('testAdminUrl') });
  await admin.connect();
  return admin;
}

function ownerRole(admin: pg.Client): string {
  return admin.escapeIdentifier(decodeURIComponent(new URL(inject('testOwnerUrl')).username));
}

/** The app pool of a test database: its size (default 5) and timeouts (default: the app's own). */
export interface TestPoolOpties {
  max?: number;
  limieten?: VerbindingLimieten;
}

/** Opens both pools on a database that exists; `dropAfterAll` drops it after the file. */
function openDatabase(name: string, dropAfterAll: boolean, pool: TestPoolOpties = {}): TestDatabase {
  const appUrl = withDatabase(inject('testAppUrl'), name);
  const ownerUrl = withDatabase(inject('testOwnerUrl'), name);
  const systeemUrl = withDatabase(inject('testSysteemUrl'), name);
  const pools = createPools({
    appUrl,
    ownerUrl,
    systeemUrl,
    max: pool.max ?? 5,
    ...(pool.limieten ? { limieten: pool.limieten } : {}),
  });
  const db: TestDatabase = { ...pools, name, appUrl, ownerUrl, systeemUrl };
  if (dropAfterAll) {
    afterAll(async () => {
      await pools.close();
      const a = await adminClient();
      try {
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.end();
      }
    });
  }
  return db;
}

async function cloneDatabase(template: string): Promise<string> {
  const name = `wk_test_${randomBytes(6).toString('hex')}`;
  const admin = await adminClient();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template} OWNER ${ownerRole(admin)}`);
  } finally {
    await admin.end();
  }
  return name;
}

/**
 * A fresh database for this test file, created from the migrated template, dropped after the file.
 * `app` connects as the application role (row-level security applies), `owner` as the owner. `max` sizes the
 * app pool (default 5), `limieten` sets its timeouts (default: the app's own).
 */
export async function createTestDatabase(pool: TestPoolOpties = {}): Promise<TestDatabase> {
  return openDatabase(await cloneDatabase(inject('testTemplate')), true, pool);
}

/** Which demo: the one `npm run demo` loads without BSN keys, or the one with (fictional) BSNs. */
export type DemoVariant = 'zonder-bsn' | 'met-bsn';

/**
 * The name of a database holding the migrated schema with the demo loaded, made once per test run and variant by
 * whichever test file asks first (other workers wait on an advisory lock), and its DemoResult, kept as the
 * database's comment. Loading the demo takes 15–40 s; cloning it takes well under one.
 */
async function demoTemplate(variant: DemoVariant): Promise<{ name: string; demo: DemoResult }> {
  const name = `${inject('testTemplate')}_demo_${variant.replace('-', '_')}`;
  const admin = await adminClient();
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    const bestaand = await admin.query<{ comment: string | null }>(
      'SELECT shobj_description(oid, $2) AS comment FROM pg_database WHERE datname = $1',
      [name, 'pg_database'],
    );
    const klaar = bestaand.rows[0]?.comment;
    if (klaar) return { name, demo: JSON.parse(klaar) as DemoResult };
    // A half-built one (a worker died while loading) is made again.
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('testTemplate')} OWNER ${ownerRole(admin)}`);
    const db = openDatabase(name, false);
    let demo: DemoResult;
    try {
      demo = await loadDemo(
        createDemoServices(
          db.app,
          variant === 'met-bsn'
            ? { bsnSleutels: parseBsnSleutels(TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY) }
            : {},
        ),
        systeemActor('test:demo-template'),
      );
    } finally {
      await db.close();
    }
    await admin.query(`COMMENT ON DATABASE ${name} IS ${admin.escapeLiteral(JSON.stringify(demo))}`);
    return { name, demo };
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => {});
    await admin.end();
  }
}

/**
 * A fresh database for this test file with the demo social service loaded (as `loadDemo` leaves it), cloned from
 * a demo template made once per run; dropped after the file.
 */
export async function createDemoTestDatabase(
  variant: DemoVariant = 'zonder-bsn',
  pool: TestPoolOpties = {},
): Promise<{ db: TestDatabase; demo: DemoResult }> {
  const { name, demo } = await demoTemplate(variant);
  return { db: openDatabase(await cloneDatabase(name), true, pool), demo };
}
