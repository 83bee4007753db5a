import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { AppError } from '../../http/app-error.ts';
import type { FieldErrors } from '../../web/components/index.tsx';
import { paths } from '../../web/paths.ts';
import { renderPage } from '../../web/render.ts';
import { type Gebruiker, pageChrome, requireRol } from '../auth/index.ts';
import { OvereenkomstInvoerfout } from './overeenkomsten.schemas.ts';
import type { OvereenkomstenService } from './overeenkomsten.service.ts';
import {
  AanpassingPagina,
  type BevestigingWaarden,
  isAanpassingMelding,
  type VoorstelWaarden,
} from './views/aanpassing.tsx';
import {
  type AcceptatieWaarden,
  type BesluitWaarden,
  isMelding,
  OvereenkomstPagina,
} from './views/overeenkomst.tsx';

type Body = Record<string, unknown>;

const medewerker = (req: FastifyRequest): Gebruiker => requireRol(req, 'klantmanager', 'teamleider');
const idVan = (req: FastifyRequest): string => String((req.params as { id?: unknown }).id ?? '');
const bodyVan = (req: FastifyRequest): Body =>
  req.body && typeof req.body === 'object' ? (req.body as Body) : {};
const tekst = (b: Body, k: string): string => {
  const v = b[k];
  return typeof v === 'string' ? v.slice(0, 1000) : '';
};

/**
 * The page of a design's ordinance check, the college's decision and the agreement, its three forms and the two
 * PDFs. No JavaScript: POST + CSRF; a refused form re-renders with 422, an error summary and what was typed;
 * success redirects (303). Rules, access checks and the access log are in the service.
 */
