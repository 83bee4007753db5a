import { parseArgs } from 'node:util';
import type { FastifyBaseLogger } from 'fastify';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { BACKUP_USAGE, backupCommand } from './db/backup/index.ts';
import { EmbeddedDatabaseError } from './db/embedded.ts';
import { openRuntime, type Runtime } from './db/runtime.ts';
import { isVerbindingWeg } from './db/verbindingen.ts';
import { createDemoServices, loadDemo } from './demo/demo.ts';
import { type Jobs, LOGBOEK_ONDERHOUD, SIGNALEN_MAKEN, startJobs, Taken } from './jobs/index.ts';
import { createAuthService, runTokenCli, systeemActor, TOKEN_USAGE } from './modules/auth/index.ts';
import { BEHEER_USAGE, createBeheerService, runBeheerCli } from './modules/beheer/index.ts';
import { createGemeentenService } from './modules/gemeenten/index.ts';
import {
  createKlantenImportService,
  createKlantenService,
  IMPORT_USAGE,
  medewerkersUitBeheer,
  parseBsnSleutels,
  runImportCli,
} from './modules/klanten/index.ts';
import {
  createLogboekService,
  formatOnderhoud,
  LOGBOEK_USAGE,
  logboekCommand,
  voerOnderhoudUit,
} from './modules/logboek/index.ts';
import {
  BEWAARTERMIJN_USAGE,
  bestandsJournaal,
  createPrivacyService,
  type PrivacyService,
  runBewaartermijnCli,
} from './modules/privacy/index.ts';

const USAGE = `Gebruik: wederkerig <opdracht> [opties]

Opdrachten:
  serve            start de webserver (met de ingebouwde PostgreSQL als DATABASE_URL niet is gezet)
  migrate          voer databasemigraties uit
  demo             laad de demogegevens (kan vaker; verandert niets wat er al is; niet in productie)
${BEHEER_USAGE}
${TOKEN_USAGE}
${LOGBOEK_USAGE}
${IMPORT_USAGE}
${BEWAARTERMIJN_USAGE}
${BACKUP_USAGE}
  help             toon deze hulp

Omgeving: WEDERKERIG_MODE (production|demo|development), HOST, PORT, DATA_DIR, DATABASE_URL,
DATABASE_OWNER_URL, DATABASE_SYSTEM_URL, SESSION_SECRET, LOGBOEK_SIGNING_KEY, BACKUP_ENCRYPTION_KEY, LOG_LEVEL.
Zie README.md.`;

type Out = (line: string) => void;

/** Runs one CLI command; returns the process exit code. */
export async function runCli(
  argv: string[],
  out: Out = console.log,
  err: Out = console.error,
): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: { demo: { type: 'boolean' } },
    allowPositionals: true,
    strict: false,
  });
  try {
    switch (command) {
      case 'serve':
        return await serve(values.demo === true, out);
      case 'migrate': {
        const rt = await openRuntime(loadConfig(), { ifRunning: 'attach', migrate: true });
        await rt.close();
        out('Migraties uitgevoerd.');
        return 0;
      }
      case 'demo': {
        const config = loadConfig();
        // The demo's accounts share a published password: never in a production database.
        if (config.mode === 'production') {
          err(
            'De demogegevens laden kan alleen met WEDERKERIG_MODE=demo of development, niet in productie: ' +
              'de demo-accounts hebben een openbaar wachtwoord.',
          );
          return 1;
        }
        const rt = await openRuntime(config, { ifRunning: 'attach', migrate: true });
        try {
          await seedDemo(rt);
          out('Demogegevens geladen.');
        } finally {
          await rt.close();
        }
        return 0;
      }
      case 'gemeente':
      case 'user': {
        // Attaches to a running server's embedded PostgreSQL.
        const rt = await openRuntime(loadConfig(), { ifRunning: 'attach', migrate: true });
        try {
          const gemeenten = createGemeentenService(rt.pools.app);
          const auth = createAuthService({ db: rt.pools.app, config: rt.config });
          const beheer = createBeheerService(rt.pools.app, {
            gemeenten,
            maakUitnodiging: (actor, gebruikerId) => auth.maakUitnodiging(actor, gebruikerId),
          });
          const logboek = createLogboekService(rt.pools.app);
          return await runBeheerCli(command, rest, { gemeenten, beheer, logboek }, out, err);
        } finally {
          await rt.close();
        }
      }
      case 'token': {
        // Attaches to a running server's embedded PostgreSQL; the token is the last line of the output.
        const rt = await openRuntime(loadConfig(), { ifRunning: 'attach', migrate: true });
        try {
          return await runTokenCli(
            rest,
            createAuthService({ db: rt.pools.app, config: rt.config }),
            out,
            err,
          );
        } finally {
          await rt.close();
        }
      }
      case 'import': {
        // Attaches to a running server's embedded PostgreSQL and runs the import in this process.
        const rt = await openRuntime(loadConfig(), { ifRunning: 'attach', migrate: true });
        try {
          const db = rt.pools.app;
          const gemeenten = createGemeentenService(db);
          const { bsnEncryptionKeys, bsnHashKey } = rt.config;
          const bsnSleutels =
            bsnEncryptionKeys && bsnHashKey ? parseBsnSleutels(bsnEncryptionKeys, bsnHashKey) : undefined;
          const klanten = createKlantenService({
            db,
            bsnSleutels,
            gemeenten,
            medewerkers: medewerkersUitBeheer(createBeheerService(db, { gemeenten })),
          });
          const importService = createKlantenImportService({
            db,
            klanten,
            bsnSleutels,
            wachtrij: async () => {},
            meldFout: (e) => err(e instanceof Error ? e.message : String(e)),
          });
          return await runImportCli(rest, { importService, gemeenten }, out, err);
        } finally {
          await rt.close();
        }
      }
      case 'bewaartermijn': {
        // Attaches to a running server's embedded PostgreSQL; acts as the system with a logged reason.
        const rt = await openRuntime(loadConfig(), { ifRunning: 'attach', migrate: true });
        try {
          return await runBewaartermijnCli(rest, privacyVoorCli(rt), out, err);
        } finally {
          await rt.close();
        }
      }
      case 'logboek': {
        // As the owner role: maintenance and verification of the access log (attaches to a running server).
        const rt = await openRuntime(loadConfig(), { ifRunning: 'attach', migrate: true });
        try {
          const deps = { owner: rt.pools.owner, sleutel: rt.config.logboekSigningKey };
          return await logboekCommand(rest, deps, out, err);
        } finally {
          await rt.close();
        }
      }
      case 'backup':
      case 'restore': {
        const config = loadConfig();
        return await backupCommand(
          command,
          rest,
          {
            config,
            backupSleutel: process.env.BACKUP_ENCRYPTION_KEY,
            open: (ifRunning) => openRuntime(config, { ifRunning, migrate: false }),
            herspeelVernietigingen: (rt, regels) =>
              privacyVoorCli(rt).herspeelVernietigingen(regels, 'herstel:vernietigingsjournaal'),
          },
          out,
          err,
        );
      }
      case undefined:
      case 'help':
      case '--help':
        out(USAGE);
        return command === undefined ? 1 : 0;
      default:
        err(`Onbekende opdracht: ${command}\n\n${USAGE}`);
        return 1;
    }
  } catch (e) {
    if (e instanceof ConfigError || e instanceof EmbeddedDatabaseError) {
      err(e.message);
      return 1;
    }
    throw e;
  }
}

