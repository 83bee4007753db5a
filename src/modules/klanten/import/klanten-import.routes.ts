import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { paths } from '../../../web/paths.ts';
import { renderFragment, renderPage } from '../../../web/render.ts';
import { type Gebruiker, pageChrome, requireRol } from '../../auth/index.ts';
import type { GemeentenService } from '../../gemeenten/index.ts';
import { ImportDetailPagina, ImportPagina, ImportVoortgang } from '../views/import.tsx';
import { type Chrome, isMelding } from '../views/onderdelen.tsx';
import { ImportBestandFout, type KlantenImportService, MAX_BESTAND_BYTES } from './klanten-import.service.ts';

/** An uploaded file as the multipart parser hands it to the route (read into memory, size-limited). */
interface Upload {
  bestandsnaam: string;
  bytes: Buffer;
  teGroot: boolean;
}

const isUpload = (v: unknown): v is Upload =>
  typeof v === 'object' && v !== null && 'bytes' in v && Buffer.isBuffer((v as Upload).bytes);

async function leesUpload(this: FastifyRequest, part: MultipartFile): Promise<void> {
  const bytes = await part.toBuffer();
  part.value = { bestandsnaam: part.filename, bytes, teGroot: part.file.truncated } satisfies Upload;
}

const beheerder = (req: FastifyRequest): Gebruiker => requireRol(req, 'functioneel-beheerder');
const chromeVan = (req: FastifyRequest, reply: FastifyReply): Chrome => pageChrome(req, reply);
const idVan = (req: FastifyRequest): string => String((req.params as { id?: unknown }).id ?? '');

/**
 * Pages of the client import for the functioneel beheerder: upload (multipart, at most 25 MB) with a dry run,
 * the report per row, the start button and the progress (htmx polls a fragment; without JavaScript a link
 * reloads the page).
 */
export function klantenImportRoutes(deps: {
  importService: KlantenImportService;
  gemeenten: Pick<GemeentenService, 'findGemeenten'>;
}) {
  const { importService: service } = deps;
  return async (app: FastifyInstance) => {
    // Only in this plugin's scope: the rest of the app keeps refusing multipart bodies.
    await app.register(multipart, {
      attachFieldsToBody: 'keyValues',
      onFile: leesUpload,
      throwFileSizeLimit: false,
      limits: {
        fileSize: MAX_BESTAND_BYTES,
        files: 1,
        fields: 5,
        fieldSize: 1024,
        parts: 6,
        headerPairs: 50,
      },
    });

    const toonPagina = async (
      req: FastifyRequest,
      reply: FastifyReply,
      actor: Gebruiker,
      extra: { fouten?: Record<string, string>; gekozenGemeente?: string } = {},
      status = 200,
    ) => {
      // One after the other: a request uses one database connection at a time.
      const gemeenten = await deps.gemeenten.findGemeenten(actor);
      const imports = await service.listImports(actor);
      return renderPage(
        reply,
        createElement(ImportPagina, {
          chrome: chromeVan(req, reply),
          gemeenten: gemeenten.filter((g) => actor.gemeenten.includes(g.id)),
          imports,
          ...(extra.gekozenGemeente ? { gekozenGemeente: extra.gekozenGemeente } : {}),
          ...(extra.fouten ? { fouten: extra.fouten } : {}),
        }),
        status,
      );
    };

    app.get('/beheer/klanten-import', { schema: { hide: true } }, async (req, reply) =>
      toonPagina(req, reply, beheerder(req)),
    );

    app.post('/beheer/klanten-import', { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<
        string,
        unknown
      >;
      const gemeenteId = typeof body.gemeenteId === 'string' ? body.gemeenteId : '';
      const upload = body.bestand;
      const fouten: Record<string, string> = {};
      if (!actor.gemeenten.includes(gemeenteId)) fouten.gemeenteId = 'Kies de gemeente van de klanten.';
      if (!isUpload(upload) || (upload.bytes.byteLength === 0 && upload.bestandsnaam === ''))
        fouten.bestand = 'Kies een CSV-bestand.';
      else if (upload.teGroot) fouten.bestand = 'Het bestand is groter dan 25 MB. Splits het in delen.';
      if (Object.keys(fouten).length === 0 && isUpload(upload)) {
        try {
          const proef = await service.proefrun(actor, {
            gemeenteId,
            bestandsnaam: upload.bestandsnaam,
            bytes: upload.bytes,
          });
          return reply.redirect(paths.klantenImportDetail(proef.id), 303);
        } catch (e) {
          if (!(e instanceof ImportBestandFout)) throw e;
          fouten.bestand = e.meldingen.join(' ');
        }
      }
      return toonPagina(req, reply, actor, { fouten, gekozenGemeente: gemeenteId }, 422);
    });

    app.get('/beheer/klanten-import/:id', { schema: { hide: true } }, async (req, reply) => {
      const actor = beheerder(req);
      const q = req.query as { filter?: unknown; pagina?: unknown; melding?: unknown };
      const alleenAfgewezen = q.filter === 'afgewezen';
      const pagina = Number.parseInt(typeof q.pagina === 'string' ? q.pagina : '1', 10);
      const imp = await service.findImport(actor, idVan(req));
      // One after the other: a request uses one database connection at a time.
      const gemeenten = await deps.gemeenten.findGemeenten(actor);
      const rapport = await service.listRapport(actor, imp.id, {
        alleenAfgewezen,
        pagina: Number.isFinite(pagina) ? pagina : 1,
      });
      return renderPage(
        reply,
        createElement(ImportDetailPagina, {
          chrome: chromeVan(req, reply),
          imp,
          gemeenten,
          rapport,
          alleenAfgewezen,
          melding: isMelding(q.melding) ? q.melding : undefined,
        }),
      );
    });

    // The fragment htmx polls while the import runs.
    app.get('/beheer/klanten-import/:id/voortgang', { schema: { hide: true } }, async (req, reply) => {
      const imp = await service.findImport(beheerder(req), idVan(req));
      return renderFragment(
        reply.header('cache-control', 'no-store'),
        createElement(ImportVoortgang, { imp }),
      );
    });

    app.post('/beheer/klanten-import/:id/start', { schema: { hide: true } }, async (req, reply) => {
      const imp = await service.start(beheerder(req), idVan(req));
      return reply.redirect(paths.metMelding(paths.klantenImportDetail(imp.id), 'import-gestart'), 303);
    });
  };
}
