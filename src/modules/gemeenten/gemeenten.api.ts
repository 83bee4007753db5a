import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { systeemActor } from '../auth/index.ts';
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
          description: 'De gemeenten van de sociale dienst.',
          tags: ['Gemeenten'],
          response: { 200: z.array(Gemeente) },
        },
      },
      // Open in the foundation; the identity issue restricts this to the caller's municipalities.
      async () => service.findGemeenten(systeemActor('api:gemeenten-openbaar')),
    );
  };
}