async function seedDemo(rt: Runtime) {
  const actor = systeemActor('cli:demo');
  const { bsnEncryptionKeys, bsnHashKey } = rt.config;
  const bsnSleutels =
    bsnEncryptionKeys && bsnHashKey ? parseBsnSleutels(bsnEncryptionKeys, bsnHashKey) : undefined;
  return loadDemo(createDemoServices(rt.pools.app, bsnSleutels ? { bsnSleutels } : {}), actor);
}

/**
 * The access log's partitions, at start: this month's must exist before anything writes to the log (the demo
 * loader included). The rest of the maintenance (seals, checkpoints, retention) runs as a job right after.
 */
async function onderhoudBijStart(rt: Runtime) {
  return voerOnderhoudUit(rt.pools.owner, { sleutel: rt.config.logboekSigningKey, alleenPartities: true });
}

/** pg-boss with the nightly schedules (the access log's maintenance). */
async function startAchtergrond(rt: Runtime, log: FastifyBaseLogger, taken: Taken): Promise<Jobs> {
  const connectionString = rt.embedded?.ownerUrl ?? rt.config.databaseOwnerUrl ?? rt.config.databaseUrl;
  if (!connectionString)
    throw new ConfigError('DATABASE_OWNER_URL ontbreekt: nodig voor de achtergrondtaken.');
  return startJobs({
    connectionString,
    owner: rt.pools.owner,
    logboekSigningKey: rt.config.logboekSigningKey,
    log,
    taken,
  });
}

/** The privacy service for a command line run (retention proposals, replaying the destruction journal). */
export function privacyVoorCli(rt: Runtime): PrivacyService {
  const db = rt.pools.app;
  const gemeenten = createGemeentenService(db);
  const { bsnEncryptionKeys, bsnHashKey } = rt.config;
  const bsnSleutels =
    bsnEncryptionKeys && bsnHashKey ? parseBsnSleutels(bsnEncryptionKeys, bsnHashKey) : undefined;
  const medewerkers = medewerkersUitBeheer(createBeheerService(db, { gemeenten }));
  return createPrivacyService({
    db,
    journaal: bestandsJournaal(rt.config.vernietigingsjournaal),
    klanten: createKlantenService({ db, bsnSleutels, gemeenten, medewerkers }),
    logboek: createLogboekService(db),
    gemeenten,
    medewerkers,
  });
}

