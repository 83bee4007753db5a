// Writes docs/privacy/register.md, the register of processing activities, from the seed of the register in
// src/modules/logboek/standaard-register.ts (npm run docs:register).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { REGISTER_DOC, ROOT, renderRegisterDoc } from './register-doc.ts';

mkdirSync(dirname(REGISTER_DOC), { recursive: true });
writeFileSync(REGISTER_DOC, renderRegisterDoc());
console.log(`Register van verwerkingsactiviteiten geschreven naar ${relative(ROOT, REGISTER_DOC)}`);
