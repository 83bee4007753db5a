import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { metVeldfouten, Problem } from '../../http/problem.ts';
import { requireGebruiker } from '../auth/index.ts';
import {
  ACTIVITEIT_STATUSSEN,
  CATEGORIEEN,
  ORGANISATIE_STATUSSEN,
  ORGANISATIE_TYPES,
} from './keuzelijsten.ts';
import {
  Activiteit,
  ActiviteitInput,
  ActiviteitOverzicht,
  Intervisie,
  IntervisieBesluitInput,
  Organisatie,
  OrganisatieInput,
  OrganisatieOverzicht,
  paginaSchema,
  queryVan,
  ToetsInput,
  Verdringingstoets,
} from './netwerk.schemas.ts';
import type { NetwerkService } from './netwerk.service.ts';
import { TOETS_STATUSSEN } from './verdringing.ts';

const Id = (wat: string) => z.object({ id: z.uuid().describe(`De vaste identificatie van de ${wat}`) });

const Zoek = z
  .string()
  .trim()
  .max(200)
  .optional()
  .describe('Zoekwoorden (Nederlands, elk woord moet voorkomen)');

const OrganisatieLijstvraag = z.object({
  zoek: Zoek,
  type: z.enum(ORGANISATIE_TYPES).optional(),
  status: z.enum(ORGANISATIE_STATUSSEN).optional(),
  gemeenteId: z.uuid().optional().describe('Alleen organisaties die deze gemeente bedienen'),
  wijkId: z.uuid().optional(),
  pagina: queryVan.pagina,
  paginaGrootte: queryVan.paginaGrootte,
});

const ActiviteitLijstvraag = z.object({
  zoek: Zoek,
  categorie: z.enum(CATEGORIEEN).optional(),
  organisatieId: z.uuid().optional(),
  organisatieType: z.enum(ORGANISATIE_TYPES).optional(),
  gemeenteId: z.uuid().optional(),
  wijkId: z.uuid().optional(),
  status: z.enum(ACTIVITEIT_STATUSSEN).optional(),
  toetsStatus: z.enum(TOETS_STATUSSEN).optional().describe('De stand van de verdringingstoets op vandaag'),
  vrijePlaatsen: queryVan.janee.describe('true: alleen met vrije plaatsen; false: alleen volle'),
  maatwerk: queryVan.janee.describe('true: alleen maatwerkactiviteiten; false: alleen uit het netwerk'),
  pagina: queryVan.pagina,
  paginaGrootte: queryVan.paginaGrootte,
});

const IntervisieLijstvraag = z.object({
  status: z.enum(['open', 'besloten']).optional().describe('open: de wachtrij van de teamleider'),
  pagina: queryVan.pagina,
  paginaGrootte: queryVan.paginaGrootte,
});

const OrganisatiesPagina = paginaSchema(OrganisatieOverzicht, 'OrganisatiesPagina');
const ActiviteitenPagina = paginaSchema(ActiviteitOverzicht, 'ActiviteitenPagina');
const IntervisiesPagina = paginaSchema(Intervisie, 'IntervisiesPagina');

const fouten = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem } as const;

/**
 * JSON routes for the network (bearer token). Thin: parse (route schemas), authorise (`requireGebruiker`; roles
 * in the service), call one service function, reply. What lies outside the caller's municipalities answers 404.
 */

/** A PDF answer (Fastify sends the buffer unserialised). */
const pdf = (reply: FastifyReply, inhoud: Buffer) =>
  reply
    .type('application/pdf')
    .header('content-disposition', 'inline; filename="intervisieverslag.pdf"')
    .header('cache-control', 'no-store')
    .send(inhoud);

