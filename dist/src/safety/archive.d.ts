import { type CatalogObject } from './catalog.js';
import type { PgTools } from './pg-tools.js';
import { type TableName } from './names.js';
export interface DumpRequest {
    tools: PgTools;
    databaseUrl: string;
    file: string;
    /** Tables whose data goes in the dump; `'all'` for a full backup. The schema is always whole. */
    dataOf: TableName[] | 'all';
    /** Every user table, to exclude the data of those not listed in `dataOf`. */
    allTables: TableName[];
    /** Only these schemas (SafetyOptions.schemas); default the whole database. */
    schemas?: readonly string[];
}
/** pg_dump -Fc into a file created 0600 beforehand, so the dump is never readable by others. */
export declare function dumpDatabase(request: DumpRequest): Promise<void>;
/** The archive's table of contents (`pg_restore --list`): proves the file is readable. */
export declare function archiveContents(tools: PgTools, file: string): Promise<string[]>;
export declare function sha256File(file: string): Promise<string>;
/** Lines that differ between two runs of pg_dump on the same schema (psql \restrict keys, versions). */
export declare function normalizeSchemaDump(text: string): string;
export declare function liveSchemaDump(tools: PgTools, databaseUrl: string, schemas?: readonly string[]): Promise<string>;
export declare function archiveSchemaDump(tools: PgTools, file: string): Promise<string>;
/** First differing line of two schema dumps, or null when equal. */
export declare function firstDifference(expected: string, actual: string): string | null;
/**
 * Every difference between two schema dumps, object by object: a missing or new object by its dump
 * heading, a changed one with each line it lost (`-`) or gained (`+`). Objects whose heading names one
 * of `ignore` (created meanwhile by other sessions) are left out. `reordered`: tables whose column order
 * may differ (a dropped column re-created at the end).
 */
export declare function dumpDifferences(expected: string, actual: string, ignore?: readonly string[], reordered?: readonly TableName[]): string[];
interface TocPattern {
    desc: string;
    schema: string;
    tag: string;
    /** Match any tag starting with `tag`. */
    prefix?: boolean;
}
/** The archive entries that re-create one object the run removed (with its data, defaults, grants). */
export declare function tocPatterns(o: CatalogObject): TocPattern[];
/** Selects the archive's TOC lines matching the patterns, in the archive's (dependency) order. */
export declare function selectEntries(toc: string[], patterns: TocPattern[]): string[];
export {};
