import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { metVeldfouten, Problem } from '../../http/problem.ts';
import { requireGebruiker } from '../auth/index.ts';
import {
  Bsn,
  CreateKlantInput,
  KlantDossier,
  KlantenPagina,
  KlantenZoekvraag,
  GebeurtenisInput,
  Ontheffing,
  OntheffingInput,
  UpdateKlantInput,
  UpdateOntheffingInput,
} from './klanten.schemas.ts';
import type { KlantenService } from './klanten.service.ts';

const Id = z.object({ id: z.uuid().describe('De vaste identificatie van de klant') });

/** Query strings are text: numbers and booleans are coerced here; the rest is the service's schema. */
const Lijstvraag = KlantenZoekvraag.extend({
  pagina: z.coerce.number().int().min(1).max(100000).optional().describe('Paginanummer, vanaf 1'),
  paginaGrootte: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .describe('Aantal per pagina (1–100, standaard 25)'),
  metGesloten: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .describe('Ook gesloten dossiers'),
});

const OntheffingId = Id.extend({ ontheffingId: z.uuid().describe('De identificatie van de ontheffing') });

const ZoekOpBsn = z.object({ bsn: Bsn }).meta({ id: 'KlantZoekvraag' });

const SluitDossierInput = z
  .object({
    gesloten: z.boolean().optional().describe('false opent een gesloten dossier weer (standaard true)'),
    per: z.iso.date().optional().describe('De dag van sluiten (standaard vandaag; niet in de toekomst)'),
  })
  .meta({ id: 'SluitDossierInput' });

const fouten = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem } as const;

/**
 * JSON routes for client files (bearer token). Thin: parse (route schemas, so a 400 names the field), authorise
 * (`requireGebruiker`; roles and caseload in the service), call one service function, reply. A client the caller
 * may not see answers 404. The BSN is searched through a POST body only, never a query string.
 */
