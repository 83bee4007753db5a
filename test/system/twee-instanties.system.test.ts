import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vrijePoort } from '../../src/lib/vrije-poort.ts';
import { alsSuperuser, opdracht, ruimOp, type Server, serve } from './kindproces.ts';

/**
 * Scale-out (issue 20): two `wederkerig serve` instances on one PostgreSQL behind nginx on loopback, with the
 * repository's own nginx locations (deploy/nginx/wederkerig-locaties.conf). Sessions, the login throttle, jobs and
 * signals live in PostgreSQL, so any instance answers any request: a login on one is valid on the other, failed
 * logins count on both, a background job runs once, and /metrics is never passed through the proxy.
 *
 * Needs nginx (Debian's `nginx`; `.ci/run` installs it).
 */

const ROOT = resolve(import.meta.dirname, '../..');
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const KM = 'klantmanager.aardam@demo.wederkerig.nl';
const TL = 'teamleider@demo.wederkerig.nl';
const WACHTWOORD = 'Wederkerig-demo-2026';

const ouder = mkdtempSync(join(tmpdir(), 'wederkerig-twee-'));
// The embedded PostgreSQL runs as `postgres` when the tests run as root: it must pass through this directory.
chmodSync(ouder, 0o711);
const dataA = join(ouder, 'a');
const dataB = join(ouder, 'b');
const nginxDir = join(ouder, 'nginx');
let a: Server;
let b: Server;
let nginx: ChildProcess | undefined;
let nginxUit = '';
let proxy: string;

/** nginx in the foreground, as this user, with everything it writes under `nginxDir`. */
async function startNginx(poortA: number, poortB: number): Promise<string> {
  const poort = await vrijePoort();
  for (const d of ['temp', 'logs']) mkdirSync(join(nginxDir, d), { recursive: true });
  chmodSync(nginxDir, 0o755);
  const temp = join(nginxDir, 'temp');
  chmodSync(temp, 0o777);
  writeFileSync(
    join(nginxDir, 'nginx.conf'),
    `worker_processes 1;
pid ${join(nginxDir, 'nginx.pid')};
error_log stderr warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${temp}/body;
  proxy_temp_path ${temp}/proxy;
  fastcgi_temp_path ${temp}/fastcgi;
  uwsgi_temp_path ${temp}/uwsgi;
  scgi_temp_path ${temp}/scgi;
  upstream wederkerig {
    server 127.0.0.1:${poortA};
    server 127.0.0.1:${poortB};
    keepalive 8;
  }
  server {
    listen 127.0.0.1:${poort};
    include ${join(ROOT, 'deploy/nginx/wederkerig-locaties.conf')};
  }
}
`,
  );
  const conf = join(nginxDir, 'nginx.conf');
  const toets = spawnSync(NGINX, ['-t', '-p', nginxDir, '-c', conf], { encoding: 'utf8' });
  expect(toets.status, `nginx -t:\n${toets.stderr}`).toBe(0);
  nginx = spawn(NGINX, ['-p', nginxDir, '-c', conf, '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  nginx.stderr?.on('data', (d: Buffer) => {
    nginxUit += d.toString();
  });
  const url = `http://127.0.0.1:${poort}`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.status === 200) return url;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not answer:\n${nginxUit}`);
}

/** A browser's cookie jar, enough for one site. */
class Koekjes {
  private readonly jar = new Map<string, string>();
  neem(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [paar] = c.split(';');
      const i = paar?.indexOf('=') ?? -1;
      if (paar && i > 0) this.jar.set(paar.slice(0, i), paar.slice(i + 1));
    }
  }
  get header(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

async function haal(url: string, jar: Koekjes, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: { ...(init.headers as Record<string, string>), cookie: jar.header },
  });
  jar.neem(res);
  return res;
}

async function csrfVan(res: Response): Promise<string> {
  const m = /name="_csrf" value="([^"]+)"/.exec(await res.text());
  if (!m?.[1]) throw new Error('no CSRF token on the page');
  return m[1];
}

async function inloggen(email: string, wachtwoord: string, jar: Koekjes): Promise<Response> {
  const csrf = await csrfVan(await haal(`${proxy}/`, jar));
  return haal(`${proxy}/`, jar, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email, wachtwoord }).toString(),
  });
}

/** How many requests an instance answered for one route pattern, from its own /metrics (loopback only). */
async function verzoekenOp(server: Server, route: string, method = 'GET'): Promise<number> {
  const tekst = await (await fetch(`${server.url}/metrics`)).text();
  let n = 0;
  for (const regel of tekst.split('\n'))
    if (
      regel.startsWith('wederkerig_http_request_duration_seconds_count') &&
      regel.includes(`route="${route}"`) &&
      regel.includes(`method="${method}"`)
    )
      n += Number(regel.split(' ').at(-1));
  return n;
}

beforeAll(async () => {
  expect(existsSync(NGINX), `nginx not found at ${NGINX} (apt-get install nginx)`).toBe(true);
  // Instance A starts the embedded PostgreSQL and loads the demo; B uses A's database and A's secrets, as a second
  // server would use the shared database and the secrets from the vault.
  a = await serve(dataA, 'demo', { LOG_LEVEL: 'info', TRUSTED_PROXIES: '127.0.0.1' });
  const s = JSON.parse(readFileSync(join(dataA, 'embedded.json'), 'utf8')) as Record<string, string | number>;
  const db = (rol: string, pw: string | number | undefined) =>
    `postgres://${rol}:${encodeURIComponent(String(pw))}@127.0.0.1:${s.port}/wederkerig`;
  b = await serve(dataB, 'demo', {
    LOG_LEVEL: 'info',
    TRUSTED_PROXIES: '127.0.0.1',
    DATABASE_URL: db('wederkerig_app', s.appPassword),
    DATABASE_OWNER_URL: db('wederkerig_owner', s.ownerPassword),
    DATABASE_SYSTEM_URL: db('wederkerig_systeem', s.systeemPassword),
    SESSION_SECRET: String(s.sessionSecret),
    LOGBOEK_SIGNING_KEY: String(s.logboekSigningKey),
    BSN_ENCRYPTION_KEYS: String(s.bsnEncryptionKeys),
    BSN_HASH_KEY: String(s.bsnHashKey),
    TOTP_ENCRYPTION_KEYS: String(s.totpEncryptionKeys),
  });
  proxy = await startNginx(Number(new URL(a.url).port), Number(new URL(b.url).port));
});

