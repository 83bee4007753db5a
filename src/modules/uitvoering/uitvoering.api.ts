import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { metVeldfouten, Problem } from '../../http/problem.ts';
import { requireGebruiker } from '../auth/index.ts';
import type { GemeentenService } from '../gemeenten/index.ts';
import { Tegenprestatie } from '../tegenprestaties/index.ts';
import {
  CbsRegel,
  Evaluatie,
  EvaluatieInput,
  LevensloopInput,
  Maand,
  UrenInput,
  Urenregel,
  UrenWijziging,
} from './uitvoering.schemas.ts';
import { cbsCsv, type UitvoeringService } from './uitvoering.service.ts';

const Id = z.object({ id: z.uuid().describe('De vaste identificatie van de tegenprestatie') });
const GemeenteId = z.object({ id: z.uuid().describe('De vaste identificatie van de gemeente') });

/** A PDF answer (Fastify sends the buffer unserialised). */
const pdf = (reply: FastifyReply, inhoud: Buffer) =>
  reply
    .type('application/pdf')
    .header('content-disposition', 'inline; filename="evaluatieverslag.pdf"')
    .header('cache-control', 'no-store')
    .send(inhoud);

const fouten = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
} as const;

/**
 * JSON routes for the running tegenprestatie (bearer token): hours, evaluations and the CBS export. Thin: parse
 * (route schemas), authorise (`requireGebruiker`; roles and caseload in the service), call one service function.
 */
