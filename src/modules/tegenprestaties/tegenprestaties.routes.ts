import type { FastifyInstance } from 'fastify';
import type { NetwerkService } from '../netwerk/index.ts';
import type { TegenprestatiesService } from './tegenprestaties.service.ts';

export interface TegenprestatiesRoutesDeps {
  tegenprestaties: TegenprestatiesService;
  netwerk: Pick<NetwerkService, 'findActiviteiten'>;
}

/** Pages of tegenprestaties (server-rendered, work without JavaScript; htmx refreshes the checklist). */
export function tegenprestatiesRoutes(_deps: TegenprestatiesRoutesDeps) {
  return async (_app: FastifyInstance) => {};
}
