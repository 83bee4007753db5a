// Writes docs/roles.md, the role × action matrix, from the policies of all modules (npm run docs:roles).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { ROLES_DOC, ROOT, renderRolesDoc } from './roles-doc.ts';

mkdirSync(dirname(ROLES_DOC), { recursive: true });
writeFileSync(ROLES_DOC, await renderRolesDoc());
console.log(`Rollenmatrix geschreven naar ${relative(ROOT, ROLES_DOC)}`);
