import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { metVeldfouten, Problem } from '../../http/problem.ts';
import { requireRol } from '../auth/index.ts';
import {
  GevondenKlant,
  VerwerkingenAntwoord,
  VerwerkingenFilter,
  ZoekKlantInput,
} from './privacy.schemas.ts';
import type { PrivacyService } from './privacy.service.ts';

const fouten = { 400: Problem, 401: Problem, 403: Problem, 404: Problem } as const;

const Lijstvraag = VerwerkingenFilter.safeExtend({
  klantId: z.uuid().describe('De pseudonieme id van de klant (uit POST /verwerkingen/_zoek)'),
});

/**
 * JSON routes of the privacy officer's log search (bearer token; privacy officer only, 403 for everyone else).
 * The BSN goes in a POST body, never in a URL.
 */
export function privacyApi(service: PrivacyService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['Verwerkingen'];

    r.get(
      '/api/v1/verwerkingen',
      {
        schema: {
          operationId: 'listVerwerkingen',
          summary: 'Verwerkingen van een klant',
          description:
            'Wie de gegevens van een klant las of wijzigde, wanneer, hoe en onder welke verwerkingsactiviteit; ' +
            'nieuwste eerst, met filters op medewerker, handeling en periode. Alleen voor de privacy officer, binnen ' +
            'de eigen gemeenten. Het opzoeken van de klant wordt gelogd.',
          tags,
          querystring: Lijstvraag,
          response: { 200: VerwerkingenAntwoord, ...fouten },
        },
      },
      async (req) => {
        const actor = requireRol(req, 'privacy-officer');
        const { klantId, ...filter } = req.query;
        return service.findVerwerkingen(actor, klantId, filter);
      },
    );

    r.post(
      '/api/v1/verwerkingen/_zoek',
      {
        schema: {
          operationId: 'zoekKlantVoorVerwerkingen',
          summary: 'Klant vinden voor het logboek',
          description:
            'Vindt een klant op klantnummer of exact BSN zonder het dossier te openen: alleen de pseudonieme id, het ' +
            'klantnummer en de gemeente. Het BSN staat in de body, nooit in de URL. Alleen voor de privacy officer; ' +
            'de zoekopdracht wordt gelogd.',
          tags,
          body: ZoekKlantInput,
          response: {
            200: z.object({ items: z.array(GevondenKlant) }).meta({ id: 'GevondenKlanten' }),
            ...fouten,
          },
        },
      },
      async (req, reply) => {
        const actor = requireRol(req, 'privacy-officer');
        return metVeldfouten(req, reply, async () => ({ items: await service.zoekKlant(actor, req.body) }));
      },
    );
  };
}
