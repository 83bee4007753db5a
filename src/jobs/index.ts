import PgBoss from 'pg-boss';
import type { Rol } from '../db/context.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { formatOnderhoud, metTrace, voerOnderhoudUit } from '../modules/logboek/index.ts';

/**
 * Background jobs on pg-boss 10 (the last major that runs on Node 20), in the `pgboss` schema of the same
 * PostgreSQL. Jobs survive restarts and run once across instances. Every job acts as the system with a logged
 * reason; maintenance of the access log runs as the OWNER role.
 */

/** The nightly maintenance of the access log (partitions ahead, seals, retention). */
export const LOGBOEK_ONDERHOUD = 'logboek-onderhoud';
/** 03:15 Amsterdam time, after the month boundary (UTC midnight) has passed by more than an hour. */
export const LOGBOEK_ONDERHOUD_CRON = '15 3 * * *';

/** The CSV import of clients: one job per started import (it works through the file in blocks). */
export const KLANTEN_IMPORT = 'klanten-import';
/** The CSV import of the network (organisations or activities): one job per started import. */
export const NETWERK_IMPORT = 'netwerk-import';
/** A cohort assignment (matching): one job per queued run, computed on behalf of the team lead who started it. */
export const COHORT_TOEWIJZING = 'cohort-toewijzing';
/** The monthly destruction-list proposal per municipality (retention of closed client files). */
export const BEWAARTERMIJN_VOORSTEL = 'bewaartermijn-voorstel';
/** 04:30 Amsterdam time on the first day of each month. */
export const BEWAARTERMIJN_VOORSTEL_CRON = '30 4 1 * *';

/** A queued cohort run (the matching module's `CohortOpdracht`). */
export interface CohortToewijzingJob {
  dienstId: string;
  runId: string;
  uitvoerder: { gebruikerId: string; rol: Rol; gemeenten: string[]; teams: string[] };
}

/** Agreed tegenprestaties whose start date has come move to `lopend` (overeenkomsten module). */
export const OVEREENKOMSTEN_STARTEN = 'overeenkomsten-starten';
/** 00:20 Amsterdam time: just after the day has begun there. */
export const OVEREENKOMSTEN_STARTEN_CRON = '20 0 * * *';
/** The daily signals (signalen module): evaluations, endings, missing hours, exemptions, waiting work. */
export const SIGNALEN_MAKEN = 'signalen-maken';
/** 06:00 Amsterdam time, after the night's jobs and before the working day. */
export const SIGNALEN_MAKEN_CRON = '0 6 * * *';

export interface KlantenImportJob {
  dienstId: string;
  importId: string;
}

/**
 * The bridge between the app and pg-boss. The server creates one and gives it to `buildApp` (which sets the
 * handlers, since it builds the services) and to `startJobs` (which registers those handlers as workers and
 * connects the sending side). Tests and tools without a job runner leave it out.
 */
export class Taken {
  /** Runs one client import (set by buildApp). */
  klantenImport: ((job: KlantenImportJob) => Promise<unknown>) | undefined;
  /** Runs one network import (set by buildApp). */
  netwerkImport: ((job: KlantenImportJob) => Promise<unknown>) | undefined;
  /** Computes one queued cohort assignment (set by buildApp). */
  cohortToewijzing: ((job: CohortToewijzingJob) => Promise<unknown>) | undefined;
  /** Proposes the month's destruction lists (set by buildApp); the argument is the logged reason. */
  bewaartermijnVoorstel: ((reden: string) => Promise<unknown>) | undefined;
  /** Moves agreed designs whose start date has come to `lopend` (set by buildApp); the argument is the reason. */
  overeenkomstenStarten: ((reden: string) => Promise<unknown>) | undefined;
  /** Makes the day's signals for every social service (set by buildApp); the argument is the reason. */
  signalenMaken: ((reden: string) => Promise<unknown>) | undefined;
  private boss: PgBoss | undefined;

  /** Connects the sending side to a started pg-boss (startJobs does this). */
  koppel(boss: PgBoss | undefined): void {
    this.boss = boss;
  }

  /** Queues a client import; 503 while the job runner is not up. */
  async stuurKlantenImport(job: KlantenImportJob): Promise<void> {
    if (!this.boss)
      throw new AppError('niet-beschikbaar', {
        message: 'job runner not started',
        userMessage: 'De achtergrondtaken draaien nu niet. Probeer het over een paar minuten opnieuw.',
      });
    await this.boss.send(KLANTEN_IMPORT, job);
  }

  /** Queues a cohort assignment; 503 while the job runner is not up. */
  async stuurCohortToewijzing(job: CohortToewijzingJob): Promise<void> {
    if (!this.boss)
      throw new AppError('niet-beschikbaar', {
        message: 'job runner not started',
        userMessage: 'De achtergrondtaken draaien nu niet. Probeer het over een paar minuten opnieuw.',
      });
    await this.boss.send(COHORT_TOEWIJZING, job);
  }

