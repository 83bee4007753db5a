import type { FastifyReply } from 'fastify';
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';

/** Renders a full page (server-side only, no hydration) and sends it. */
export function renderPage(reply: FastifyReply, element: ReactElement, status = 200): FastifyReply {
  const html = `<!doctype html>${renderToString(element)}`;
  return reply.status(status).type('text/html; charset=utf-8').send(html);
}

/** Renders an htmx fragment (no document frame). */
export function renderFragment(reply: FastifyReply, element: ReactElement, status = 200): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(renderToString(element));
}
