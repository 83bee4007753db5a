import type { DbContext, Rol } from '../../db/context.ts';

/** A signed-in staff member (through a session or an API token). */
export interface Gebruiker {
  kind: 'gebruiker';
  dienstId: string;
  gebruikerId: string;
  naam: string;
  email: string;
  rol: Rol;
  /** Municipalities assigned to this user. */
  gemeenten: readonly string[];
  teams: readonly string[];
  via: 'sessie' | 'api-token';
}

/** Jobs, the CLI and bootstrapping act as the system, always with a reason that is logged. */
export interface Systeem {
  kind: 'systeem';
  reden: string;
  dienstId?: string;
}

/** Who performs a use case. Services take `(actor, input)`. */
export type Actor = Gebruiker | Systeem;

/** The database context for an actor: row-level security then filters every query. */
export function dbContext(actor: Actor): DbContext {
  if (actor.kind === 'systeem') {
    return actor.dienstId === undefined
      ? { kind: 'systeem', reden: actor.reden }
      : { kind: 'systeem', reden: actor.reden, dienstId: actor.dienstId };
  }
  return {
    kind: 'gebruiker',
    dienstId: actor.dienstId,
    gebruikerId: actor.gebruikerId,
    rol: actor.rol,
    gemeenten: actor.gemeenten,
  };
}

export const systeemActor = (reden: string, dienstId?: string): Systeem =>
  dienstId === undefined ? { kind: 'systeem', reden } : { kind: 'systeem', reden, dienstId };