  /** Queues a network import; 503 while the job runner is not up. */
  async stuurNetwerkImport(job: KlantenImportJob): Promise<void> {
    if (!this.boss)
      throw new AppError('niet-beschikbaar', {
        message: 'job runner not started',
        userMessage: 'De achtergrondtaken draaien nu niet. Probeer het over een paar minuten opnieuw.',
      });
    await this.boss.send(NETWERK_IMPORT, job);
  }
}

interface JobLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface JobsOpties {
  /** pg-boss's own connection: the owner role (it creates and maintains its schema). */
  connectionString: string;
  /** The owner pool, for the access log's maintenance. */
  owner: Database;
  logboekSigningKey: string | undefined;
  log: JobLog;
  /** Seconds between polls for new jobs (tests use the minimum, 0.5). */
  pollingIntervalSeconds?: number;
  /** The handlers the app set (client import); their queues are created and worked here. */
  taken?: Taken;
}

export interface Jobs {
  boss: PgBoss;
  /** Queues a run now (the CLI and tests); returns the job id. */
  runNow(
    queue:
      | typeof LOGBOEK_ONDERHOUD
      | typeof BEWAARTERMIJN_VOORSTEL
      | typeof OVEREENKOMSTEN_STARTEN
      | typeof SIGNALEN_MAKEN,
  ): Promise<string | null>;
  stop(): Promise<void>;
}

