import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';

/**
 * The real `wederkerig` command as child processes on an embedded PostgreSQL of its own (a fresh data dir), for the
 * system tier. Each child runs in its own process group, so the test can kill node alone, the postmaster alone, or
 * everything it started.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/wederkerig.js');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Proc {
  child: ChildProcess;
  pid: number;
  output: () => string;
  exited: Promise<Exit>;
}

export interface Server extends Proc {
  url: string;
}

const gestart: Proc[] = [];

function omgeving(dataDir: string, mode: string, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    WEDERKERIG_MODE: mode,
    LOG_LEVEL: 'warn',
  };
  // The child uses its own embedded PostgreSQL and its own generated secrets, whatever this run was given.
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
    'TRUSTED_PROXIES',
  ])
    delete env[key];
  return { ...env, ...extra };
}

/**
 * Runs `wederkerig <args>` in its own process group. `extra` is set after the run's own database and secrets were
 * removed: a second instance gets the first one's database and secrets that way.
 */
export function wederkerig(
  args: string[],
  dataDir: string,
  mode = 'demo',
  extra: NodeJS.ProcessEnv = {},
): Proc {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: omgeving(dataDir, mode, extra),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
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
  gestart.push(proc);
  return proc;
}

/** Starts `wederkerig serve` and waits for the line with its address. */
export async function serve(dataDir: string, mode = 'demo', extra: NodeJS.ProcessEnv = {}): Promise<Server> {
  const proc = wederkerig(['serve'], dataDir, mode, extra);
  const url = await new Promise<string>((res, rej) => {
    const kijk = () => {
      const m = /Wederkerig draait op (http:\/\/\S+)/.exec(proc.output());
      if (m?.[1]) res(m[1]);
    };
    proc.child.stdout?.on('data', kijk);
    void proc.exited.then((e) =>
      rej(new Error(`serve exited (${e.code ?? e.signal}) before listening:\n${proc.output()}`)),
    );
  });
  return { ...proc, url };
}

/** Runs a CLI command to its end: exit code and output. */
export async function opdracht(args: string[], dataDir: string, mode = 'demo') {
  const p = wederkerig(args, dataDir, mode);
  const exit = await p.exited;
  return { exit, output: p.output() };
}

export function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Alive and not a zombie. */
export function leeft(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** Runs SQL as the embedded superuser (bypasses row-level security). */
export async function alsSuperuser<R extends pg.QueryResultRow>(
  dataDir: string,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const s = JSON.parse(readFileSync(join(dataDir, 'embedded.json'), 'utf8')) as {
    port: number;
    superuserPassword: string;
  };
  const client = new pg.Client({
    host: '127.0.0.1',
    port: s.port,
    user: 'postgres',
    password: s.superuserPassword,
    database: 'wederkerig',
  });
  client.on('error', () => {});
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Kills every process group this file started and any postmaster of `dataDirs` left behind. */
export function ruimOp(dataDirs: readonly string[]): void {
  for (const p of gestart)
    if (p.child.exitCode === null && p.child.signalCode === null)
      try {
        process.kill(-p.pid, 'SIGKILL');
      } catch {
        // already gone
      }
  for (const dir of dataDirs) {
    const pm = postmasterPid(dir);
    if (pm !== undefined && leeft(pm) && readFileSync(`/proc/${pm}/cmdline`, 'utf8').includes(dir))
      process.kill(pm, 'SIGKILL');
  }
}
