import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { metVeldfouten, Problem } from '../../http/problem.ts';
import { requireGebruiker } from '../auth/index.ts';
import { Gemeente } from '../gemeenten/index.ts';
import {
  RechtsgrondPeriode,
  type VerordeningVersie,
  Versie,
  VersieInput,
  VersieMetGemeenteInput,
} from './verordening.schemas.ts';
import { naamVan, type VerordeningService } from './verordening.service.ts';

const fouten = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem } as const;

const Datum = z.iso.date({ error: 'Een datum is JJJJ-MM-DD.' });
const DatumVraag = z.object({
  datum: Datum.optional().describe('De peildatum (JJJJ-MM-DD); standaard vandaag'),
});
const GemeenteParams = z.object({ gemeenteId: z.uuid().describe('De gemeente van de verordening') });
const VersieParams = GemeenteParams.extend({ versieId: z.uuid().describe('De versie') });

const Rechtsgrond = z
  .object({
    artikel: z.string().nullable().describe('null: voor dit regime is geen grondslag vastgelegd'),
    omschrijving: z.string().nullable().describe('Korte tekst van de grondslag'),
    tekst: z.string().describe('Het artikel, of de melding dat geen grondslag is vastgelegd'),
    vanaf: Datum.nullable(),
  })
  .meta({ id: 'Rechtsgrond' });

const VerordeningOverzicht = z
  .object({
    gemeente: Gemeente,
    aantalVersies: z.number().int(),
    geldend: Versie.nullable().describe('De versie die geldt op de peildatum'),
    volgende: Versie.nullable().describe('De eerstvolgende versie na de peildatum, als die al is vastgelegd'),
    naam: z.string().describe('De naam op de peildatum: tegenprestatie of maatschappelijke participatie'),
  })
  .meta({ id: 'VerordeningOverzicht' });

const Geldend = z
  .object({
    datum: Datum,
    versie: Versie.nullable(),
    naam: z.string().describe('De naam die een document van deze datum draagt'),
    rechtsgrond: Rechtsgrond,
    geenMedewerkingToegestaan: z
      .boolean()
      .describe('false als de gemeente het alleen aanbiedt (of er nog geen versie geldt)'),
  })
  .meta({ id: 'VerordeningOpDatum' });

const naarApi = (v: VerordeningVersie) => ({ ...v, lokaleGrondIds: [...v.lokaleGrondIds], naam: naamVan(v) });

/**
 * JSON routes of the ordinance engine (bearer token). Thin: parse (route schemas), authorise
 * (`requireGebruiker`; roles in the service), call one service function, reply.
 */
