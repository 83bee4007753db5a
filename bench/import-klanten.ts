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

const RIJEN = Number(process.env.RIJEN ?? 40_000);

/** A valid BSN from a counter (elfproef by choosing the last digit; counters whose check digit is 10 are skipped). */
function* bsns(): Generator<string> {
  for (let n = 10_000_000; ; n++) {
    const d = String(n).padStart(8, '0');
    let som = 0;
    for (let i = 0; i < 8; i++) som += (9 - i) * Number(d[i]);
    const laatste = som % 11;
    if (laatste < 10) yield `${d}${laatste}`;
  }
}

function genereer(rijen: number): Uint8Array {
  const voornamen = [
    'Fatima',
    'Jan',
    'Anouk',
    'Mohamed',
    'Sanne',
    'Dmytro',
    'Ayşe',
    'Pieter',
    'Noor',
    'Kees',
  ];
  const achternamen = ['Jansen', 'El Amrani', 'de Vries', 'Yılmaz', 'Bakker', 'Kovalenko', 'Visser', 'Smit'];
  const niveaus = ['vmbo', 'mbo-2', 'havo', 'hbo', 'geen', 'mbo-4'];
  const kop =
    'klantnummer;bsn;voornamen;achternaam;geboortedatum;straat;huisnummer;postcode;woonplaats;telefoon;' +
    'taalniveau nederlands;opleidingsniveau;beschikbaarheid;mobiliteit;werk uren per week;belastbaarheid uren per week';
  const regels = [kop];
  const bsn = bsns();
  for (let i = 0; i < rijen; i++) {
    const jaar = 1960 + (i % 45);
    const maand = String(1 + (i % 12)).padStart(2, '0');
    const dag = String(1 + (i % 28)).padStart(2, '0');
    regels.push(
      [
        `B-${String(i).padStart(6, '0')}`,
        i % 10 === 0 ? '' : bsn.next().value,
        voornamen[i % voornamen.length],
        achternamen[i % achternamen.length],
        `${dag}-${maand}-${jaar}`,
        'Dorpsstraat',
        String(1 + (i % 200)),
        `${1000 + (i % 8999)} AB`,
        'Benchdam',
        '06 12345678',
        ['A1', 'A2', 'B1', 'B2'][i % 4],
        niveaus[i % niveaus.length],
        'ma-ochtend|di-middag',
        'fiets|ov',
        i % 7 === 0 ? '16' : '',
        i % 9 === 0 ? '20' : '',
      ].join(';'),
    );
  }
  return new TextEncoder().encode(`${regels.join('\r\n')}\r\n`);
}

const seconden = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

const dir = mkdtempSync(join(tmpdir(), 'wederkerig-bench-import-'));
// Always its own embedded PostgreSQL, never a configured database.
const { DATABASE_URL: _a, DATABASE_OWNER_URL: _o, ...omgeving } = process.env;
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

  const bestand = genereer(RIJEN);
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
