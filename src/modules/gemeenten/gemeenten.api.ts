import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../http/problem.ts';
import { requireGebruiker } from '../auth/index.ts';
import { Gemeente } from './gemeenten.schemas.ts';
import type { GemeentenService } from './gemeenten.service.ts';

/** JSON routes for municipalities (thin: parse, authorise, call one service function, reply). */
export function gemeentenApi(service: GemeentenService) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/v1/gemeenten',
      {
        schema: {
          operationId: 'listGemeenten',
          summary: 'Gemeenten',
          description: 'De gemeenten waarvoor de aanroeper (de gebruiker van het API-token) werkt.',
          tags: ['Gemeenten'],
          response: { 200: z.array(Gemeente), 401: Problem, 403: Problem },
        },
      },
      // The caller's own municipalities: the actor's context makes row-level security filter the rest.
      async (req) => service.findGemeenten(requireGebruiker(req)),
    );
  };
}
