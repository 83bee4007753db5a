import type { FastifyInstance } from 'fastify';
import { createElement } from 'react';
import { renderPage } from '../../web/render.ts';
import { HomePage } from './views/home-page.tsx';

export function homeRoutes(opts: { demo: boolean }) {
  return async (app: FastifyInstance) => {
    app.get('/', { schema: { hide: true } }, async (_req, reply) =>
      renderPage(
        reply,
        createElement(HomePage, { banner: opts.demo ? createElement(DemoBanner) : undefined }),
      ),
    );
  };
}

function DemoBanner() {
  return createElement(
    'p',
    { className: 'wk-banner utrecht-paragraph' },
    'Demo-omgeving: alle personen en gegevens zijn verzonnen.',
  );
}
