import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * The trace id of the work in progress (the request id, or a job's id), so that `record` can put it in every
 * entry without services having to pass a request around. Compatible with W3C Trace Context / LDV: the request
 * id is taken from `X-Request-Id` when a proxy sets one.
 */
const opslag = new AsyncLocalStorage<{ traceId: string }>();
const bronKey = Symbol('logboek-trace');

/** The current trace id, if any. */
export const huidigeTraceId = (): string | undefined => opslag.getStore()?.traceId;

/** Runs `fn` with this trace id (jobs and the CLI). */
export function metTrace<T>(traceId: string, fn: () => T): T {
  return opslag.run({ traceId }, fn);
}

type MetBron = FastifyRequest & { [bronKey]?: AsyncResource };

/**
 * Makes `req.id` the trace id for everything a request does. Registered on the root instance (not as an
 * encapsulated plugin). The body is parsed in another async context, so the context is re-entered before
 * validation (the same technique as @fastify/request-context).
 */
export function registerTrace(app: FastifyInstance): void {
  app.addHook('onRequest', (req, _reply, done) => {
    opslag.run({ traceId: req.id }, () => {
      const bron = new AsyncResource('logboek-trace');
      (req as MetBron)[bronKey] = bron;
      bron.runInAsyncScope(done, req.raw);
    });
  });
  app.addHook('preValidation', (req, _reply, done) => {
    const bron = (req as MetBron)[bronKey];
    if (bron) bron.runInAsyncScope(done, req.raw);
    else done();
  });
}
