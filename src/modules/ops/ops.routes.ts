import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Pools } from '../../db/database.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Only a client on this machine may read the metrics (the socket address, never a forwarded header). */
export const isLoopback = (req: FastifyRequest): boolean => LOOPBACK.has(req.socket.remoteAddress ?? '');

/** What /healthz answers: the database up or down, and whether the app pool is saturated. */
export type Gezondheid = 'ok' | 'busy' | 'down';

/**
 * `down` when the database does not answer on a connection of its own; `busy` when it does but every connection of
 * a pool (the app pool or the system pool, each judged on its own) is in use and requests wait for one; `ok`
 * otherwise.
 */
export function beoordeelGezondheid(
  bereikbaar: boolean,
  pool: { inGebruik: number; wachtend: number; max: number },
): Gezondheid {
  if (!bereikbaar) return 'down';
  if (pool.wachtend > 0 && pool.inGebruik >= pool.max) return 'busy';
  return 'ok';
}

/**
 * Liveness with a database check, and Prometheus metrics for loopback clients. Not encapsulated (Fastify's
 * `skip-override`, as fastify-plugin sets it): the request-duration hook must see every route of the app, not only
 * this plugin's own two.
 */
export function opsRoutes(pools: Pick<Pools, 'appStand' | 'systeemStand' | 'bereikbaar'>) {
  return Object.assign(plugin(pools), { [Symbol.for('skip-override')]: true });
}

function plugin(pools: Pick<Pools, 'appStand' | 'systeemStand' | 'bereikbaar'>) {
  return async (app: FastifyInstance) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const stand = pools.appStand;
    const systeemStand = pools.systeemStand;
    const duration = new Histogram({
      name: 'wederkerig_http_request_duration_seconds',
      help: 'Duur van HTTP-verzoeken',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
    new Gauge({
      name: 'wederkerig_db_pool_in_use',
      help: 'Verbindingen van de app-pool die nu in gebruik zijn',
      registers: [registry],
      collect() {
        this.set(stand.inGebruik());
      },
    });
    new Gauge({
      name: 'wederkerig_db_pool_waiting',
      help: 'Verzoeken die nu op een verbinding van de app-pool wachten',
      registers: [registry],
      collect() {
        this.set(stand.wachtend());
      },
    });
    new Gauge({
      name: 'wederkerig_db_pool_max',
      help: 'Grootte van de app-pool',
      registers: [registry],
      collect() {
        this.set(stand.max);
      },
    });
    new Gauge({
      name: 'wederkerig_db_systeem_pool_in_use',
      help: 'Verbindingen van de systeempool (systeemcontext: inloggen, sessies, taken) die nu in gebruik zijn',
      registers: [registry],
      collect() {
        this.set(systeemStand.inGebruik());
      },
    });
    new Gauge({
      name: 'wederkerig_db_systeem_pool_waiting',
      help: 'Verzoeken die nu op een verbinding van de systeempool wachten',
      registers: [registry],
      collect() {
        this.set(systeemStand.wachtend());
      },
    });
    const acquire = new Histogram({
      name: 'wederkerig_db_pool_acquire_seconds',
      help: 'Wachttijd op een verbinding van de app-pool',
      labelNames: ['result'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    stand.bijAcquire((seconden, gelukt) => acquire.observe({ result: gelukt ? 'ok' : 'error' }, seconden));
    systeemStand.bijAcquire((seconden, gelukt) =>
      acquire.observe({ result: gelukt ? 'ok' : 'error' }, seconden),
    );
    app.addHook('onResponse', async (req, reply) => {
      duration.observe(
        { method: req.method, route: req.routeOptions.url ?? 'onbekend', status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });

    app.get('/healthz', { schema: { hide: true } }, async (_req, reply) => {
      const pool = { inGebruik: stand.inGebruik(), wachtend: stand.wachtend(), max: stand.max };
      const sys = {
        inGebruik: systeemStand.inGebruik(),
        wachtend: systeemStand.wachtend(),
        max: systeemStand.max,
      };
      const bereikbaar = await pools.bereikbaar();
      const oordelen = [beoordeelGezondheid(bereikbaar, pool), beoordeelGezondheid(bereikbaar, sys)];
      const status = oordelen.includes('down') ? 'down' : oordelen.includes('busy') ? 'busy' : 'ok';
      return reply
        .status(status === 'down' ? 503 : 200)
        .header('cache-control', 'no-store')
        .send({
          status,
          database: status === 'down' ? 'down' : 'ok',
          pool: { inUse: pool.inGebruik, waiting: pool.wachtend, max: pool.max },
          systemPool: { inUse: sys.inGebruik, waiting: sys.wachtend, max: sys.max },
        });
    });

    app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
      if (!isLoopback(req)) return reply.status(403).type('text/plain').send('Alleen vanaf deze machine.\n');
      return reply.type(registry.contentType).send(await registry.metrics());
    });
  };
}
