import { type Layout, type MigrationFile } from '../sql/discover.js';
export interface LoadedMigration extends MigrationFile {
    text: string;
    /** sha256 (hex) of the file's bytes. */
    checksum: string;
}
export interface LoadedMigrations {
    layout: Layout;
    migrations: LoadedMigration[];
    /** Discovery problems that do not stop a run (e.g. a file the layout ignores). */
    warnings: string[];
}
/** A migration directory the runner cannot use as it is (missing, duplicate names). */
export declare class MigrationSetError extends Error {
    constructor(message: string);
}
export declare function checksumOf(bytes: Uint8Array | string): string;
export interface LoadOptions {
    /** A larger file is refused before it is read (default: lint's maxFileBytes default, 10 MiB). */
    maxFileBytes?: number;
}
/** Reads a directory's migrations in their tool's order, with checksums. */
export declare function loadMigrations(dir: string, options?: LoadOptions): Promise<LoadedMigrations>;
/** The SQL that reverts a migration: its down file, or the down section of a dbmate or goose file. */
export declare function readDownText(file: LoadedMigration): Promise<string>;
/** The file's text; a file that is not UTF-8 is refused with where it stops being UTF-8. */
export declare function decodeUtf8(path: string, bytes: Uint8Array): string;