export function verordeningApi(service: VerordeningService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/api/v1/verordeningen',
      {
        schema: {
          operationId: 'listVerordeningen',
          summary: 'Verordeningen tegenprestatie',
          description:
            'Per gemeente van de aanroeper: de versie van de verordening die geldt op de peildatum, de volgende versie en de naam van het instrument.',
          tags: ['Verordeningen'],
          querystring: DatumVraag,
          response: { 200: z.array(VerordeningOverzicht), ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () =>
          (await service.listVerordeningen(requireGebruiker(req), req.query)).map((o) => ({
            ...o,
            geldend: o.geldend ? naarApi(o.geldend) : null,
            volgende: o.volgende ? naarApi(o.volgende) : null,
          })),
        ),
    );

    r.post(
      '/api/v1/verordeningen',
      {
        schema: {
          operationId: 'createVerordeningVersie',
          summary: 'Nieuwe versie van een verordening',
          description:
            'Legt een nieuwe versie van de verordening van een gemeente vast (functioneel beheerder). Een versie verandert daarna niet meer; een wijziging is een nieuwe versie met een eigen ingangsdatum.',
          tags: ['Verordeningen'],
          body: VersieMetGemeenteInput,
          response: { 201: Versie, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const { gemeenteId, ...invoer } = req.body;
          const v = await service.createVersie(requireGebruiker(req), gemeenteId, invoer);
          reply.status(201).header('Location', `/api/v1/verordeningen/${gemeenteId}/versies/${v.id}`);
          return naarApi(v);
        }),
    );

    r.get(
      '/api/v1/verordeningen/:gemeenteId/versies',
      {
        schema: {
          operationId: 'listVerordeningVersies',
          summary: 'Versies van een verordening',
          description: 'Alle versies van de verordening van een gemeente, oudste ingangsdatum eerst.',
          tags: ['Verordeningen'],
          params: GemeenteParams,
          response: { 200: z.array(Versie), ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () =>
          (await service.listVersies(requireGebruiker(req), req.params.gemeenteId)).map(naarApi),
        ),
    );

    r.post(
      '/api/v1/verordeningen/:gemeenteId/versies',
      {
        schema: {
          operationId: 'createVersie',
          summary: 'Nieuwe versie',
          description:
            'Legt een nieuwe versie vast (functioneel beheerder). Een versie op dezelfde ingangsdatum bestaat al: 409.',
          tags: ['Verordeningen'],
          params: GemeenteParams,
          body: VersieInput,
          response: { 201: Versie, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const v = await service.createVersie(requireGebruiker(req), req.params.gemeenteId, req.body);
          reply
            .status(201)
            .header('Location', `/api/v1/verordeningen/${req.params.gemeenteId}/versies/${v.id}`);
          return naarApi(v);
        }),
    );

    r.get(
      '/api/v1/verordeningen/:gemeenteId/versies/:versieId',
      {
        schema: {
          operationId: 'getVersie',
          summary: 'Versie',
          description: 'Eén versie van de verordening.',
          tags: ['Verordeningen'],
          params: VersieParams,
          response: { 200: Versie, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () =>
          naarApi(
            await service.findVersie(requireGebruiker(req), req.params.gemeenteId, req.params.versieId),
          ),
        ),
    );

    r.get(
      '/api/v1/verordeningen/:gemeenteId/geldend',
      {
        schema: {
          operationId: 'getVerordeningOpDatum',
          summary: 'Geldende verordening op een datum',
          description:
            'De versie die op de peildatum geldt, de naam van het instrument op die datum, de rechtsgrond op die datum en of "geen medewerking" kan worden vastgelegd.',
          tags: ['Verordeningen'],
          params: GemeenteParams,
          querystring: DatumVraag,
          response: { 200: Geldend, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const g = await service.geldendOp(requireGebruiker(req), req.params.gemeenteId, req.query.datum);
          return { ...g, versie: g.versie ? naarApi(g.versie) : null };
        }),
    );

    r.get(
      '/api/v1/rechtsgronden',
      {
        schema: {
          operationId: 'listRechtsgronden',
          summary: 'Rechtsgrond per datum',
          description:
            'De wettelijke grondslag van het instrument per regime (los van de naam), met citeertitel en korte tekst: art. 9 lid 1 onder c Participatiewet tot en met 2026; vanaf 2027 het artikel van de Participatiewet in balans zodra de functioneel beheerder het heeft vastgelegd. Een opleggend besluit over een periode zonder vastgelegde grondslag wordt geweigerd.',
          tags: ['Verordeningen'],
          response: { 200: z.array(RechtsgrondPeriode), ...fouten },
        },
      },
      async (req, reply) => metVeldfouten(req, reply, () => service.listRechtsgronden(requireGebruiker(req))),
    );

    r.put(
      '/api/v1/rechtsgronden/:vanaf',
      {
        schema: {
          operationId: 'setRechtsgrond',
          summary: 'Rechtsgrond vanaf een datum',
          description:
            'Legt het wetsartikel en de korte tekst vast die vanaf deze datum gelden (functioneel beheerder), nadat de gemeente de wettekst heeft gecontroleerd. Beide leeg of null: geen grondslag vastgelegd.',
          tags: ['Verordeningen'],
          params: z.object({ vanaf: Datum.describe('Vanaf deze datum geldt het artikel') }),
          body: z
            .object({
              artikel: z.string().max(300).nullable(),
              omschrijving: z.string().max(1000).nullable().optional(),
            })
            .meta({ id: 'RechtsgrondArtikel' }),
          response: { 200: z.array(RechtsgrondPeriode), ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, () =>
          service.setRechtsgrond(requireGebruiker(req), {
            vanaf: req.params.vanaf,
            artikel: req.body.artikel,
            omschrijving: req.body.omschrijving ?? null,
          }),
        ),
    );
  };
}
