/** Backup and restore (docs/operations.md, "Backup and restore"). */
export { BACKUP_USAGE, backupCommand } from './backup.cli.ts';
export { maakBackup } from './backup.ts';
export { HerstelFout, herstelBackup } from './herstel.ts';
export { BackupFout, parseBackupSleutel } from './versleuteling.ts';
