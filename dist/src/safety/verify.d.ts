import type { RowCount } from './tables.js';
/**
 * Why counting inside the migration's own transaction works: the runner runs transactional
 * migrations at REPEATABLE READ, so the count before the SQL, the SQL itself and the count after it
 * all read one snapshot. Rows that application sessions insert or delete meanwhile are invisible to
 * both counts, so a difference can only come from the migration. (At READ COMMITTED each count would
 * see a new snapshot and concurrent deletes would look like data loss.) The price is that a
 * migration touching a row another session changed after the snapshot fails with SQLSTATE 40001;
 * the runner retries it from the start. Migrations outside a transaction have no such snapshot:
 * their counts are taken live, and concurrent traffic can move them.
 */
export interface TableCounts {
    table: string;
    before: RowCount;
    after: RowCount;
}
/** What the analysis says put a table at risk (optional detail the runner may pass along). */
export interface RiskDetail {
    table: string;
    /** `DELETE`, `DROP TABLE`, … */
    reason: string;
    /** The statement's SQL text. */
    statement: string;
    /** 1-based line of the statement in the migration file. */
    line?: number;
}
export interface DataLoss extends TableCounts {
    dropped: boolean;
}
/** Tables whose rows went down (or that disappeared with rows in them) without an allow-data-loss declaration. */
export declare function undeclaredDataLoss(counts: TableCounts[], allowDataLoss: Set<string>): DataLoss[];
export declare function formatCount(count: RowCount): string;
/** One line per table: which table, the counts, the statement responsible and how to proceed. */
export declare function describeDataLoss(migration: string, losses: DataLoss[], risks: RiskDetail[]): string;
