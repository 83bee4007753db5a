import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../src/db/database.ts';
import { startEmbedded } from '../src/db/embedded.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection (with CREATEDB) used to create a database per test file from the template. */
    testAdminUrl: string;
    /** Application role connection to the template's server (database name replaced per file). */
    testAppUrl: string;
    /** Owner role connection (database name replaced per file). */
    testOwnerUrl: string;
    testTemplate: string;
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Starts one PostgreSQL for the whole run (embedded in a temporary data dir, or the server in DATABASE_URL /
 * DATABASE_OWNER_URL, as CI does with Debian's PostgreSQL 15) and migrates a template database once.
 */
export default async function setup(project: TestProject) {
  let adminUrl: string;
  let appUrl: string;
  let ownerUrl: string;
  let stop = async () => {};
  const external = process.env.DATABASE_URL;
  if (external) {
    appUrl = external;
    ownerUrl = process.env.DATABASE_OWNER_URL ?? external;
    adminUrl = ownerUrl;
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'wederkerig-test-'));
    const embedded = await startEmbedded({ dataDir, ifRunning: 'refuse' });
    adminUrl = embedded.superuserUrl;
    appUrl = embedded.appUrl;
    ownerUrl = embedded.ownerUrl;
    stop = async () => {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const template = `wk_template_${process.pid}`;
  try {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const ownerUser = decodeURIComponent(new URL(ownerUrl).username);
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template} OWNER ${admin.escapeIdentifier(ownerUser)}`);
    await admin.end();
    const owner = createDatabase(withDatabase(ownerUrl, template), 1);
    try {
      await migrateToLatest(owner);
    } finally {
      await owner.destroy();
    }
  } catch (e) {
    await stop();
    throw e;
  }
  project.provide('testAdminUrl', adminUrl);
  project.provide('testAppUrl', appUrl);
  project.provide('testOwnerUrl', ownerUrl);
  project.provide('testTemplate', template);
  return async () => {
    if (external) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => {});
      await admin.end();
    }
    await stop();
  };
}
