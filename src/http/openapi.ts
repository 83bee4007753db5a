import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { OpenAPIV3_1 } from 'openapi-types';

export const API_PREFIX = '/api/v1';
export const API_VERSION = '1.0.0';

/**
 * The OpenAPI 3.1 document, generated from the route schemas and shaped for the Dutch API Design Rules:
 * the server URL carries the version and the paths are relative to it; `API-Version` is declared on
 * every 2xx/3xx response; contact information is present.
 */
export async function registerOpenApi(app: FastifyInstance, publicUrl: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Wederkerig API',
        version: API_VERSION,
        description:
          'API voor koppelingen met de kernsystemen van de gemeente: gemeenten, klanten, organisaties, activiteiten en tegenprestaties.',
        contact: {
          name: 'Wederkerig functioneel beheer',
          email: 'beheer@wederkerig.nl',
          url: 'https://wederkerig.nl',
        },
      },
      servers: [{ url: `${publicUrl.replace(/\/$/, '')}${API_PREFIX}`, description: 'Deze installatie' }],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'API-token' } },
      },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (doc) => reshape(jsonSchemaTransformObject(doc) as OpenAPIV3_1.Document),
  });
}

const versionHeader: OpenAPIV3_1.HeaderObject = {
  description: 'De versie van de API (semver)',
  schema: { type: 'string', example: API_VERSION },
};

function reshape(doc: OpenAPIV3_1.Document): OpenAPIV3_1.Document {
  const paths: OpenAPIV3_1.PathsObject = {};
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (!item) continue;
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const op = item[method];
      if (!op?.responses) continue;
      for (const [status, response] of Object.entries(op.responses)) {
        const r = response as OpenAPIV3_1.ResponseObject;
        if (/^[23]/.test(status)) r.headers = { ...(r.headers ?? {}), 'API-Version': versionHeader };
        if (/^[45]/.test(status) && r.content?.['application/json']) {
          r.content = { 'application/problem+json': r.content['application/json'] };
        }
      }
    }
    // @fastify/swagger already strips the server URL's path; strip it here too when it did not.
    paths[path.startsWith(`${API_PREFIX}/`) ? path.slice(API_PREFIX.length) : path] = item;
  }
  return { ...doc, paths };
}
