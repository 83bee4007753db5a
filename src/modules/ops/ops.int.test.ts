import Fastify from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { ingelogdAls, type TestBrowser } from '../../../test/browser.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { insertGebruiker } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { withContext } from '../../db/context.ts';
import { createPools } from '../../db/database.ts';
import { createAuthService, systeemActor } from '../auth/index.ts';
import { opsRoutes } from './index.ts';

/**
 * A pool of one connection with a short acquire timeout: while the test holds that connection, every request that
 * needs the database is answered 503 with Retry-After (a page in Dutch, the API as problem+json), never left
 * hanging; /healthz says "busy" (the database is up) and /metrics shows the pool.
 */
let t: TestApp;
let browser: TestBrowser;
let token: string;
let dienst: string;

beforeAll(async () => {
  const db = await createTestDatabase({
    max: 1,
    limieten: { acquireTimeoutMs: 300, statementTimeoutMs: 30_000, idleInTransactionTimeoutMs: 60_000 },
  });
  t = await createTestApp({}, db);
  const g = await insertGemeente(t.db.app);
  dienst = g.dienstId;
  const gebruiker = await insertGebruiker(t.db.app, { dienstId: g.dienstId, gemeenten: [g.gemeenteId] });
  browser = await ingelogdAls(t.app, gebruiker);
  ({ token } = await createAuthService({ db: t.db.app, config: t.config }).createApiTokenVoorEmail(
    systeemActor('test'),
    { email: gebruiker.email, naam: 'ops' },
  ));
});

/** Holds the app pool's only connection (a user context; the system context has a pool of its own) while `fn` runs. */
const metVollePool = <T>(fn: () => Promise<T>): Promise<T> =>
  withContext(
    t.db.app,
    { kind: 'gebruiker', dienstId: dienst, gebruikerId: dienst, rol: 'klantmanager', gemeenten: [] },
    () => fn(),
  );

/** Resolves once a request is waiting for a connection (no timing: it looks at the pool after every tick). */
async function totIemandWacht(): Promise<void> {
  while (t.db.appStand.wachtend() === 0) await new Promise((r) => setImmediate(r));
}

describe('a full pool', () => {
  it('answers a page with 503, Retry-After and a Dutch page, and the API with 503 problem+json', async () => {
    const [pagina, api] = await metVollePool(async () => [
      await browser.get('/account/sessies'),
      await t.app.inject({ url: '/api/v1/gemeenten', headers: { authorization: `Bearer ${token}` } }),
    ]);
    expect(pagina.statusCode).toBe(503);
    expect(pagina.headers['retry-after']).toBe('5');
    expect(pagina.headers['content-type']).toMatch(/^text\/html/);
    expect(pagina.body).toContain('Het is op dit moment erg druk.');
    expect(api.statusCode).toBe(503);
    expect(api.headers['retry-after']).toBe('5');
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(api.json()).toMatchObject({ status: 503, title: expect.stringContaining('erg druk') });
    // Afterwards everything works again.
    expect((await browser.get('/account/sessies')).statusCode).toBe(200);
  });

  it('makes /healthz say busy (200) while requests wait, and ok again after', async () => {
    const gezondheid = await metVollePool(async () => {
      const wachtend = t.app.inject({
        url: '/api/v1/gemeenten',
        headers: { authorization: `Bearer ${token}` },
      });
      await totIemandWacht();
      const res = await t.app.inject({ url: '/healthz' });
      await wachtend;
      return res;
    });
    expect(gezondheid.statusCode).toBe(200);
    expect(gezondheid.json()).toEqual({
      status: 'busy',
      database: 'ok',
      pool: { inUse: 1, waiting: 1, max: 1 },
      systemPool: { inUse: 0, waiting: 0, max: 1 },
    });
    expect((await t.app.inject({ url: '/healthz' })).json()).toMatchObject({ status: 'ok' });
  });

  it('shows the pool and the request durations by route in /metrics', async () => {
    await sql`SELECT 1`.execute(t.db.app);
    const res = await t.app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    for (const naam of [
      'wederkerig_db_pool_in_use 0',
      'wederkerig_db_pool_waiting 0',
      'wederkerig_db_pool_max 1',
      'wederkerig_db_pool_acquire_seconds_count{result="ok"}',
      'wederkerig_db_pool_acquire_seconds_count{result="error"}',
      'wederkerig_http_request_duration_seconds_count{method="GET",route="/account/sessies",status="503"}',
    ])
      expect(res.body).toContain(naam);
  });
});

describe('/healthz with the database down', () => {
  const pools = createPools({
    appUrl: 'postgres://niemand@127.0.0.1:1/weg',
    ownerUrl: 'postgres://niemand@127.0.0.1:1/weg',
  });
  const app = Fastify();
  afterAll(async () => {
    await app.close();
    await pools.close();
  });

  it('answers 503 with status down', async () => {
    await app.register(opsRoutes(pools));
    const res = await app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({
      status: 'down',
      database: 'down',
      pool: { inUse: 0, waiting: 0, max: 10 },
      systemPool: { inUse: 0, waiting: 0, max: 10 },
    });
  });
});
