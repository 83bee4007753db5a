import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { metVeldfouten, Problem } from '../../http/problem.ts';
import { requireGebruiker } from '../auth/index.ts';
import {
  AcceptatieInput,
  BesluitInput,
  OvereenkomstVersie,
  Toetsing,
  VersieBevestigingInput,
  VersieIntrekkingInput,
  VersieVoorstelInput,
} from './overeenkomsten.schemas.ts';
import type { OvereenkomstenService } from './overeenkomsten.service.ts';

const Id = z.object({ id: z.uuid().describe('De vaste identificatie van de tegenprestatie') });

const IdNummer = Id.extend({
  nummer: z.coerce
    .number()
    .int()
    .min(1)
    .max(10000)
    .describe('Het nummer van de versie (1 = de eerste overeenkomst)'),
});

const VersieMetWaarschuwingen = OvereenkomstVersie.extend({
  waarschuwingen: z.array(z.string()).describe('Bijvoorbeeld: weinig dagen tussen verzending en ingang'),
}).meta({ id: 'OvereenkomstVersieBevestigd' });

const Stand = z
  .object({
    besluit: z
      .object({
        datum: z.iso.date(),
        verzenddatum: z.iso
          .date()
          .nullable()
          .describe('De dag waarop het besluit is verzonden (bekendgemaakt)'),
        ondertekenaar: z.string(),
        doorNaam: z.string().nullable(),
        grondslag: z
          .object({
            regimes: z.array(
              z.object({
                van: z.iso.date(),
                tot: z.iso.date().nullable(),
                artikel: z.string(),
                omschrijving: z.string().nullable(),
              }),
            ),
            artikelMaatregel: z.string(),
          })
          .nullable()
          .describe('Wat het besluit afdrukt over de wettelijke grondslag, per regime van de periode'),
      })
      .nullable(),
    acceptatie: z
      .object({
        overeenkomstDatum: z.iso.date(),
        klantGetekendOp: z.iso.date(),
        organisatieGetekendOp: z.iso.date().nullable(),
        bevestigingsreden: z.string().nullable(),
        doorNaam: z.string().nullable(),
      })
      .nullable(),
    gestartOp: z.iso.datetime().nullable(),
  })
  .meta({ id: 'OvereenkomstStand' });

const BesluitStand = Stand.extend({
  waarschuwingen: z
    .array(z.string())
    .describe('Waarschuwingen bij het besluit, bijvoorbeeld te weinig dagen tussen verzending en start'),
}).meta({ id: 'BesluitStand' });

/** A PDF answer, declared as `application/pdf` in the OpenAPI document (Fastify sends the buffer unserialised). */
const Pdf = {
  description: 'Het document als pdf (A4, PDF/A-3b)',
  content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } },
};

const fouten = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
} as const;

