import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alsSuperuser, leeft, opdracht, postmasterPid, ruimOp, type Server, serve } from './kindproces.ts';

/**
 * Faults, with nothing lost (issue 20). The real app (`wederkerig serve`, a child process on its own embedded
 * PostgreSQL) takes writes through the API from several clients at once — new client files, each with its
 * access-log entry — and is killed mid-load: first node with SIGKILL, then, in a second run, the PostgreSQL
 * postmaster with SIGKILL. After each restart every write that was acknowledged with a 2xx is there, and
 * `wederkerig logboek verify` passes. Writes that got no answer may or may not be there; nothing else is judged.
 *
 * The system tier (`npm run test:system`, its own Vitest config): not part of `npm test`.
 */

const GELIJKTIJDIG = 8;
const stap = (m: string) => {
  if (process.env.DBG) process.stderr.write(`${new Date().toISOString()} ${m}\n`);
};
/** Acknowledged writes before the kill (the load keeps going while it is sent). */
const VOOR_DE_KILL = 40;

const ouder = mkdtempSync(join(tmpdir(), 'wederkerig-systeem-'));
// As root the server runs as the postgres user, who must pass through the parent (mkdtemp makes it 0700).
chmodSync(ouder, 0o711);
const dataDir = join(ouder, 'data');
let server: Server;
let token: string;
let gemeenteId: string;
/** Every client file whose creation was answered with a 2xx, over both runs. */
const bevestigd: string[] = [];

afterAll(() => {
  ruimOp([dataDir]);
  rmSync(ouder, { recursive: true, force: true });
});

beforeAll(async () => {
  server = await serve(dataDir, 'demo');
  const t = await opdracht(
    ['token', 'create', '--email', 'klantmanager.aardam@demo.wederkerig.nl', '--naam', 'Fouttest'],
    dataDir,
  );
  expect(t.exit, t.output).toEqual({ code: 0, signal: null });
  token = t.output.trim().split('\n').at(-1) ?? '';
  expect(token).toMatch(/^wkt_/);
  const [g] = await alsSuperuser<{ id: string }>(
    dataDir,
    `SELECT gemeente_id AS id FROM gemeente WHERE naam = 'Aardam'`,
  );
  gemeenteId = g!.id;
});

interface Belasting {
  bevestigd: string[];
  /** The last answer that was not a 2xx (to say why, when the load never reached the kill). */
  laatsteWeigering: string;
  /** Requests in flight when the kill was sent (proof that it came mid-load). */
  inVluchtBijKill: number;
  nietBevestigd: number;
}

/**
 * Writes new client files through the API from `GELIJKTIJDIG` clients at once until `kill` has been sent (once
 * `VOOR_DE_KILL` writes are acknowledged) and every request in flight has its answer or error.
 */
async function belastEnKill(url: string, run: string, kill: () => void): Promise<Belasting> {
  const uit: Belasting = { bevestigd: [], laatsteWeigering: '', inVluchtBijKill: -1, nietBevestigd: 0 };
  let inVlucht = 0;
  let gestopt = false;
  let volgnummer = 0;
  const schrijver = async (w: number) => {
    while (!gestopt) {
      const n = volgnummer++;
      inVlucht++;
      try {
        const res = await fetch(`${url}/api/v1/klanten`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            gemeenteId,
            klantnummer: `F-${run}-${w}-${n}`,
            voornamen: 'Fout',
            achternaam: `Test ${run} ${n}`,
            geboortedatum: '1980-01-01',
          }),
        });
        const body = await res.text();
        if (res.status >= 200 && res.status < 300)
          uit.bevestigd.push((JSON.parse(body) as { id: string }).id);
        else {
          uit.nietBevestigd++;
          uit.laatsteWeigering = `${res.status} ${body.slice(0, 300)}`;
        }
      } catch (e) {
        uit.nietBevestigd++;
        uit.laatsteWeigering = String(e);
      } finally {
        inVlucht--;
      }
      // Refused before the kill (a set-up fault, not the one under test): stop; the assertions say why.
      if (!gestopt && uit.nietBevestigd > 100) gestopt = true;
      if (!gestopt && uit.bevestigd.length >= VOOR_DE_KILL) {
        gestopt = true;
        uit.inVluchtBijKill = inVlucht;
        kill();
      }
    }
  };
  await Promise.all(Array.from({ length: GELIJKTIJDIG }, (_, w) => schrijver(w)));
  return uit;
}

/** Every acknowledged write is there (read as the superuser, past row-level security), and the log verifies. */
async function nietsKwijt(): Promise<void> {
  const rijen = await alsSuperuser<{ id: string }>(
    dataDir,
    'SELECT id FROM klant WHERE id = ANY($1::uuid[])',
    [bevestigd],
  );
  expect(new Set(rijen.map((r) => r.id))).toEqual(new Set(bevestigd));
  // Each acknowledged client's creation is in the access log too (the entry is written in its transaction).
  const gelogd = await alsSuperuser<{ id: string }>(
    dataDir,
    `SELECT DISTINCT subject_id AS id FROM logboek WHERE subject_type = 'klant' AND actie = 'aanmaken'
       AND subject_id = ANY($1::text[])`,
    [bevestigd],
  );
  expect(new Set(gelogd.map((r) => r.id))).toEqual(new Set(bevestigd));
  const verify = await opdracht(['logboek', 'verify'], dataDir, 'production');
  expect(verify.exit, verify.output).toEqual({ code: 0, signal: null });
}

describe('faults under load lose no acknowledged write', () => {
  it('SIGKILL of the app mid-load: after a restart every acknowledged write is there and the log verifies', async () => {
    const doel = server;
    const r = await belastEnKill(doel.url, 'app', () => process.kill(doel.pid, 'SIGKILL'));
    expect(await doel.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(r.bevestigd.length, r.laatsteWeigering).toBeGreaterThanOrEqual(VOOR_DE_KILL);
    expect(r.inVluchtBijKill).toBeGreaterThan(0);
    bevestigd.push(...r.bevestigd);
    // Development mode loads no demo data (what is there came from disk) and asks no second factor of the token's
    // user (production would: the demo accounts have none).
    server = await serve(dataDir, 'development');
    await nietsKwijt();
  });

  it('SIGKILL of the PostgreSQL postmaster mid-load: after a restart every acknowledged write is there and the log verifies', async () => {
    const doel = server;
    const pm = postmasterPid(dataDir);
    expect(pm).toBeDefined();
    stap('load pg');
    const r = await belastEnKill(doel.url, 'pg', () => process.kill(pm!, 'SIGKILL'));
    stap(`loaded ${JSON.stringify({ ...r, bevestigd: r.bevestigd.length })}`);
    expect(r.bevestigd.length, r.laatsteWeigering).toBeGreaterThanOrEqual(VOOR_DE_KILL);
    expect(r.inVluchtBijKill).toBeGreaterThan(0);
    bevestigd.push(...r.bevestigd);
    // The app without its embedded database stops by itself, in order and without a crash, with exit code 1 for a
    // supervisor (which would start it again, as the test does below).
    expect(await doel.exited).toEqual({ code: 1, signal: null });
    stap('app exited');
    expect(doel.output()).toContain('the embedded PostgreSQL stopped unexpectedly');
    expect(doel.output()).not.toMatch(/\n\s+at /);
    while (leeft(pm!)) await new Promise((r) => setTimeout(r, 50));
    stap('postmaster gone');
    server = await serve(dataDir, 'development');
    stap('restarted');
    await nietsKwijt();
  });
});
