import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  TEST_BSN_ENCRYPTION_KEYS,
  TEST_BSN_HASH_KEY,
  TEST_LOGBOEK_KEY,
  TEST_SESSION_SECRET,
  TEST_TOTP_ENCRYPTION_KEYS,
  type TestApp,
} from '../../../test/app.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { runCli } from '../../cli.ts';
import { systeem, withContext } from '../../db/context.ts';
import { runTokenCli } from './auth.cli.ts';
import { type AuthService, createAuthService } from './auth.service.ts';

let t: TestApp;
let auth: AuthService;
beforeAll(async () => {
  t = await createTestApp();
  auth = createAuthService({ db: t.db.app, config: t.config });
});

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runTokenCli(
    args,
    auth,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err: err.join('\n') };
}

describe('wederkerig token create', () => {
  it('prints a working token as the last line, without echoing the e-mail address', async () => {
    const gemeente = await insertGemeente(t.db.app);
    const g = await insertGebruiker(t.db.app, {
      dienstId: gemeente.dienstId,
      gemeenten: [gemeente.gemeenteId],
    });
    const r = await cli('create', '--email', g.email.toUpperCase(), '--naam', 'Koppeling');
    expect(r.code).toBe(0);
    const token = r.out.at(-1) ?? '';
    expect(token).toMatch(/^wkt_[A-Za-z0-9_-]{43}$/);
    expect(r.out.join('\n')).not.toContain(g.email);
    const res = await t.app.inject({
      url: '/api/v1/gemeenten',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([{ id: gemeente.gemeenteId, naam: gemeente.naam, code: gemeente.code }]);
    expect((await auth.findApiTokens(actorVan(g))).map((x) => x.naam)).toEqual(['Koppeling']);
  });

  it('names the token after the command line and the date when no name is given', async () => {
    const g = await insertGebruiker(t.db.app);
    expect((await cli('create', '--email', g.email)).code).toBe(0);
    const [token] = await auth.findApiTokens(actorVan(g));
    expect(token?.naam).toMatch(/^Opdrachtregel \d{4}-\d{2}-\d{2}$/);
  });

  it.each([
    [['create'], 'Geef --email op'],
    [
      ['create', '--email', 'niemand@test.wederkerig.nl'],
      'Er is geen actieve gebruiker met dit e-mailadres.',
    ],
    [['create', '--email'], 'Onbekende of onvolledige optie'],
    [['create', '--mail', 'x@y.nl'], 'Onbekende of onvolledige optie'],
    [['maak'], 'token create --email E'],
  ])('refuses %j with exit code 2 and a Dutch message', async (args, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toContain(message);
  });

  it("rejects a switched-off user's address", async () => {
    const g = await insertGebruiker(t.db.app, { isActief: false });
    expect((await cli('create', '--email', g.email)).code).toBe(2);
  });
});

/** What production mode needs besides the databases (the test values). */
const GEHEIMEN = {
  SESSION_SECRET: TEST_SESSION_SECRET,
  LOGBOEK_SIGNING_KEY: TEST_LOGBOEK_KEY,
  BSN_ENCRYPTION_KEYS: TEST_BSN_ENCRYPTION_KEYS,
  BSN_HASH_KEY: TEST_BSN_HASH_KEY,
  TOTP_ENCRYPTION_KEYS: TEST_TOTP_ENCRYPTION_KEYS,
};

describe('the wederkerig command', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const k of [
      'DATABASE_URL',
      'DATABASE_OWNER_URL',
      'DATABASE_SYSTEM_URL',
      'WEDERKERIG_MODE',
      'LOG_LEVEL',
      ...Object.keys(GEHEIMEN),
    ]) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  it('refuses to load the demo (accounts with a published password) in production mode', async () => {
    process.env.DATABASE_URL = t.db.appUrl;
    process.env.DATABASE_OWNER_URL = t.db.ownerUrl;
    process.env.DATABASE_SYSTEM_URL = t.db.systeemUrl;
    process.env.WEDERKERIG_MODE = 'production';
    Object.assign(process.env, GEHEIMEN);
    const err: string[] = [];
    const code = await runCli(
      ['demo'],
      () => {},
      (l) => err.push(l),
    );
    expect(code).toBe(1);
    expect(err.join('\n')).toContain('niet in productie');
    const gebruikers = await withContext(t.db.app, systeem('test:demo-geweigerd'), (tx) =>
      tx.selectFrom('gebruiker').select('email').execute(),
    );
    expect(gebruikers.length).toBeGreaterThan(0);
    expect(gebruikers.filter((g) => g.email.endsWith('@demo.wederkerig.nl'))).toEqual([]);
  });

  it('runs token create against the configured database', async () => {
    const g = await insertGebruiker(t.db.app);
    process.env.DATABASE_URL = t.db.appUrl;
    process.env.DATABASE_OWNER_URL = t.db.ownerUrl;
    process.env.DATABASE_SYSTEM_URL = t.db.systeemUrl;
    process.env.WEDERKERIG_MODE = 'development';
    const out: string[] = [];
    const code = await runCli(
      ['token', 'create', '--email', g.email],
      (l) => out.push(l),
      () => {},
    );
    expect(code).toBe(0);
    const res = await t.app.inject({
      url: '/api/v1/gemeenten',
      headers: { authorization: `Bearer ${out.at(-1)}` },
    });
    expect(res.statusCode).toBe(200);
  });
});
