import type { Config } from '../config.ts';
import { createPools, type Pools } from './database.ts';
import { type EmbeddedDatabase, startEmbedded } from './embedded.ts';
import { migrateToLatest } from './migrate.ts';

export interface Runtime {
  pools: Pools;
  /** Config completed with the embedded database's generated secrets. */
  config: Config;
  embedded: EmbeddedDatabase | undefined;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** `serve` refuses a data dir another app uses; the CLI attaches to the running server. */
  ifRunning: 'refuse' | 'attach';
  migrate: boolean;
  onLog?: (line: string) => void;
  onPoolError?: (err: Error) => void;
}

/** Opens the database: DATABASE_URL when set, else the embedded PostgreSQL; runs migrations as the owner. */
export async function openRuntime(config: Config, opts: OpenOptions): Promise<Runtime> {
  let embedded: EmbeddedDatabase | undefined;
  let appUrl = config.databaseUrl;
  let ownerUrl = config.databaseOwnerUrl;
  let systeemUrl = config.databaseSystemUrl;
  let completed = config;
  if (!appUrl) {
    embedded = await startEmbedded({
      dataDir: config.dataDir,
      ifRunning: opts.ifRunning,
      ...(opts.onLog ? { onLog: opts.onLog } : {}),
    });
    appUrl = embedded.appUrl;
    ownerUrl = embedded.ownerUrl;
    systeemUrl = embedded.systeemUrl;
    completed = {
      ...config,
      sessionSecret: config.sessionSecret ?? embedded.secrets.sessionSecret,
      logboekSigningKey: config.logboekSigningKey ?? embedded.secrets.logboekSigningKey,
      bsnEncryptionKeys: config.bsnEncryptionKeys ?? embedded.secrets.bsnEncryptionKeys,
      bsnHashKey: config.bsnHashKey ?? embedded.secrets.bsnHashKey,
      totpEncryptionKeys: config.totpEncryptionKeys ?? embedded.secrets.totpEncryptionKeys,
    };
  }
  const pools = createPools({
    appUrl,
    ownerUrl: ownerUrl ?? appUrl,
    ...(systeemUrl ? { systeemUrl } : {}),
    max: config.database.poolMax,
    limieten: config.database,
    ...(opts.onPoolError ? { onError: opts.onPoolError } : {}),
  });
  try {
    if (opts.migrate) await migrateToLatest(pools.owner);
  } catch (e) {
    await pools.close();
    await embedded?.stop();
    throw e;
  }
  return {
    pools,
    config: completed,
    embedded,
    close: async () => {
      await pools.close();
      await embedded?.stop();
    },
  };
}
