import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  binnenVerbindingScope,
  type TweedeVerbindingFout,
  type VerbindingScope,
} from '../db/verbindingen.ts';

/**
 * Every request runs in a connection scope of its own (src/db/verbindingen.ts), so a second acquire while it holds
 * a connection is noticed. The scope is entered at `onRequest` and again at `preValidation`, because the body is
 * parsed in stream callbacks that run outside it; registered first, so every later hook and the handler run inside.
 */
export function registreerVerbindingScope(
  app: FastifyInstance,
  tweede: (fout: TweedeVerbindingFout) => void,
): void {
  const scopes = new WeakMap<FastifyRequest, VerbindingScope>();
  app.addHook('onRequest', (req, _reply, done) => {
    const scope: VerbindingScope = { inGebruik: 0, tweede };
    scopes.set(req, scope);
    binnenVerbindingScope(scope, done);
  });
  app.addHook('preValidation', (req, _reply, done) => {
    const scope = scopes.get(req);
    if (scope) binnenVerbindingScope(scope, done);
    else done();
  });
}
