import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { AppError } from '../../http/app-error.ts';
import { renderPage } from '../../web/render.ts';
import { pageChrome, requireGebruiker } from '../auth/index.ts';
import type { SignalenService } from './signalen.service.ts';
import { SignalenPagina } from './views/signalen.tsx';

const MELDINGEN: Record<string, string> = {
  gelezen: 'Het signaal is gemarkeerd als gelezen.',
  afgehandeld: 'Het signaal is afgehandeld.',
  heropenen: 'Het signaal staat weer open.',
};

const query = (req: FastifyRequest, k: string): string => {
  const v = (req.query as Record<string, unknown> | undefined)?.[k];
  return typeof v === 'string' ? v : '';
};

/** The inbox page (`/signalen`) and its read/done form. Thin: the service checks everything. */
export function signalenRoutes(signalen: SignalenService) {
  return async (app: FastifyInstance) => {
    app.get('/signalen', { schema: { hide: true } }, async (req, reply) => {
      const actor = requireGebruiker(req);
      const alle = query(req, 'alle') === 'ja';
      const lijst = await signalen.findSignalen(actor, { alle });
      return renderPage(
        reply,
        createElement(SignalenPagina, {
          chrome: pageChrome(req, reply),
          signalen: lijst,
          alle,
          melding: MELDINGEN[query(req, 'melding')],
        }),
      );
    });

    app.post('/signalen/:id', { schema: { hide: true } }, async (req, reply) => {
      const actor = requireGebruiker(req);
      const id = String((req.params as { id?: unknown }).id ?? '');
      const actie = String((req.body as { actie?: unknown } | undefined)?.actie ?? '');
      const wat =
        actie === 'gelezen'
          ? { gelezen: true }
          : actie === 'afgehandeld'
            ? { afgehandeld: true }
            : actie === 'heropenen'
              ? { afgehandeld: false }
              : null;
      if (!wat)
        throw new AppError('ongeldige-invoer', { userMessage: 'Kies gelezen, afgehandeld of weer openen.' });
      await signalen.markeerSignaal(actor, id, wat);
      return reply.redirect(`/signalen?melding=${actie}`, 303);
    });
  };
}
