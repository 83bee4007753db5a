import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);

/** The static files the pages use: NL Design System CSS, the token theme, htmx and our own CSS. */
const ASSETS: Record<string, { file: string; type: string }> = {
  'utrecht.css': { file: require.resolve('@utrecht/component-library-css/dist/index.css'), type: 'text/css' },
  'tokens.css': {
    file: require.resolve('@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css'),
    type: 'text/css',
  },
  'htmx.min.js': { file: require.resolve('htmx.org/dist/htmx.min.js'), type: 'text/javascript' },
  'thema.css': {
    file: fileURLToPath(new URL('../../public/assets/thema.css', import.meta.url)),
    type: 'text/css',
  },
  'app.css': {
    file: fileURLToPath(new URL('../../public/assets/app.css', import.meta.url)),
    type: 'text/css',
  },
  'wachtwoordmeter.js': {
    file: fileURLToPath(new URL('../../public/assets/wachtwoordmeter.js', import.meta.url)),
    type: 'text/javascript',
  },
};

export function assetRoutes() {
  return async (app: FastifyInstance) => {
    // Read once at start: a handful of small files, served from memory with a long cache.
    const cache = new Map(
      Object.entries(ASSETS).map(([name, a]) => [name, { body: readFileSync(a.file), type: a.type }]),
    );
    app.get<{ Params: { name: string } }>('/assets/:name', { schema: { hide: true } }, async (req, reply) => {
      const asset = cache.get(req.params.name);
      if (!asset) return reply.callNotFound();
      return reply
        .type(`${asset.type}; charset=utf-8`)
        .header('cache-control', 'public, max-age=3600')
        .send(asset.body);
    });
  };
}
