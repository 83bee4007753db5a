import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { metVeldfouten, Problem } from '../../http/problem.ts';
import { requireGebruiker } from '../auth/index.ts';
import {
  AfzienInput,
  GoedkeuringInput,
  HoringInput,
  Maatregel,
  VerwijtbaarheidInput,
  VoornemenInput,
  VoorstelInput,
} from './dwang.schemas.ts';
import type { MaatregelService } from './maatregel.service.ts';

const Id = z.object({ id: z.uuid().describe('De vaste identificatie van de tegenprestatie (plaatsing)') });
const MId = Id.extend({ mid: z.uuid().describe('De vaste identificatie van de maatregel') });
const fouten = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
} as const;

/** JSON routes of the measure path (bearer token). Thin: parse, authorise, one service call, reply. */
export function maatregelApi(service: MaatregelService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const basis = '/api/v1/tegenprestaties/:id/maatregelen';

    r.get(
      basis,
      {
        schema: {
          operationId: 'listMaatregelen',
          summary: 'Voornemens en maatregelen bij een plaatsing',
          description:
            'Alle maatregeltrajecten bij de plaatsing, nieuwste eerst, met wat er nog ontbreekt voor de volgende stap.',
          tags: ['Dwangkader'],
          params: Id,
          response: { 200: z.array(Maatregel), ...fouten },
        },
      },
      async (req) => service.listMaatregelen(requireGebruiker(req), req.params.id),
    );

    r.post(
      basis,
      {
        schema: {
          operationId: 'createMaatregelVoornemen',
          summary: 'Voornemen tot een maatregel',
          description:
            'Voor gedrag op een datum (meestal van een incident) bij een plaatsing onder een verzonden besluit dat de tegenprestatie oplegt: het besluit dat op die dag gold, en categorie, percentage en duur uit de maatregelenverordening die op die dag gold (met herhaling binnen de recidivetermijn). Geweigerd (422): geen opgelegd besluit, geen vastgelegde wettelijke grondslag op die dag, geen verordening of geen categorie voor de gedraging. Een datum vóór de verzending van het besluit, buiten de opgelegde periode of in de toekomst: 400. De termijn voor de zienswijze is die van de verordening (standaard 14 dagen) of de opgegeven.',
          tags: ['Dwangkader'],
          params: Id,
          body: VoornemenInput,
          response: { 201: Maatregel, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const m = await service.legVoornemenVast(requireGebruiker(req), req.params.id, req.body);
          reply
            .status(201)
            .header('Location', `/api/v1/tegenprestaties/${req.params.id}/maatregelen/${m.id}`);
          return m;
        }),
    );

    r.get(
      `${basis}/:mid`,
      {
        schema: {
          operationId: 'getMaatregel',
          summary: 'Eén maatregeltraject',
          tags: ['Dwangkader'],
          params: MId,
          response: { 200: Maatregel, ...fouten },
        },
      },
      async (req) => service.findMaatregel(requireGebruiker(req), req.params.id, req.params.mid),
    );

    const stappen = [
      {
        pad: 'horing',
        operationId: 'createMaatregelHoring',
        summary: 'De klant horen (artikel 4:8 Awb)',
        description:
          'De zienswijze van de klant (per brief, in een gesprek of via het portaal; met datum en het antwoord dat het besluit geeft), of een grond om niet te horen: artikel 4:11 Awb onder a, b of c, of artikel 4:12 Awb als de voorwaarden gelden, met motivering.',
        body: HoringInput,
        doe: service.legHoringVast,
      },
      {
        pad: 'verwijtbaarheid',
        operationId: 'createMaatregelVerwijtbaarheid',
        summary: 'Verwijtbaarheid en dringende redenen',
        description:
          'De beoordeling van de verwijtbaarheid (artikel 18 lid 9 Participatiewet) en van dringende redenen (lid 10), elk met motivering.',
        body: VerwijtbaarheidInput,
        doe: service.legVerwijtbaarheidVast,
      },
      {
        pad: 'afzien',
        operationId: 'createMaatregelAfzien',
        summary: 'Afzien van een maatregel',
        description:
          'Een eigen uitkomst: elke verwijtbaarheid ontbreekt, dringende redenen, of een grond van de verordening (verjaard, schriftelijke waarschuwing) die voor deze gedraging geldt; met motivering.',
        body: AfzienInput,
        doe: service.zieAf,
      },
      {
        pad: 'voorstel',
        operationId: 'createMaatregelVoorstel',
        summary: 'Definitief voorstel aan de teamleider',
        description:
          'Pas na het horen (zienswijze binnen, termijn verstreken of een grond) en een beoordeling die verwijtbaarheid vond en geen dringende redenen. Lager of korter dan het voornemen mag; hoger of langer alleen na een nieuwe horing; buiten de bandbreedte nooit.',
        body: VoorstelInput,
        doe: service.doeVoorstel,
      },
      {
        pad: 'beoordeling',
        operationId: 'createMaatregelBeoordeling',
        summary: 'Vier ogen: akkoord of terugsturen',
        description:
          'Alleen een teamleider, nooit over een eigen voorstel. Akkoord maakt de maatregel besloten; terugsturen (met toelichting) zet het traject terug naar het voornemen.',
        body: GoedkeuringInput,
        doe: service.beoordeelVoorstel,
      },
    ] as const;

    for (const s of stappen)
      r.post(
        `${basis}/:mid/${s.pad}`,
        {
          schema: {
            operationId: s.operationId,
            summary: s.summary,
            description: s.description,
            tags: ['Dwangkader'],
            params: MId,
            body: s.body,
            response: { 200: Maatregel, ...fouten },
          },
        },
        async (req, reply) =>
          metVeldfouten(req, reply, async () =>
            (
              s.doe as (
                a: ReturnType<typeof requireGebruiker>,
                id: string,
                mid: string,
                b: unknown,
              ) => Promise<Maatregel>
            )(requireGebruiker(req), req.params.id, req.params.mid, req.body),
          ),
      );
  };
}
