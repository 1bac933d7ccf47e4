import type { RunLogger } from '../runner/hooks.js';
import { type BackupManifest } from './backup-store.js';
import { type RestoreReport } from './restore.js';
export interface RestoreBackupRequest {
    databaseUrl: string;
    backupDir: string;
    id: string;
    pgDumpPath?: string;
    log: RunLogger;
}
/**
 * Restores a backup by id (`pgwarden backups restore`): the schema back to the manifest's catalog,
 * the rows of its tables back from the dump or snapshot, then checks counts and checksums against
 * the manifest. The archive's sha256 is checked first: a modified dump is never restored.
 */
export declare function restoreBackup(request: RestoreBackupRequest): Promise<{
    manifest: BackupManifest;
    report: RestoreReport;
}>;
