import { access } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import pg from 'pg';
import type { Config } from '../../config.ts';
import { formatVerificatie, verifieerLogboek } from '../../modules/logboek/index.ts';
import { JournaalFout, type JournaalRegel, leesJournaal } from '../../modules/privacy/index.ts';
import type { Runtime } from '../runtime.ts';
import { maakBackup } from './backup.ts';
import { HerstelFout, herstelBackup } from './herstel.ts';
import { BackupFout, parseBackupSleutel, sleutelVingerafdrukken } from './versleuteling.ts';

export const BACKUP_USAGE = `  backup BESTAND   maak een versleutelde backup (BACKUP_ENCRYPTION_KEY; kan terwijl de server draait)
  restore BESTAND  zet een backup terug in een lege datamap of lege database (server gestopt)`;

type Out = (line: string) => void;

export interface BackupCliDeps {
  /** Opens the database (attach for a backup, refuse a running server for a restore); no migrations. */
  open: (ifRunning: 'attach' | 'refuse') => Promise<Runtime>;
  config: Config;
  /** BACKUP_ENCRYPTION_KEY from the environment: configuration, never stored. */
  backupSleutel: string | undefined;
  /**
   * Replays the destruction journal on the restored database (the privacy service's `herspeelVernietigingen`):
   * the files destroyed after the backup are destroyed again.
   */
  herspeelVernietigingen: (
    rt: Runtime,
    regels: readonly JournaalRegel[],
  ) => Promise<{ regels: number; vernietigd: number; nietVernietigd: string[] }>;
}

/**
 * Journal lines from this long before the backup's time are replayed too: a destruction whose line was written
 * just before the backup's snapshot may have committed just after it, and the backup may have been made on a
 * machine whose clock differs a little. Replaying a line whose files are gone changes nothing.
 */
export const JOURNAAL_MARGE_MS = 24 * 60 * 60 * 1000;

function ownerUrl(rt: Runtime): string {
  const url = rt.embedded?.ownerUrl ?? rt.config.databaseOwnerUrl ?? rt.config.databaseUrl;
  if (!url) throw new Error('no owner database URL');
  return url;
}

/** The keys the data needs, by their configuration names (fingerprinted, never stored). */
function dataSleutels(config: Config): Record<string, string | undefined> {
  return {
    LOGBOEK_SIGNING_KEY: config.logboekSigningKey,
    BSN_ENCRYPTION_KEYS: config.bsnEncryptionKeys,
    BSN_HASH_KEY: config.bsnHashKey,
    TOTP_ENCRYPTION_KEYS: config.totpEncryptionKeys,
  };
}

function binnen(map: string, pad: string): boolean {
  const r = relative(map, pad);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
}

async function metOwner<T>(rt: Runtime, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ownerUrl(rt) });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** `wederkerig backup|restore BESTAND`; returns the exit code. */
export async function backupCommand(
  opdracht: 'backup' | 'restore',
  args: readonly string[],
  deps: BackupCliDeps,
  out: Out,
  err: Out,
): Promise<number> {
  const [pad, ...meer] = args;
  if (!pad || meer.length > 0) {
    err(`Gebruik: wederkerig ${opdracht} BESTAND`);
    return 1;
  }
  const bestand = resolve(pad);
  try {
    const sleutel = parseBackupSleutel(deps.backupSleutel);
    if (opdracht === 'backup') {
      if (!deps.config.databaseUrl && binnen(deps.config.dataDir, bestand)) {
        err(
          'Zet de backup niet in de datamap: bewaar hem ergens anders (bij voorkeur op een andere machine).',
        );
        return 1;
      }
      const bestaat = await access(bestand).then(
        () => true,
        () => false,
      );
      if (bestaat) {
        err(
          `Het bestand ${bestand} bestaat al: een backup overschrijft nooit een andere. Kies een nieuwe naam.`,
        );
        return 1;
      }
      const rt = await deps.open('attach');
      try {
        const v = await metOwner(rt, (c) =>
          maakBackup(c, bestand, sleutel, {
            sleutelIds: sleutelVingerafdrukken(sleutel, dataSleutels(rt.config)),
          }),
        );
        out(`Backup gemaakt: ${bestand} (${v.tabellen} tabellen, ${v.rijen} rijen, stand van ${v.gemaakt}).`);
        out(
          'Versleuteld met BACKUP_ENCRYPTION_KEY. Bewaar de backup buiten deze machine en de sleutels apart; ' +
            'herstellen vraagt ook dezelfde LOGBOEK_SIGNING_KEY, BSN_ENCRYPTION_KEYS, BSN_HASH_KEY en TOTP_ENCRYPTION_KEYS.',
        );
        return 0;
      } finally {
        await rt.close();
      }
    }
    // The destruction journal is read first: a damaged one refuses the restore before anything changed.
    const journaalPad = deps.config.vernietigingsjournaal;
    const journaal = await leesJournaal(journaalPad);
    const rt = await deps.open('refuse');
    try {
      const v = await metOwner(rt, (c) =>
        herstelBackup(c, rt.pools.owner, bestand, sleutel, {
          sleutelIds: sleutelVingerafdrukken(sleutel, dataSleutels(rt.config)),
        }),
      );
      out(`Backup van ${v.gemaakt} teruggezet: ${v.tabellen} tabellen, ${v.rijen} rijen.`);
      if (journaal === undefined) {
        err(
          `Let op: geen vernietigingsjournaal gevonden (${journaalPad}). Dossiers die na deze backup zijn vernietigd, ` +
            'kunnen terug zijn. Zet DESTRUCTION_JOURNAL op het journaal en herstel opnieuw, of stel de ' +
            'vernietigingslijsten opnieuw op (wederkerig bewaartermijn voorstel) en keur ze goed.',
        );
      } else {
        const vanaf = Date.parse(v.gemaakt) - JOURNAAL_MARGE_MS;
        const h = await deps.herspeelVernietigingen(
          rt,
          journaal.filter((r) => Date.parse(r.tijd) >= vanaf),
        );
        out(
          `Vernietigingsjournaal toegepast: ${h.regels} goedgekeurde ${h.regels === 1 ? 'lijst' : 'lijsten'} van na de backup, ` +
            `${h.vernietigd} ${h.vernietigd === 1 ? 'dossier' : 'dossiers'} opnieuw vernietigd.`,
        );
        if (h.nietVernietigd.length > 0)
          out(
            `${h.nietVernietigd.length} dossier(s) uit het journaal zijn nu niet vernietigd: al eerder weg, of in de ` +
              'backup nog open of binnen de bewaartermijn. Controleer: ' +
              h.nietVernietigd.join(', '),
          );
      }
      const sleutelLogboek = rt.config.logboekSigningKey;
      if (!sleutelLogboek) {
        err('LOGBOEK_SIGNING_KEY ontbreekt: het logboek kon niet worden gecontroleerd.');
        return 1;
      }
      const controle = await verifieerLogboek(rt.pools.owner, { sleutel: sleutelLogboek });
      for (const regel of formatVerificatie(controle)) (controle.ok ? out : err)(regel);
      return controle.ok ? 0 : 1;
    } finally {
      await rt.close();
    }
  } catch (e) {
    if (e instanceof BackupFout || e instanceof HerstelFout || e instanceof JournaalFout) {
      err(e.message);
      return 1;
    }
    throw e;
  }
}
