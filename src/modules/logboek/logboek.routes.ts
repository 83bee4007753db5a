import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import type { z } from 'zod';
import { AppError } from '../../http/app-error.ts';
import type { FieldErrors } from '../../web/components/index.tsx';
import { paths } from '../../web/paths.ts';
import { renderPage } from '../../web/render.ts';
import { pageChrome, requireRol } from '../auth/index.ts';
import { logboekPolicy } from './logboek.policy.ts';
import { CreateVerwerkingsactiviteitInput, UpdateVerwerkingsactiviteitInput } from './logboek.schemas.ts';
import type { LogboekService } from './logboek.service.ts';
import {
  isMelding,
  RegisterPagina,
  VerwerkingsactiviteitFormulier,
  type Waarden,
} from './views/register.tsx';

type Body = Record<string, unknown>;
const tekst = (body: Body, key: string): string => {
  const v = body[key];
  return typeof v === 'string' ? v : '';
};
const bodyVan = (req: FastifyRequest): Body =>
  typeof req.body === 'object' && req.body !== null ? (req.body as Body) : {};
const waardenVan = (req: FastifyRequest): Waarden => {
  const b = bodyVan(req);
  return {
    id: tekst(b, 'id'),
    naam: tekst(b, 'naam'),
    doel: tekst(b, 'doel'),
    grondslag: tekst(b, 'grondslag'),
  };
};
const idVan = (req: FastifyRequest): string => String((req.params as { id?: unknown }).id ?? '');

function veldFouten(error: z.ZodError): FieldErrors {
  const fouten: FieldErrors = {};
  for (const issue of error.issues) {
    const veld = String(issue.path[0] ?? '');
    fouten[veld] ??= issue.message;
  }
  return fouten;
}

/** Pages of the register of processing activities (functioneel beheerder; the privacy officer may read). */
export function logboekRoutes(service: LogboekService) {
  const lezer = (req: FastifyRequest) => requireRol(req, 'functioneel-beheerder', 'privacy-officer');
  const beheerder = (req: FastifyRequest) => requireRol(req, 'functioneel-beheerder');

  const formulier = (
    req: FastifyRequest,
    reply: FastifyReply,
    props: { waarden: Waarden; fouten?: FieldErrors; bestaand?: { id: string; naam: string } },
    status = 200,
  ) =>
    renderPage(
      reply,
      createElement(VerwerkingsactiviteitFormulier, { chrome: pageChrome(req, reply), ...props }),
      status,
    );

  return async (app: FastifyInstance) => {
    app.get(paths.verwerkingsactiviteiten(), { schema: { hide: true } }, async (req, reply) => {
      const actor = lezer(req);
      // One after the other: a request uses one database connection at a time.
      const activiteiten = await service.findVerwerkingsactiviteiten(actor);
      const bewaartermijnMaanden = await service.findBewaartermijn(actor);
      const melding = (req.query as { melding?: unknown } | undefined)?.melding;
      return renderPage(
        reply,
        createElement(RegisterPagina, {
          chrome: pageChrome(req, reply),
          activiteiten,
          magBeheren: logboekPolicy.mag(actor, 'register-beheren'),
          bewaartermijnMaanden,
          melding: isMelding(melding) ? melding : undefined,
        }),
      );
    });

    app.get(paths.verwerkingsactiviteitNieuw(), { schema: { hide: true } }, async (req, reply) => {
      beheerder(req);
      return formulier(req, reply, { waarden: { id: 'va-', naam: '', doel: '', grondslag: '' } });
    });

    app.post(paths.verwerkingsactiviteiten(), { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const waarden = waardenVan(req);
      const parsed = CreateVerwerkingsactiviteitInput.safeParse(waarden);
      if (!parsed.success) return formulier(req, reply, { waarden, fouten: veldFouten(parsed.error) }, 422);
      try {
        await service.createVerwerkingsactiviteit(actor, parsed.data);
      } catch (e) {
        if (e instanceof AppError && e.code === 'conflict') {
          return formulier(req, reply, { waarden, fouten: { id: e.userMessage } }, 422);
        }
        throw e;
      }
      return reply.redirect(`${paths.verwerkingsactiviteiten()}?melding=aangemaakt`, 303);
    });

    app.get(`${paths.verwerkingsactiviteiten()}/:id`, { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const va = await service.findVerwerkingsactiviteit(actor, idVan(req));
      return formulier(req, reply, { waarden: va, bestaand: va });
    });

    app.post(`${paths.verwerkingsactiviteiten()}/:id`, { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const va = await service.findVerwerkingsactiviteit(actor, idVan(req));
      const waarden = { ...waardenVan(req), id: va.id };
      const parsed = UpdateVerwerkingsactiviteitInput.safeParse(waarden);
      if (!parsed.success) {
        return formulier(req, reply, { waarden, fouten: veldFouten(parsed.error), bestaand: va }, 422);
      }
      await service.updateVerwerkingsactiviteit(actor, va.id, parsed.data);
      return reply.redirect(`${paths.verwerkingsactiviteiten()}?melding=gewijzigd`, 303);
    });
  };
}
