import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { metVeldfouten, Problem } from '../../http/problem.ts';
import { requireGebruiker } from '../auth/index.ts';
import {
  BeslissingInput,
  ExportInput,
  MaatregelExport,
  MaatregelNazorg,
  Rechtsmiddel,
  RechtsmiddelInput,
  TeamlijstRegel,
  WijzigingInput,
  WijzigingOordeelInput,
} from './nazorg.schemas.ts';
import { exportCsv, type NazorgService } from './nazorg.service.ts';

const Id = z.object({ id: z.uuid().describe('De vaste identificatie van de tegenprestatie (plaatsing)') });
const MId = Id.extend({ mid: z.uuid().describe('De vaste identificatie van de maatregel') });
const WId = MId.extend({ wid: z.uuid().describe('De vaste identificatie van de wijziging') });
const RId = Id.extend({ rid: z.uuid().describe('De vaste identificatie van het bezwaar of verzoek') });
const GId = z.object({ id: z.uuid().describe('De vaste identificatie van de gemeente') });
const EId = GId.extend({ eid: z.uuid().describe('De vaste identificatie van de export') });
const fouten = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
} as const;
const tags = ['Dwangkader'];

/** JSON routes after the measure decision and the export (bearer token). Thin: one service call each. */
export function nazorgApi(service: NazorgService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const m = '/api/v1/tegenprestaties/:id/maatregelen/:mid';

    r.get(
      `${m}/nazorg`,
      {
        schema: {
          operationId: 'getMaatregelNazorg',
          summary: 'Een besloten maatregel na het besluit',
          description:
            'De heroverweging (uiterlijk besluitdatum + 3 kalendermaanden, artikel 18 lid 3 Participatiewet), de wijzigingen, wat nu geldt en bezwaar en voorlopige voorziening tegen de maatregel. 422 zolang er geen besluit is.',
          tags,
          params: MId,
          response: { 200: MaatregelNazorg, ...fouten },
        },
      },
      async (req) => service.nazorg(requireGebruiker(req), req.params.id, req.params.mid),
    );

    r.post(
      `${m}/wijzigingen`,
      {
        schema: {
          operationId: 'createMaatregelWijziging',
          summary: 'Heroverweging of wijziging voorstellen',
          description:
            'De uitkomst van de heroverweging (voortgezet, aangepast, beëindigd), of een aanpassing om dringende redenen (artikel 18 lid 10), na bezwaar of een voorlopige voorziening. Nooit zwaarder dan wat geldt (400); één voorstel tegelijk (409). Een teamleider die het niet voorstelde, stelt het vast.',
          tags,
          params: MId,
          body: WijzigingInput,
          response: { 201: MaatregelNazorg, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const n = await service.stelWijzigingVoor(
            requireGebruiker(req),
            req.params.id,
            req.params.mid,
            req.body,
          );
          reply.status(201);
          return n;
        }),
    );

    r.post(
      `${m}/wijzigingen/:wid/beoordeling`,
      {
        schema: {
          operationId: 'createMaatregelWijzigingOordeel',
          summary: 'Vier ogen op een wijziging',
          description:
            'Alleen een teamleider, nooit over een eigen voorstel. Akkoord stelt de wijziging vast (de volgende export krijgt een correctieregel); terugsturen vraagt een toelichting.',
          tags,
          params: WId,
          body: WijzigingOordeelInput,
          response: { 200: MaatregelNazorg, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, () =>
          service.beoordeelWijziging(
            requireGebruiker(req),
            req.params.id,
            req.params.mid,
            req.params.wid,
            req.body,
          ),
        ),
    );

    const rm = '/api/v1/tegenprestaties/:id/rechtsmiddelen';
    r.get(
      rm,
      {
        schema: {
          operationId: 'listRechtsmiddelen',
          summary: 'Bezwaar en voorlopige voorziening bij een plaatsing',
          description: 'Tegen het opleggende besluit en tegen de besloten maatregelen van de plaatsing.',
          tags,
          params: Id,
          response: { 200: z.array(Rechtsmiddel), ...fouten },
        },
      },
      async (req) => service.listRechtsmiddelen(requireGebruiker(req), req.params.id),
    );

    r.post(
      rm,
      {
        schema: {
          operationId: 'createRechtsmiddel',
          summary: 'Bezwaar of voorlopige voorziening vastleggen',
          description:
            'Tegen het opleggende besluit van de plaatsing of tegen een besloten maatregel. De datum ligt vanaf het besluit tot vandaag; een voorlopige voorziening alleen naast een bezwaar tegen hetzelfde besluit (artikel 8:81 Awb).',
          tags,
          params: Id,
          body: RechtsmiddelInput,
          response: { 201: Rechtsmiddel, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const x = await service.legRechtsmiddelVast(requireGebruiker(req), req.params.id, req.body);
          reply.status(201);
          return x;
        }),
    );

    r.post(
      `${rm}/:rid/beslissing`,
      {
        schema: {
          operationId: 'createRechtsmiddelBeslissing',
          summary: 'De beslissing op bezwaar of de uitspraak vastleggen',
          description:
            'Bezwaar: gegrond, ongegrond, niet-ontvankelijk of ingetrokken; voorlopige voorziening: toegewezen, afgewezen of ingetrokken. Eenmaal vastgelegd verandert ze niet. Verandert de maatregel erdoor, leg dan een wijziging vast (aanleiding bezwaar of voorlopige voorziening).',
          tags,
          params: RId,
          body: BeslissingInput,
          response: { 200: Rechtsmiddel, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, () =>
          service.legBeslissingVast(requireGebruiker(req), req.params.id, req.params.rid, req.body),
        ),
    );

    r.get(
      '/api/v1/maatregelen',
      {
        schema: {
          operationId: 'listMaatregelenTeamleider',
          summary: 'Maatregelen per stadium (teamleider)',
          description:
            'Alle maatregeltrajecten in de eigen gemeenten met hun stadium: voornemens met verstreken termijn, binnen de termijn, wacht op akkoord (voorstel of wijziging), heroverweging nodig (binnen vier weken of verstreken), besloten, afgezien. Dringendste eerst.',
          tags,
          response: { 200: z.array(TeamlijstRegel), ...fouten },
        },
      },
      async (req) => service.teamlijst(requireGebruiker(req)),
    );

    const ex = '/api/v1/gemeenten/:id/maatregel-exports';
    r.get(
      ex,
      {
        schema: {
          operationId: 'listMaatregelExports',
          summary: 'Maatregelexports van een gemeente',
          description: 'De gemaakte exports naar het uitkeringssysteem, nieuwste eerst (zonder regels).',
          tags,
          params: GId,
          response: { 200: z.array(MaatregelExport), ...fouten },
        },
      },
      async (req) => service.listExports(requireGebruiker(req), req.params.id),
    );

    r.post(
      ex,
      {
        schema: {
          operationId: 'createMaatregelExport',
          summary: 'Maandelijkse maatregelexport maken',
          description:
            'Per besloten maatregel die de maand raakt: klantnummer (nooit het BSN), maatregel, categorie, percentage, periode, grondslag, besluitdatum en stand; plus een correctieregel voor elke vastgestelde wijziging (aangepast, beëindigd, ingetrokken) die nog in geen export stond. De export wordt bewaard.',
          tags,
          params: GId,
          body: ExportInput,
          response: { 201: MaatregelExport, ...fouten },
        },
      },
      async (req, reply) =>
        metVeldfouten(req, reply, async () => {
          const e = await service.maakExport(requireGebruiker(req), req.params.id, req.body);
          reply
            .status(201)
            .header('Location', `/api/v1/gemeenten/${req.params.id}/maatregel-exports/${e.id}`);
          return e;
        }),
    );

    r.get(
      `${ex}/:eid`,
      {
        schema: {
          operationId: 'getMaatregelExport',
          summary: 'Eén maatregelexport, met regels',
          description:
            'Precies zoals gemaakt. Met Accept: text/csv als CSV (puntkomma, formules onschadelijk gemaakt).',
          tags,
          params: EId,
          response: { 200: MaatregelExport, ...fouten },
        },
      },
      async (req, reply) => {
        const e = await service.findExport(requireGebruiker(req), req.params.id, req.params.eid);
        if (String(req.headers.accept ?? '').includes('text/csv'))
          return reply
            .type('text/csv; charset=utf-8')
            .header(
              'Content-Disposition',
              `attachment; filename="maatregelen-${e.maand}-${e.id.slice(0, 8)}.csv"`,
            )
            .serializer((x: unknown) => String(x))
            .send(exportCsv(e.regels ?? []) as never);
        return e;
      },
    );
  };
}
