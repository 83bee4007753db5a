import type { FastifyInstance } from 'fastify';
import type { GesprekkenService } from './gesprekken.service.ts';

/** Pages of conversations and own proposals (no JavaScript needed). */
export function gesprekkenRoutes(_deps: { gesprekken: GesprekkenService }) {
  return async (_app: FastifyInstance) => {};
}
