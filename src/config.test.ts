import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const SECRET = 'x'.repeat(32);
const SIGNING_KEY = 'ab'.repeat(32);
const PRODUCTION_DB = {
  DATABASE_URL: 'postgres://wederkerig_app:pw@db.example/wederkerig',
  DATABASE_OWNER_URL: 'postgres://wederkerig_owner:pw@db.example/wederkerig',
  DATABASE_SYSTEM_URL: 'postgres://wederkerig_systeem:pw@db.example/wederkerig',
  SESSION_SECRET: SECRET,
  LOGBOEK_SIGNING_KEY: SIGNING_KEY,
  BSN_ENCRYPTION_KEYS: `v1:${'cd'.repeat(32)}`,
  BSN_HASH_KEY: 'ef'.repeat(32),
  TOTP_ENCRYPTION_KEYS: `v1:${'12'.repeat(32)}`,
};

/** The ConfigError message `loadConfig` throws for `env`, or undefined when it accepts it. */
function refusal(env: NodeJS.ProcessEnv): string | undefined {
  try {
    loadConfig(env);
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).message;
  }
}

describe('loadConfig', () => {
  it('has safe defaults: production mode on the loopback address, port 3000, ./data', () => {
    expect(loadConfig({})).toEqual({
      mode: 'production',
      host: '127.0.0.1',
      port: 3000,
      publicUrl: 'http://127.0.0.1:3000',
      dataDir: resolve('./data'),
      vernietigingsjournaal: resolve('./data/vernietigingsjournaal.jsonl'),
      databaseUrl: undefined,
      databaseOwnerUrl: undefined,
      databaseSystemUrl: undefined,
      sessionSecret: undefined,
      logboekSigningKey: undefined,
      mailFrom: 'Wederkerig <noreply@127.0.0.1>',
      logLevel: 'info',
      uren: { perDagdeel: 4, afwijkingProcent: 25 },
      incidentPatroon: { aantal: 2, dagen: 28 },
      database: {
        poolMax: 10,
        acquireTimeoutMs: 5_000,
        statementTimeoutMs: 30_000,
        idleInTransactionTimeoutMs: 60_000,
      },
      secureCookies: false,
      trustedProxies: [],
    });
  });

  it('believes X-Forwarded-For only from the listed proxies (addresses and CIDR ranges)', () => {
    expect(loadConfig({ TRUSTED_PROXIES: ' 127.0.0.1, 10.0.0.0/8 ,fd00::/8,::1' }).trustedProxies).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      'fd00::/8',
      '::1',
    ]);
    for (const fout of [
      '*',
      'proxy.example.nl',
      '10.0.0.0/33',
      '10.0.0/8',
      '::1/129',
      '10.0.0.1/8/1',
      'true',
    ])
      expect(refusal({ TRUSTED_PROXIES: fout }), fout).toContain('TRUSTED_PROXIES');
  });

  it.each([
    ['3.5', 3.5],
    ['3,5', 3.5],
    ['0.25', 0.25],
    ['8', 8],
  ])('takes UREN_PER_DAGDEEL=%j as %d hours', (waarde, uren) => {
    expect(loadConfig({ UREN_PER_DAGDEEL: waarde }).uren.perDagdeel).toBe(uren);
  });

  it.each(['0', '8.25', '3.3', 'vier', '-1', ''])('refuses UREN_PER_DAGDEEL=%j naming it', (waarde) => {
    expect(refusal({ UREN_PER_DAGDEEL: waarde })).toContain('UREN_PER_DAGDEEL');
  });

  it.each(['101', '-5', '12.5', 'x'])('refuses UREN_AFWIJKING_PROCENT=%j naming it', (waarde) => {
    expect(refusal({ UREN_AFWIJKING_PROCENT: waarde })).toContain('UREN_AFWIJKING_PROCENT');
  });

  it('takes the no-show pattern from INCIDENT_PATROON (default 2 within 28 days)', () => {
    expect(loadConfig({}).incidentPatroon).toEqual({ aantal: 2, dagen: 28 });
    expect(loadConfig({ INCIDENT_PATROON: '3/14' }).incidentPatroon).toEqual({ aantal: 3, dagen: 14 });
  });

  it.each(['0/28', '2/0', '2', '2/400', 'twee/28', '21/28'])(
    'refuses INCIDENT_PATROON=%j naming it',
    (waarde) => {
      expect(refusal({ INCIDENT_PATROON: waarde })).toContain('INCIDENT_PATROON');
    },
  );

  it('takes the pool size and the database time limits from DB_*', () => {
    expect(
      loadConfig({
        DB_POOL_MAX: '4',
        DB_ACQUIRE_TIMEOUT_MS: '2500',
        DB_STATEMENT_TIMEOUT_MS: '10000',
        DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '20000',
      }).database,
    ).toEqual({
      poolMax: 4,
      acquireTimeoutMs: 2_500,
      statementTimeoutMs: 10_000,
      idleInTransactionTimeoutMs: 20_000,
    });
  });

  it.each([
    ['DB_POOL_MAX', '0'],
    ['DB_POOL_MAX', 'tien'],
    ['DB_ACQUIRE_TIMEOUT_MS', '5s'],
    ['DB_STATEMENT_TIMEOUT_MS', '-1'],
    ['DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', '1e5'],
  ])('refuses %s=%j with a message naming it', (naam, waarde) => {
    expect(refusal({ [naam]: waarde })).toContain(naam);
  });

  it.each(['demo', 'development', 'production'] as const)(
    'takes the mode %s from WEDERKERIG_MODE',
    (mode) => {
      expect(loadConfig({ WEDERKERIG_MODE: mode }).mode).toBe(mode);
    },
  );

  it('takes the mode from WEDERKERIG_MODE only, never from NODE_ENV', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).mode).toBe('production');
    expect(refusal({ WEDERKERIG_MODE: 'test' })).toContain('WEDERKERIG_MODE');
  });

  it.each(['abc', '-1', '65536', '3000.5', '80x', '', ' 80', '0x50', '1e3'])(
    'refuses PORT=%j with a message naming PORT',
    (port) => {
      expect(refusal({ PORT: port })).toBe(
        'Invalid configuration:\n  PORT: must be a whole number from 0 to 65535',
      );
    },
  );

  it('accepts any port number 0–65535 as the number it is, leading zeros included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65535 }), fc.nat({ max: 3 }), (port, zeros) => {
        expect(loadConfig({ PORT: `${'0'.repeat(zeros)}${port}` }).port).toBe(port);
      }),
    );
  });

  it('refuses every PORT that is not just digits', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/^[0-9]+$/.test(s)),
        (port) => {
          expect(refusal({ PORT: port })).toContain('PORT');
        },
      ),
    );
  });

  it('refuses every number above 65535', () => {
    fc.assert(
      fc.property(fc.integer({ min: 65536, max: 99999 }), (port) => {
        expect(refusal({ PORT: String(port) })).toContain('PORT');
      }),
    );
  });

  it('lists every invalid variable at once', () => {
    const message = refusal({ PORT: 'x', WEDERKERIG_MODE: 'x', LOG_LEVEL: 'x', PUBLIC_URL: 'x' });
    for (const name of ['PORT', 'WEDERKERIG_MODE', 'LOG_LEVEL', 'PUBLIC_URL'])
      expect(message).toContain(name);
  });

  it('refuses a short SESSION_SECRET and a malformed LOGBOEK_SIGNING_KEY in any mode', () => {
    expect(refusal({ WEDERKERIG_MODE: 'demo', SESSION_SECRET: 'kort' })).toContain('SESSION_SECRET');
    expect(refusal({ WEDERKERIG_MODE: 'demo', LOGBOEK_SIGNING_KEY: 'zz'.repeat(32) })).toContain(
      'LOGBOEK_SIGNING_KEY',
    );
  });

  it('refuses malformed BSN keys in any mode, without echoing them', () => {
    for (const keys of ['v1:abc', `V1:${'cd'.repeat(32)}`, `v1:${'cd'.repeat(32)};v2:${'ab'.repeat(32)}`]) {
      const message = refusal({ WEDERKERIG_MODE: 'demo', BSN_ENCRYPTION_KEYS: keys });
      expect(message).toContain('BSN_ENCRYPTION_KEYS');
      expect(message).not.toContain('cd'.repeat(32));
    }
    expect(refusal({ WEDERKERIG_MODE: 'demo', BSN_HASH_KEY: 'kort' })).toContain('BSN_HASH_KEY');
    expect(
      loadConfig({ BSN_ENCRYPTION_KEYS: `v1:${'cd'.repeat(32)},v2:${'ab'.repeat(32)}` }).bsnEncryptionKeys,
    ).toBe(`v1:${'cd'.repeat(32)},v2:${'ab'.repeat(32)}`);
  });

  it('accepts production with an external database and all its secrets', () => {
    const config = loadConfig(PRODUCTION_DB);
    expect(config.databaseUrl).toBe(PRODUCTION_DB.DATABASE_URL);
    expect(config.databaseOwnerUrl).toBe(PRODUCTION_DB.DATABASE_OWNER_URL);
    expect(config.databaseSystemUrl).toBe(PRODUCTION_DB.DATABASE_SYSTEM_URL);
  });

  it.each([
    'SESSION_SECRET',
    'LOGBOEK_SIGNING_KEY',
    'BSN_ENCRYPTION_KEYS',
    'BSN_HASH_KEY',
    'TOTP_ENCRYPTION_KEYS',
    'DATABASE_OWNER_URL',
    'DATABASE_SYSTEM_URL',
  ] as const)('refuses production with DATABASE_URL but without %s', (missing) => {
    const env: NodeJS.ProcessEnv = { ...PRODUCTION_DB };
    delete env[missing];
    expect(refusal(env)).toBe(
      `Production with DATABASE_URL needs ${missing} (no insecure defaults in production).`,
    );
  });

  it('names every missing production secret at once', () => {
    expect(refusal({ DATABASE_URL: PRODUCTION_DB.DATABASE_URL })).toBe(
      'Production with DATABASE_URL needs SESSION_SECRET, LOGBOEK_SIGNING_KEY, BSN_ENCRYPTION_KEYS, BSN_HASH_KEY, TOTP_ENCRYPTION_KEYS, DATABASE_OWNER_URL, DATABASE_SYSTEM_URL (no insecure defaults in production).',
    );
  });

  it('refuses malformed TOTP keys in any mode, without echoing them', () => {
    for (const keys of ['v1:abc', `v1:${'cd'.repeat(32)},v1`]) {
      const message = refusal({ WEDERKERIG_MODE: 'development', TOTP_ENCRYPTION_KEYS: keys });
      expect(message).toContain('TOTP_ENCRYPTION_KEYS');
      expect(message).not.toContain('cd'.repeat(32));
    }
  });

  it('lets demo and development use DATABASE_URL alone (the owner connection defaults to it)', () => {
    for (const mode of ['demo', 'development'] as const) {
      const config = loadConfig({ WEDERKERIG_MODE: mode, DATABASE_URL: PRODUCTION_DB.DATABASE_URL });
      expect(config.databaseOwnerUrl).toBe(PRODUCTION_DB.DATABASE_URL);
    }
  });

  it('lets production without DATABASE_URL use the embedded server’s generated secrets', () => {
    expect(loadConfig({ WEDERKERIG_MODE: 'production' }).sessionSecret).toBeUndefined();
  });

  it('makes cookies Secure exactly when PUBLIC_URL is https', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://wederkerig.example.nl' })).toMatchObject({
      publicUrl: 'https://wederkerig.example.nl',
      secureCookies: true,
    });
    expect(
      loadConfig({ WEDERKERIG_MODE: 'development', PUBLIC_URL: 'http://wederkerig.example.nl' })
        .secureCookies,
    ).toBe(false);
    expect(loadConfig({}).secureCookies).toBe(false);
  });

  it('derives the public URL from HOST and PORT, with the loopback address for 0.0.0.0', () => {
    expect(loadConfig({ HOST: '10.0.0.5', PORT: '8080' }).publicUrl).toBe('http://10.0.0.5:8080');
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }).publicUrl).toBe('http://127.0.0.1:8080');
  });

  it('refuses an http:// PUBLIC_URL in production unless a lab allows it, and any other scheme everywhere', () => {
    expect(refusal({ PUBLIC_URL: 'http://wederkerig.gemeente.example' })).toContain(
      'PUBLIC_URL moet in productie met https:// beginnen',
    );
    expect(refusal({ PUBLIC_URL: 'HTTP://wederkerig.gemeente.example' })).toContain(
      'ALLOW_HTTP_PUBLIC_URL=true',
    );
    expect(loadConfig({ PUBLIC_URL: 'http://lab.example', ALLOW_HTTP_PUBLIC_URL: 'true' }).publicUrl).toBe(
      'http://lab.example',
    );
    expect(refusal({ PUBLIC_URL: 'http://lab.example', ALLOW_HTTP_PUBLIC_URL: 'false' })).toContain(
      'PUBLIC_URL',
    );
    expect(refusal({ PUBLIC_URL: 'https://wederkerig.gemeente.example' })).toBeUndefined();
    for (const mode of ['demo', 'development'])
      expect(refusal({ WEDERKERIG_MODE: mode, PUBLIC_URL: 'http://localhost:3000' })).toBeUndefined();
    for (const mode of ['production', 'demo', 'development'])
      for (const url of ['ftp://wederkerig.example', 'file:///etc/passwd', 'javascript:alert(1)'])
        expect(refusal({ WEDERKERIG_MODE: mode, PUBLIC_URL: url }), `${mode} ${url}`).toContain('PUBLIC_URL');
    expect(refusal({ ALLOW_HTTP_PUBLIC_URL: 'ja' })).toContain('ALLOW_HTTP_PUBLIC_URL');
  });

  it('makes DATA_DIR absolute', () => {
    expect(loadConfig({ DATA_DIR: 'elders/data' }).dataDir).toBe(resolve('elders/data'));
  });
});

