import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import type { z } from 'zod';
import { AppError } from '../../http/app-error.ts';
import type { FieldErrors } from '../../web/components/index.tsx';
import { paths } from '../../web/paths.ts';
import { renderPage } from '../../web/render.ts';
import { pageChrome, requireRol } from '../auth/index.ts';
import { KlantInvoerfout } from '../klanten/index.ts';
import { inzagePdf } from './inzage-pdf.ts';
import { BewaartermijnInput, VerwerkingenFilter } from './privacy.schemas.ts';
import type { PrivacyService } from './privacy.service.ts';
import {
  BewaartermijnenPagina,
  isMelding,
  VernietigingslijstenPagina,
  VernietigingslijstPagina,
} from './views/bewaartermijnen.tsx';
import { type FilterWaarden, KlantVerwerkingenPagina, ZoekPagina } from './views/verwerkingen.tsx';

type Body = Record<string, unknown>;
const bodyVan = (req: FastifyRequest): Body =>
  typeof req.body === 'object' && req.body !== null ? (req.body as Body) : {};
const tekst = (b: Body, k: string): string => (typeof b[k] === 'string' ? (b[k] as string) : '');
const param = (req: FastifyRequest, k: string): string => String((req.params as Body)[k] ?? '');

function veldFouten(error: z.ZodError): FieldErrors {
  const fouten: FieldErrors = {};
  for (const issue of error.issues) fouten[String(issue.path[0] ?? 'formulier')] ??= issue.message;
  return fouten;
}

const filterWaarden = (b: Body): FilterWaarden => ({
  actorId: tekst(b, 'actorId'),
  actie: tekst(b, 'actie'),
  van: tekst(b, 'van'),
  tot: tekst(b, 'tot'),
});

/** Empty fields of a GET or POST filter form mean "no filter". */
const zonderLeeg = (b: Body): Body => Object.fromEntries(Object.entries(b).filter(([, v]) => v !== ''));

const meldingVan = (req: FastifyRequest) => {
  const m = (req.query as Body | undefined)?.melding;
  return isMelding(m) ? m : undefined;
};

const bestandsnaam = (klantnummer: string | null, soort: string, ext: string) =>
  `${soort}-${(klantnummer ?? 'klant').replace(/[^A-Za-z0-9._-]/g, '_')}.${ext}`;

/**
 * Pages of the privacy module: the privacy officer's log search and article 15 export, and the functioneel
 * beheerder's retention periods and destruction lists. Thin: parse, authorise, one service call, render.
 */
