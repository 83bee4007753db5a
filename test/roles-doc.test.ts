import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROLES_DOC, renderRolesDoc } from '../scripts/roles-doc.ts';
import { allPolicies } from '../src/modules/auth/index.ts';

// Rendering imports every module's public surface, that is most of the app: on a loaded two-core machine the
// first import alone can take longer than the unit tests' default five seconds.
describe('docs/roles.md', { timeout: 60_000 }, () => {
  it('is generated from the current policies (run `npm run docs:roles` after changing a policy)', async () => {
    const expected = await renderRolesDoc();
    expect(existsSync(ROLES_DOC), 'docs/roles.md is missing: run `npm run docs:roles`').toBe(true);
    expect(readFileSync(ROLES_DOC, 'utf8'), 'docs/roles.md is out of date: run `npm run docs:roles`').toBe(
      expected,
    );
  });

  it('includes the policy of every module that declares one', async () => {
    await renderRolesDoc();
    const modules = allPolicies().map((p) => p.module);
    expect(modules).toEqual(expect.arrayContaining(['auth', 'beheer']));
    expect(new Set(modules).size).toBe(modules.length);
  });
});
