import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { allPolicies, renderRolesMatrix } from '../src/modules/auth/index.ts';

export const ROOT = resolve(import.meta.dirname, '..');
export const ROLES_DOC = join(ROOT, 'docs', 'roles.md');

/**
 * The role × action matrix of every module. Imports each module's public surface (`src/modules/<name>/index.ts`,
 * which exports its policy) so that every policy registers, also those of modules added later.
 */
export async function renderRolesDoc(): Promise<string> {
  const modules = join(ROOT, 'src', 'modules');
  for (const name of readdirSync(modules).sort()) {
    const index = join(modules, name, 'index.ts');
    if (existsSync(index)) await import(pathToFileURL(index).href);
  }
  return renderRolesMatrix(allPolicies());
}
