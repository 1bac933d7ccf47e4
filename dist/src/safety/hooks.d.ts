import type { MigrationHooks } from '../runner/hooks.js';
import { type BackupMode } from './backup.js';
export interface SafetyOptions {
    /** `targeted` (default): whole schema + data of the tables at risk; `full`; `snapshot` (in-database copies); `none`. */
    backup?: BackupMode;
    /** Default `.pgwarden/backups`. */
    backupDir?: string;
    /** Keep this many backups, pruning older ones after a new one is taken (default: keep all). */
    keep?: number;
    /** pg_dump to use (its pg_restore is the one beside it); default: one of the server's major, found on PATH or where distributions install it. */
    pgDumpPath?: string;
    /** Above this many rows (planner estimate) a table is verified by estimate, loudly. Default 10 000 000. */
    verifyMaxRows?: number;
    /** Overrides the runner's URL for backups and restores. */
    databaseUrl?: string;
    /**
     * Keep the safety net to these schemas (a tenant's, when tenants share a database): the backup, the
     * catalog a restore returns to and the schema compared afterwards cover them only, so a restore never
     * drops what another tenant created meanwhile. Default: the whole database.
     */
    schemas?: string[];
}
export declare const DEFAULT_VERIFY_MAX_ROWS = 10000000;
export declare const BACKUP_MODES: readonly BackupMode[];
/**
 * The safety net as runner hooks: a backup before the run, row counts verified inside each
 * migration's transaction, and a restore when a migration that ran outside a transaction fails.
 */
export declare function safetyHooks(options?: SafetyOptions): MigrationHooks;
