import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { metVeldfouten, Problem } from '../../http/problem.ts';
import { requireGebruiker } from '../auth/index.ts';
import {
  EigenVoorstel,
  EigenVoorstelInput,
  Gesprek,
  GesprekInput,
  GesprekOverzicht,
  GesprekWijziging,
} from './gesprekken.schemas.ts';
import type { GesprekkenService } from './gesprekken.service.ts';

const KlantId = z.object({ id: z.uuid().describe('De vaste identificatie van de klant') });
const GesprekId = z.object({ id: z.uuid().describe('De vaste identificatie van het gesprek') });

const fouten = { 400: Problem, 401: Problem, 403: Problem, 404: Problem } as const;

/**
 * JSON routes for conversations and own proposals (bearer token). Thin: parse (route schemas), authorise
 * (`requireGebruiker`; roles and caseload in the service), call one service function, reply. A client or
 * conversation the caller may not see answers 404.
 */
export function gesprekkenApi(service: GesprekkenService) {
  return async (app: FastifyInstance) => {
    if (!app.hasContentTypeParser('application/merge-patch+json')) {
      app.addContentTypeParser('application/merge-patch+json', { parseAs: 'string' }, (_req, body, done) => {
        try {
          done(null, JSON.parse(body as string));
        } catch {
          const err = new Error('Ongeldige JSON') as Error & { statusCode: number };
          err.statusCode = 400;
          done(err, undefined);
        }
      });
    }
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['Gesprekken'];

    r.get(
      '/api/v1/klanten/:id/gesprekken',
      {
        schema: {
          operationId: 'listGesprekken',
          summary: 'Gesprekken met een klant',
          description:
            'De gesprekken met een klant, nieuwste eerst, met per gesprek welke van de vier onderdelen van de ' +
            'richtlijn zijn ingevuld (kracht en bekwaamheid; wensen, ambities en kwaliteiten; eigen voorstel; eigen ' +
            'sociale omgeving).',
          tags,
          params: KlantId,
          response: { 200: z.array(GesprekOverzicht), ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(
          req,
          reply,
          async () => (await service.gesprekkenVanKlant(requireGebruiker(req), req.params.id)).gesprekken,
        ),
    );

    r.post(
      '/api/v1/klanten/:id/gesprekken',
      {
        schema: {
          operationId: 'createGesprek',
          summary: 'Gesprek vastleggen',
          description:
            'Legt een gesprek met een klant vast (klantmanager, eigen caseload of team). Nodig: datum. Lege tekst ' +
            'wordt als leeg bewaard.',
          tags,
          params: KlantId,
          body: GesprekInput,
          response: { 201: Gesprek, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const g = await service.createGesprek(requireGebruiker(req), req.params.id, req.body);
          reply.status(201).header('Location', `/api/v1/gesprekken/${g.id}`);
          return g;
        }),
    );

    r.get(
      '/api/v1/gesprekken/:id',
      {
        schema: {
          operationId: 'getGesprek',
          summary: 'Gesprek',
          description: 'Eén gesprek met alle onderdelen, notities, afspraken en de eigen voorstellen.',
          tags,
          params: GesprekId,
          response: { 200: Gesprek, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(
          req,
          reply,
          async () => (await service.findGesprek(requireGebruiker(req), req.params.id)).gesprek,
        ),
    );

    r.patch(
      '/api/v1/gesprekken/:id',
      {
        schema: {
          operationId: 'updateGesprek',
          summary: 'Gesprek wijzigen',
          description:
            'Wijzigt een gesprek: velden die ontbreken blijven gelijk, null of lege tekst maakt een onderdeel leeg ' +
            '(JSON Merge Patch).',
          tags,
          params: GesprekId,
          body: GesprekWijziging,
          response: { 200: Gesprek, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, () =>
          service.updateGesprek(requireGebruiker(req), req.params.id, req.body),
        ),
    );

    r.post(
      '/api/v1/gesprekken/:id/eigen-voorstellen',
      {
        schema: {
          operationId: 'createEigenVoorstel',
          summary: 'Eigen voorstel vastleggen',
          description:
            'Legt het eigen voorstel van een klant vast met het oordeel over maatschappelijk nut. Bij nut wordt het een ' +
            'maatwerkactiviteit: bij een organisatie uit het netwerk (organisatieId), bij een nieuwe organisatie ' +
            '(nieuweOrganisatie; die krijgt de status voorgesteld) of zonder organisatie. Bij nut zijn categorie, ' +
            'fysiekeBelasting en urenPerWeek nodig.',
          tags,
          params: GesprekId,
          body: EigenVoorstelInput,
          response: { 201: EigenVoorstel, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const v = await service.createEigenVoorstel(requireGebruiker(req), req.params.id, req.body);
          reply.status(201).header('Location', `/api/v1/gesprekken/${req.params.id}`);
          return v;
        }),
    );
  };
}
