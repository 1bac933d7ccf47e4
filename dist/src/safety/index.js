// The safety net: backups, row-count verification and restore, for the runner and for library users.
export { safetyHooks, DEFAULT_VERIFY_MAX_ROWS, BACKUP_MODES } from './hooks.js';
export { takeBackup, pruneBackups } from './backup.js';
export { listBackups, listIncompleteBackups, readManifest, DEFAULT_BACKUP_DIR } from './backup-store.js';
export { restoreDatabase } from './restore.js';
export { restoreBackup } from './restore-backup.js';
export { readCatalog, diffCatalogs } from './catalog.js';
export { countRows, tableFingerprint } from './tables.js';
export { describeLosses } from './verify.js';
export { judge, Declarations } from './verdict.js';
export { judgeContent } from './content.js';
export { closeOverCatalog } from './at-risk.js';
export { readAccounting, accountingDelta } from './accounting.js';
export { beginMeasurement, endMeasurement } from './measure.js';
export { profileTable } from './profile.js';
export { checkPgDump, pgTools } from './pg-tools.js';
export { BackupError, VerificationError, RestoreError } from './errors.js';
