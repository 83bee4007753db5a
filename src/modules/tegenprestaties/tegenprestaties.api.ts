import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../http/app-error.ts';
import { metVeldfouten, Problem } from '../../http/problem.ts';
import { requireGebruiker } from '../auth/index.ts';
import { PlaatsingsTwijfelInput } from '../netwerk/index.ts';
import { STATUSSEN } from './statusmachine.ts';
import {
  Oplegging,
  OpleggingBeoordelingInput,
  StartVerkenningInput,
  Herbeoordeling,
  Statusovergang,
  StatusovergangInput,
  Tegenprestatie,
  UpdateTegenprestatieInput,
  VoornemenInput,
  ZienswijzeInput,
} from './tegenprestaties.schemas.ts';
import type { TegenprestatiesService } from './tegenprestaties.service.ts';

const Id = z.object({ id: z.uuid().describe('De vaste identificatie van de tegenprestatie') });

const Lijstvraag = z.object({
  klantId: z.uuid().optional().describe('Alleen de tegenprestaties van deze klant'),
  status: z.enum(STATUSSEN).optional(),
  pagina: z.coerce.number().int().min(1).max(100000).optional().describe('Paginanummer, vanaf 1'),
  paginaGrootte: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .describe('Aantal per pagina (hoogstens 100)'),
});

const TegenprestatiesPagina = z
  .object({
    items: z.array(Tegenprestatie),
    totaal: z.number().int(),
    pagina: z.number().int(),
    paginaGrootte: z.number().int(),
    aantalPaginas: z.number().int(),
  })
  .meta({ id: 'TegenprestatiesPagina' });

const TegenprestatieMetHistorie = Tegenprestatie.extend({ overgangen: z.array(Statusovergang) }).meta({
  id: 'TegenprestatieMetHistorie',
});

const fouten = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
} as const;

/**
 * JSON routes for tegenprestaties (bearer token). Thin: parse (route schemas), authorise (`requireGebruiker`; roles
 * and caseload in the service), call one service function, reply. Part-2 statuses are refused (422).
 */
