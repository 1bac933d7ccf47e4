// The safety net: backups, row-count verification and restore, for the runner and for library users.
export { safetyHooks, DEFAULT_VERIFY_MAX_ROWS, BACKUP_MODES, type SafetyOptions } from './hooks.js';
export { takeBackup, pruneBackups, type Backup, type BackupMode, type BackupRequest } from './backup.js';
export { listBackups, listIncompleteBackups, readManifest, DEFAULT_BACKUP_DIR, type BackupManifest, type IncompleteBackup } from './backup-store.js';
export { restoreDatabase, type RestorePoint, type RestoreReport, type RestoreSource } from './restore.js';
export { restoreBackup, type RestoreBackupRequest } from './restore-backup.js';
export { readCatalog, diffCatalogs, type Catalog, type CatalogObject } from './catalog.js';
export { countRows, tableFingerprint, type Fingerprint, type RowCount } from './tables.js';
export { describeLosses, type RiskDetail, type Attribution } from './verify.js';
export { judge, Declarations, type Loss } from './verdict.js';
export { judgeContent, type ContentInput, type ContentVerdict, type StatementResult } from './content.js';
export { closeOverCatalog, type RiskScope, type TableAtRisk } from './at-risk.js';
export { readAccounting, accountingDelta, type Accounting, type TupleCounts } from './accounting.js';
export { beginMeasurement, endMeasurement, type Measurement } from './measure.js';
export { profileTable, type TableProfile, type ColumnProfile } from './profile.js';
export { checkPgDump, pgTools, type PgTools } from './pg-tools.js';
export { BackupError, VerificationError, RestoreError } from './errors.js';
