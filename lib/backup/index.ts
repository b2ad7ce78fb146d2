/** Backup and import: the public surface of lib/backup. */
export {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  BackupSchema,
  LIMITS,
  type Backup,
  type BackupTable,
} from './format';
export type { BackupIssue } from './issues';
export { describeCounts, validateBackup, type BackupValidation } from './validate';
export { upgradeBackup } from './upgrade';
export {
  mergeBackups,
  mergeBackupsWithSummary,
  type MergeSummary,
  type TableSummary,
} from './merge';
export { serializeBackup } from './serialize';
export { throttleProgress, type Progress } from './progress';
export {
  InvalidBackupError,
  applyBackup,
  backupFileName,
  exportBackup,
  exportBackupBlob,
  importBackup,
  saveBlob,
  type BackupProgress,
  type ExportOptions,
  type ImportOptions,
  type ImportSummary,
} from './database';
