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
    /** System role connection (database name replaced per file). */
    testSysteemUrl: string;
    testTemplate: string;
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

interface Gedeeld {
  adminUrl: string;
  appUrl: string;
  ownerUrl: string;
  systeemUrl: string;
  template: string;
  external: boolean;
  stop: () => Promise<void>;
}

/** Settings of the throw-away test cluster: nothing it writes has to survive a crash of the machine. */
const TEST_SETTINGS = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_connections: '200',
} as const;

async function startGedeeld(): Promise<Gedeeld> {
  let adminUrl: string;
  let appUrl: string;
  let ownerUrl: string;
  let systeemUrl: string;
  let stop = async () => {};
  const external = process.env.DATABASE_URL;
  if (external) {
    appUrl = external;
    ownerUrl = process.env.DATABASE_OWNER_URL ?? external;
    systeemUrl = process.env.DATABASE_SYSTEM_URL ?? ownerUrl;
    adminUrl = ownerUrl;
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'wederkerig-test-'));
    const embedded = await startEmbedded({ dataDir, ifRunning: 'refuse', settings: TEST_SETTINGS });
    adminUrl = embedded.superuserUrl;
    appUrl = embedded.appUrl;
    ownerUrl = embedded.ownerUrl;
    systeemUrl = embedded.systeemUrl;
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
  return { adminUrl, appUrl, ownerUrl, systeemUrl, template, external: Boolean(external), stop };
}

/** Drops the run's templates (the migrated one and the demo ones made from it) on a server that outlives us. */
async function dropTemplates(g: Gedeeld): Promise<void> {
  const admin = new pg.Client({ connectionString: g.adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $1 || '\\_demo\\_%'",
      [g.template],
    );
    for (const r of rows) {
      await admin
        .query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(r.datname)} WITH (FORCE)`)
        .catch(() => {});
    }
  } finally {
    await admin.end();
  }
}

// The projects that need PostgreSQL (integration, e2e) share one server: global set-up runs per project, in the
// same process, so the server lives on `globalThis` with a count of the projects using it.
const SLEUTEL = Symbol.for('wederkerig.test.postgres');
interface Houder {
  gedeeld: Promise<Gedeeld>;
  gebruikers: number;
}
const houder = globalThis as typeof globalThis & { [SLEUTEL]?: Houder };

/**
 * Starts one PostgreSQL for the whole run (embedded in a temporary data dir, or the server in DATABASE_URL /
 * DATABASE_OWNER_URL, as CI does with Debian's PostgreSQL 15) and migrates a template database once. Only the
 * projects that use a database list this file; the unit tests start nothing.
 */
export default async function setup(project: TestProject) {
  let h = houder[SLEUTEL];
  if (!h) {
    h = { gedeeld: startGedeeld(), gebruikers: 0 };
    houder[SLEUTEL] = h;
  }
  h.gebruikers += 1;
  const g = await h.gedeeld;
  project.provide('testAdminUrl', g.adminUrl);
  project.provide('testAppUrl', g.appUrl);
  project.provide('testOwnerUrl', g.ownerUrl);
  project.provide('testSysteemUrl', g.systeemUrl);
  project.provide('testTemplate', g.template);
  return async () => {
    const huidig = houder[SLEUTEL];
    if (!huidig) return;
    huidig.gebruikers -= 1;
    if (huidig.gebruikers > 0) return;
    houder[SLEUTEL] = undefined;
    if (g.external) await dropTemplates(g);
    await g.stop();
  };
}