export function uitvoeringApi(service: UitvoeringService, gemeenten: Pick<GemeentenService, 'findGemeente'>) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/api/v1/tegenprestaties/:id/uren',
      {
        schema: {
          operationId: 'listUren',
          summary: 'Geregistreerde uren',
          description: 'De uren en afwezigheid per datum van een tegenprestatie, nieuwste datum eerst.',
          tags: ['Uitvoering'],
          params: Id,
          response: { 200: z.array(Urenregel), ...fouten },
        },
      },
      async (req) => service.findUren(requireGebruiker(req), req.params.id),
    );

    r.post(
      '/api/v1/tegenprestaties/:id/uren',
      {
        schema: {
          operationId: 'createUren',
          summary: 'Uren registreren',
          description:
            'Registreert uren of afwezigheid (ziek, vakantie, anders) per datum, hoogstens een week tegelijk, voor een lopende tegenprestatie. Niets wordt ongemerkt overschreven: een dag die precies zo is opgeslagen blijft ongemoeid; een opgeslagen dag wijzigen of verwijderen (verwijderen: true) kan alleen met de versie uit de opgeslagen urenregel, anders 409. Elke wijziging komt met de vorige waarde in de geschiedenis (bron api). Alleen van de startdatum tot en met de einddatum en niet na vandaag; de uren van een week passen in de afgesproken dagdelen (hoogstens het ingestelde aantal uren per dagdeel).',
          tags: ['Uitvoering'],
          params: Id,
          body: UrenInput,
          response: { 201: z.array(Urenregel), ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const { uren } = await service.registreerUren(requireGebruiker(req), req.params.id, req.body, {
            bron: 'api',
          });
          reply.status(201).header('Location', `/api/v1/tegenprestaties/${req.params.id}/uren`);
          return uren;
        }),
    );

    r.get(
      '/api/v1/tegenprestaties/:id/uren-wijzigingen',
      {
        schema: {
          operationId: 'listUrenWijzigingen',
          summary: 'Geschiedenis van de uren',
          description:
            'Elke nieuwe, gewijzigde en verwijderde registratie van uren of afwezigheid, met de vorige en de nieuwe waarde, wie, wanneer en hoe (formulier, api, import, organisatie, klant); nieuwste eerst.',
          tags: ['Uitvoering'],
          params: Id,
          response: { 200: z.array(UrenWijziging), ...fouten },
        },
      },
      async (req) => service.findUrenWijzigingen(requireGebruiker(req), req.params.id),
    );

    r.get(
      '/api/v1/tegenprestaties/:id/evaluaties',
      {
        schema: {
          operationId: 'listEvaluaties',
          summary: 'Evaluaties',
          description: 'De evaluaties van een tegenprestatie, nieuwste eerst.',
          tags: ['Uitvoering'],
          params: Id,
          response: { 200: z.array(Evaluatie), ...fouten },
        },
      },
      async (req) => service.findEvaluaties(requireGebruiker(req), req.params.id),
    );

    r.get(
      '/api/v1/tegenprestaties/:id/evaluaties/:evaluatieId/verslag',
      {
        schema: {
          operationId: 'getEvaluatieVerslag',
          summary: 'Evaluatieverslag (pdf)',
          description:
            'Het verslag van één evaluatie: de stem van de klant, de visie van de organisatie, de conclusie en het besluit; bij een eindevaluatie ook het vervolg en de afloop.',
          tags: ['Uitvoering'],
          params: Id.extend({ evaluatieId: z.uuid().describe('De vaste identificatie van de evaluatie') }),
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
        pdf(
          reply,
          await service.evaluatieVerslagPdf(requireGebruiker(req), req.params.id, req.params.evaluatieId),
        ),
    );

    r.post(
      '/api/v1/tegenprestaties/:id/evaluaties',
      {
        schema: {
          operationId: 'createEvaluatie',
          summary: 'Evaluatie vastleggen',
          description:
            'Legt een evaluatie vast: de stem van de klant, de visie van de organisatie, de conclusie en het besluit (voortzetten, aanpassen, beeindigen). Met beeindigen is het de eindevaluatie: geef dan in eind het vervolg dat er echt komt en de afloop (afgerond, of beeindigd met een reden); de tegenprestatie krijgt die status.',
          tags: ['Uitvoering'],
          params: Id,
          body: EvaluatieInput,
          response: { 201: Evaluatie, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const e = await service.createEvaluatie(requireGebruiker(req), req.params.id, req.body);
          reply.status(201).header('Location', `/api/v1/tegenprestaties/${req.params.id}/evaluaties`);
          return e;
        }),
    );

    r.post(
      '/api/v1/tegenprestaties/:id/levensloop',
      {
        schema: {
          operationId: 'createLevensloopStap',
          summary: 'Starten, terugzetten of beëindigen vóór de start',
          description:
            'Een stap vanuit overeengekomen: starten (op of na de startdatum; de dagelijkse taak start hem anders ook), terug-naar-ontwerp met een reden (de plaats komt vrij; documenten en geschiedenis blijven bewaard) of beeindigen-voor-start met een reden. Een stap die nu niet kan, geeft 422 met de reden.',
          tags: ['Uitvoering'],
          params: Id,
          body: LevensloopInput,
          response: { 200: Tegenprestatie, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, () =>
          service.wijzigLevensloop(requireGebruiker(req), req.params.id, req.body),
        ),
    );

    r.get(
      '/api/v1/gemeenten/:id/cbs-tegenprestatie',
      {
        schema: {
          operationId: 'getCbsTegenprestatie',
          summary: 'CBS-indicator uitvoering tegenprestatie',
          description:
            'Per klant met een tegenprestatie in de maand: ja als er in die maand uren zijn gedaan, anders nee (de BUS-indicator "uitvoering tegenprestatie"). Met Accept: text/csv als CSV. Klanten staan er met hun klantnummer in, niet met BSN.',
          tags: ['Uitvoering'],
          params: GemeenteId,
          querystring: z.object({ maand: Maand.describe('De maand, JJJJ-MM') }),
          response: { 200: z.array(CbsRegel), ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const actor = requireGebruiker(req);
          const regels = await service.cbsExport(actor, req.params.id, req.query.maand);
          if (String(req.headers.accept ?? '').includes('text/csv')) {
            const g = await gemeenten.findGemeente(actor, actor.dienstId, req.params.id);
            return (
              reply
                .type('text/csv; charset=utf-8')
                .header(
                  'Content-Disposition',
                  `attachment; filename="cbs-tegenprestatie-${g.code}-${req.query.maand}.csv"`,
                )
                // CSV is text: bypass the JSON schema's serializer for this reply only.
                .serializer((x: unknown) => String(x))
                .send(cbsCsv(g.code, req.query.maand, regels) as never)
            );
          }
          return regels;
        }),
    );
  };
}
