import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The embedded PostgreSQL as a user meets it: the real `wederkerig` command in child processes, each in its own
 * process group (so "kill the whole group" means what it says), on one data dir that the tests share in order:
 * first start, a refused second server, the CLI attaching, `kill -9` of node alone and of the whole group,
 * stale lock files, and a clean stop on SIGTERM / SIGINT. As root, one more run as an ordinary user.
 *
 * The tests start the embedded server themselves, so they are skipped in CI's second pass (DATABASE_URL set
 * for the external PostgreSQL 15): there is nothing embedded about that pass.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/wederkerig.js');
const SLOW = 90_000;

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface Proc {
  child: ChildProcess;
  pid: number;
  output: () => string;
  exited: Promise<Exit>;
}

interface Server extends Proc {
  url: string;
}

interface User {
  uid: number;
  gid: number;
}

const spawned: Proc[] = [];
const dataDirs: string[] = [];

interface RunOptions {
  mode?: string;
  user?: User;
  port?: number;
}

function childEnv(dataDir: string, opts: RunOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(opts.port ?? 0),
    HOST: '127.0.0.1',
    WEDERKERIG_MODE: opts.mode ?? 'demo',
    LOG_LEVEL: 'warn',
  };
  // The child must use its own embedded PostgreSQL, whatever the test run was given.
  for (const key of [
    'DATABASE_URL',
    'DATABASE_OWNER_URL',
    'DATABASE_SYSTEM_URL',
    'SESSION_SECRET',
    'LOGBOEK_SIGNING_KEY',
    'BSN_ENCRYPTION_KEYS',
    'BSN_HASH_KEY',
    'TOTP_ENCRYPTION_KEYS',
    'PUBLIC_URL',
  ])
    delete env[key];
  if (opts.user) env.HOME = dataDir;
  return env;
}

/** Runs `wederkerig <args>` in its own process group. */
function run(args: string[], dataDir: string, opts: RunOptions = {}): Proc {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: childEnv(dataDir, opts),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(opts.user ? { uid: opts.user.uid, gid: opts.user.gid } : {}),
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<Exit>((res) => child.on('exit', (code, signal) => res({ code, signal })));
  if (child.pid === undefined) throw new Error(`could not spawn ${args.join(' ')}`);
  const proc: Proc = { child, pid: child.pid, output: () => output, exited };
  spawned.push(proc);
  return proc;
}

