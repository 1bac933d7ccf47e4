import { z } from 'zod';
export declare const DEFAULT_BACKUP_DIR = ".pgwarden/backups";
export declare const manifestSchema: z.ZodObject<{
    format: z.ZodLiteral<1>;
    id: z.ZodString;
    engine: z.ZodEnum<{
        pg_dump: "pg_dump";
        snapshot: "snapshot";
    }>;
    mode: z.ZodEnum<{
        full: "full";
        snapshot: "snapshot";
        targeted: "targeted";
    }>;
    createdAt: z.ZodString;
    database: z.ZodString;
    serverVersion: z.ZodString;
    pgwardenVersion: z.ZodString;
    pgDumpVersion: z.ZodOptional<z.ZodString>;
    migrations: z.ZodArray<z.ZodString>;
    tables: z.ZodArray<z.ZodObject<{
        name: z.ZodString;
        rows: z.ZodNumber;
        exact: z.ZodBoolean;
        checksum: z.ZodOptional<z.ZodString>;
        bytes: z.ZodNumber;
        snapshotTable: z.ZodOptional<z.ZodString>;
    }, z.core.$strip>>;
    schemas: z.ZodOptional<z.ZodArray<z.ZodString>>;
    dumpFile: z.ZodOptional<z.ZodString>;
    dumpBytes: z.ZodOptional<z.ZodNumber>;
    sha256: z.ZodOptional<z.ZodString>;
    catalog: z.ZodObject<{
        objects: z.ZodArray<z.ZodObject<{
            kind: z.ZodEnum<{
                function: "function";
                type: "type";
                index: "index";
                constraint: "constraint";
                table: "table";
                sequence: "sequence";
                view: "view";
                schema: "schema";
                column: "column";
                "materialized view": "materialized view";
                extension: "extension";
                "foreign table": "foreign table";
                trigger: "trigger";
            }>;
            schema: z.ZodString;
            name: z.ZodString;
            table: z.ZodOptional<z.ZodString>;
            detail: z.ZodOptional<z.ZodString>;
        }, z.core.$strip>>;
        sequences: z.ZodRecord<z.ZodString, z.ZodNullable<z.ZodString>>;
    }, z.core.$strip>;
}, z.core.$strip>;
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
