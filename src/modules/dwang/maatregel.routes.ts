import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { AppError } from '../../http/app-error.ts';
import type { FieldErrors } from '../../web/components/index.tsx';
import { paths } from '../../web/paths.ts';
import { renderPage } from '../../web/render.ts';
import { type Gebruiker, pageChrome, requireRol } from '../auth/index.ts';
import { DwangInvoerfout } from './dwang.schemas.ts';
import type { DwangService } from './dwang.service.ts';
import type { MaatregelService } from './maatregel.service.ts';
import type { NazorgService } from './nazorg.service.ts';
import { MaatregelenPagina, MaatregelPagina, type Waarden } from './views/maatregelen.tsx';

type Body = Record<string, unknown>;
const medewerker = (req: FastifyRequest): Gebruiker => requireRol(req, 'klantmanager', 'teamleider');
const param = (req: FastifyRequest, k: 'id' | 'mid'): string =>
  String((req.params as Record<string, unknown>)[k] ?? '');
const waardenVan = (req: FastifyRequest): Waarden => {
  const b = req.body && typeof req.body === 'object' ? (req.body as Body) : {};
  const w: Waarden = {};
  for (const [k, v] of Object.entries(b)) if (typeof v === 'string' && k !== '_csrf') w[k] = v.slice(0, 5000);
  return w;
};
/** An empty field is absent (the schemas take absent, not empty, for optional dates and choices). */
const zonderLeeg = (w: Waarden): Record<string, string> =>
  Object.fromEntries(Object.entries(w).filter(([, v]) => v.trim() !== ''));

/** The page's field names where they differ from the service's (several forms share one page). */
const VELDEN: Record<string, Record<string, string>> = {
  horing: { hoorGrond: 'grond', hoorMotivering: 'motivering' },
  afzien: { afzienGrond: 'grond', afzienMotivering: 'motivering' },
  voorstel: { voorstelMotivering: 'motivering' },
};
const MELDINGEN: Record<string, string> = {
  voornemen: 'Het voornemen is vastgelegd.',
  horing: 'Het horen is vastgelegd.',
  verwijtbaarheid: 'De beoordeling is vastgelegd.',
  afzien: 'Er is afgezien van een maatregel.',
  voorstel: 'Het voorstel ligt bij de teamleider.',
  beoordeling: 'Uw oordeel is vastgelegd.',
  wijziging: 'Het voorstel ligt bij de teamleider.',
  wijzigingOordeel: 'Uw oordeel over de wijziging is vastgelegd.',
  rechtsmiddel: 'Het bezwaar of verzoek is vastgelegd.',
  beslissing: 'De beslissing is vastgelegd.',
};