/** Starts `wederkerig serve` and waits for the line with its address. */
async function serve(dataDir: string, opts: RunOptions = {}): Promise<Server> {
  const proc = run(['serve'], dataDir, opts);
  const url = await new Promise<string>((res, rej) => {
    const onData = () => {
      const m = /Wederkerig draait op (http:\/\/\S+)/.exec(proc.output());
      if (m?.[1]) res(m[1]);
    };
    proc.child.stdout?.on('data', onData);
    void proc.exited.then((e) =>
      rej(new Error(`serve exited (${e.code ?? e.signal}) before listening:\n${proc.output()}`)),
    );
  });
  return { ...proc, url };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` holds; the test's own timeout bounds it (no timed assertions). */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await sleep(50);
}

/** Alive and not a zombie (an orphan's zombie may wait for a parent that never reaps it). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

interface Stored {
  port: number;
  superuserPassword: string;
}

/** Runs SQL as the embedded superuser (bypasses row-level security) in `database`. */
async function query<R extends pg.QueryResultRow>(
  dataDir: string,
  database: string,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const s = JSON.parse(readFileSync(join(dataDir, 'embedded.json'), 'utf8')) as Stored;
  const client = new pg.Client({
    host: '127.0.0.1',
    port: s.port,
    user: 'postgres',
    password: s.superuserPassword,
    database,
  });
  client.on('error', () => {});
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function gemeenten(dataDir: string): Promise<string[]> {
  const rows = await query<{ naam: string }>(
    dataDir,
    'wederkerig',
    'SELECT naam FROM gemeente ORDER BY naam',
  );
  return rows.map((r) => r.naam);
}

/** A committed row written just before a crash must survive it. */
async function writeMarker(dataDir: string, label: string): Promise<void> {
  await query(dataDir, 'postgres', 'CREATE TABLE IF NOT EXISTS robuustheid (label text PRIMARY KEY)');
  await query(dataDir, 'postgres', 'INSERT INTO robuustheid (label) VALUES ($1)', [label]);
}

async function markers(dataDir: string): Promise<string[]> {
  const rows = await query<{ label: string }>(
    dataDir,
    'postgres',
    'SELECT label FROM robuustheid ORDER BY label',
  );
  return rows.map((r) => r.label);
}

async function healthy(server: Server): Promise<unknown> {
  const res = await fetch(`${server.url}/healthz`);
  return { status: res.status, body: await res.json() };
}

const HEALTHY = {
  status: 200,
  body: { status: 'ok', database: 'ok', pool: expect.any(Object), systemPool: expect.any(Object) },
};

function killGroup(proc: Proc, signal: NodeJS.Signals): void {
  try {
    process.kill(-proc.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Stops the server with `signal` (to node alone or its whole group) and checks a clean stop. */
async function stopCleanly(
  server: Server,
  dataDir: string,
  signal: NodeJS.Signals,
  target: 'node' | 'group',
) {
  const pm = postmasterPid(dataDir);
  expect(pm).toBeDefined();
  if (target === 'group') process.kill(-server.pid, signal);
  else process.kill(server.pid, signal);
  const exit = await server.exited;
  expect({ exit, output: server.output() }).toEqual({
    exit: { code: 0, signal: null },
    output: server.output(),
  });
  // PostgreSQL removed its lock file on a clean shutdown, and no process of it is left.
  expect(postmasterPid(dataDir)).toBeUndefined();
  expect(alive(pm!)).toBe(false);
}

function ordinaryUser(): User | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('nobody:'));
  if (!line) return undefined;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

afterAll(() => {
  // Never leave a PostgreSQL behind, whatever failed: kill every group we started and any postmaster of our
  // data dirs (an orphan keeps its group, but check the data dir's lock file too).
  for (const p of spawned)
    if (p.child.exitCode === null && p.child.signalCode === null) killGroup(p, 'SIGKILL');
  for (const dir of dataDirs) {
    const pm = postmasterPid(dir);
    if (pm !== undefined && alive(pm)) {
      const cmdline = readFileSync(`/proc/${pm}/cmdline`, 'utf8');
      if (cmdline.includes(dir)) process.kill(pm, 'SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

describe.skipIf(process.env.DATABASE_URL !== undefined)('embedded PostgreSQL, robustness', () => {
  const parent = mkdtempSync(join(tmpdir(), 'wederkerig-robuust-'));
  dataDirs.push(parent);
  // As root the server runs as the postgres user, who must pass through the parent (mkdtemp makes it 0700).
  chmodSync(parent, 0o711);
  const dataDir = join(parent, 'data');
  let server: Server;

  it('first start initialises the data dir and loads the demo data', { timeout: SLOW }, async () => {
    server = await serve(dataDir);
    expect(await healthy(server)).toEqual(HEALTHY);
    expect(await gemeenten(dataDir)).toEqual(['Aardam', 'Bergdorp']);
    const stored = JSON.parse(readFileSync(join(dataDir, 'embedded.json'), 'utf8')) as Stored;
    expect(stored.port).toBeGreaterThan(0);
  });

  it('a second server on the same data dir refuses clearly and leaves the first alone', {
    timeout: SLOW,
  }, async () => {
    const pm = postmasterPid(dataDir);
    const second = run(['serve'], dataDir);
    const exit = await second.exited;
    expect(exit.code).not.toBe(0);
    expect(exit.code).not.toBeNull();
    expect(second.output()).toContain(
      `De datamap ${dataDir} is al in gebruik door een ander Wederkerig-proces`,
    );
    expect(second.output()).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(postmasterPid(dataDir)).toBe(pm);
    expect(await healthy(server)).toEqual(HEALTHY);
  });

  it('the CLI attaches to the running server (demo and migrate)', { timeout: SLOW }, async () => {
    const pm = postmasterPid(dataDir);
    for (const [command, says] of [
      ['demo', 'Demogegevens geladen.'],
      ['migrate', 'Migraties uitgevoerd.'],
    ] as const) {
      const cli = run([command], dataDir);
      expect({ exit: await cli.exited, output: cli.output() }).toEqual({
        exit: { code: 0, signal: null },
        output: expect.stringContaining(says),
      });
    }
    // The same PostgreSQL served all of it, the demo stayed idempotent, and the server still works.
    expect(postmasterPid(dataDir)).toBe(pm);
    expect(await gemeenten(dataDir)).toEqual(['Aardam', 'Bergdorp']);
    expect(await healthy(server)).toEqual(HEALTHY);
  });

  it('kill -9 of node alone: the orphaned postmaster is stopped and a new start has all data', {
    timeout: SLOW,
  }, async () => {
    await writeMarker(dataDir, 'voor-kill-node');
    const orphan = postmasterPid(dataDir)!;
    process.kill(server.pid, 'SIGKILL');
    await server.exited;
    // The scenario is real: the postmaster outlived the app, holding its port and lock file.
    expect(alive(orphan)).toBe(true);

    // Production mode loads no demo data: whatever is there came from disk.
    server = await serve(dataDir, { mode: 'production' });
    expect(alive(orphan)).toBe(false);
    expect(postmasterPid(dataDir)).not.toBe(orphan);
    expect(await healthy(server)).toEqual(HEALTHY);
    expect(await gemeenten(dataDir)).toEqual(['Aardam', 'Bergdorp']);
    expect(await markers(dataDir)).toEqual(['voor-kill-node']);
  });

  it('kill -9 of the whole process group: a new start has all data', { timeout: SLOW }, async () => {
    await writeMarker(dataDir, 'voor-kill-groep');
    const pm = postmasterPid(dataDir)!;
    killGroup(server, 'SIGKILL');
    await server.exited;
    await until(() => !alive(pm));
    // The lock file is stale now: PostgreSQL had no chance to remove it.
    expect(postmasterPid(dataDir)).toBe(pm);

    server = await serve(dataDir, { mode: 'production' });
    expect(await healthy(server)).toEqual(HEALTHY);
    expect(await gemeenten(dataDir)).toEqual(['Aardam', 'Bergdorp']);
    expect(await markers(dataDir)).toEqual(['voor-kill-groep', 'voor-kill-node']);
  });

  it('SIGTERM to node stops app and PostgreSQL cleanly', { timeout: SLOW }, async () => {
    await stopCleanly(server, dataDir, 'SIGTERM', 'node');
  });

  it('a stale lock file naming a live, unrelated process does not block the start', {
    timeout: SLOW,
  }, async () => {
    // After a crash the pid in postmaster.pid may belong to another process by now (pids are reused). Let it
    // be a process the postmaster may signal (same user as the postmaster) so that PostgreSQL's own check
    // would take it for a running server.
    const pgUser = process.getuid?.() === 0 ? postgresUser() : undefined;
    const stranger = spawn('sleep', ['600'], { detached: true, stdio: 'ignore', ...(pgUser ?? {}) });
    const strangerProc: Proc = {
      child: stranger,
      pid: stranger.pid!,
      output: () => '',
      exited: new Promise((res) => stranger.on('exit', (code, signal) => res({ code, signal }))),
    };
    spawned.push(strangerProc);
    try {
      writeFileSync(join(dataDir, 'pg', 'postmaster.pid'), `${stranger.pid}\n${join(dataDir, 'pg')}\n`);
      if (pgUser) chownSync(join(dataDir, 'pg', 'postmaster.pid'), pgUser.uid, pgUser.gid);
      server = await serve(dataDir, { mode: 'production' });
      expect(await gemeenten(dataDir)).toEqual(['Aardam', 'Bergdorp']);
      expect(alive(stranger.pid!)).toBe(true); // never touch another process
    } finally {
      killGroup(strangerProc, 'SIGKILL');
    }
  });

  it('SIGINT to the whole group (Ctrl-C) stops app and PostgreSQL cleanly', { timeout: SLOW }, async () => {
    await stopCleanly(server, dataDir, 'SIGINT', 'group');
  });

  it('SIGTERM to the whole group stops app and PostgreSQL cleanly', { timeout: SLOW }, async () => {
    server = await serve(dataDir, { mode: 'production' });
    await stopCleanly(server, dataDir, 'SIGTERM', 'group');
  });

  it('a port in use: a clear message, and the embedded PostgreSQL is stopped again', {
    timeout: SLOW,
  }, async () => {
    const taken = createServer();
    await new Promise<void>((res) => taken.listen(0, '127.0.0.1', res));
    try {
      const address = taken.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const refused = run(['serve'], dataDir, { mode: 'production', port });
      const exit = await refused.exited;
      expect({ exit, output: refused.output() }).toEqual({
        exit: { code: 1, signal: null },
        output: `Kan niet luisteren op 127.0.0.1:${port} (de poort is al in gebruik). Kies een andere PORT of HOST.\n`,
      });
      expect(postmasterPid(dataDir)).toBeUndefined();
    } finally {
      await new Promise((res) => taken.close(res));
    }
  });
});

describe.skipIf(process.env.DATABASE_URL !== undefined || process.getuid?.() !== 0)(
  'embedded PostgreSQL as root',
  () => {
    it('explains a parent directory the postgres user cannot pass through', { timeout: SLOW }, async () => {
      const parent = mkdtempSync(join(tmpdir(), 'wederkerig-dicht-'));
      dataDirs.push(parent);
      const closed = join(parent, 'prive');
      mkdirSync(closed, { mode: 0o700 });
      const refused = run(['serve'], join(closed, 'data'));
      const exit = await refused.exited;
      expect(exit.code).toBe(1);
      expect(refused.output()).toContain(
        `De gebruiker postgres (PostgreSQL draait nooit als root) kan niet door`,
      );
      expect(refused.output()).toContain(closed);
    });
  },
);

function postgresUser(): User | undefined {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) return undefined;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

const nobody = ordinaryUser();

describe.skipIf(process.env.DATABASE_URL !== undefined || nobody === undefined)(
  'embedded PostgreSQL as an ordinary user (the tests run as root)',
  () => {
    it('starts, survives kill -9 of node and stops cleanly as `nobody`', { timeout: SLOW }, async () => {
      const parent = mkdtempSync(join(tmpdir(), 'wederkerig-gewoon-'));
      dataDirs.push(parent);
      chownSync(parent, nobody!.uid, nobody!.gid);
      const dataDir = join(parent, 'data');
      // Development mode: migrations without the demo (the demo load as root is covered above); a marker row is the
      // data that must survive.
      let server = await serve(dataDir, { mode: 'development', user: nobody! });
      await writeMarker(dataDir, 'als-nobody');
      const orphan = postmasterPid(dataDir)!;
      process.kill(server.pid, 'SIGKILL');
      await server.exited;
      expect(alive(orphan)).toBe(true);
      server = await serve(dataDir, { mode: 'production', user: nobody! });
      expect(alive(orphan)).toBe(false);
      expect(await markers(dataDir)).toEqual(['als-nobody']);
      await stopCleanly(server, dataDir, 'SIGTERM', 'node');
    });
  },
);