async function serve(demoFlag: boolean, out: Out): Promise<number> {
  const base = loadConfig();
  const config = demoFlag ? { ...base, mode: 'demo' as const } : base;
  const started = Date.now();
  const rt = await openRuntime(config, { ifRunning: 'refuse', migrate: true });
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let jobs: Jobs | undefined;
  try {
    const onderhoud = await onderhoudBijStart(rt);
    await bestandsJournaal(rt.config.vernietigingsjournaal).maakAan();
    if (rt.config.mode === 'demo') await seedDemo(rt);
    // The app sets the job handlers (it builds the services); startAchtergrond runs them and connects sending.
    const taken = new Taken();
    app = await buildApp({ config: rt.config, db: rt.pools, taken });
    // TOTP secrets stored before encryption (or under an older key) are encrypted under the current key.
    const totp = await createAuthService({ db: rt.pools.app, config: rt.config }).versleutelOudeTotpGeheimen(
      systeemActor('serve:totp-versleutelen'),
    );
    if (totp.versleuteld > 0) app.log.info({ aantal: totp.versleuteld }, 'TOTP secrets encrypted');
    if (totp.onleesbaar > 0)
      app.log.error(
        { aantal: totp.onleesbaar },
        'TOTP secrets under a key missing from TOTP_ENCRYPTION_KEYS',
      );
    if (onderhoud.problemen.length > 0)
      app.log.error({ verslag: formatOnderhoud(onderhoud) }, 'logboek maintenance found problems');
    jobs = await startAchtergrond(rt, app.log, taken);
    await jobs.runNow(LOGBOEK_ONDERHOUD);
    // The demo shows signals in the inbox at once, not only after the first 06:00 run.
    if (rt.config.mode === 'demo') await jobs.runNow(SIGNALEN_MAKEN);
    await app.listen({ host: rt.config.host, port: rt.config.port });
  } catch (e) {
    // Never leave the embedded PostgreSQL running behind a failed start.
    await jobs?.stop().catch(() => {});
    await app?.close().catch(() => {});
    await rt.close();
    if (e instanceof Error && 'code' in e && (e.code === 'EADDRINUSE' || e.code === 'EADDRNOTAVAIL')) {
      throw new ConfigError(
        `Kan niet luisteren op ${rt.config.host}:${rt.config.port} (${e.code === 'EADDRINUSE' ? 'de poort is al in gebruik' : 'dit adres hoort niet bij deze machine'}). Kies een andere PORT of HOST.`,
      );
    }
    throw e;
  }
  const server = app;

  let closing = false;
  const shutdown = async (signal: string, exitCode = 0) => {
    if (closing) return;
    closing = true;
    server.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    let code = exitCode;
    try {
      // Stopping the jobs must not stand in the way of stopping the server and the database.
      await jobs?.stop().catch((e) => server.log.warn({ err: e }, 'stopping the jobs failed'));
      await server.close();
      await rt.close();
    } catch (e) {
      server.log.error({ err: e }, 'shutdown failed');
      code = 1;
    }
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => void shutdown(signal));

  // PostgreSQL stopping or gone (Ctrl-C reaches the embedded server too; a killed postmaster) fails the work in
  // flight — a job pg-boss is fetching or marking, a query between two statements — sometimes where nobody waits
  // for it. That is logged, never a crash: requests answer 503 and /healthz "down" meanwhile, and the pools connect
  // again when the database is back. Anything else unhandled stops the app in order (exit code 1, for a supervisor).
  const onverwacht = (soort: string) => (err: unknown) => {
    if (closing || isVerbindingWeg(err)) {
      server.log.warn({ err }, `database connection lost (${soort})`);
      return;
    }
    server.log.error({ err }, soort);
    void shutdown(soort, 1);
  };
  process.on('unhandledRejection', onverwacht('unhandledRejection'));
  process.on('uncaughtException', onverwacht('uncaughtException'));
  // The embedded PostgreSQL is this process's child: when it dies, nothing brings it back here. Stop in order, so
  // that a supervisor (systemd Restart=always, a container restart policy) starts the app, and with it PostgreSQL,
  // again; the restart recovers from the write-ahead log.
  rt.embedded?.bijOnverwachtStoppen(() => {
    server.log.error(
      'the embedded PostgreSQL stopped unexpectedly: stopping the app (a supervisor restarts it)',
    );
    void shutdown('postgresql-gestopt', 1);
  });

  // The bound address, not the configured one: with PORT=0 the system picks the port.
  const bound = server.server.address();
  const address =
    bound !== null && typeof bound === 'object'
      ? `http://${bound.family === 'IPv6' ? `[${bound.address}]` : bound.address}:${bound.port}`
      : `http://${rt.config.host}:${rt.config.port}`;
  out(
    `Wederkerig draait op ${address} (modus ${rt.config.mode}, ${rt.embedded ? 'ingebouwde PostgreSQL' : 'DATABASE_URL'}, gestart in ${Date.now() - started} ms)`,
  );
  return -1;
}

if (import.meta.url === `file://${process.argv[1]}` || process.env.WEDERKERIG_CLI === '1') {
  const code = await runCli(process.argv.slice(2));
  if (code >= 0) process.exit(code);
}