describe('SSO configuration (OIDC_*)', () => {
  const SSO = {
    WEDERKERIG_MODE: 'production',
    OIDC_ISSUER_URL: 'https://login.gemeente.example/realms/medewerkers',
    OIDC_CLIENT_ID: 'wederkerig',
    OIDC_CLIENT_SECRET: 'geheim',
    OIDC_ROL_MAP:
      'wk-teamleider:teamleider, wk-klantmanager:klantmanager,urn:rol:beheer:functioneel-beheerder',
    OIDC_ACR_VALUES: 'urn:mfa',
    PUBLIC_URL: 'https://wederkerig.gemeente.example/',
  };

  it('is off without OIDC_* variables', () => {
    expect(loadConfig({}).sso).toBeUndefined();
  });

  it('parses the mapping in order (values may contain colons) and fills in the defaults', () => {
    expect(loadConfig(SSO).sso).toEqual({
      issuerUrl: SSO.OIDC_ISSUER_URL,
      clientId: 'wederkerig',
      clientSecret: 'geheim',
      redirectUrl: 'https://wederkerig.gemeente.example/inloggen/sso/terug',
      scopes: 'openid email profile',
      rolClaim: 'groups',
      rolMap: [
        ['wk-teamleider', 'teamleider'],
        ['wk-klantmanager', 'klantmanager'],
        ['urn:rol:beheer', 'functioneel-beheerder'],
      ],
      teamClaim: undefined,
      gemeenteClaim: undefined,
      acrValues: ['urn:mfa'],
      amrValues: [],
    });
  });

  it.each([
    [{ OIDC_CLIENT_SECRET: undefined }, 'OIDC_CLIENT_SECRET'],
    [{ OIDC_ROL_MAP: 'wk-baas:directeur' }, 'OIDC_ROL_MAP'],
    [{ OIDC_ROL_MAP: 'klantmanager' }, 'OIDC_ROL_MAP'],
    [{ OIDC_ISSUER_URL: 'http://login.gemeente.example' }, 'https'],
    [{ OIDC_ACR_VALUES: undefined }, 'OIDC_ACR_VALUES or OIDC_AMR_VALUES'],
    [{ OIDC_SCOPES: 'email profile' }, 'openid'],
    [{ OIDC_REDIRECT_URL: 'https://wederkerig.gemeente.example/terug' }, '/inloggen/sso/terug'],
  ])('refuses %j', (wijziging, melding) => {
    expect(refusal({ ...SSO, ...wijziging })).toContain(melding);
  });

  it('accepts an http issuer and no MFA values outside production (development, tests)', () => {
    const sso = loadConfig({
      ...SSO,
      WEDERKERIG_MODE: 'development',
      OIDC_ISSUER_URL: 'http://127.0.0.1:4000',
      OIDC_ACR_VALUES: undefined,
    }).sso;
    expect(sso).toMatchObject({ issuerUrl: 'http://127.0.0.1:4000', acrValues: [], amrValues: [] });
  });
});
