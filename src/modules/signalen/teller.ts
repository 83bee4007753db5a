import type { FastifyInstance } from 'fastify';
import { withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import { isApiRequest } from '../../http/error-handler.ts';
import { dbContext } from '../auth/index.ts';
import { signalenRepository } from './signalen.repository.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Unread signals of the signed-in user, for the page header (set for page requests only). */
    signalenOngelezen?: number | undefined;
  }
}

/**
 * Counts the signed-in user's unread signals for every page request (one indexed count; the header shows it).
 * Register on the root instance after the auth hook. A failing count never fails the page.
 */
export function registerSignalenTeller(app: FastifyInstance, db: Database): void {
  app.addHook('preHandler', async (req) => {
    const actor = req.actor;
    if (!actor || isApiRequest(req) || req.sessie?.status === 'moet-mfa-instellen') return;
    try {
      req.signalenOngelezen = await withContext(db, dbContext(actor), (tx) =>
        signalenRepository.telOngelezen(tx, actor.dienstId, actor.gebruikerId),
      );
    } catch (e) {
      req.log.warn({ err: e }, 'counting signals failed');
    }
  });
}
