import type { FastifyInstance } from 'fastify';
import type { GemeentenService } from '../gemeenten/index.ts';
import { klantenImportRoutes } from './import/klanten-import.routes.ts';
import type { KlantenImportService } from './import/klanten-import.service.ts';
import type { KlantenService } from './klanten.service.ts';

export interface KlantenRoutesDeps {
  klanten: KlantenService;
  importService: KlantenImportService;
  gemeenten: Pick<GemeentenService, 'findGemeenten'>;
}

/** The pages of the client file: the caseload and client pages, and the CSV import for the functioneel beheerder. */
export function klantenRoutes(deps: KlantenRoutesDeps) {
  return async (app: FastifyInstance) => {
    await app.register(klantenImportRoutes({ importService: deps.importService, gemeenten: deps.gemeenten }));
  };
}