/** Starts pg-boss, registers the workers and the nightly schedules. */
export async function startJobs(opts: JobsOpties): Promise<Jobs> {
  const boss = new PgBoss({
    connectionString: opts.connectionString,
    schema: 'pgboss',
    max: 3,
    application_name: 'wederkerig-jobs',
  });
  boss.on('error', (err) => {
    // PostgreSQL stopping (Ctrl-C reaches the embedded server too) ends pg-boss's connections: not an error.
    if ((err as { code?: unknown }).code === '57P01')
      opts.log.warn({ code: '57P01' }, 'pg-boss: database shut down');
    else opts.log.error({ err }, 'pg-boss error');
  });
  await boss.start();

  // One maintenance at a time, across all instances; a failed run is retried twice.
  await boss.createQueue(LOGBOEK_ONDERHOUD, {
    name: LOGBOEK_ONDERHOUD,
    policy: 'singleton',
    retryLimit: 2,
    retryDelay: 300,
    expireInSeconds: 3600,
  });
  await boss.work(
    LOGBOEK_ONDERHOUD,
    { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 },
    async ([job]) => {
      const traceId = `job-${LOGBOEK_ONDERHOUD}-${job?.id ?? 'onbekend'}`;
      const verslag = await metTrace(traceId, () =>
        voerOnderhoudUit(opts.owner, { sleutel: opts.logboekSigningKey }),
      );
      const regels = formatOnderhoud(verslag);
      if (verslag.problemen.length > 0) {
        opts.log.error({ job: LOGBOEK_ONDERHOUD, verslag: regels }, 'logboek maintenance found problems');
        throw new Error(verslag.problemen.join(' '));
      }
      opts.log.info({ job: LOGBOEK_ONDERHOUD, verslag: regels }, 'logboek maintenance done');
      const { aangemaakt, verzegeld, tussenstanden, verwijderd } = verslag;
      return { aangemaakt, verzegeld, tussenstanden, verwijderd };
    },
  );
  await boss.schedule(LOGBOEK_ONDERHOUD, LOGBOEK_ONDERHOUD_CRON, {}, { tz: 'Europe/Amsterdam' });

  // Client imports: a run cut off by a restart expires after an hour
  // and is picked up again, continuing after its last finished block. Failures are recorded on the import itself.
  await boss.createQueue(KLANTEN_IMPORT, {
    name: KLANTEN_IMPORT,
    policy: 'standard',
    retryLimit: 2,
    retryDelay: 30,
    expireInSeconds: 3600,
  });
  const taken = opts.taken;
  if (taken?.klantenImport) {
    const verwerk = taken.klantenImport;
    await boss.work<KlantenImportJob>(
      KLANTEN_IMPORT,
      { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 },
      async ([job]) => {
        if (!job) return;
        opts.log.info({ job: KLANTEN_IMPORT, importId: job.data.importId }, 'klanten import started');
        await metTrace(`job-${KLANTEN_IMPORT}-${job.id}`, () => verwerk(job.data));
        opts.log.info({ job: KLANTEN_IMPORT, importId: job.data.importId }, 'klanten import done');
      },
    );
  }
  // Network imports: like the client imports (a run cut off by a restart continues after its last stored block).
  if (taken?.netwerkImport) {
    const verwerkNetwerk = taken.netwerkImport;
    await boss.createQueue(NETWERK_IMPORT, {
      name: NETWERK_IMPORT,
      policy: 'standard',
      retryLimit: 2,
      retryDelay: 30,
      expireInSeconds: 3600,
    });
    await boss.work<KlantenImportJob>(
      NETWERK_IMPORT,
      { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 },
      async ([job]) => {
        if (!job) return;
        await metTrace(`job-${NETWERK_IMPORT}-${job.id}`, () => verwerkNetwerk(job.data));
        opts.log.info({ job: NETWERK_IMPORT, importId: job.data.importId }, 'netwerk import done');
      },
    );
  }
  // Cohort assignments: a run cut off by a restart expires and is computed again from the start (its proposal is
  // replaced); a failure is recorded on the run itself (status mislukt), so there is no retry.
  if (taken?.cohortToewijzing) {
    const bereken = taken.cohortToewijzing;
    await boss.createQueue(COHORT_TOEWIJZING, {
      name: COHORT_TOEWIJZING,
      policy: 'standard',
      retryLimit: 1,
      retryDelay: 30,
      expireInSeconds: 1800,
    });
    await boss.work<CohortToewijzingJob>(
      COHORT_TOEWIJZING,
      { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 },
      async ([job]) => {
        if (!job) return;
        await metTrace(`job-${COHORT_TOEWIJZING}-${job.id}`, () => bereken(job.data));
        opts.log.info({ job: COHORT_TOEWIJZING, runId: job.data.runId }, 'cohort assignment done');
      },
    );
  }
  // Destruction lists: proposed monthly, approved by the functioneel beheerder on a page (nothing is destroyed here).
  if (taken?.bewaartermijnVoorstel) {
    const stelVoor = taken.bewaartermijnVoorstel;
    await boss.createQueue(BEWAARTERMIJN_VOORSTEL, {
      name: BEWAARTERMIJN_VOORSTEL,
      policy: 'singleton',
      retryLimit: 2,
      retryDelay: 600,
      expireInSeconds: 3600,
    });
    await boss.work(
      BEWAARTERMIJN_VOORSTEL,
      { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 },
      async ([job]) => {
        const uitkomst = await metTrace(`job-${BEWAARTERMIJN_VOORSTEL}-${job?.id ?? 'onbekend'}`, () =>
          stelVoor(`job:${BEWAARTERMIJN_VOORSTEL}`),
        );
        opts.log.info({ job: BEWAARTERMIJN_VOORSTEL, uitkomst }, 'destruction lists proposed');
      },
    );
    await boss.schedule(BEWAARTERMIJN_VOORSTEL, BEWAARTERMIJN_VOORSTEL_CRON, {}, { tz: 'Europe/Amsterdam' });
  }
  // Agreements: every morning the designs whose start date has come start running (idempotent; retried).
  if (taken?.overeenkomstenStarten) {
    const start = taken.overeenkomstenStarten;
    await boss.createQueue(OVEREENKOMSTEN_STARTEN, {
      name: OVEREENKOMSTEN_STARTEN,
      policy: 'singleton',
      retryLimit: 2,
      retryDelay: 600,
      expireInSeconds: 3600,
    });
    await boss.work(
      OVEREENKOMSTEN_STARTEN,
      { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 },
      async ([job]) => {
        const uitkomst = await metTrace(`job-${OVEREENKOMSTEN_STARTEN}-${job?.id ?? 'onbekend'}`, () =>
          start(`job:${OVEREENKOMSTEN_STARTEN}`),
        );
        opts.log.info({ job: OVEREENKOMSTEN_STARTEN, uitkomst }, 'agreed tegenprestaties started');
      },
    );
    await boss.schedule(OVEREENKOMSTEN_STARTEN, OVEREENKOMSTEN_STARTEN_CRON, {}, { tz: 'Europe/Amsterdam' });
  }
  // Signals: once a day (idempotent: one signal per recipient and cause, so a retry adds nothing).
  if (taken?.signalenMaken) {
    const maak = taken.signalenMaken;
    await boss.createQueue(SIGNALEN_MAKEN, {
      name: SIGNALEN_MAKEN,
      policy: 'singleton',
      retryLimit: 2,
      retryDelay: 600,
      expireInSeconds: 3600,
    });
    await boss.work(
      SIGNALEN_MAKEN,
      { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 },
      async ([job]) => {
        const uitkomst = await metTrace(`job-${SIGNALEN_MAKEN}-${job?.id ?? 'onbekend'}`, () =>
          maak(`job:${SIGNALEN_MAKEN}`),
        );
        opts.log.info({ job: SIGNALEN_MAKEN, uitkomst }, 'signals made');
      },
    );
    await boss.schedule(SIGNALEN_MAKEN, SIGNALEN_MAKEN_CRON, {}, { tz: 'Europe/Amsterdam' });
  }
  taken?.koppel(boss);

  return {
    boss,
    runNow: (queue) => boss.send(queue, {}),
    stop: async () => {
      opts.taken?.koppel(undefined);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