export function netwerkApi(service: NetwerkService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    // ---- Organisaties ----
    r.get(
      '/api/v1/organisaties',
      {
        schema: {
          operationId: 'listOrganisaties',
          summary: 'Organisaties zoeken',
          description:
            'De organisaties die ten minste één gemeente van de aanroeper bedienen, met zoeken (Nederlandse woordstammen), filters en paginering.',
          tags: ['Organisaties'],
          querystring: OrganisatieLijstvraag,
          response: { 200: OrganisatiesPagina, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, () => service.findOrganisaties(requireGebruiker(req), req.query)),
    );

    r.post(
      '/api/v1/organisaties',
      {
        schema: {
          operationId: 'createOrganisatie',
          summary: 'Organisatie toevoegen',
          description:
            'Voegt een organisatie toe (netwerkmakelaar). De wijk volgt uit de postcode. Kies alleen gemeenten waarvoor u werkt.',
          tags: ['Organisaties'],
          body: OrganisatieInput,
          response: { 201: Organisatie, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const o = await service.createOrganisatie(requireGebruiker(req), req.body);
          reply.status(201).header('Location', `/api/v1/organisaties/${o.id}`);
          return o;
        }),
    );

    r.get(
      '/api/v1/organisaties/:id',
      {
        schema: {
          operationId: 'getOrganisatie',
          summary: 'Organisatie',
          description: 'Een organisatie met contactpersonen en wat zij teruggeeft (wederkerigheid).',
          tags: ['Organisaties'],
          params: Id('organisatie'),
          response: { 200: Organisatie, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, () => service.findOrganisatie(requireGebruiker(req), req.params.id)),
    );

    r.put(
      '/api/v1/organisaties/:id',
      {
        schema: {
          operationId: 'updateOrganisatie',
          summary: 'Organisatie wijzigen',
          description:
            'Vervangt de gegevens van een organisatie. Stuur bij een bestaande contactpersoon zijn id mee, dan blijft die. ' +
            'Gemeenten buiten uw eigen gemeenten blijven staan. Een andere soort organisatie of een ander KvK-nummer ' +
            'laat de verdringingstoetsen van haar activiteiten vervallen.',
          tags: ['Organisaties'],
          params: Id('organisatie'),
          body: OrganisatieInput,
          response: { 200: Organisatie, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, () =>
          service.updateOrganisatie(requireGebruiker(req), req.params.id, req.body),
        ),
    );

    // ---- Activiteiten ----
    r.get(
      '/api/v1/activiteiten',
      {
        schema: {
          operationId: 'listActiviteiten',
          summary: 'Activiteiten zoeken',
          description:
            'De activiteiten in de gemeenten van de aanroeper, met de stand van de verdringingstoets op vandaag en of ' +
            'de activiteit voor een plaatsing gebruikt mag worden.',
          tags: ['Activiteiten'],
          querystring: ActiviteitLijstvraag,
          response: { 200: ActiviteitenPagina, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, () => service.findActiviteiten(requireGebruiker(req), req.query)),
    );

    r.post(
      '/api/v1/activiteiten',
      {
        schema: {
          operationId: 'createActiviteit',
          summary: 'Activiteit toevoegen',
          description:
            'Voegt een activiteit toe bij een organisatie (netwerkmakelaar). De gemeenten moeten door de organisatie ' +
            'bediend worden.',
          tags: ['Activiteiten'],
          body: ActiviteitInput,
          response: { 201: Activiteit, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const a = await service.createActiviteit(requireGebruiker(req), req.body);
          reply.status(201).header('Location', `/api/v1/activiteiten/${a.id}`);
          return a;
        }),
    );

    r.get(
      '/api/v1/activiteiten/:id',
      {
        schema: {
          operationId: 'getActiviteit',
          summary: 'Activiteit',
          tags: ['Activiteiten'],
          params: Id('activiteit'),
          response: { 200: Activiteit, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, () => service.findActiviteit(requireGebruiker(req), req.params.id)),
    );

    r.put(
      '/api/v1/activiteiten/:id',
      {
        schema: {
          operationId: 'updateActiviteit',
          summary: 'Activiteit wijzigen',
          description:
            'Vervangt de gegevens van een activiteit. Een wezenlijke wijziging (organisatie, werk, categorie, meer uren ' +
            'of plaatsen) laat de verdringingstoets vervallen.',
          tags: ['Activiteiten'],
          params: Id('activiteit'),
          body: ActiviteitInput,
          response: { 200: Activiteit, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, () =>
          service.updateActiviteit(requireGebruiker(req), req.params.id, req.body),
        ),
    );

    r.get(
      '/api/v1/activiteiten/:id/verdringingstoetsen',
      {
        schema: {
          operationId: 'listVerdringingstoetsen',
          summary: 'Verdringingstoetsen van een activiteit',
          description: 'Alle toetsen van de activiteit, nieuwste eerst.',
          tags: ['Activiteiten'],
          params: Id('activiteit'),
          response: { 200: z.array(Verdringingstoets), ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, () =>
          service.listVerdringingstoetsen(requireGebruiker(req), req.params.id),
        ),
    );

    r.post(
      '/api/v1/activiteiten/:id/verdringingstoetsen',
      {
        schema: {
          operationId: 'createVerdringingstoets',
          summary: 'Verdringingstoets vastleggen',
          description:
            'Legt een verdringingstoets vast (netwerkmakelaar): elke vraag van de checklist met een toelichting, de ' +
            'conclusie (nooit milder dan het advies van de checklist) en de motivering. Geldig 12 maanden. Bij twijfel ' +
            'ontstaat een intervisieverzoek voor de teamleider (intervisieId).',
          tags: ['Activiteiten'],
          params: Id('activiteit'),
          body: ToetsInput,
          response: { 201: Verdringingstoets, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const { toets } = await service.createVerdringingstoets(
            requireGebruiker(req),
            req.params.id,
            req.body,
          );
          reply.status(201);
          return toets;
        }),
    );

    // ---- Intervisies ----
    r.get(
      '/api/v1/intervisies',
      {
        schema: {
          operationId: 'listIntervisies',
          summary: 'Intervisieverzoeken',
          description:
            'De intervisieverzoeken in de gemeenten van de aanroeper; open verzoeken eerst, oudste eerst.',
          tags: ['Intervisies'],
          querystring: IntervisieLijstvraag,
          response: { 200: IntervisiesPagina, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, () => service.findIntervisies(requireGebruiker(req), req.query)),
    );

    r.get(
      '/api/v1/intervisies/:id',
      {
        schema: {
          operationId: 'getIntervisie',
          summary: 'Intervisieverzoek',
          tags: ['Intervisies'],
          params: Id('intervisie'),
          response: { 200: Intervisie, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, () => service.findIntervisie(requireGebruiker(req), req.params.id)),
    );

    r.get(
      '/api/v1/intervisies/:id/verslag',
      {
        schema: {
          operationId: 'getIntervisieVerslag',
          summary: 'Verslag van de intervisie (pdf)',
          description:
            'Het verslag: het onderwerp, de vraag, wie het vroeg en wanneer, en na het besluit de deelnemers, het besluit, de voorwaarden en de motivering. Zonder klantgegevens.',
          tags: ['Intervisies'],
          params: Id('intervisie'),
          response: {
            200: {
              description: 'Het verslag als pdf (A4, PDF/A-3b)',
              content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } },
            },
            ...fouten,
          },
        },
      },
      async (req, reply) =>
        pdf(reply, await service.intervisieVerslagPdf(requireGebruiker(req), req.params.id)),
    );

    r.post(
      '/api/v1/intervisies/:id/besluit',
      {
        schema: {
          operationId: 'besluitIntervisie',
          summary: 'Besluit over een intervisieverzoek',
          description:
            'Het besluit van de teamleider: deelnemers, besluit, voorwaarden (verplicht bij toegestaan onder ' +
            'voorwaarden) en motivering. Eén keer; daarna 409.',
          tags: ['Intervisies'],
          params: Id('intervisie'),
          body: IntervisieBesluitInput,
          response: { 200: Intervisie, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, () =>
          service.besluitIntervisie(requireGebruiker(req), req.params.id, req.body),
        ),
    );
  };
}
