import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { AppError } from '../../http/app-error.ts';
import { paths } from '../../web/paths.ts';
import { renderPage } from '../../web/render.ts';
import { type Gebruiker, pageChrome, requireRol } from '../auth/index.ts';
import type { GemeentenService } from '../gemeenten/index.ts';
import { vandaag as vandaagNu } from '../klanten/index.ts';
import { DwangInvoerfout } from './dwang.schemas.ts';
import type { MaatregelExport } from './nazorg.schemas.ts';
import { exportCsv, type NazorgService } from './nazorg.service.ts';
import { ExportPagina, TeamlijstPagina } from './views/nazorg.tsx';

const exporteur = (req: FastifyRequest): Gebruiker => requireRol(req, 'teamleider', 'functioneel-beheerder');
const query = (req: FastifyRequest, k: string): string => {
  const v = (req.query as Record<string, unknown> | undefined)?.[k];
  return typeof v === 'string' ? v : '';
};
const body = (req: FastifyRequest, k: string): string => {
  const v = (req.body as Record<string, unknown> | undefined)?.[k];
  return typeof v === 'string' ? v.slice(0, 200) : '';
};
const vorigeMaand = () => {
  const [j, m] = vandaagNu().split('-').map(Number) as [number, number];
  return m === 1 ? `${j - 1}-12` : `${j}-${String(m - 1).padStart(2, '0')}`;
};

/** The export page for the team lead and the functioneel beheerder. Thin: every rule and log is in the service. */
export function nazorgRoutes(deps: {
  nazorg: NazorgService;
  gemeenten: Pick<GemeentenService, 'findGemeenten'>;
}) {
  const { nazorg, gemeenten } = deps;

  async function pagina(
    req: FastifyRequest,
    reply: FastifyReply,
    actor: Gebruiker,
    opts: { gemeenteId?: string; maand?: string; fouten?: Record<string, string>; status?: number } = {},
  ) {
    const lijst = (await gemeenten.findGemeenten(actor)).filter((g) => actor.gemeenten.includes(g.id));
    const gemeenteId = opts.gemeenteId || query(req, 'gemeenteId') || lijst[0]?.id || '';
    const exports = gemeenteId ? await nazorg.listExports(actor, gemeenteId) : [];
    const eid = query(req, 'export');
    let gekozen: MaatregelExport | null = null;
    if (eid && gemeenteId && exports.some((e) => e.id === eid))
      gekozen = await nazorg.findExport(actor, gemeenteId, eid);
    const melding = query(req, 'melding') === 'gemaakt' ? 'De export is gemaakt en bewaard.' : null;
    return renderPage(
      reply,
      createElement(ExportPagina, {
        chrome: pageChrome(req, reply),
        gemeenten: lijst.map((g) => ({ id: g.id, naam: g.naam })),
        gemeenteId,
        maand: opts.maand ?? vorigeMaand(),
        exports,
        gekozen,
        fouten: opts.fouten ?? {},
        melding,
      }),
      opts.status ?? 200,
    );
  }

  return async (app: FastifyInstance) => {
    app.get(paths.maatregelenTeamleider(), { schema: { hide: true } }, async (req, reply) => {
      const actor = requireRol(req, 'teamleider');
      return renderPage(
        reply,
        createElement(TeamlijstPagina, {
          chrome: pageChrome(req, reply),
          regels: await nazorg.teamlijst(actor),
        }),
      );
    });

    app.get(paths.maatregelExport(), { schema: { hide: true } }, async (req, reply) =>
      pagina(req, reply, exporteur(req)),
    );

    app.post(paths.maatregelExport(), { schema: { hide: true } }, async (req, reply) => {
      const actor = exporteur(req);
      const gemeenteId = body(req, 'gemeenteId');
      const maand = body(req, 'maand');
      let e: MaatregelExport;
      try {
        e = await nazorg.maakExport(actor, gemeenteId, { maand });
      } catch (err) {
        if (err instanceof DwangInvoerfout)
          return pagina(req, reply, actor, { gemeenteId, maand, fouten: err.velden, status: 422 });
        if (err instanceof AppError && (err.code === 'conflict' || err.code === 'niet-gevonden'))
          return pagina(req, reply, actor, {
            gemeenteId: '',
            maand,
            fouten: { gemeenteId: err.userMessage ?? 'Dit kan niet.' },
            status: err.code === 'conflict' ? 409 : 422,
          });
        throw err;
      }
      return reply.redirect(
        `${paths.maatregelExport()}?gemeenteId=${encodeURIComponent(gemeenteId)}&export=${encodeURIComponent(e.id)}&melding=gemaakt`,
        303,
      );
    });

    for (const soort of ['csv', 'json'] as const)
      app.get(
        `${paths.maatregelExport()}/:gid/:eid/${soort}`,
        { schema: { hide: true } },
        async (req, reply) => {
          const actor = exporteur(req);
          const p = req.params as Record<string, string>;
          const e = await nazorg.findExport(actor, String(p.gid ?? ''), String(p.eid ?? ''));
          const naam = `maatregelen-${e.maand}-${e.id.slice(0, 8)}.${soort}`;
          reply
            .header('Content-Disposition', `attachment; filename="${naam}"`)
            .header('cache-control', 'no-store');
          return soort === 'csv'
            ? reply.type('text/csv; charset=utf-8').send(exportCsv(e.regels ?? []))
            : reply.type('application/json; charset=utf-8').send(JSON.stringify(e, null, 2));
        },
      );
  };
}
