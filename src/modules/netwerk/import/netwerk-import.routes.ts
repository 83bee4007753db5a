import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { z } from 'zod';
import { notFound } from '../../../http/app-error.ts';
import { paths } from '../../../web/paths.ts';
import { renderFragment, renderPage } from '../../../web/render.ts';
import { type Gebruiker, pageChrome, requireRol } from '../../auth/index.ts';
import { ImportVoortgang, NetwerkImportDetailPagina, NetwerkImportPagina } from '../views/import.tsx';
import { isMelding } from '../views/onderdelen.tsx';
import { ImportBestandFout, MAX_BESTAND_BYTES, type NetwerkImportService } from './netwerk-import.service.ts';

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

const makelaar = (req: FastifyRequest): Gebruiker => requireRol(req, 'netwerkmakelaar');
const Id = z.uuid();
const idVan = (req: FastifyRequest): string => {
  const p = Id.safeParse((req.params as { id?: unknown }).id);
  if (!p.success) throw notFound();
  return p.data;
};

/**
 * Pages of the network's CSV import for the netwerkmakelaar: upload (multipart, at most 5 MB) with a dry run, the
 * report per row, the start button and the progress (htmx polls a fragment; without JavaScript a link reloads).
 */
export function netwerkImportRoutes(service: NetwerkImportService) {
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
    const hide = { schema: { hide: true } };

    const toonPagina = async (
      req: FastifyRequest,
      reply: FastifyReply,
      actor: Gebruiker,
      soort: string,
      fouten?: Record<string, string>,
    ) =>
      renderPage(
        reply,
        createElement(NetwerkImportPagina, {
          chrome: pageChrome(req, reply),
          imports: await service.listImports(actor),
          soort,
          ...(fouten ? { fouten } : {}),
        }),
        fouten ? 422 : 200,
      );

    app.get('/netwerk/import', hide, async (req, reply) =>
      toonPagina(req, reply, makelaar(req), 'organisaties'),
    );

    app.post('/netwerk/import', hide, async (req, reply) => {
      const actor = makelaar(req);
      const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<
        string,
        unknown
      >;
      const soort = body.soort === 'organisaties' || body.soort === 'activiteiten' ? body.soort : undefined;
      const upload = body.bestand;
      const fouten: Record<string, string> = {};
      if (!soort) fouten.soort = 'Kies wat er in het bestand staat.';
      if (!isUpload(upload) || (upload.bytes.byteLength === 0 && upload.bestandsnaam === ''))
        fouten.bestand = 'Kies een CSV-bestand.';
      else if (upload.teGroot) fouten.bestand = 'Het bestand is groter dan 5 MB. Splits het in delen.';
      if (soort && Object.keys(fouten).length === 0 && isUpload(upload)) {
        try {
          const imp = await service.proefrun(actor, {
            soort,
            bestandsnaam: upload.bestandsnaam,
            bytes: upload.bytes,
          });
          return reply.redirect(paths.netwerkImportDetail(imp.id), 303);
        } catch (e) {
          if (!(e instanceof ImportBestandFout)) throw e;
          fouten.bestand = e.meldingen.join(' ');
        }
      }
      return toonPagina(req, reply, actor, soort ?? '', fouten);
    });

    app.get('/netwerk/import/:id', hide, async (req, reply) => {
      const actor = makelaar(req);
      const q = (req.query ?? {}) as { filter?: unknown; pagina?: unknown; melding?: unknown };
      const alleenGeweigerd = q.filter === 'geweigerd';
      const pagina = Number.parseInt(typeof q.pagina === 'string' ? q.pagina : '1', 10);
      const imp = await service.findImport(actor, idVan(req));
      const rapport = await service.listRapport(actor, imp.id, {
        alleenGeweigerd,
        pagina: Number.isFinite(pagina) ? pagina : 1,
      });
      return renderPage(
        reply,
        createElement(NetwerkImportDetailPagina, {
          chrome: pageChrome(req, reply),
          imp,
          rapport,
          alleenGeweigerd,
          melding: isMelding(q.melding) ? q.melding : undefined,
        }),
      );
    });

    // The fragment htmx polls while the dry run or the import runs. When the dry run it was polling for has ended,
    // htmx reloads the page (HX-Refresh), which then shows the report and the start button.
    app.get('/netwerk/import/:id/voortgang', hide, async (req, reply) => {
      const imp = await service.findImport(makelaar(req), idVan(req));
      if ((req.query as { na?: unknown }).na === 'proef' && imp.status !== 'proefbezig')
        reply.header('hx-refresh', 'true');
      return renderFragment(
        reply.header('cache-control', 'no-store'),
        createElement(ImportVoortgang, { imp }),
      );
    });

    app.post('/netwerk/import/:id/start', hide, async (req, reply) => {
      const imp = await service.start(makelaar(req), idVan(req));
      return reply.redirect(paths.metMelding(paths.netwerkImportDetail(imp.id), 'import-gestart'), 303);
    });
  };
}
