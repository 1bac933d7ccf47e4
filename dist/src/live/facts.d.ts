/**
 * What pgwarden knows about a target database without its rows: the catalog (as DDL the schema model
 * replays), per-table sizes and activity, and optionally the throughput `pgwarden calibrate` measured.
 * The same object comes from a live connection or from a stats file, so `lint --stats` and
 * `lint --database-url` rank findings identically.
 */
export declare const STATS_FORMAT = 1;
export interface TableFacts {
    /** Estimated rows: pg_class.reltuples, or n_live_tup where the table was never analysed. */
    rows: number;
    /** Heap with TOAST: the planner's pages (relpages) × block size, measured where there are none yet. */
    tableBytes: number;
    /** All indexes, the same way. */
    indexBytes: number;
    /** tableBytes + indexBytes. */
    totalBytes: number;
    /** A never-analysed table that could not be measured in time (locked exclusively): its size is unknown, shown as 0. */
    sizeEstimated?: boolean;
    /** Rows inserted, updated and deleted per second since the statistics were reset. */
    writesPerSecond: number;
    /** Sequential and index scans per second since the statistics were reset. */
    scansPerSecond: number;
    /** Rows changed since the last ANALYZE (recent activity). */
    modifiedSinceAnalyze: number;
    /** Other sessions holding any lock on the table when the facts were read. */
    sessions: number;
    /** A partition (its parent is the table migrations name). */
    partition?: boolean;
}
/** Bytes per second of the three things that hold a lock for as long as they take. */
export interface Throughput {
    /** Rewriting a table with its indexes (ALTER … TYPE, VACUUM FULL, volatile defaults): total bytes per second. */
    rewriteBytesPerSecond: number;
    /** Building a B-tree index: heap bytes per second. */
    indexBytesPerSecond: number;
    /** A validating scan (VALIDATE CONSTRAINT, SET NOT NULL): heap bytes per second. */
    scanBytesPerSecond: number;
    /** Where the figures come from: measured by `pgwarden calibrate` on a server, or the defaults. */
    source: 'calibrated' | 'default';
    measuredAt?: string;
}
export interface LiveFacts {
    pgwarden: 'stats';
    format: typeof STATS_FORMAT;
    /** When the facts were read (ISO 8601). */
    takenAt: string;
    database: string;
    server: {
        major: number;
        num: number;
    };
    /** When the activity counters started (pg_stat_database.stats_reset, else the server's start). */
    statsSince: string;
    /** catalogDdl's statements, replayed into the model the migrations start from (a live read for lint: only the relevant tables'). */
    catalog: string[];
    /** By table key (`schema.name`, as the schema model spells it). */
    tables: Record<string, TableFacts>;
    /** Tables tied to each other (a foreign key, either way; a partition and its parent), by key. */
    links: Array<[string, string]>;
    throughput?: Throughput;
}
/**
 * Used when nothing was calibrated: a modest server (SSD, default maintenance_work_mem), chosen on the
 * slow side so that an estimate errs towards caution.
 */
export declare const DEFAULT_THROUGHPUT: Throughput;
