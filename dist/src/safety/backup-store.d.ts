import { z } from 'zod';
export declare const DEFAULT_BACKUP_DIR = ".pgwarden/backups";
export declare const manifestSchema: z.ZodObject<{
    format: z.ZodLiteral<1>;
    id: z.ZodString;
    engine: z.ZodEnum<["pg_dump", "snapshot"]>;
    mode: z.ZodEnum<["targeted", "full", "snapshot"]>;
    createdAt: z.ZodString;
    database: z.ZodString;
    serverVersion: z.ZodString;
    pgwardenVersion: z.ZodString;
    pgDumpVersion: z.ZodOptional<z.ZodString>;
    migrations: z.ZodArray<z.ZodString, "many">;
    tables: z.ZodArray<z.ZodObject<{
        name: z.ZodString;
        rows: z.ZodNumber;
        exact: z.ZodBoolean;
        checksum: z.ZodOptional<z.ZodString>;
        bytes: z.ZodNumber;
        snapshotTable: z.ZodOptional<z.ZodString>;
    }, "strip", z.ZodTypeAny, {
        name: string;
        rows: number;
        exact: boolean;
        bytes: number;
        checksum?: string | undefined;
        snapshotTable?: string | undefined;
    }, {
        name: string;
        rows: number;
        exact: boolean;
        bytes: number;
        checksum?: string | undefined;
        snapshotTable?: string | undefined;
    }>, "many">;
    /** The schemas the backup covers (SafetyOptions.schemas); absent: the whole database. */
    schemas: z.ZodOptional<z.ZodArray<z.ZodString, "many">>;
    /** The history schema of the run that took it, when not `pgwarden` (a tenant's): `backups restore` rewinds that one. */
    historySchema: z.ZodOptional<z.ZodString>;
    dumpFile: z.ZodOptional<z.ZodString>;
    dumpBytes: z.ZodOptional<z.ZodNumber>;
    sha256: z.ZodOptional<z.ZodString>;
    catalog: z.ZodObject<{
        objects: z.ZodArray<z.ZodObject<{
            kind: z.ZodEnum<["schema", "extension", "table", "view", "materialized view", "sequence", "foreign table", "index", "constraint", "trigger", "column", "type", "function"]>;
            schema: z.ZodString;
            name: z.ZodString;
            table: z.ZodOptional<z.ZodString>;
            detail: z.ZodOptional<z.ZodString>;
        }, "strip", z.ZodTypeAny, {
            kind: "function" | "type" | "index" | "constraint" | "table" | "sequence" | "view" | "schema" | "column" | "materialized view" | "extension" | "foreign table" | "trigger";
            name: string;
            schema: string;
            table?: string | undefined;
            detail?: string | undefined;
        }, {
            kind: "function" | "type" | "index" | "constraint" | "table" | "sequence" | "view" | "schema" | "column" | "materialized view" | "extension" | "foreign table" | "trigger";
            name: string;
            schema: string;
            table?: string | undefined;
            detail?: string | undefined;
        }>, "many">;
        sequences: z.ZodRecord<z.ZodString, z.ZodNullable<z.ZodString>>;
    }, "strip", z.ZodTypeAny, {
        objects: {
            kind: "function" | "type" | "index" | "constraint" | "table" | "sequence" | "view" | "schema" | "column" | "materialized view" | "extension" | "foreign table" | "trigger";
            name: string;
            schema: string;
            table?: string | undefined;
            detail?: string | undefined;
        }[];
        sequences: Record<string, string | null>;
    }, {
        objects: {
            kind: "function" | "type" | "index" | "constraint" | "table" | "sequence" | "view" | "schema" | "column" | "materialized view" | "extension" | "foreign table" | "trigger";
            name: string;
            schema: string;
            table?: string | undefined;
            detail?: string | undefined;
        }[];
        sequences: Record<string, string | null>;
    }>;
}, "strip", z.ZodTypeAny, {
    tables: {
        name: string;
        rows: number;
        exact: boolean;
        bytes: number;
        checksum?: string | undefined;
        snapshotTable?: string | undefined;
    }[];
    format: 1;
    migrations: string[];
    mode: "full" | "snapshot" | "targeted";
    id: string;
    pgwardenVersion: string;
    engine: "pg_dump" | "snapshot";
    createdAt: string;
    database: string;
    serverVersion: string;
    catalog: {
        objects: {
            kind: "function" | "type" | "index" | "constraint" | "table" | "sequence" | "view" | "schema" | "column" | "materialized view" | "extension" | "foreign table" | "trigger";
            name: string;
            schema: string;
            table?: string | undefined;
            detail?: string | undefined;
        }[];
        sequences: Record<string, string | null>;
    };
    sha256?: string | undefined;
    pgDumpVersion?: string | undefined;
    schemas?: string[] | undefined;
    historySchema?: string | undefined;
    dumpFile?: string | undefined;
    dumpBytes?: number | undefined;
}, {
    tables: {
        name: string;
        rows: number;
        exact: boolean;
        bytes: number;
        checksum?: string | undefined;
        snapshotTable?: string | undefined;
    }[];
    format: 1;
    migrations: string[];
    mode: "full" | "snapshot" | "targeted";
    id: string;
    pgwardenVersion: string;
    engine: "pg_dump" | "snapshot";
    createdAt: string;
    database: string;
    serverVersion: string;
    catalog: {
        objects: {
            kind: "function" | "type" | "index" | "constraint" | "table" | "sequence" | "view" | "schema" | "column" | "materialized view" | "extension" | "foreign table" | "trigger";
            name: string;
            schema: string;
            table?: string | undefined;
            detail?: string | undefined;
        }[];
        sequences: Record<string, string | null>;
    };
    sha256?: string | undefined;
    pgDumpVersion?: string | undefined;
    schemas?: string[] | undefined;
    historySchema?: string | undefined;
    dumpFile?: string | undefined;
    dumpBytes?: number | undefined;
}>;
export type BackupManifest = z.infer<typeof manifestSchema>;
/** Sortable by creation time: `20261128-013059-3fa2`. */
export declare function newBackupId(now?: Date): string;
/**
 * Creates the directory (0700) and makes sure a backup of about `estimatedBytes` fits. Refusing
 * here, before anything is applied, beats a dump that fills the disk halfway through a run.
 */
export declare function prepareBackupDir(dir: string, estimatedBytes: number): Promise<void>;
export declare function manifestPath(dir: string, id: string): string;
export declare function dumpPath(dir: string, id: string): string;
export declare function writeManifest(dir: string, manifest: BackupManifest): Promise<string>;
export declare function readManifest(dir: string, id: string): Promise<BackupManifest>;
/** Every readable manifest in the directory, oldest first; unreadable files are skipped. */
export declare function listBackups(dir: string): Promise<BackupManifest[]>;
/** A dump without its manifest: a backup that did not finish (its runner was killed while taking it). */
export interface IncompleteBackup {
    id: string;
    file: string;
    bytes: number;
    modified: Date;
}
export declare function listIncompleteBackups(dir: string): Promise<IncompleteBackup[]>;
/** Removes the files of a backup: its dump, its manifest and the restore lists written beside them. */
export declare function removeBackupFiles(dir: string, manifest: BackupManifest): Promise<void>;
export declare function formatBytes(bytes: number): string;
