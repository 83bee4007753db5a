import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../http/app-error.ts';
import { metVeldfouten, Problem } from '../../http/problem.ts';
import { requireGebruiker } from '../auth/index.ts';
import {
  Incident,
  IncidentenOverzicht,
  IncidentInput,
  MaatregelVerordeningInput,
  MaatregelverordeningVersie,
  PatroonUitkomst,
} from './dwang.schemas.ts';
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

    const Gemeente = z.object({ id: z.uuid().describe('De gemeente van de maatregelenverordening') });

    r.get(
      '/api/v1/gemeenten/:id/maatregelverordeningen',
      {
        schema: {
          operationId: 'listMaatregelverordeningen',
          summary: 'Maatregelenverordening: versies',
          description:
            'De versies van de maatregelenverordening van de gemeente (oudste eerst): categorieën per gedraging met percentage en duur per stap, bandbreedte, recidivetermijn, afziensgronden en hoortermijn. Los van de verordening tegenprestatie.',
          tags: ['Dwangkader'],
          params: Gemeente,
          response: { 200: z.array(MaatregelverordeningVersie), ...fouten },
        },
      },
      async (req) => service.listMaatregelverordeningen(requireGebruiker(req), req.params.id),
    );

    r.get(
      '/api/v1/gemeenten/:id/maatregelverordeningen/geldend',
      {
        schema: {
          operationId: 'getGeldendeMaatregelverordening',
          summary: 'Maatregelenverordening op een datum',
          description:
            'De versie die gold op de datum van de gedraging (de laatste met een ingangsdatum op of vóór die dag). 404 als er geen is.',
          tags: ['Dwangkader'],
          params: Gemeente,
          querystring: z.object({ datum: z.iso.date().describe('De datum van de gedraging') }),
          response: { 200: MaatregelverordeningVersie, ...fouten },
        },
      },
      async (req) => {
        const v = await service.maatregelverordeningOp(requireGebruiker(req), req.params.id, req.query.datum);
        if (!v) throw notFound('Op deze datum gold in deze gemeente geen maatregelenverordening.');
        return v;
      },
    );

    r.post(
      '/api/v1/gemeenten/:id/maatregelverordeningen',
      {
        schema: {
          operationId: 'createMaatregelverordening',
          summary: 'Nieuwe versie van de maatregelenverordening',
          description:
            'Alleen de functioneel beheerder. Een versie verandert nooit: een wijziging is een nieuwe versie met een eigen ingangsdatum (409 als die datum al bestaat). Elk percentage ligt binnen de bandbreedte; elke gedraging hoort bij één categorie.',
          tags: ['Dwangkader'],
          params: Gemeente,
          body: MaatregelVerordeningInput,
          response: { 201: MaatregelverordeningVersie, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const v = await service.legMaatregelverordeningVast(requireGebruiker(req), req.params.id, req.body);
          reply.status(201).header('Location', `/api/v1/gemeenten/${req.params.id}/maatregelverordeningen`);
          return v;
        }),
    );
  };
}
