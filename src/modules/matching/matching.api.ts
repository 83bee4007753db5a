import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../http/problem.ts';
import { requireGebruiker } from '../auth/index.ts';
import { Kandidaten, LimietQuery, PassendeActiviteiten } from './matching.schemas.ts';
import type { MatchingService } from './matching.service.ts';

const Id = (wat: string) => z.object({ id: z.uuid().describe(`De vaste identificatie van de ${wat}`) });
const fouten = { 400: Problem, 401: Problem, 403: Problem, 404: Problem } as const;

/** JSON routes of the ranking (bearer token). Thin: schemas, `requireGebruiker`, one service call. */
export function matchingApi(service: MatchingService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/api/v1/klanten/:id/passende-activiteiten',
      {
        schema: {
          operationId: 'listPassendeActiviteiten',
          summary: 'Passende activiteiten voor een klant',
          description:
            'De best passende activiteiten voor een klant (klantmanager, teamleider), met score (× 1000, afgerond) en ' +
            'redenen met hun bijdrage. Harde filters halen onmogelijke activiteiten weg; de verordening is geen ' +
            'filter maar een reden. Het lezen van de klant komt in het logboek.',
          tags: ['Matching'],
          params: Id('klant'),
          querystring: LimietQuery,
          response: { 200: PassendeActiviteiten, ...fouten },
        },
      },
      async (req) =>
        service.passendeActiviteiten(requireGebruiker(req), req.params.id, { limiet: req.query.limiet }),
    );

    r.get(
      '/api/v1/activiteiten/:id/kandidaten',
      {
        schema: {
          operationId: 'listKandidaten',
          summary: 'Kandidaten voor een activiteit',
          description:
            'De best passende klanten voor een activiteit (netwerkmakelaar, klantmanager, teamleider), met score en ' +
            'redenen. De netwerkmakelaar ziet "past qua belastbaarheid" en nooit beperkingen. Elke getoonde klant ' +
            'komt in het logboek.',
          tags: ['Matching'],
          params: Id('activiteit'),
          querystring: LimietQuery,
          response: { 200: Kandidaten, ...fouten },
        },
      },
      async (req) => service.kandidaten(requireGebruiker(req), req.params.id, { limiet: req.query.limiet }),
    );
  };
}
