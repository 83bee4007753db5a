import type { FastifyRequest } from 'fastify';
import type { Rol } from '../../db/context.ts';
import { AppError } from '../../http/app-error.ts';
import type { Gebruiker } from './actor.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member, set by the auth hook (session cookie for pages, bearer token for the API). */
    actor: Gebruiker | undefined;
  }
}

/** The signed-in user, or `niet-ingelogd` (pages redirect to the login page, the API answers 401). */
export function requireGebruiker(req: FastifyRequest): Gebruiker {
  if (!req.actor) throw new AppError('niet-ingelogd');
  return req.actor;
}

/** The signed-in user with one of these roles, or `geen-toegang` (403). */
export function requireRol(req: FastifyRequest, ...rollen: Rol[]): Gebruiker {
  const actor = requireGebruiker(req);
  if (!rollen.includes(actor.rol)) throw new AppError('geen-toegang');
  return actor;
}
