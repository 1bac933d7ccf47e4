import type { PgClient } from '../db/pg-types.js';
import type { LoadedMigration } from './files.js';
/** The tools whose history `migrate adopt --from` reads, and the table each keeps it in. */
export declare const ADOPT_SOURCES: readonly ["prisma", "golang-migrate", "flyway", "rails", "knex", "dbmate"];
export type AdoptSource = (typeof ADOPT_SOURCES)[number];
/** Other tools' history tables on the search_path that hold rows, with the tools that keep each. */
export declare function otherToolHistories(client: PgClient): Promise<Array<{
    table: string;
    tools: AdoptSource[];
}>>;
/** One file the other tool's history says is applied. */
export interface AdoptedEntry {
    file: LoadedMigration;
    appliedAt: Date | null;
    durationMs: number;
    /** The tool's row, as it names it (Flyway's script, Prisma's migration_name, a version). */
    recordedAs: string;
    /** The tool's checksum compared with the file's: null when the tool keeps none. */
    checksumMatches: boolean | null;
}
export interface ForeignHistory {
    table: string;
    applied: AdoptedEntry[];
    /** What the tool lists as applied that has no file here (not recorded). */
    unmatched: string[];
}
/** Reads the other tool's history table (found on the search_path) and matches its rows to the files. */
export declare function readForeignHistory(client: PgClient, source: AdoptSource, files: readonly LoadedMigration[]): Promise<ForeignHistory>;
/**
 * Flyway's checksum of a SQL migration: CRC32 over the UTF-8 bytes of each line without its line
 * ending (a BOM dropped), as a signed 32-bit integer.
 */
export declare function flywayChecksum(text: string): number;
