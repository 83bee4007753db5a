import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ROLLEN, type Rol } from './db/context.ts';
import type { VerbindingLimieten } from './db/database.ts';
import { SLEUTELRING_VORM } from './lib/sleutelring.ts';

function lijst(waarde: string | undefined): string[] {
  return (waarde ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** An IPv4/IPv6 address, or one with a prefix length (`10.0.0.0/8`, `fd00::/8`). */
function isAdresOfBereik(v: string): boolean {
  const [adres = '', prefix, ...rest] = v.split('/');
  const soort = isIP(adres);
  if (soort === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^[0-9]{1,3}$/.test(prefix) && Number(prefix) <= (soort === 4 ? 32 : 128);
}

/** A whole number from `min` to `max`, digits only. */
const millis = (min: number, max: number) =>
  z
    .string()
    .regex(/^[0-9]+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min).max(max));

/**
 * The whole configuration, parsed once from the environment. Every variable is documented here and in the
 * README. Production mode refuses to start with an insecure default.
 */
const Env = z.object({
  /** `production` (default, `npm start`), `demo` (`npm run demo`) or `development` (`npm run dev`). */
  WEDERKERIG_MODE: z.enum(['production', 'demo', 'development']).default('production'),
  /** Address the web server listens on. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Port the web server listens on (0: the system picks a free one). Digits only: no `0x50`, `1e3` or blanks. */
  PORT: z
    .string()
    .regex(/^[0-9]+$/, 'must be a whole number from 0 to 65535')
    .transform(Number)
    .pipe(z.number().max(65535, 'must be a whole number from 0 to 65535'))
    .default(3000),
  /** Public base URL (used for links in e-mails and invitations; https makes cookies Secure). */
  PUBLIC_URL: z
    .url()
    .refine((v) => /^https?:\/\//i.test(v), 'must be an https:// (or, outside production, http://) URL')
    .optional(),
  /**
   * Lab set-ups only: `true` lets production run with an `http://` PUBLIC_URL (cookies and passwords then cross the
   * network unencrypted). Unset: production refuses it.
   */
  ALLOW_HTTP_PUBLIC_URL: z.enum(['true', 'false']).optional(),
  /** Folder for the embedded PostgreSQL and other local data. */
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * The destruction journal (a file): every approved destruction list, outside the database and its backups, so
   * that a restore destroys those files again. Keep it where the backups are, not on the database's disk.
   * Default: DATA_DIR/vernietigingsjournaal.jsonl.
   */
  DESTRUCTION_JOURNAL: z.string().min(1).optional(),
  /** Application role connection (non-owner, subject to row-level security). Unset: embedded PostgreSQL. */
  DATABASE_URL: z.string().min(1).optional(),
  /** Owner role connection for migrations and maintenance. Defaults to DATABASE_URL when unset. */
  DATABASE_OWNER_URL: z.string().min(1).optional(),
  /**
   * System role connection (`wederkerig_systeem`): the system context (login, sessions, jobs). Defaults to
   * DATABASE_OWNER_URL when unset; required in production with DATABASE_URL.
   */
  DATABASE_SYSTEM_URL: z.string().min(1).optional(),
  /** Secret for signing cookies; at least 32 characters in production. Embedded default: generated and stored. */
  SESSION_SECRET: z.string().min(32).optional(),
  /** Key (64 hex characters) for signing closed partitions of the access log. Embedded default: generated and stored. */
  LOGBOEK_SIGNING_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i)
    .optional(),
  /**
   * Keys that encrypt the BSN at rest (AES-256-GCM): `v1:<64 hex>[,v2:<64 hex>…]`. The last one encrypts, every
   * one decrypts what it encrypted (rotation: docs/bsn.md). Embedded default: generated and stored.
   */
  BSN_ENCRYPTION_KEYS: z
    .string()
    .regex(/^[a-z0-9]{1,16}:[0-9a-fA-F]{64}(,[a-z0-9]{1,16}:[0-9a-fA-F]{64})*$/)
    .optional(),
  /** Key (64 hex characters) of the keyed hash that finds a client by exact BSN. Embedded default: generated and stored. */
  BSN_HASH_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i)
    .optional(),
  /**
   * Keys that encrypt the staff's TOTP secrets at rest (AES-256-GCM): `v1:<64 hex>[,v2:<64 hex>…]`, the last one
   * encrypts (same format and rotation as BSN_ENCRYPTION_KEYS). Embedded default: generated and stored.
   */
  TOTP_ENCRYPTION_KEYS: z.string().regex(SLEUTELRING_VORM).optional(),
  /**
   * Outgoing mail (password-reset links): `smtp://user:pass@host:587` or `smtps://…:465`. Unset: messages are only
   * written to the log, without their link (development mode shows the link); in production mode the
   * "Wachtwoord vergeten" function is then switched off.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** Sender of outgoing mail. Default: `Wederkerig <noreply@<host of PUBLIC_URL>>`. */
  MAIL_FROM: z.string().min(3).max(200).optional(),
  /**
   * SSO for staff with OpenID Connect (authorization code + PKCE). Set the issuer, client id and secret and the
   * role mapping to turn it on; local accounts stay available. See docs/auth.md.
   */
  /** The identity provider's issuer URL (its discovery document is at `/.well-known/openid-configuration`). */
  OIDC_ISSUER_URL: z.url().optional(),
  /** The client id Wederkerig is registered under at the identity provider. */
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** The client secret (sent in the token request body, `client_secret_post`, or as HTTP Basic). */
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Where the identity provider sends the browser back. Default: `<PUBLIC_URL>/inloggen/sso/terug`. */
  OIDC_REDIRECT_URL: z.url().optional(),
  /** Scopes to ask for. Default: `openid email profile`. */
  OIDC_SCOPES: z.string().min(6).optional(),
  /** The claim with the user's groups or roles (a string or a list of strings). Default: `groups`. */
  OIDC_ROL_CLAIM: z.string().min(1).optional(),
  /**
   * Claim values to Wederkerig roles, `value:role[,value:role…]`, e.g. `wk-klantmanager:klantmanager`. The first
   * pair (in this order) whose value the user has decides the role; a user with none cannot sign in with SSO.
   */
  OIDC_ROL_MAP: z.string().min(3).optional(),
  /** Optional: a claim whose values are team names; the user's teams are then set from it at every SSO login. */
  OIDC_TEAM_CLAIM: z.string().min(1).optional(),
  /** Optional: a claim whose values are municipality codes (GM0363) or names; sets the user's municipalities. */
  OIDC_GEMEENTE_CLAIM: z.string().min(1).optional(),
  /** Accepted `acr` values (comma-separated): the identity provider's proof of multi-factor authentication. */
  OIDC_ACR_VALUES: z.string().min(1).optional(),
  /** Accepted `amr` values (comma-separated, e.g. `mfa,otp,hwk`): one of them must be in the token's `amr`. */
  OIDC_AMR_VALUES: z.string().min(1).optional(),
  /**
   * The most hours one agreed day part (morning, afternoon, evening) holds: a week's registered hours must fit
   * the agreed day parts × this (docs/uitvoering.md). Quarter hours, 0.25 to 8.
   */
  UREN_PER_DAGDEEL: z
    .string()
    .regex(/^[0-9]+([.,](0|00|25|5|50|75))?$/, 'must be hours in quarters, for example 4 or 3.5')
    .transform((v) => Number(v.replace(',', '.')))
    .pipe(z.number().min(0.25, 'must be at least 0.25').max(8, 'must be at most 8'))
    .default(4),
  /**
   * How far (percent of the agreed hours per week) a week's registered hours may differ before the daily job
   * raises the signal `uren-wijken-af`. Whole percent, 0 to 100.
   */
  UREN_AFWIJKING_PROCENT: z
    .string()
    .regex(/^[0-9]+$/, 'must be a whole percentage from 0 to 100')
    .transform(Number)
    .pipe(z.number().max(100, 'must be a whole percentage from 0 to 100'))
    .default(25),
  /**
   * Issue 15: the pattern of no-shows on a placement under an imposed decision that raises the signal
   * `incident-patroon`, as `AANTAL/DAGEN` (count within days, the last day included). A signal never starts a measure.
   */
  INCIDENT_PATROON: z
    .string()
    .regex(/^[0-9]{1,2}\/[0-9]{1,3}$/, 'must be COUNT/DAYS, for example 2/28')
    .transform((v) => {
      const [aantal, dagen] = v.split('/').map(Number) as [number, number];
      return { aantal, dagen };
    })
    .refine((p) => p.aantal >= 1 && p.aantal <= 20, 'the count must be 1 to 20')
    .refine((p) => p.dagen >= 1 && p.dagen <= 366, 'the days must be 1 to 366')
    .default({ aantal: 2, dagen: 28 }),
  /** Connections of the app pool (application role). */
  DB_POOL_MAX: millis(1, 1000).default(10),
  /** How long a request waits for a free connection (ms) before it is answered with 503 and `Retry-After`. */
  DB_ACQUIRE_TIMEOUT_MS: millis(100, 600_000).default(5_000),
  /** PostgreSQL `statement_timeout` of the app's connections (ms): a runaway query is cancelled. */
  DB_STATEMENT_TIMEOUT_MS: millis(100, 3_600_000).default(30_000),
  /** PostgreSQL `idle_in_transaction_session_timeout` of the app's connections (ms): a stuck transaction ends. */
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: millis(100, 3_600_000).default(60_000),
  /**
   * The reverse proxies whose `X-Forwarded-For` is believed (comma-separated IP addresses or CIDR ranges, e.g.
   * `127.0.0.1,10.0.0.0/8`). Unset: none — the client address is the socket's, a forwarded header is ignored. Only
   * with the proxy listed does the login slow-down see each office worker's own address.
   */
  TRUSTED_PROXIES: z
    .string()
    .refine(
      (v) => lijst(v).every(isAdresOfBereik),
      'must be IP addresses or CIDR ranges (e.g. 127.0.0.1,10.0.0.0/8), comma-separated',
    )
    .optional(),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Mode = z.infer<typeof Env>['WEDERKERIG_MODE'];

/** SSO with OpenID Connect, when configured. */
export interface SsoConfig {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  scopes: string;
  rolClaim: string;
  /** Claim value → role, in priority order. */
  rolMap: ReadonlyArray<readonly [string, Rol]>;
  teamClaim: string | undefined;
  gemeenteClaim: string | undefined;
  /** Accepted `acr` values; empty: not checked. */
  acrValues: readonly string[];
  /** Accepted `amr` values (one must be present); empty: not checked. */
  amrValues: readonly string[];
}

export interface Config {
  mode: Mode;
  host: string;
  port: number;
  publicUrl: string;
  /** Absolute path of the data folder. */
  dataDir: string;
  /** Absolute path of the destruction journal (DESTRUCTION_JOURNAL). */
  vernietigingsjournaal: string;
  databaseUrl: string | undefined;
  databaseOwnerUrl: string | undefined;
  /** The system role's connection; undefined: the owner's. */
  databaseSystemUrl: string | undefined;
  sessionSecret: string | undefined;
  logboekSigningKey: string | undefined;
  bsnEncryptionKeys: string | undefined;
  bsnHashKey: string | undefined;
  totpEncryptionKeys: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** SSO for staff (OpenID Connect); undefined when not configured. */
  sso: SsoConfig | undefined;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  /** Hours: the most one day part holds, and the signal's margin (percent) around the agreed hours per week. */
  uren: { perDagdeel: number; afwijkingProcent: number };
  /** The no-show pattern that raises `incident-patroon` (issue 15). */
  incidentPatroon: { aantal: number; dagen: number };
  /** The app pool's size and the time limits on its connections (docs/operations.md). */
  database: { poolMax: number } & VerbindingLimieten;
  /** Cookies carry `Secure` when the public URL is https. */
  secureCookies: boolean;
  /** Reverse proxies whose `X-Forwarded-For` is believed (addresses or CIDR ranges); empty: none. */
  trustedProxies: readonly string[];
}

export class ConfigError extends Error {}

/** The SSO settings, or undefined when no OIDC_* variable is set. Refuses a half or unsafe configuration. */
function ssoConfig(e: z.infer<typeof Env>, publicUrl: string): SsoConfig | undefined {
  const gezet = Object.entries(e).some(([k, v]) => k.startsWith('OIDC_') && v !== undefined);
  if (!gezet) return undefined;
  const ontbreekt = (
    [
      ['OIDC_ISSUER_URL', e.OIDC_ISSUER_URL],
      ['OIDC_CLIENT_ID', e.OIDC_CLIENT_ID],
      ['OIDC_CLIENT_SECRET', e.OIDC_CLIENT_SECRET],
      ['OIDC_ROL_MAP', e.OIDC_ROL_MAP],
    ] as const
  )
    .filter(([, v]) => !v)
    .map(([k]) => k);
  if (ontbreekt.length > 0) throw new ConfigError(`SSO (OIDC_*) needs ${ontbreekt.join(', ')} as well.`);
  const rolMap: Array<readonly [string, Rol]> = [];
  for (const paar of lijst(e.OIDC_ROL_MAP)) {
    const i = paar.lastIndexOf(':');
    const waarde = paar.slice(0, i).trim();
    const rol = ROLLEN.find((r) => r === paar.slice(i + 1).trim());
    if (i <= 0 || !waarde || !rol)
      throw new ConfigError(`OIDC_ROL_MAP: "${paar}" is not value:role with a role of ${ROLLEN.join(', ')}.`);
    rolMap.push([waarde, rol]);
  }
  const sso: SsoConfig = {
    issuerUrl: e.OIDC_ISSUER_URL ?? '',
    clientId: e.OIDC_CLIENT_ID ?? '',
    clientSecret: e.OIDC_CLIENT_SECRET ?? '',
    redirectUrl: e.OIDC_REDIRECT_URL ?? `${publicUrl.replace(/\/$/, '')}/inloggen/sso/terug`,
    scopes: e.OIDC_SCOPES ?? 'openid email profile',
    rolClaim: e.OIDC_ROL_CLAIM ?? 'groups',
    rolMap,
    teamClaim: e.OIDC_TEAM_CLAIM,
    gemeenteClaim: e.OIDC_GEMEENTE_CLAIM,
    acrValues: lijst(e.OIDC_ACR_VALUES),
    amrValues: lijst(e.OIDC_AMR_VALUES),
  };
  if (!sso.scopes.split(/\s+/).includes('openid')) throw new ConfigError('OIDC_SCOPES must include openid.');
  if (new URL(sso.redirectUrl).pathname !== '/inloggen/sso/terug')
    throw new ConfigError(
      'OIDC_REDIRECT_URL must end in /inloggen/sso/terug (the page that completes the login).',
    );
  if (e.WEDERKERIG_MODE === 'production') {
    if (!sso.issuerUrl.startsWith('https:'))
      throw new ConfigError('OIDC_ISSUER_URL must be https in production.');
    // Staff see special-category data: in production SSO is only accepted with the identity provider's MFA.
    if (sso.acrValues.length === 0 && sso.amrValues.length === 0)
      throw new ConfigError(
        'SSO in production needs OIDC_ACR_VALUES or OIDC_AMR_VALUES (the proof of multi-factor authentication).',
      );
  }
  return sso;
}

/** Parses the environment; throws a ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}`;
  const config: Config = {
    mode: e.WEDERKERIG_MODE,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    dataDir: resolve(e.DATA_DIR),
    vernietigingsjournaal: resolve(e.DESTRUCTION_JOURNAL ?? join(e.DATA_DIR, 'vernietigingsjournaal.jsonl')),
    databaseUrl: e.DATABASE_URL,
    databaseOwnerUrl: e.DATABASE_OWNER_URL ?? e.DATABASE_URL,
    databaseSystemUrl: e.DATABASE_SYSTEM_URL,
    sessionSecret: e.SESSION_SECRET,
    logboekSigningKey: e.LOGBOEK_SIGNING_KEY,
    bsnEncryptionKeys: e.BSN_ENCRYPTION_KEYS,
    bsnHashKey: e.BSN_HASH_KEY,
    totpEncryptionKeys: e.TOTP_ENCRYPTION_KEYS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? `Wederkerig <noreply@${new URL(publicUrl).hostname}>`,
    sso: ssoConfig(e, publicUrl),
    logLevel: e.LOG_LEVEL,
    uren: { perDagdeel: e.UREN_PER_DAGDEEL, afwijkingProcent: e.UREN_AFWIJKING_PROCENT },
    incidentPatroon: e.INCIDENT_PATROON,
    database: {
      poolMax: e.DB_POOL_MAX,
      acquireTimeoutMs: e.DB_ACQUIRE_TIMEOUT_MS,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: e.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    secureCookies: publicUrl.startsWith('https:'),
    trustedProxies: lijst(e.TRUSTED_PROXIES),
  };
  if (
    config.mode === 'production' &&
    e.PUBLIC_URL?.toLowerCase().startsWith('http:') &&
    e.ALLOW_HTTP_PUBLIC_URL !== 'true'
  )
    throw new ConfigError(
      'PUBLIC_URL moet in productie met https:// beginnen: anders gaan cookies en wachtwoorden onversleuteld over ' +
        'het netwerk. Zet TLS op de reverse proxy (README). Alleen voor een testopstelling: ALLOW_HTTP_PUBLIC_URL=true.',
    );
  if (config.mode === 'production' && config.databaseUrl) {
    const missing: string[] = [];
    if (!config.sessionSecret) missing.push('SESSION_SECRET');
    if (!config.logboekSigningKey) missing.push('LOGBOEK_SIGNING_KEY');
    if (!config.bsnEncryptionKeys) missing.push('BSN_ENCRYPTION_KEYS');
    if (!config.bsnHashKey) missing.push('BSN_HASH_KEY');
    if (!config.totpEncryptionKeys) missing.push('TOTP_ENCRYPTION_KEYS');
    if (!e.DATABASE_OWNER_URL) missing.push('DATABASE_OWNER_URL');
    if (!e.DATABASE_SYSTEM_URL) missing.push('DATABASE_SYSTEM_URL');
    if (missing.length > 0) {
      throw new ConfigError(
        `Production with DATABASE_URL needs ${missing.join(', ')} (no insecure defaults in production).`,
      );
    }
  }
  return config;
}