const pdf = (reply: FastifyReply, naam: string, inhoud: Buffer) =>
  reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename="${naam}"`)
    .header('cache-control', 'no-store')
    .send(inhoud);

/**
 * JSON routes for the ordinance check, the college's decision and the agreement of a tegenprestatie (bearer
 * token). Thin: parse, authorise (`requireGebruiker`; roles and visibility in the service), call, reply.
 */
export function overeenkomstenApi(service: OvereenkomstenService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['Overeenkomsten'];

    r.get(
      '/api/v1/tegenprestaties/:id/toetsingen',
      {
        schema: {
          operationId: 'listToetsingen',
          summary: 'Toetsen aan de verordening',
          description:
            'De opgeslagen toetsen van het ontwerp aan de verordening, nieuwste eerst, elk met de versie.',
          tags,
          params: Id,
          response: { 200: z.array(Toetsing), ...fouten },
        },
      },
      async (req) => service.listToetsingen(requireGebruiker(req), req.params.id),
    );

    r.post(
      '/api/v1/tegenprestaties/:id/toetsingen',
      {
        schema: {
          operationId: 'createToetsing',
          summary: 'Ontwerp toetsen aan de verordening',
          description:
            'Toetst het ontwerp aan de versie van de verordening die geldt op de startdatum, en slaat de uitkomst per regel op met die versie. Alleen in de status toetsing; eerder: 422 met de open MOET-punten.',
          tags,
          params: Id,
          response: { 201: Toetsing, ...fouten },
        },
      },
      async (req, reply) => {
        const t = await service.voerToetsingUit(requireGebruiker(req), req.params.id);
        reply.status(201).header('Location', `/api/v1/tegenprestaties/${req.params.id}/toetsingen`);
        return t;
      },
    );

    r.get(
      '/api/v1/tegenprestaties/:id/besluit',
      {
        schema: {
          operationId: 'getBesluit',
          summary: 'Besluit van het college (pdf)',
          description:
            'Het besluit waarmee het college de tegenprestatie oplegt: redenen, wettelijke grondslag, de afspraken en de bezwaarclausule. Alleen waar de verordening het oplegt en het besluit is vastgelegd (anders 422).',
          tags,
          params: Id,
          response: { 200: Pdf, ...fouten },
        },
      },
      async (req, reply) =>
        pdf(reply, 'besluit.pdf', await service.besluitPdf(requireGebruiker(req), req.params.id)),
    );

    r.post(
      '/api/v1/tegenprestaties/:id/besluit',
      {
        schema: {
          operationId: 'createBesluit',
          summary: 'Besluit vastleggen',
          description:
            'Legt het besluit van het college vast (datum, verzenddatum en ondertekenaar), na een geslaagde toets. Alleen waar de verordening het oplegt (anders 422). Geweigerd (422, zonder uitzondering): een startdatum vóór de verzenddatum (art. 3:40–3:41 Awb), en een periode die een dag bereikt waarvoor geen wettelijke grondslag is vastgelegd. Minder dagen tussen verzending en start dan de verordening vraagt geeft een waarschuwing.',
          tags,
          params: Id,
          body: BesluitInput,
          response: { 201: BesluitStand, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const s = await service.neemBesluit(requireGebruiker(req), req.params.id, req.body);
          reply.status(201).header('Location', `/api/v1/tegenprestaties/${req.params.id}/besluit`);
          return s;
        }),
    );

    r.post(
      '/api/v1/tegenprestaties/:id/periode-inkortingen',
      {
        schema: {
          operationId: 'createPeriodeInkorting',
          summary: 'Periode laten eindigen vóór een regime zonder grondslag',
          description:
            'Waar een opleggend besluit wordt geweigerd omdat de periode een dag bereikt zonder vastgelegde wettelijke grondslag: laat de periode eindigen op de dag ervoor, toetst het ontwerp opnieuw en geeft de klantmanager een signaal om later opnieuw te besluiten. Antwoordt met de nieuwe toets.',
          tags,
          params: Id,
          response: { 201: Toetsing, ...fouten },
        },
      },
      async (req, reply) => {
        const t = await service.eindigVoorGrondslag(requireGebruiker(req), req.params.id);
        reply.status(201).header('Location', `/api/v1/tegenprestaties/${req.params.id}/toetsingen`);
        return t;
      },
    );

    r.get(
      '/api/v1/tegenprestaties/:id/overeenkomst',
      {
        schema: {
          operationId: 'getOvereenkomst',
          summary: 'Overeenkomst (pdf)',
          description:
            'De overeenkomst: afspraken, wederkerigheid van de organisatie, evaluatie en vervolg, verordening en artikelen, onbetaald en verzekerd, ondertekening. Na een geslaagde toets.',
          tags,
          params: Id,
          response: { 200: Pdf, ...fouten },
        },
      },
      async (req, reply) =>
        pdf(reply, 'overeenkomst.pdf', await service.overeenkomstPdf(requireGebruiker(req), req.params.id)),
    );

    r.post(
      '/api/v1/tegenprestaties/:id/overeenkomst',
      {
        schema: {
          operationId: 'createAcceptatie',
          summary: 'Getekende overeenkomst vastleggen',
          description:
            'Legt vast wanneer de getekende overeenkomst van de klant en (als die er is) de organisatie is ontvangen, en zet de tegenprestatie op overeengekomen. Waar opgelegd: eerst het besluit, en de overeenkomst niet gedateerd na de startdatum. Een vrijwillige overeenkomst gedateerd na de startdatum bevestigt wat al loopt: dan is een bevestigingsreden verplicht.',
          tags,
          params: Id,
          body: AcceptatieInput,
          response: { 201: Stand, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const s = await service.legAcceptatieVast(requireGebruiker(req), req.params.id, req.body);
          reply.status(201).header('Location', `/api/v1/tegenprestaties/${req.params.id}/overeenkomst`);
          return s;
        }),
    );

    const versiesTags = ['Overeenkomsten'];
    r.get(
      '/api/v1/tegenprestaties/:id/overeenkomst-versies',
      {
        schema: {
          operationId: 'listOvereenkomstVersies',
          summary: 'Versies van de overeenkomst',
          description:
            'Versie 1 (de getekende overeenkomst) en elke latere versie na een evaluatie met het besluit aanpassen, met welke nu geldt.',
          tags: versiesTags,
          params: Id,
          response: { 200: z.array(OvereenkomstVersie), ...fouten },
        },
      },
      async (req) => service.versies(requireGebruiker(req), req.params.id),
    );

    r.post(
      '/api/v1/tegenprestaties/:id/overeenkomst-versies',
      {
        schema: {
          operationId: 'createOvereenkomstVersie',
          summary: 'Nieuwe versie van de overeenkomst voorstellen',
          description:
            'Na een evaluatie met het besluit aanpassen: nieuwe uren, dagdelen of einddatum (een latere einddatum is een verlenging), vanaf een dag. Getoetst aan de verordening; wat niet voldoet wordt geweigerd (400). Meer uren, dagdelen of maanden zonder instemming van de klant: 400 (waar opgelegd: via een voornemen tot opleggen). Verandert niets tot de drie partijen bevestigen.',
          tags: versiesTags,
          params: Id,
          body: VersieVoorstelInput,
          response: { 201: OvereenkomstVersie, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const v = await service.stelVersieVoor(requireGebruiker(req), req.params.id, req.body);
          reply
            .status(201)
            .header('Location', `/api/v1/tegenprestaties/${req.params.id}/overeenkomst-versies/${v.nummer}`);
          return v;
        }),
    );

    r.get(
      '/api/v1/tegenprestaties/:id/overeenkomst-versies/:nummer',
      {
        schema: {
          operationId: 'getOvereenkomstVersie',
          summary: 'Overeenkomst van één versie (pdf)',
          description: 'De overeenkomst zoals die versie haar vastlegt; een ingetrokken versie: 404.',
          tags: versiesTags,
          params: IdNummer,
          response: { 200: Pdf, ...fouten },
        },
      },
      async (req, reply) =>
        pdf(
          reply,
          `overeenkomst-versie-${req.params.nummer}.pdf`,
          await service.versiePdf(requireGebruiker(req), req.params.id, req.params.nummer),
        ),
    );

    r.post(
      '/api/v1/tegenprestaties/:id/overeenkomst-versies/:nummer/bevestiging',
      {
        schema: {
          operationId: 'createOvereenkomstVersieBevestiging',
          summary: 'Nieuwe versie bevestigen',
          description:
            'Legt de handtekeningen van de drie partijen vast (de datum op de versie, de klant en — als die er is — de organisatie), en waar de gemeente oplegt het wijzigingsbesluit, verzonden uiterlijk op de dag dat de versie ingaat (art. 3:40–3:41 Awb). De tegenprestatie krijgt dan de nieuwe afspraken.',
          tags: versiesTags,
          params: IdNummer,
          body: VersieBevestigingInput,
          response: { 201: VersieMetWaarschuwingen, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const v = await service.bevestigVersie(
            requireGebruiker(req),
            req.params.id,
            req.params.nummer,
            req.body,
          );
          reply
            .status(201)
            .header('Location', `/api/v1/tegenprestaties/${req.params.id}/overeenkomst-versies/${v.nummer}`);
          return v;
        }),
    );

    r.post(
      '/api/v1/tegenprestaties/:id/overeenkomst-versies/:nummer/intrekking',
      {
        schema: {
          operationId: 'createOvereenkomstVersieIntrekking',
          summary: 'Nieuwe versie intrekken',
          description: 'Trekt de versie die op bevestiging wacht in; zij blijft bewaard met de reden.',
          tags: versiesTags,
          params: IdNummer,
          body: VersieIntrekkingInput,
          response: { 201: OvereenkomstVersie, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const v = await service.trekVersieIn(
            requireGebruiker(req),
            req.params.id,
            req.params.nummer,
            req.body,
          );
          reply
            .status(201)
            .header('Location', `/api/v1/tegenprestaties/${req.params.id}/overeenkomst-versies/${v.nummer}`);
          return v;
        }),
    );
  };
}