export function overeenkomstenRoutes(deps: { overeenkomsten: OvereenkomstenService }) {
  const { overeenkomsten } = deps;

  async function toon(
    req: FastifyRequest,
    reply: FastifyReply,
    actor: Gebruiker,
    opts: {
      fouten?: FieldErrors;
      besluit?: BesluitWaarden;
      acceptatie?: AcceptatieWaarden;
      status?: number;
    } = {},
  ) {
    const beeld = await overeenkomsten.bekijk(actor, idVan(req));
    const m = (req.query as { melding?: unknown } | undefined)?.melding;
    return renderPage(
      reply,
      createElement(OvereenkomstPagina, {
        chrome: pageChrome(req, reply),
        beeld,
        melding: opts.status ? undefined : isMelding(m) ? m : undefined,
        fouten: opts.fouten ?? {},
        besluitWaarden: opts.besluit ?? {
          datum: beeld.vandaag,
          verzenddatum: beeld.vandaag,
          ondertekenaar: '',
        },
        acceptatieWaarden: opts.acceptatie ?? {
          overeenkomstDatum: beeld.vandaag,
          klantGetekendOp: beeld.vandaag,
          organisatieGetekendOp: beeld.vandaag,
          bevestigingsreden: '',
        },
      }),
      opts.status ?? 200,
    );
  }

  const foutenVan = (e: unknown, veld: string): FieldErrors | null => {
    if (e instanceof OvereenkomstInvoerfout) return e.velden;
    if (e instanceof AppError && (e.code === 'niet-verwerkbaar' || e.code === 'conflict'))
      return { [veld]: e.userMessage };
    return null;
  };

  return async (app: FastifyInstance) => {
    app.get('/tegenprestaties/:id/toetsing', { schema: { hide: true } }, async (req, reply) =>
      toon(req, reply, medewerker(req)),
    );

    app.post('/tegenprestaties/:id/toetsing', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      try {
        await overeenkomsten.voerToetsingUit(actor, idVan(req));
      } catch (e) {
        const fouten = foutenVan(e, 'toetsing');
        if (!fouten) throw e;
        return toon(req, reply, actor, { fouten, status: 422 });
      }
      return reply.redirect(paths.metMelding(paths.tegenprestatieToetsing(idVan(req)), 'getoetst'), 303);
    });

    app.post('/tegenprestaties/:id/besluit', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const b = bodyVan(req);
      const waarden = {
        datum: tekst(b, 'datum'),
        verzenddatum: tekst(b, 'verzenddatum'),
        ondertekenaar: tekst(b, 'ondertekenaar'),
      };
      try {
        await overeenkomsten.neemBesluit(actor, idVan(req), waarden);
      } catch (e) {
        const fouten = foutenVan(e, 'besluit');
        if (!fouten) throw e;
        return toon(req, reply, actor, { fouten, besluit: waarden, status: 422 });
      }
      return reply.redirect(paths.metMelding(paths.tegenprestatieToetsing(idVan(req)), 'besluit'), 303);
    });

    app.post('/tegenprestaties/:id/periode-inkorten', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      try {
        await overeenkomsten.eindigVoorGrondslag(actor, idVan(req));
      } catch (e) {
        const fouten = foutenVan(e, 'inkorten');
        if (!fouten) throw e;
        return toon(req, reply, actor, { fouten, status: 422 });
      }
      return reply.redirect(paths.metMelding(paths.tegenprestatieToetsing(idVan(req)), 'ingekort'), 303);
    });

    app.post('/tegenprestaties/:id/overeenkomst', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const b = bodyVan(req);
      const waarden = {
        overeenkomstDatum: tekst(b, 'overeenkomstDatum'),
        klantGetekendOp: tekst(b, 'klantGetekendOp'),
        organisatieGetekendOp: tekst(b, 'organisatieGetekendOp'),
        bevestigingsreden: tekst(b, 'bevestigingsreden'),
      };
      try {
        await overeenkomsten.legAcceptatieVast(actor, idVan(req), waarden);
      } catch (e) {
        const fouten = foutenVan(e, 'overeenkomst');
        if (!fouten) throw e;
        return toon(req, reply, actor, { fouten, acceptatie: waarden, status: 422 });
      }
      return reply.redirect(
        paths.metMelding(paths.tegenprestatieToetsing(idVan(req)), 'overeengekomen'),
        303,
      );
    });

    // ---- Versions of a running agreement (issue 16) ----

    async function toonAanpassing(
      req: FastifyRequest,
      reply: FastifyReply,
      actor: Gebruiker,
      opts: {
        fouten?: FieldErrors;
        voorstel?: VoorstelWaarden;
        bevestiging?: BevestigingWaarden;
        intrekReden?: string;
        status?: number;
      } = {},
    ) {
      const beeld = await overeenkomsten.aanpassing(actor, idVan(req));
      const t = beeld.tegenprestatie;
      const m = (req.query as { melding?: unknown } | undefined)?.melding;
      return renderPage(
        reply,
        createElement(AanpassingPagina, {
          chrome: pageChrome(req, reply),
          beeld,
          melding: opts.status ? undefined : isAanpassingMelding(m) ? m : undefined,
          fouten: opts.fouten ?? {},
          voorstel: opts.voorstel ?? {
            urenPerWeek: t.urenPerWeek === null ? '' : String(t.urenPerWeek).replace('.', ','),
            dagdelen: [...t.dagdelen],
            einddatum: t.einddatum ?? '',
            ingangsdatum: beeld.vandaag,
            toelichting: '',
            klantAkkoord: '',
          },
          bevestiging: opts.bevestiging ?? {
            overeenkomstDatum: beeld.vandaag,
            klantGetekendOp: beeld.vandaag,
            organisatieGetekendOp: beeld.vandaag,
            besluitDatum: beeld.vandaag,
            verzenddatum: beeld.vandaag,
            besluitOndertekenaar: '',
          },
          intrekReden: opts.intrekReden ?? '',
        }),
        opts.status ?? 200,
      );
    }

    const nummerVan = (req: FastifyRequest): number => {
      const n = Number((req.params as { nummer?: unknown }).nummer);
      if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new AppError('niet-gevonden');
      return n;
    };

    app.get('/tegenprestaties/:id/aanpassing', { schema: { hide: true } }, async (req, reply) =>
      toonAanpassing(req, reply, medewerker(req)),
    );

    app.post('/tegenprestaties/:id/aanpassing', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const b = bodyVan(req);
      const d = b.dagdelen;
      const waarden: VoorstelWaarden = {
        urenPerWeek: tekst(b, 'urenPerWeek'),
        dagdelen: (Array.isArray(d) ? d : typeof d === 'string' ? [d] : [])
          .filter((x): x is string => typeof x === 'string')
          .slice(0, 21),
        einddatum: tekst(b, 'einddatum'),
        ingangsdatum: tekst(b, 'ingangsdatum'),
        toelichting: tekst(b, 'toelichting'),
        klantAkkoord: tekst(b, 'klantAkkoord'),
      };
      const uren = waarden.urenPerWeek.trim().replace(',', '.');
      try {
        await overeenkomsten.stelVersieVoor(actor, idVan(req), {
          urenPerWeek: uren === '' ? undefined : Number(uren),
          dagdelen: waarden.dagdelen,
          einddatum: waarden.einddatum,
          ingangsdatum: waarden.ingangsdatum,
          toelichting: waarden.toelichting,
          klantAkkoord:
            waarden.klantAkkoord === 'ja' ? true : waarden.klantAkkoord === 'nee' ? false : undefined,
        });
      } catch (e) {
        const fouten = foutenVan(e, 'voorstel');
        if (!fouten) throw e;
        return toonAanpassing(req, reply, actor, { fouten, voorstel: waarden, status: 422 });
      }
      return reply.redirect(paths.metMelding(paths.tegenprestatieAanpassing(idVan(req)), 'voorgesteld'), 303);
    });

    app.post(
      '/tegenprestaties/:id/aanpassing/:nummer/bevestiging',
      { schema: { hide: true } },
      async (req, reply) => {
        const actor = medewerker(req);
        const b = bodyVan(req);
        const waarden: BevestigingWaarden = {
          overeenkomstDatum: tekst(b, 'overeenkomstDatum'),
          klantGetekendOp: tekst(b, 'klantGetekendOp'),
          organisatieGetekendOp: tekst(b, 'organisatieGetekendOp'),
          besluitDatum: tekst(b, 'besluitDatum'),
          verzenddatum: tekst(b, 'verzenddatum'),
          besluitOndertekenaar: tekst(b, 'besluitOndertekenaar'),
        };
        try {
          await overeenkomsten.bevestigVersie(actor, idVan(req), nummerVan(req), waarden);
        } catch (e) {
          const fouten = foutenVan(e, 'bevestiging');
          if (!fouten) throw e;
          return toonAanpassing(req, reply, actor, { fouten, bevestiging: waarden, status: 422 });
        }
        return reply.redirect(paths.metMelding(paths.tegenprestatieAanpassing(idVan(req)), 'bevestigd'), 303);
      },
    );

    app.post(
      '/tegenprestaties/:id/aanpassing/:nummer/intrekking',
      { schema: { hide: true } },
      async (req, reply) => {
        const actor = medewerker(req);
        const reden = tekst(bodyVan(req), 'reden');
        try {
          await overeenkomsten.trekVersieIn(actor, idVan(req), nummerVan(req), { reden });
        } catch (e) {
          const fouten = foutenVan(e, 'intrekken');
          if (!fouten) throw e;
          return toonAanpassing(req, reply, actor, { fouten, intrekReden: reden, status: 422 });
        }
        return reply.redirect(
          paths.metMelding(paths.tegenprestatieAanpassing(idVan(req)), 'ingetrokken'),
          303,
        );
      },
    );

    // The actor first: an anonymous visitor goes to the login page whatever the version number.
    for (const [soort, bestand] of [
      ['overeenkomst', 'overeenkomst-versie'],
      ['besluit', 'wijzigingsbesluit'],
    ] as const)
      app.get(
        `/tegenprestaties/:id/aanpassing/:nummer/${soort}.pdf`,
        { schema: { hide: true } },
        async (req, reply) => {
          const actor = medewerker(req);
          const nummer = nummerVan(req);
          const inhoud =
            soort === 'overeenkomst'
              ? await overeenkomsten.versiePdf(actor, idVan(req), nummer)
              : await overeenkomsten.wijzigingsbesluitPdf(actor, idVan(req), nummer);
          return reply
            .type('application/pdf')
            .header('content-disposition', `inline; filename="${bestand}-${nummer}.pdf"`)
            .header('cache-control', 'no-store')
            .send(inhoud);
        },
      );

    app.get('/tegenprestaties/:id/intrekking.pdf', { schema: { hide: true } }, async (req, reply) => {
      const pdf = await overeenkomsten.intrekkingPdf(medewerker(req), idVan(req));
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="besluit-tot-intrekking.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    });

    app.get('/tegenprestaties/:id/besluit.pdf', { schema: { hide: true } }, async (req, reply) =>
      reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="besluit.pdf"')
        .header('cache-control', 'no-store')
        .send(await overeenkomsten.besluitPdf(medewerker(req), idVan(req))),
    );

    app.get('/tegenprestaties/:id/overeenkomst.pdf', { schema: { hide: true } }, async (req, reply) =>
      reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="overeenkomst.pdf"')
        .header('cache-control', 'no-store')
        .send(await overeenkomsten.overeenkomstPdf(medewerker(req), idVan(req))),
    );
  };
}
