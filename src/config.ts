import { resolve } from 'node:path';
import { z } from 'zod';
import { SLEUTELRING_VORM } from './lib/sleutelring.ts';

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
  PUBLIC_URL: z.url().optional(),
  /** Folder for the embedded PostgreSQL and other local data. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** Application role connection (non-owner, subject to row-level security). Unset: embedded PostgreSQL. */
  DATABASE_URL: z.string().min(1).optional(),
  /** Owner role connection for migrations and maintenance. Defaults to DATABASE_URL when unset. */
  DATABASE_OWNER_URL: z.string().min(1).optional(),
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
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Mode = z.infer<typeof Env>['WEDERKERIG_MODE'];

export interface Config {
  mode: Mode;
  host: string;
  port: number;
  publicUrl: string;
  /** Absolute path of the data folder. */
  dataDir: string;
  databaseUrl: string | undefined;
  databaseOwnerUrl: string | undefined;
  sessionSecret: string | undefined;
  logboekSigningKey: string | undefined;
  bsnEncryptionKeys: string | undefined;
  bsnHashKey: string | undefined;
  totpEncryptionKeys: string | undefined;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  /** Cookies carry `Secure` when the public URL is https. */
  secureCookies: boolean;
}

export class ConfigError extends Error {}

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
    databaseUrl: e.DATABASE_URL,
    databaseOwnerUrl: e.DATABASE_OWNER_URL ?? e.DATABASE_URL,
    sessionSecret: e.SESSION_SECRET,
    logboekSigningKey: e.LOGBOEK_SIGNING_KEY,
    bsnEncryptionKeys: e.BSN_ENCRYPTION_KEYS,
    bsnHashKey: e.BSN_HASH_KEY,
    totpEncryptionKeys: e.TOTP_ENCRYPTION_KEYS,
    logLevel: e.LOG_LEVEL,
    secureCookies: publicUrl.startsWith('https:'),
  };
  if (config.mode === 'production' && config.databaseUrl) {
    const missing: string[] = [];
    if (!config.sessionSecret) missing.push('SESSION_SECRET');
    if (!config.logboekSigningKey) missing.push('LOGBOEK_SIGNING_KEY');
    if (!config.bsnEncryptionKeys) missing.push('BSN_ENCRYPTION_KEYS');
    if (!config.bsnHashKey) missing.push('BSN_HASH_KEY');
    if (!config.totpEncryptionKeys) missing.push('TOTP_ENCRYPTION_KEYS');
    if (!e.DATABASE_OWNER_URL) missing.push('DATABASE_OWNER_URL');
    if (missing.length > 0) {
      throw new ConfigError(
        `Production with DATABASE_URL needs ${missing.join(', ')} (no insecure defaults in production).`,
      );
    }
  }
  return config;
}
