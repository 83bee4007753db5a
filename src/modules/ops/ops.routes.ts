import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { Database } from '../../db/database.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Only a client on this machine may read the metrics (the socket address, never a forwarded header). */
export const isLoopback = (req: FastifyRequest): boolean => LOOPBACK.has(req.socket.remoteAddress ?? '');

/** Liveness with a database check, and Prometheus metrics for loopback clients. */
export function opsRoutes(db: Database) {
  return async (app: FastifyInstance) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const duration = new Histogram({
      name: 'wederkerig_http_request_duration_seconds',
      help: 'Duur van HTTP-verzoeken',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
    app.addHook('onResponse', async (req, reply) => {
      duration.observe(
        { method: req.method, route: req.routeOptions.url ?? 'onbekend', status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });

    app.get('/healthz', { schema: { hide: true } }, async (_req, reply) => {
      try {
        await Promise.race([
          sql`SELECT 1`.execute(db),
          new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000)),
        ]);
        return reply.header('cache-control', 'no-store').send({ status: 'ok', database: 'ok' });
      } catch {
        return reply
          .status(503)
          .header('cache-control', 'no-store')
          .send({ status: 'error', database: 'error' });
      }
    });

    app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
      if (!isLoopback(req)) return reply.status(403).type('text/plain').send('Alleen vanaf deze machine.\n');
      return reply.type(registry.contentType).send(await registry.metrics());
    });
  };
}