export function privacyRoutes(service: PrivacyService) {
  const officer = (req: FastifyRequest) => requireRol(req, 'privacy-officer');
  const beheerder = (req: FastifyRequest) => requireRol(req, 'functioneel-beheerder');

  return async (app: FastifyInstance) => {
    // ---- Log search -------------------------------------------------------------------------------------------

    app.get(paths.privacyVerwerkingen(), { schema: { hide: true } }, async (req, reply) => {
      officer(req);
      return renderPage(
        reply,
        createElement(ZoekPagina, { chrome: pageChrome(req, reply), waarden: { klantnummer: '', bsn: '' } }),
      );
    });

    app.post(paths.privacyVerwerkingen(), { schema: { hide: true } }, async (req, reply) => {
      const actor = officer(req);
      const b = bodyVan(req);
      const waarden = { klantnummer: tekst(b, 'klantnummer').trim(), bsn: tekst(b, 'bsn').trim() };
      const opnieuw = (
        fouten: FieldErrors,
        status: number,
        gevonden?: Parameters<typeof ZoekPagina>[0]['gevonden'],
      ) =>
        // The BSN is never shown back: a mistyped one is typed again.
        renderPage(
          reply,
          createElement(ZoekPagina, {
            chrome: pageChrome(req, reply),
            waarden: { ...waarden, bsn: fouten.bsn ? '' : waarden.bsn },
            fouten,
            gevonden,
          }),
          status,
        );
      if (!waarden.klantnummer && !waarden.bsn)
        return opnieuw({ klantnummer: 'Vul een klantnummer of een BSN in.' }, 422);
      try {
        const gevonden = await service.zoekKlant(actor, {
          ...(waarden.klantnummer ? { klantnummer: waarden.klantnummer } : {}),
          ...(waarden.bsn ? { bsn: waarden.bsn } : {}),
        });
        if (gevonden.length === 1)
          return reply.redirect(paths.privacyKlantVerwerkingen(gevonden[0]!.id), 303);
        return opnieuw({}, 200, gevonden);
      } catch (e) {
        if (e instanceof KlantInvoerfout) return opnieuw(e.velden, 422);
        throw e;
      }
    });

    app.get(`${paths.privacyVerwerkingen()}/:klantId`, { schema: { hide: true } }, async (req, reply) => {
      const actor = officer(req);
      const q = zonderLeeg((req.query as Body | undefined) ?? {});
      const filter = filterWaarden(q);
      const parsed = VerwerkingenFilter.safeParse(q);
      if (!parsed.success) {
        // The client is still identified (and the lookup logged), the list waits for valid filters.
        const { klant } = await service.findVerwerkingen(actor, param(req, 'klantId'), {
          pagina: 1,
          paginaGrootte: 1,
        });
        return renderPage(
          reply,
          createElement(KlantVerwerkingenPagina, {
            chrome: pageChrome(req, reply),
            klant,
            resultaat: undefined,
            filter,
            fouten: veldFouten(parsed.error),
          }),
          422,
        );
      }
      const resultaat = await service.findVerwerkingen(actor, param(req, 'klantId'), parsed.data);
      return renderPage(
        reply,
        createElement(KlantVerwerkingenPagina, {
          chrome: pageChrome(req, reply),
          klant: resultaat.klant,
          resultaat,
          filter,
        }),
      );
    });

    app.post(
      `${paths.privacyVerwerkingen()}/:klantId/export`,
      { schema: { hide: true } },
      async (req, reply) => {
        const actor = officer(req);
        const parsed = VerwerkingenFilter.safeParse(zonderLeeg(bodyVan(req)));
        if (!parsed.success)
          throw new AppError('ongeldige-invoer', { userMessage: 'Het filter is niet geldig.' });
        const { klant, csv } = await service.exporteerVerwerkingen(actor, param(req, 'klantId'), parsed.data);
        return reply
          .header(
            'content-disposition',
            `attachment; filename="${bestandsnaam(klant.klantnummer, 'verwerkingen', 'csv')}"`,
          )
          .header('cache-control', 'no-store')
          .type('text/csv; charset=utf-8')
          .send(csv);
      },
    );

    app.post(
      `${paths.privacyVerwerkingen()}/:klantId/inzage`,
      { schema: { hide: true } },
      async (req, reply) => {
        const actor = officer(req);
        const formaat = tekst(bodyVan(req), 'formaat') === 'json' ? 'json' : 'pdf';
        const inzage = await service.maakInzage(actor, param(req, 'klantId'));
        const naam = bestandsnaam(inzage.gegevens.klantnummer, 'inzage', formaat);
        reply
          .header('content-disposition', `attachment; filename="${naam}"`)
          .header('cache-control', 'no-store');
        if (formaat === 'json')
          return reply.type('application/json; charset=utf-8').send(JSON.stringify(inzage, null, 2));
        return reply.type('application/pdf').send(await inzagePdf(inzage));
      },
    );

    // ---- Retention --------------------------------------------------------------------------------------------

    app.get(paths.bewaartermijnen(), { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      return renderPage(
        reply,
        createElement(BewaartermijnenPagina, {
          chrome: pageChrome(req, reply),
          termijnen: await service.listBewaartermijnen(actor),
          melding: meldingVan(req),
        }),
      );
    });

    app.post(`${paths.bewaartermijnen()}/:gemeenteId`, { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const gemeenteId = param(req, 'gemeenteId');
      const termijnen = await service.listBewaartermijnen(actor);
      if (!termijnen.some((t) => t.gemeente.id === gemeenteId))
        throw new AppError('niet-gevonden', {
          userMessage: 'Deze gemeente bestaat niet of u heeft er geen toegang toe.',
        });
      const b = bodyVan(req);
      const waarden = { maanden: tekst(b, 'maanden'), grondslag: tekst(b, 'grondslag') };
      const parsed = BewaartermijnInput.safeParse({
        ...waarden,
        maanden: waarden.maanden.trim() || undefined,
      });
      if (!parsed.success)
        return renderPage(
          reply,
          createElement(BewaartermijnenPagina, {
            chrome: pageChrome(req, reply),
            termijnen,
            fout: { gemeenteId, waarden, fouten: veldFouten(parsed.error) },
          }),
          422,
        );
      await service.zetBewaartermijn(actor, gemeenteId, parsed.data);
      return reply.redirect(paths.metMelding(paths.bewaartermijnen(), 'opgeslagen'), 303);
    });

    app.get(paths.vernietigingslijsten(), { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      // One after the other: a request uses one database connection at a time.
      const lijsten = await service.listVernietigingslijsten(actor);
      const termijnen = await service.listBewaartermijnen(actor);
      return renderPage(
        reply,
        createElement(VernietigingslijstenPagina, {
          chrome: pageChrome(req, reply),
          lijsten,
          termijnen,
          melding: meldingVan(req),
        }),
      );
    });

    app.post(paths.vernietigingslijsten(), { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const lijst = await service.stelVernietigingslijstVoor(actor, tekst(bodyVan(req), 'gemeenteId'));
      return reply.redirect(
        lijst
          ? paths.metMelding(paths.vernietigingslijst(lijst.id), 'voorgesteld')
          : paths.metMelding(paths.vernietigingslijsten(), 'geen-termijn'),
        303,
      );
    });

    app.get(`${paths.vernietigingslijsten()}/:id`, { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const { lijst, klanten } = await service.findVernietigingslijst(actor, param(req, 'id'));
      return renderPage(
        reply,
        createElement(VernietigingslijstPagina, {
          chrome: pageChrome(req, reply),
          lijst,
          klanten,
          melding: meldingVan(req),
        }),
      );
    });

    app.post(
      `${paths.vernietigingslijsten()}/:id/goedkeuren`,
      { schema: { hide: true } },
      async (req, reply) => {
        const actor = beheerder(req);
        const id = param(req, 'id');
        try {
          await service.keurVernietigingslijstGoed(actor, id);
        } catch (e) {
          if (!(e instanceof AppError) || e.code !== 'conflict') throw e;
          const { lijst, klanten } = await service.findVernietigingslijst(actor, id);
          return renderPage(
            reply,
            createElement(VernietigingslijstPagina, {
              chrome: pageChrome(req, reply),
              lijst,
              klanten,
              fout: e.userMessage,
            }),
            409,
          );
        }
        return reply.redirect(paths.metMelding(paths.vernietigingslijst(id), 'goedgekeurd'), 303);
      },
    );
  };
}
