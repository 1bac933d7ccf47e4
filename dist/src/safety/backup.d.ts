import type { PgClient } from '../db/pg-types.js';
import type { RunLogger } from '../runner/hooks.js';
import { type Catalog } from './catalog.js';
import { type BackupManifest } from './backup-store.js';
import { type TableName } from './names.js';
import { type PgTools } from './pg-tools.js';
import { type Fingerprint } from './tables.js';
export type BackupMode = 'targeted' | 'full' | 'snapshot' | 'none';
export interface BackupRequest {
    client: PgClient;
    databaseUrl: string;
    mode: Exclude<BackupMode, 'none'>;
    backupDir: string;
    pgDumpPath?: string;
    /** Migrations about to run (names). */
    migrations: string[];
    tablesAtRisk: TableName[];
    /** Above this many rows (planner estimate) a table is neither counted exactly nor checksummed. */
    verifyMaxRows: number;
    log: RunLogger;
    /** Back up (and record the catalog of) these schemas only; default the whole database. */
    schemas?: readonly string[];
    /** The run's history schema, recorded when it is not pgwarden's default (a tenant's). */
    historySchema?: string;
}
export interface Backup {
    manifest: BackupManifest;
    /** Absolute or relative path of the dump (pg_dump engine). */
    file?: string;
    catalog: Catalog;
    /** Fingerprints of the tables at risk when the backup was taken (null: too large to checksum). */
    fingerprints: Map<string, Fingerprint | null>;
    /** The pg_dump/pg_restore pair chosen for this server (pg_dump engine): restores use the same. */
    tools?: PgTools;
}
/**
 * Takes the backup a run starts from, and proves it usable (pg_restore --list) before anything is
 * applied. Throws BackupError, one line, when it cannot.
 */
export declare function takeBackup(request: BackupRequest): Promise<Backup>;
/**
 * Keeps the newest `keep` backups. A snapshot backup's copies live in the database, so pruning one
 * needs a connection; without one its files stay until the next pruning that has one.
 */
export declare function pruneBackups(dir: string, keep: number, client: PgClient | undefined, log: RunLogger): Promise<string[]>;
