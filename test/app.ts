import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll } from 'vitest';
import { buildApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';
import type { Mailer } from '../src/mail/index.ts';

import {
  TEST_BSN_ENCRYPTION_KEYS,
  TEST_BSN_HASH_KEY,
  TEST_LOGBOEK_KEY,
  TEST_SESSION_SECRET,
  TEST_TOTP_ENCRYPTION_KEYS,
} from './constants.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export {
  TEST_BSN_ENCRYPTION_KEYS,
  TEST_BSN_HASH_KEY,
  TEST_LOGBOEK_KEY,
  TEST_SESSION_SECRET,
  TEST_TOTP_ENCRYPTION_KEYS,
};

/** A fresh destruction journal path in a temporary folder (the file itself does not exist yet). */
export function tijdelijkJournaal(): string {
  return join(mkdtempSync(join(tmpdir(), 'wk-journaal-')), 'vernietigingsjournaal.jsonl');
}

/**
 * A configuration for tests: development mode unless asked otherwise, fixed secrets, no logs, a destruction journal
 * of its own in a temporary folder (never the repository's ./data).
 */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({ WEDERKERIG_MODE: 'development', LOG_LEVEL: 'silent' });
  return {
    ...base,
    sessionSecret: TEST_SESSION_SECRET,
    logboekSigningKey: TEST_LOGBOEK_KEY,
    bsnEncryptionKeys: TEST_BSN_ENCRYPTION_KEYS,
    bsnHashKey: TEST_BSN_HASH_KEY,
    totpEncryptionKeys: TEST_TOTP_ENCRYPTION_KEYS,
    vernietigingsjournaal: tijdelijkJournaal(),
    ...overrides,
  };
}

export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase;
  config: Config;
}

/**
 * The whole app over a fresh test database, closed after the file. `mailer` receives the outgoing mail;
 * `tweedeVerbinding: 'weiger'` fails a request that asks for a second database connection while it holds one.
 */
export async function createTestApp(
  overrides: Partial<Config> = {},
  db?: TestDatabase,
  opts: { mailer?: Mailer; tweedeVerbinding?: 'meld' | 'weiger' } = {},
): Promise<TestApp> {
  const database = db ?? (await createTestDatabase());
  const config = testConfig(overrides);
  const app = await buildApp({
    config,
    db: database,
    logger: process.env.DBG ? { level: 'error' } : false,
    ...(opts.mailer ? { mailer: opts.mailer } : {}),
    ...(opts.tweedeVerbinding ? { tweedeVerbinding: opts.tweedeVerbinding } : {}),
  });
  await app.ready();
  afterAll(async () => {
    await app.close();
  });
  return { app, db: database, config };
}