export function tegenprestatiesApi(service: TegenprestatiesService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/api/v1/tegenprestaties',
      {
        schema: {
          operationId: 'listTegenprestaties',
          summary: 'Tegenprestaties zoeken',
          description:
            'Tegenprestaties (ontwerpen) die u mag zien, laatst gewijzigd eerst. Met klantId: die van één klant. Zonder: een teamleider ziet die van zijn gemeenten, een klantmanager zijn eigen ontwerpen.',
          tags: ['Tegenprestaties'],
          querystring: Lijstvraag,
          response: { 200: TegenprestatiesPagina, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, () => service.findTegenprestaties(requireGebruiker(req), req.query)),
    );

    r.post(
      '/api/v1/tegenprestaties',
      {
        schema: {
          operationId: 'createTegenprestatie',
          summary: 'Tegenprestatie verkennen',
          description:
            'Begint een tegenprestatie met een klant in de status verkenning, eventueel met een activiteit, het gesprek en het voorstel uit matching.',
          tags: ['Tegenprestaties'],
          body: StartVerkenningInput,
          response: { 201: Tegenprestatie, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const actor = requireGebruiker(req);
          const { id } = await service.startVerkenning(actor, req.body);
          const t = await service.findTegenprestatie(actor, id);
          reply.status(201).header('Location', `/api/v1/tegenprestaties/${id}`);
          const { overgangen: _o, ...zonder } = t;
          return zonder;
        }),
    );

    r.get(
      '/api/v1/tegenprestaties/:id',
      {
        schema: {
          operationId: 'getTegenprestatie',
          summary: 'Eén tegenprestatie',
          description: 'De tegenprestatie met de historie van haar status.',
          tags: ['Tegenprestaties'],
          params: Id,
          response: { 200: TegenprestatieMetHistorie, ...fouten },
        },
      },
      async (req) => service.findTegenprestatie(requireGebruiker(req), req.params.id),
    );

    r.patch(
      '/api/v1/tegenprestaties/:id',
      {
        schema: {
          operationId: 'updateTegenprestatie',
          summary: 'Ontwerp wijzigen',
          description:
            'Wijzigt het ontwerp (weglaten = ongewijzigd, null = leegmaken). Alleen in verkenning of ontwerp. Geef de versie mee die u las: is die intussen gewijzigd, dan volgt 409.',
          tags: ['Tegenprestaties'],
          params: Id,
          body: UpdateTegenprestatieInput,
          response: { 200: Tegenprestatie, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, () =>
          service.updateTegenprestatie(requireGebruiker(req), req.params.id, req.body),
        ),
    );

    r.get(
      '/api/v1/tegenprestaties/:id/herbeoordeling',
      {
        schema: {
          operationId: 'getHerbeoordeling',
          summary: 'Herbeoordeling van de plaatsing',
          description:
            'Of een overeengekomen of lopende tegenprestatie moet worden herbeoordeeld, en waarom: de verdringingstoets van de activiteit staat haar niet meer toe (verdringing, verlopen of niet toegestaan na intervisie), of de klant begint tijdens de tegenprestatie met betaald werk of re-integratie. Berekend uit de gegevens van nu, niet opgeslagen.',
          tags: ['Tegenprestaties'],
          params: Id,
          response: { 200: Herbeoordeling, ...fouten },
        },
      },
      async (req) => service.herbeoordeling(requireGebruiker(req), req.params.id),
    );

    r.post(
      '/api/v1/tegenprestaties/:id/twijfels',
      {
        schema: {
          operationId: 'createPlaatsingsTwijfel',
          summary: 'Twijfel over de plaatsing melden',
          description:
            'Meldt twijfel over één overeengekomen of lopende tegenprestatie (bijvoorbeeld of zij betaald werk verdringt). Er ontstaat een intervisieverzoek voor de teamleider, zoals bij twijfel uit een verdringingstoets; besluit die "niet-toegestaan", dan moet de plaatsing worden herbeoordeeld. Eén open twijfel per plaatsing (409).',
          tags: ['Tegenprestaties'],
          params: Id,
          body: PlaatsingsTwijfelInput,
          response: { 201: z.object({ intervisieId: z.uuid() }), ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const r = await service.meldTwijfel(requireGebruiker(req), req.params.id, req.body);
          reply.status(201).header('Location', `/api/v1/intervisies/${r.intervisieId}`);
          return r;
        }),
    );

    r.get(
      '/api/v1/tegenprestaties/:id/statusovergangen',
      {
        schema: {
          operationId: 'listStatusovergangen',
          summary: 'Statushistorie',
          description: 'Elke statuswijziging van de tegenprestatie: van, naar, door wie, wanneer en waarom.',
          tags: ['Tegenprestaties'],
          params: Id,
          response: { 200: z.array(Statusovergang), ...fouten },
        },
      },
      async (req) => (await service.findTegenprestatie(requireGebruiker(req), req.params.id)).overgangen,
    );

    r.post(
      '/api/v1/tegenprestaties/:id/statusovergangen',
      {
        schema: {
          operationId: 'createStatusovergang',
          summary: 'Status wijzigen',
          description:
            'Zet de tegenprestatie naar een andere status: ontwerp, toetsing (alleen als de checklist van de richtlijn in orde is) of terug (met reden), ook een voornemen tot opleggen intrekken. Opleggen gaat via /oplegging (422 hier). Overeenkomst en uitvoering via hun eigen routes (422).',
          tags: ['Tegenprestaties'],
          params: Id,
          body: StatusovergangInput,
          response: { 201: Tegenprestatie, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const t = await service.wijzigStatus(requireGebruiker(req), req.params.id, req.body);
          reply.status(201).header('Location', `/api/v1/tegenprestaties/${t.id}/statusovergangen`);
          return t;
        }),
    );

    const MetStatus = z
      .object({ oplegging: Oplegging, status: z.enum(STATUSSEN) })
      .meta({ id: 'OpleggingMetStatus' });

    r.get(
      '/api/v1/tegenprestaties/:id/oplegging',
      {
        schema: {
          operationId: 'getOplegging',
          summary: 'Opleggen: de laatste ronde',
          description:
            'Het laatste voornemen tot opleggen van deze tegenprestatie (redenen van de klant met beoordeling, zienswijze of grond uit artikel 4:11 Awb, beoordeling door de teamleider). 404 als er geen is.',
          tags: ['Tegenprestaties'],
          params: Id,
          response: { 200: Oplegging, ...fouten },
        },
      },
      async (req) => {
        const t = await service.findTegenprestatie(requireGebruiker(req), req.params.id);
        if (!t.oplegging)
          throw notFound('Voor deze tegenprestatie is geen voornemen tot opleggen vastgelegd.');
        return t.oplegging;
      },
    );

    r.post(
      '/api/v1/tegenprestaties/:id/oplegging',
      {
        schema: {
          operationId: 'createOplegging',
          summary: 'Voornemen tot opleggen vastleggen',
          description:
            'Alleen waar de verordening de tegenprestatie oplegt, vanuit ontwerp, bij een ontwerp op maat dat de klant niet wil: elke reden van de klant met de beoordeling waarom die het ontwerp wel of niet ongeschikt maakt, en een aangeboden alternatief of het gevraagde advies van de teamleider. Een goede reden: 422, het ontwerp blijft in ontwerp. Zet de tegenprestatie op opleggen.',
          tags: ['Tegenprestaties'],
          params: Id,
          body: VoornemenInput,
          response: { 201: Oplegging, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const o = await service.legVoornemenVast(requireGebruiker(req), req.params.id, req.body);
          reply.status(201).header('Location', `/api/v1/tegenprestaties/${req.params.id}/oplegging`);
          return o;
        }),
    );

    r.post(
      '/api/v1/tegenprestaties/:id/oplegging/zienswijzen',
      {
        schema: {
          operationId: 'createZienswijze',
          summary: 'Zienswijze op het voornemen vastleggen',
          description:
            'De zienswijze van de klant (vorm, datum, inhoud en het antwoord dat het besluit geeft; artikel 4:8 en 3:46 Awb) of de grond uit artikel 4:11 Awb om de klant niet te horen, met motivering. Een nieuwe goede reden zet het ontwerp terug naar ontwerp.',
          tags: ['Tegenprestaties'],
          params: Id,
          body: ZienswijzeInput,
          response: { 201: MetStatus, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const o = await service.legZienswijzeVast(requireGebruiker(req), req.params.id, req.body);
          reply.status(201).header('Location', `/api/v1/tegenprestaties/${req.params.id}/oplegging`);
          return o;
        }),
    );

    r.post(
      '/api/v1/tegenprestaties/:id/oplegging/beoordelingen',
      {
        schema: {
          operationId: 'createOpleggingBeoordeling',
          summary: 'Voornemen tot opleggen beoordelen (teamleider)',
          description:
            'Een tweede persoon (teamleider; niet wie het voornemen of de zienswijze vastlegde) gaat akkoord — de tegenprestatie gaat naar toetsing en besluit — of stuurt het terug naar ontwerp met een toelichting.',
          tags: ['Tegenprestaties'],
          params: Id,
          body: OpleggingBeoordelingInput,
          response: { 201: MetStatus, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const o = await service.beoordeelOplegging(requireGebruiker(req), req.params.id, req.body);
          reply.status(201).header('Location', `/api/v1/tegenprestaties/${req.params.id}/oplegging`);
          return o;
        }),
    );
  };
}
