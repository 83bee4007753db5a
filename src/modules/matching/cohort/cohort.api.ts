import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { metVeldfouten, Problem } from '../../../http/problem.ts';
import { requireGebruiker } from '../../auth/index.ts';
import {
  CohortBesluitInput,
  CohortBesluitUitkomst,
  CohortRun,
  CohortToewijzing,
  StartCohortInput,
  VOORSTEL_STATUSSEN,
} from './cohort.schemas.ts';
import type { CohortService } from './cohort.service.ts';

const Id = z.object({ id: z.uuid().describe('De vaste identificatie van de cohorttoewijzing') });

const Paginavraag = z.object({
  pagina: z.coerce.number().int().min(1).max(100000).optional().describe('Paginanummer, vanaf 1'),
  paginaGrootte: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .optional()
    .describe('Aantal klanten per pagina (hoogstens 500, standaard 100)'),
  status: z.enum(VOORSTEL_STATUSSEN).optional().describe('Alleen de klanten met deze status in het voorstel'),
});

const fouten = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  422: Problem,
  503: Problem,
} as const;

const BESCHRIJVING_OPTIMAAL =
  'De verdeling is optimaal (exact, niet gretig) over de kandidaatparen: per klant de K best passende activiteiten na de harde filters. Scores zijn gehele getallen (score × 1000).';

/**
 * JSON routes for cohort assignment (bearer token; teamleider). Thin: parse (route schemas), authorise
 * (`requireGebruiker`; role in the service), call one service function, reply.
 */
export function cohortApi(service: CohortService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/api/v1/cohort-toewijzingen',
      {
        schema: {
          operationId: 'createCohortToewijzing',
          summary: 'Cohorttoewijzing berekenen',
          description: `Verdeelt een groep klanten over de vrije plaatsen van activiteiten zo dat de totale passendheid het grootst is. Kleine groepen worden meteen berekend (201, status klaar); grotere gaan als achtergrondtaak (202, status wachtrij): volg dan de Location tot de status klaar of mislukt is. ${BESCHRIJVING_OPTIMAAL} Alleen voor de teamleider.`,
          tags: ['Matching'],
          body: StartCohortInput,
          response: { 201: CohortRun, 202: CohortRun, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const run = await service.startCohort(requireGebruiker(req), req.body);
          return reply
            .code(run.status === 'wachtrij' ? 202 : 201)
            .header('Location', `/api/v1/cohort-toewijzingen/${run.id}`)
            .send(run);
        }),
    );

    r.get(
      '/api/v1/cohort-toewijzingen/:id',
      {
        schema: {
          operationId: 'getCohortToewijzing',
          summary: 'Cohorttoewijzing ophalen',
          description: `Status, voortgang en (als de berekening klaar is) het voorstel per klant, per pagina: eerst de voorgestelde paren (hoogste score eerst) met hun redenen, dan de klanten zonder plaats met de reden. ${BESCHRIJVING_OPTIMAAL}`,
          tags: ['Matching'],
          params: Id,
          querystring: Paginavraag,
          response: { 200: CohortToewijzing, ...fouten },
        },
      },
      async (req) => service.findCohort(requireGebruiker(req), req.params.id, req.query),
    );

    r.post(
      '/api/v1/cohort-toewijzingen/:id/besluiten',
      {
        schema: {
          operationId: 'besluitCohortToewijzing',
          summary: 'Voorgestelde paren accepteren of afwijzen',
          description:
            'Elk geaccepteerd paar opent voor die klant een tegenprestatie in verkenning met de suggestie (bron cohort, score en redenen); het gesprek met de klant volgt. Een plaats wordt pas vastgehouden als het ontwerp naar toetsing gaat. Paren die niet (meer) kunnen, staan in overgeslagen met de reden.',
          tags: ['Matching'],
          params: Id,
          body: CohortBesluitInput,
          response: { 200: CohortBesluitUitkomst, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, () => service.beslis(requireGebruiker(req), req.params.id, req.body)),
    );
  };
}
