import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { createPools, type Pools } from '../src/db/database.ts';
import { withDatabase } from './global-setup.ts';

export interface TestDatabase extends Pools {
  name: string;
  appUrl: string;
  ownerUrl: string;
}

/**
 * A fresh database for this test file, created from the migrated template, dropped after the file.
 * `app` connects as the application role (row-level security applies), `owner` as the owner.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `wk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: inject('testAdminUrl') });
  await admin.connect();
  const ownerUser = decodeURIComponent(new URL(inject('testOwnerUrl')).username);
  await admin.query(
    `CREATE DATABASE ${name} TEMPLATE ${inject('testTemplate')} OWNER ${admin.escapeIdentifier(ownerUser)}`,
  );
  await admin.end();
  const appUrl = withDatabase(inject('testAppUrl'), name);
  const ownerUrl = withDatabase(inject('testOwnerUrl'), name);
  const pools = createPools({ appUrl, ownerUrl, max: 5 });
  const db: TestDatabase = { ...pools, name, appUrl, ownerUrl };
  afterAll(async () => {
    await pools.close();
    const a = new pg.Client({ connectionString: inject('testAdminUrl') });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  });
  return db;
}
