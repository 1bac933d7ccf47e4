import type { Measurement } from './measure.js';
/**
 * Stage 4 of the safety net: from what the server measured, the losses the migration did not declare.
 * Rows: tuples the server counted as deleted (a same-count replace deletes as many as it inserts),
 * fewer rows (TRUNCATE), a dropped table or materialized view with rows, a view dropped by CASCADE.
 * Values: a column dropped while it held values, non-null values that fell (SET NULL, ON DELETE SET
 * NULL), a type change whose new values do not cast back to the old ones. Backfills, widening type
 * changes and inserts lose nothing and pass. Rows and values changed that no statement targets are
 * judged in content.ts (it needs the statements' command tags and a few queries).
 */
export interface Loss {
    table: string;
    column?: string;
    /** Table key or `table.column`: what an allow-data-loss directive must name. */
    declare: string;
    /** `5000 rows before, 4460 rows after`, `1200 non-null values before, 0 after`… */
    figures: string;
    kind: 'rows' | 'values' | 'object';
    /** Who did it, when no statement did it directly (replaces the statement the report would name). */
    by?: string;
    /** A partition's partitioned ancestors, nearest first: a statement naming one of them did it. */
    within?: readonly string[];
}
/** What `-- pgwarden:allow-data-loss` declares: tables, and columns as `table.column` or `schema.table.column`. */
export declare class Declarations {
    /** Partitions' partitioned ancestors: declaring a partitioned table declares its partitions. */
    private readonly ancestors;
    private readonly entries;
    constructor(entries: readonly string[], 
    /** Partitions' partitioned ancestors: declaring a partitioned table declares its partitions. */
    ancestors?: ReadonlyMap<string, readonly string[]>);
    /** The same declarations, knowing which tables are partitions of which (Measurement.ancestors). */
    throughPartitions(ancestors: ReadonlyMap<string, readonly string[]>): Declarations;
    coversTable(key: string): boolean;
    /** A table-level declaration covers its columns. `users.legacy_name` names a column of `users` in any schema. */
    coversColumn(key: string, column: string): boolean;
    private namesTable;
    private namesColumn;
}
export interface VerdictInput {
    measurement: Measurement;
    declared: Declarations;
    /** Relations the migration's own DROP statements name: dropping those is what it says it does. */
    namedDrops: Set<string>;
    /**
     * The profiles were read at READ COMMITTED: they count the application's inserts and deletes too.
     * Fewer rows then mean a loss only where the table was truncated or rewritten (the migration's own
     * deletes are in the accounting), and non-null values that went with rows the table lost are not values lost.
     */
    concurrent?: boolean;
}
export declare function judge({ measurement: m, declared, namedDrops, concurrent }: VerdictInput): Loss[];
