import { ROLLEN, type Rol } from '../../db/context.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from './actor.ts';

/** Display names of the roles (ids stay ASCII kebab-case). */
export const ROL_NAMEN: Record<Rol, string> = {
  klantmanager: 'Klantmanager',
  teamleider: 'Teamleider',
  netwerkmakelaar: 'Netwerkmakelaar',
  'functioneel-beheerder': 'Functioneel beheerder',
  'privacy-officer': 'Privacy officer',
};

export interface PolicyAction {
  /** Which roles may do it. */
  rollen: readonly Rol[];
  /** One line in Dutch for docs/roles.md. */
  omschrijving: string;
}

export interface Policy<A extends string> {
  module: string;
  acties: Record<A, PolicyAction>;
  /** May this actor do this? The system context may do everything (it is explicit and logged). */
  mag(actor: Actor, actie: A): boolean;
  /** Throws `geen-toegang` when the actor may not. */
  vereis(actor: Actor, actie: A): void;
}

const registry: Array<Policy<string>> = [];

/**
 * Declares a module's policy: action → roles. Services check it (`policy.vereis(actor, 'x')`); the role × action
 * matrix in docs/roles.md is generated from all declared policies (`npm run docs:roles`).
 */
export function definePolicy<A extends string>(module: string, acties: Record<A, PolicyAction>): Policy<A> {
  const policy: Policy<A> = {
    module,
    acties,
    mag: (actor, actie) => actor.kind === 'systeem' || acties[actie].rollen.includes(actor.rol),
    vereis: (actor, actie) => {
      if (!policy.mag(actor, actie)) throw new AppError('geen-toegang');
    },
  };
  registry.push(policy as unknown as Policy<string>);
  return policy;
}

/** All declared policies (for the generated role matrix). */
export const allPolicies = (): ReadonlyArray<Policy<string>> => registry;

/** The role × action matrix as Markdown. */
export function renderRolesMatrix(policies: ReadonlyArray<Policy<string>>): string {
  const lines = [
    '# Rollen en rechten',
    '',
    'Gegenereerd uit de policy-bestanden (`src/modules/*/*.policy.ts`) met `npm run docs:roles`. Niet met de hand bewerken.',
    '',
    'Naast deze rechten per rol geldt altijd de gemeente-afbakening: een gebruiker ziet alleen gegevens van de',
    'gemeenten waaraan hij is toegewezen (afgedwongen met row-level security in PostgreSQL).',
    '',
  ];
  for (const p of [...policies].sort((a, b) => a.module.localeCompare(b.module))) {
    lines.push(
      `## ${p.module}`,
      '',
      `| actie | omschrijving | ${ROLLEN.map((r) => ROL_NAMEN[r]).join(' | ')} |`,
    );
    lines.push(`|---|---|${ROLLEN.map(() => ':-:').join('|')}|`);
    for (const [actie, a] of Object.entries(p.acties)) {
      lines.push(
        `| \`${actie}\` | ${a.omschrijving} | ${ROLLEN.map((r) => (a.rollen.includes(r) ? 'ja' : '–')).join(' | ')} |`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
