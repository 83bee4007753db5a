/**
 * Benchmark of the client CSV import: 40,000 generated rows (RIJEN overrides) imported into a fresh embedded
 * PostgreSQL in a temporary directory, through the same code the background job runs (blocks of 1000, upsert by
 * klantnummer, an access log entry per client). Prints the dry run and the real run, then a second (idempotent)
 * run of the same file when TWEEDE=1.
 *
 *   npm run bench:import
 *
 * Target (issue #4): import_40k_seconds ≤ 30.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { openRuntime } from '../src/db/runtime.ts';
import { systeemActor } from '../src/modules/auth/index.ts';
import { createBeheerService } from '../src/modules/beheer/index.ts';
import { createGemeentenService } from '../src/modules/gemeenten/index.ts';
import {
  createKlantenImportService,
  createKlantenService,
  medewerkersUitBeheer,
  parseBsnSleutels,
} from '../src/modules/klanten/index.ts';
import { createLogboekService, voerOnderhoudUit } from '../src/modules/logboek/index.ts';
import { klantenCsv } from './klanten-csv.ts';

const RIJEN = Number(process.env.RIJEN ?? 40_000);

const seconden = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

const dir = mkdtempSync(join(tmpdir(), 'wederkerig-bench-import-'));
// Always its own embedded PostgreSQL, never a configured database.
const { DATABASE_URL: _a, DATABASE_OWNER_URL: _o, DATABASE_SYSTEM_URL: _s, ...omgeving } = process.env;
const rt = await openRuntime(loadConfig({ ...omgeving, DATA_DIR: dir, LOG_LEVEL: 'silent' }), {
  ifRunning: 'refuse',
  migrate: true,
});
try {
  await voerOnderhoudUit(rt.pools.owner, { sleutel: rt.config.logboekSigningKey });
  const db = rt.pools.app;
  const gemeenten = createGemeentenService(db);
  const bsnSleutels = parseBsnSleutels(rt.config.bsnEncryptionKeys!, rt.config.bsnHashKey!);
  const klanten = createKlantenService({
    db,
    bsnSleutels,
    gemeenten,
    medewerkers: medewerkersUitBeheer(createBeheerService(db, { gemeenten })),
  });
  const service = createKlantenImportService({ db, klanten, bsnSleutels, wachtrij: async () => {} });
  const dienstId = await gemeenten.ensureDienst(systeemActor('bench'), 'Bench');
  const actor = systeemActor('bench:import-klanten', dienstId);
  await createLogboekService(db).ensureStandaardRegister(actor, dienstId);
  const gemeente = await gemeenten.createGemeente(actor, dienstId, { naam: 'Benchdam', code: 'GM0999' });

  const bestand = klantenCsv(RIJEN);
  console.log(`rows: ${RIJEN}`);
  console.log(`file_megabytes: ${(bestand.byteLength / 1024 / 1024).toFixed(1)}`);

  let t = process.hrtime.bigint();
  const proef = await service.proefrun(actor, {
    gemeenteId: gemeente.id,
    bestandsnaam: 'bench.csv',
    bytes: bestand,
  });
  console.log(`dry_run_seconds: ${seconden(t).toFixed(1)}`);
  if (proef.proef.aanmaken !== RIJEN) throw new Error(`dry run: ${JSON.stringify(proef.proef)}`);

  t = process.hrtime.bigint();
  await service.start(actor, proef.id);
  const klaar = await service.verwerk({ dienstId, importId: proef.id });
  const duur = seconden(t);
  if (klaar?.status !== 'klaar' || klaar.aangemaakt !== RIJEN)
    throw new Error(`import: ${JSON.stringify(klaar)}`);
  console.log(`import_${Math.round(RIJEN / 1000)}k_seconds: ${duur.toFixed(1)}`);

  if (process.env.TWEEDE === '1') {
    const tweede = await service.proefrun(actor, {
      gemeenteId: gemeente.id,
      bestandsnaam: 'bench.csv',
      bytes: bestand,
    });
    t = process.hrtime.bigint();
    await service.start(actor, tweede.id);
    const opnieuw = await service.verwerk({ dienstId, importId: tweede.id });
    if (opnieuw?.bijgewerkt !== RIJEN) throw new Error(`second run: ${JSON.stringify(opnieuw)}`);
    console.log(`reimport_${Math.round(RIJEN / 1000)}k_seconds: ${seconden(t).toFixed(1)}`);
  }
} finally {
  await rt.close();
  rmSync(dir, { recursive: true, force: true });
}
