// Writes the OpenAPI document (as the app generates it) to a file, for the ADR linter (npm run lint:api).
// It needs no database: the document comes from the route schemas.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createPools } from '../src/db/database.ts';

const out = process.argv[2] ?? 'data/openapi.json';
const config = loadConfig({
  WEDERKERIG_MODE: 'development',
  LOG_LEVEL: 'silent',
  PUBLIC_URL: 'https://wederkerig.example.nl',
});
const unused = 'postgres://niet-gebruikt@127.0.0.1:1/niet-gebruikt';
const db = createPools({ appUrl: unused, ownerUrl: unused });
const app = await buildApp({ config, db, logger: false });
await app.ready();
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(app.swagger(), null, 2)}\n`);
await app.close();
await db.close();
console.log(`OpenAPI-document geschreven naar ${out}`);