export function klantenApi(service: KlantenService) {
  return async (app: FastifyInstance) => {
    // PATCH bodies may come as JSON Merge Patch (RFC 7396), which is what the PATCH semantics are.
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
    const tags = ['Klanten'];

    r.get(
      '/api/v1/klanten',
      {
        schema: {
          operationId: 'listKlanten',
          summary: 'Klanten zoeken',
          description:
            'De klanten die de aanroeper mag zien (klantmanager: eigen caseload en team; teamleider: eigen gemeenten), ' +
            'met zoeken op naam of klantnummer, filters, sortering en paginering. Zoeken op BSN gaat met POST /klanten/_zoek.',
          tags,
          querystring: Lijstvraag,
          response: { 200: KlantenPagina, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, () => service.findKlanten(requireGebruiker(req), req.query)),
    );

    r.post(
      '/api/v1/klanten',
      {
        schema: {
          operationId: 'createKlant',
          summary: 'Klant inschrijven',
          description:
            'Schrijft een klant in. Nodig: gemeenteId, achternaam en geboortedatum. Vrije tekst wordt precies bewaard ' +
            'zoals verstuurd; alleen NUL-tekens en losse surrogaten worden geweigerd.',
          tags,
          body: CreateKlantInput,
          response: { 201: KlantDossier, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const klant = await service.createKlant(requireGebruiker(req), req.body);
          reply.status(201).header('Location', `/api/v1/klanten/${klant.id}`);
          return klant;
        }),
    );

    r.post(
      '/api/v1/klanten/_zoek',
      {
        schema: {
          operationId: 'zoekKlantenOpBsn',
          summary: 'Klant zoeken op BSN',
          description:
            'Zoekt op het exacte BSN. Het BSN staat in de body, nooit in de URL (die komt in logbestanden terecht).',
          tags,
          body: ZoekOpBsn,
          response: { 200: KlantenPagina, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const items = await service.zoekKlantenOpBsn(requireGebruiker(req), req.body.bsn);
          return { items, totaal: items.length, pagina: 1, paginaGrootte: 20, aantalPaginas: 1 };
        }),
    );

    r.get(
      '/api/v1/klanten/:id',
      {
        schema: {
          operationId: 'getKlant',
          summary: 'Klantdossier',
          description:
            'Het dossier van een klant, met de toepasselijkheid van de tegenprestatie op vandaag. Het BSN is gemaskeerd.',
          tags,
          params: Id,
          response: { 200: KlantDossier, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, () => service.findKlant(requireGebruiker(req), req.params.id)),
    );

    r.patch(
      '/api/v1/klanten/:id',
      {
        schema: {
          operationId: 'updateKlant',
          summary: 'Klant wijzigen',
          description:
            'Wijzigt een klant: velden die ontbreken blijven gelijk, null maakt een veld leeg, lijsten worden in hun ' +
            'geheel vervangen (JSON Merge Patch).',
          tags,
          params: Id,
          body: UpdateKlantInput,
          response: { 200: KlantDossier, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, () => service.updateKlant(requireGebruiker(req), req.params.id, req.body)),
    );

    r.post(
      '/api/v1/klanten/:id/_sluiten',
      {
        schema: {
          operationId: 'sluitKlantdossier',
          summary: 'Dossier sluiten of weer openen',
          description:
            'Sluit het dossier van een klant (de uitkering is beëindigd), vandaag of per een eerdere datum, of opent ' +
            'het weer met gesloten: false. De bewaartermijn van de gemeente telt vanaf de dag van sluiten.',
          tags,
          params: Id,
          body: SluitDossierInput,
          response: { 200: KlantDossier, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, () => service.sluitDossier(requireGebruiker(req), req.params.id, req.body)),
    );

    r.get(
      '/api/v1/klanten/:id/ontheffingen',
      {
        schema: {
          operationId: 'listOntheffingen',
          summary: 'Ontheffingen van een klant',
          description:
            'De ontheffingen van een klant, nieuwste eerst, met de wettelijke grondslag op vandaag.',
          tags,
          params: Id,
          response: { 200: z.array(Ontheffing), ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, () => service.listOntheffingen(requireGebruiker(req), req.params.id)),
    );

    r.post(
      '/api/v1/klanten/:id/ontheffingen',
      {
        schema: {
          operationId: 'createOntheffing',
          summary: 'Ontheffing vastleggen',
          description:
            'Legt een ontheffing vast. Dringende redenen: reden en einddatum verplicht. Alleenstaande ouder: ' +
            'geboortedatum van het jongste kind verplicht. Lokaal: lokaleGrondId verplicht. De einddatum is de eerste ' +
            'dag zonder ontheffing.',
          tags,
          params: Id,
          body: OntheffingInput,
          response: { 201: Ontheffing, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const o = await service.createOntheffing(requireGebruiker(req), req.params.id, req.body);
          reply.status(201);
          return o;
        }),
    );

    r.patch(
      '/api/v1/klanten/:id/ontheffingen/:ontheffingId',
      {
        schema: {
          operationId: 'updateOntheffing',
          summary: 'Ontheffing wijzigen',
          description:
            'Wijzigt de einddatum, herbeoordelingsdatum of reden, en bij een alleenstaande ouder (art. 9a) de dag van ' +
            'het plan van aanpak (lid 7) en van het laatste heronderzoek (lid 8). Volledig en duurzaam ' +
            'arbeidsongeschikt (art. 9 lid 5) krijgt geen einddatum in de toekomst.',
          tags,
          params: OntheffingId,
          body: UpdateOntheffingInput,
          response: { 200: Ontheffing, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, () =>
          service.updateOntheffing(requireGebruiker(req), req.params.id, req.params.ontheffingId, req.body),
        ),
    );

    r.post(
      '/api/v1/klanten/:id/ontheffingen/:ontheffingId/gebeurtenissen',
      {
        schema: {
          operationId: 'createOntheffingGebeurtenis',
          summary: 'Ontheffing alleenstaande ouder opschorten of hervatten',
          description:
            'Art. 9a lid 5 en 6 Participatiewet: schort de ontheffing op (op verzoek, of omdat het recht op bijstand ' +
            'eindigde) of hervat die op verzoek, zolang de vijf jaar niet zijn gebruikt en het jongste kind jonger ' +
            'dan 5 is. De opschorting op de vijfde verjaardag van het jongste kind volgt uit de data. Vastleggen gaat ' +
            'op volgorde van datum.',
          tags,
          params: OntheffingId,
          body: GebeurtenisInput,
          response: { 201: Ontheffing, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const o = await service.legGebeurtenisVast(
            requireGebruiker(req),
            req.params.id,
            req.params.ontheffingId,
            req.body,
          );
          reply.status(201);
          return o;
        }),
    );
  };
}