afterAll(() => {
  nginx?.kill('SIGKILL');
  ruimOp([dataA]);
  rmSync(ouder, { recursive: true, force: true });
});

describe('two instances behind nginx share one PostgreSQL', () => {
  it('a login through the proxy is valid on both instances', async () => {
    const jar = new Koekjes();
    const login = await inloggen(KM, WACHTWOORD, jar);
    expect(login.status, await login.text()).toBe(303);
    const voorA = await verzoekenOp(a, '/klanten');
    const voorB = await verzoekenOp(b, '/klanten');
    for (let i = 0; i < 12; i++) {
      const res = await haal(`${proxy}/klanten`, jar);
      expect(res.status, `request ${i}: ${res.headers.get('location') ?? ''}`).toBe(200);
      expect(await res.text()).toContain('Uitloggen');
    }
    // Round robin: each instance answered some of them with the one session.
    expect(await verzoekenOp(a, '/klanten')).toBeGreaterThan(voorA);
    expect(await verzoekenOp(b, '/klanten')).toBeGreaterThan(voorB);
    // Logging out on one ends the session everywhere.
    const pagina = await haal(`${proxy}/klanten`, jar);
    const csrf = await csrfVan(pagina);
    await haal(`${proxy}/uitloggen`, jar, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf }).toString(),
    });
    for (let i = 0; i < 4; i++) expect((await haal(`${proxy}/klanten`, jar)).status).not.toBe(200);
  });

  it('failed logins on either instance count in one throttle', async () => {
    const [voor] = await alsSuperuser<{ n: string }>(
      dataA,
      `SELECT count(*) AS n FROM inlogpoging WHERE sleutel = 'account:' || encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
      [TL],
    );
    const postsA = await verzoekenOp(a, '/', 'POST');
    const postsB = await verzoekenOp(b, '/', 'POST');
    const statussen: number[] = [];
    for (let i = 0; i < 6; i++) {
      statussen.push((await inloggen(TL, 'niet-het-goede-wachtwoord', new Koekjes())).status);
      // A login is two requests (the form, the post): a third one makes the posts alternate between the instances
      // under round robin, instead of all landing on the same one.
      await fetch(`${proxy}/healthz`);
    }
    // Five wrong passwords are free per account (VERTRAGING in auth/regels.ts); the sixth must wait — although the
    // round robin sent only about half of the five to the instance that answers it.
    expect(statussen).toEqual([422, 422, 422, 422, 422, 429]);
    const [na] = await alsSuperuser<{ n: string }>(
      dataA,
      `SELECT count(*) AS n FROM inlogpoging WHERE sleutel = 'account:' || encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
      [TL],
    );
    expect(Number(na?.n) - Number(voor?.n), `${voor?.n} → ${na?.n}`).toBe(5);
    // Both instances took some of those attempts (the login form posts to /).
    expect(await verzoekenOp(a, '/', 'POST')).toBeGreaterThan(postsA);
    expect(await verzoekenOp(b, '/', 'POST')).toBeGreaterThan(postsB);
  });

  it('a background job runs once, on one of the instances', async () => {
    const t = await opdracht(['token', 'create', '--email', TL, '--naam', 'Schaaltest'], dataA, 'demo');
    expect(t.exit, t.output).toEqual({ code: 0, signal: null });
    const token = t.output.trim().split('\n').at(-1) ?? '';
    const api = (pad: string, init: RequestInit = {}) =>
      fetch(`${proxy}${pad}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      });
    const [g] = await alsSuperuser<{ id: string }>(
      dataA,
      `SELECT gemeente_id AS id FROM gemeente WHERE naam = 'Aardam'`,
    );
    // More than 500 clients: the cohort goes to the job queue (cohort.service.ts, `direktTot`).
    const [{ n } = { n: '0' }] = await alsSuperuser<{ n: string }>(
      dataA,
      'SELECT count(*) AS n FROM klant WHERE gemeente_id = $1',
      [g?.id],
    );
    const nodig = Math.max(0, 510 - Number(n));
    for (let start = 0; start < nodig; start += 10)
      await Promise.all(
        Array.from({ length: Math.min(10, nodig - start) }, (_, i) =>
          api('/api/v1/klanten', {
            method: 'POST',
            body: JSON.stringify({
              gemeenteId: g?.id,
              klantnummer: `S-${start + i}`,
              voornamen: 'Schaal',
              achternaam: `Test ${start + i}`,
              geboortedatum: '1980-01-01',
            }),
          }).then(async (r) => expect(r.status, await r.text()).toBe(201)),
        ),
      );
    const res = await api('/api/v1/cohort-toewijzingen', {
      method: 'POST',
      body: JSON.stringify({ gemeenteId: g?.id, selectie: {} }),
    });
    expect(res.status, await res.clone().text()).toBe(202);
    const run = (await res.json()) as { id: string };
    let status = 'wachtrij';
    for (let i = 0; i < 600 && status !== 'klaar' && status !== 'mislukt'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      status = ((await (await api(`/api/v1/cohort-toewijzingen/${run.id}`)).json()) as { status: string })
        .status;
    }
    expect(status).toBe('klaar');
    const keer = (uit: string) =>
      uit.split('\n').filter((r) => r.includes('cohort assignment done') && r.includes(run.id)).length;
    expect(keer(a.output()) + keer(b.output())).toBe(1);
    const jobs = await alsSuperuser<{ state: string }>(
      dataA,
      `SELECT state FROM pgboss.job WHERE data->>'runId' = $1`,
      [run.id],
    );
    expect(jobs.map((j) => j.state)).toEqual(['completed']);
  });

  it('the proxy never passes /metrics on; each instance still answers it on loopback', async () => {
    expect((await fetch(`${proxy}/metrics`)).status).toBe(404);
    expect((await fetch(`${a.url}/metrics`)).status).toBe(200);
    expect((await fetch(`${b.url}/metrics`)).status).toBe(200);
  });
});
