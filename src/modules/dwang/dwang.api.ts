import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { metVeldfouten, Problem } from '../../http/problem.ts';
import { requireGebruiker } from '../auth/index.ts';
import { Incident, IncidentenOverzicht, IncidentInput, PatroonUitkomst } from './dwang.schemas.ts';
import type { DwangService } from './dwang.service.ts';

const Id = z.object({ id: z.uuid().describe('De vaste identificatie van de tegenprestatie (plaatsing)') });
const fouten = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
} as const;

/** JSON routes of the compulsory frame (bearer token). Thin: parse, authorise, one service call, reply. */
export function dwangApi(service: DwangService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/api/v1/tegenprestaties/:id/incidenten',
      {
        schema: {
          operationId: 'listIncidenten',
          summary: 'Incidenten bij een plaatsing',
          description:
            'De incidenten bij een plaatsing (oudste eerst), of zij onder een opleggend besluit loopt, en het patroon als dat vandaag is bereikt.',
          tags: ['Dwangkader'],
          params: Id,
          response: { 200: IncidentenOverzicht, ...fouten },
        },
      },
      async (req) => service.listIncidenten(requireGebruiker(req), req.params.id),
    );

    r.post(
      '/api/v1/tegenprestaties/:id/incidenten',
      {
        schema: {
          operationId: 'createIncident',
          summary: 'Incident vastleggen',
          description:
            'Alleen bij een plaatsing onder een besluit dat de tegenprestatie oplegt (anders 422): niet verschenen, te laat, weigering of gedrag, met datum (binnen de opgelegde periode, niet vóór de verzending van het besluit, niet in de toekomst), beschrijving en wie het meldde. Bereikt het patroon (standaard 2 keer niet verschenen binnen 28 dagen), dan krijgt de klantmanager een signaal. Een signaal start nooit een maatregel.',
          tags: ['Dwangkader'],
          params: Id,
          body: IncidentInput,
          response: {
            201: z
              .object({ incident: Incident, patroon: PatroonUitkomst.nullable() })
              .meta({ id: 'IncidentVastgelegd' }),
            ...fouten,
          },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const u = await service.legIncidentVast(requireGebruiker(req), req.params.id, req.body);
          reply.status(201).header('Location', `/api/v1/tegenprestaties/${req.params.id}/incidenten`);
          return u;
        }),
    );
  };
}