/** The measure pages of a placement. Thin: every rule, access check and log entry is in the service. */
export function maatregelRoutes(deps: {
  dwang: DwangService;
  maatregelen: MaatregelService;
  nazorg: NazorgService;
}) {
  const { dwang, maatregelen, nazorg } = deps;

  const foutenVan = (e: unknown, formulier: string): FieldErrors | null => {
    if (e instanceof DwangInvoerfout) {
      const terug = Object.fromEntries(Object.entries(VELDEN[formulier] ?? {}).map(([p, s]) => [s, p]));
      return Object.fromEntries(Object.entries(e.velden).map(([k, v]) => [terug[k] ?? k, v]));
    }
    if (e instanceof AppError && e.code === 'niet-verwerkbaar') return { formulier: e.userMessage };
    return null;
  };

  async function lijst(
    req: FastifyRequest,
    reply: FastifyReply,
    actor: Gebruiker,
    opts: { formulier?: string; waarden?: Waarden; fouten?: FieldErrors; status?: number } = {},
  ) {
    const id = param(req, 'id');
    const lijstM = await maatregelen.listMaatregelen(actor, id);
    const inc = await dwang.listIncidenten(actor, id);
    const rechtsmiddelen = await nazorg.listRechtsmiddelen(actor, id);
    const melding = (req.query as { melding?: unknown } | undefined)?.melding;
    return renderPage(
      reply,
      createElement(MaatregelenPagina, {
        chrome: pageChrome(req, reply),
        tegenprestatieId: id,
        maatregelen: lijstM,
        incidenten: inc.incidenten,
        opgelegd: inc.opgelegd,
        rechtsmiddelen,
        formulier: opts.formulier ?? null,
        waarden: opts.waarden ?? {},
        fouten: opts.fouten ?? {},
        melding: typeof melding === 'string' ? (MELDINGEN[melding] ?? null) : null,
      }),
      opts.status ?? 200,
    );
  }

  async function een(
    req: FastifyRequest,
    reply: FastifyReply,
    actor: Gebruiker,
    opts: { formulier?: string; waarden?: Waarden; fouten?: FieldErrors; status?: number } = {},
  ) {
    const m = await maatregelen.findMaatregel(actor, param(req, 'id'), param(req, 'mid'));
    const n =
      m.status === 'besloten' ? await nazorg.nazorg(actor, param(req, 'id'), param(req, 'mid')) : null;
    const melding = (req.query as { melding?: unknown } | undefined)?.melding;
    return renderPage(
      reply,
      createElement(MaatregelPagina, {
        chrome: pageChrome(req, reply),
        tegenprestatieId: param(req, 'id'),
        m,
        nazorg: n,
        isTeamleider: actor.rol === 'teamleider',
        formulier: opts.formulier ?? null,
        waarden: opts.waarden ?? {},
        fouten: opts.fouten ?? {},
        melding: typeof melding === 'string' ? (MELDINGEN[melding] ?? null) : null,
      }),
      opts.status ?? 200,
    );
  }

  return async (app: FastifyInstance) => {
    app.get('/tegenprestaties/:id/maatregelen', { schema: { hide: true } }, async (req, reply) =>
      lijst(req, reply, medewerker(req)),
    );

    app.post('/tegenprestaties/:id/maatregelen', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const waarden = waardenVan(req);
      let mid: string;
      try {
        const v = zonderLeeg(waarden);
        mid = (
          await maatregelen.legVoornemenVast(actor, param(req, 'id'), {
            ...v,
            omschrijving: waarden.omschrijving ?? '',
          } as Parameters<MaatregelService['legVoornemenVast']>[2])
        ).id;
      } catch (e) {
        const fouten = foutenVan(e, 'voornemen');
        if (!fouten) throw e;
        return lijst(req, reply, actor, { formulier: 'voornemen', waarden, fouten, status: 422 });
      }
      return reply.redirect(
        paths.metMelding(paths.tegenprestatieMaatregel(param(req, 'id'), mid), 'voornemen'),
        303,
      );
    });

    app.get('/tegenprestaties/:id/maatregelen/:mid', { schema: { hide: true } }, async (req, reply) =>
      een(req, reply, medewerker(req)),
    );

    for (const soort of ['voornemen', 'besluit'] as const)
      app.get(
        `/tegenprestaties/:id/maatregelen/:mid/${soort}.pdf`,
        { schema: { hide: true } },
        async (req, reply) => {
          const pdf = await maatregelen.document(medewerker(req), param(req, 'id'), param(req, 'mid'), soort);
          return reply
            .type('application/pdf')
            .header(
              'content-disposition',
              `inline; filename="${soort === 'voornemen' ? 'voornemen-maatregel' : 'besluit-maatregel'}.pdf"`,
            )
            .header('cache-control', 'no-store')
            .send(pdf);
        },
      );

    const stappen = {
      horing: maatregelen.legHoringVast,
      verwijtbaarheid: maatregelen.legVerwijtbaarheidVast,
      afzien: maatregelen.zieAf,
      voorstel: maatregelen.doeVoorstel,
      beoordeling: maatregelen.beoordeelVoorstel,
    } as const;
    for (const [stap, doe] of Object.entries(stappen))
      app.post(
        `/tegenprestaties/:id/maatregelen/:mid/${stap}`,
        { schema: { hide: true } },
        async (req, reply) => {
          const actor = medewerker(req);
          const waarden = waardenVan(req);
          const namen = VELDEN[stap] ?? {};
          const invoer: Record<string, string> = {};
          for (const [k, v] of Object.entries(zonderLeeg(waarden))) invoer[namen[k] ?? k] = v;
          try {
            await (doe as (a: Gebruiker, id: string, mid: string, b: unknown) => Promise<unknown>)(
              actor,
              param(req, 'id'),
              param(req, 'mid'),
              invoer,
            );
          } catch (e) {
            const fouten = foutenVan(e, stap);
            if (!fouten) throw e;
            return een(req, reply, actor, { formulier: stap, waarden, fouten, status: 422 });
          }
          return reply.redirect(
            paths.metMelding(paths.tegenprestatieMaatregel(param(req, 'id'), param(req, 'mid')), stap),
            303,
          );
        },
      );

    // After the decision: a change (reconsideration, urgent reasons, objection) and its four eyes.
    app.post(
      '/tegenprestaties/:id/maatregelen/:mid/wijzigingen',
      { schema: { hide: true } },
      async (req, reply) => {
        const actor = medewerker(req);
        const waarden = waardenVan(req);
        try {
          await nazorg.stelWijzigingVoor(
            actor,
            param(req, 'id'),
            param(req, 'mid'),
            zonderLeeg(waarden) as never,
          );
        } catch (e) {
          const fouten =
            foutenVan(e, 'wijziging') ??
            (e instanceof AppError && e.code === 'conflict' ? { formulier: e.userMessage } : null);
          if (!fouten) throw e;
          return een(req, reply, actor, { formulier: 'wijziging', waarden, fouten, status: 422 });
        }
        return reply.redirect(
          `${paths.metMelding(paths.tegenprestatieMaatregel(param(req, 'id'), param(req, 'mid')), 'wijziging')}#na-het-besluit`,
          303,
        );
      },
    );

    app.post(
      '/tegenprestaties/:id/maatregelen/:mid/wijzigingen/:wid/beoordeling',
      { schema: { hide: true } },
      async (req, reply) => {
        const actor = medewerker(req);
        const waarden = waardenVan(req);
        try {
          await nazorg.beoordeelWijziging(
            actor,
            param(req, 'id'),
            param(req, 'mid'),
            String((req.params as Record<string, unknown>).wid ?? ''),
            zonderLeeg(waarden) as never,
          );
        } catch (e) {
          const fouten = foutenVan(e, 'wijzigingOordeel');
          if (!fouten) throw e;
          return een(req, reply, actor, { formulier: 'wijzigingOordeel', waarden, fouten, status: 422 });
        }
        return reply.redirect(
          `${paths.metMelding(paths.tegenprestatieMaatregel(param(req, 'id'), param(req, 'mid')), 'wijzigingOordeel')}#na-het-besluit`,
          303,
        );
      },
    );

    // Objection and voorlopige voorziening (on the list page).
    app.post('/tegenprestaties/:id/rechtsmiddelen', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const waarden = waardenVan(req);
      const keuze = waarden.keuze ?? '';
      const invoer = {
        ...zonderLeeg(waarden),
        betreft: keuze.startsWith('maatregel:') ? 'maatregel' : keuze,
        maatregelId: keuze.startsWith('maatregel:') ? keuze.slice('maatregel:'.length) : null,
      };
      try {
        await nazorg.legRechtsmiddelVast(actor, param(req, 'id'), invoer as never);
      } catch (e) {
        const ruw = foutenVan(e, 'rechtsmiddel');
        if (!ruw) throw e;
        const fouten = Object.fromEntries(
          Object.entries(ruw).map(([k, v]) => [k === 'betreft' || k === 'maatregelId' ? 'keuze' : k, v]),
        );
        return lijst(req, reply, actor, { formulier: 'rechtsmiddel', waarden, fouten, status: 422 });
      }
      return reply.redirect(
        `${paths.metMelding(paths.tegenprestatieMaatregelen(param(req, 'id')), 'rechtsmiddel')}#bezwaar`,
        303,
      );
    });

    app.post(
      '/tegenprestaties/:id/rechtsmiddelen/:rid/beslissing',
      { schema: { hide: true } },
      async (req, reply) => {
        const actor = medewerker(req);
        const waarden = waardenVan(req);
        const rid = String((req.params as Record<string, unknown>).rid ?? '');
        try {
          await nazorg.legBeslissingVast(actor, param(req, 'id'), rid, zonderLeeg(waarden) as never);
        } catch (e) {
          const ruw = foutenVan(e, 'beslissing');
          if (!ruw) throw e;
          const naam: Record<string, string> = { toelichting: 'beslissingToelichting' };
          const fouten = Object.fromEntries(
            Object.entries(ruw).map(([k, v]) => [k === 'formulier' ? k : `${naam[k] ?? k}-${rid}`, v]),
          );
          return lijst(req, reply, actor, { formulier: `beslissing-${rid}`, waarden, fouten, status: 422 });
        }
        return reply.redirect(
          `${paths.metMelding(paths.tegenprestatieMaatregelen(param(req, 'id')), 'beslissing')}#bezwaar`,
          303,
        );
      },
    );
  };
}
