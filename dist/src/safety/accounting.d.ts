import type { PgClient } from '../db/pg-types.js';
/** Tuples one transaction inserted, updated and deleted in one table, as the server counts them. */
export interface TupleCounts {
    schema: string;
    table: string;
    inserted: number;
    updated: number;
    deleted: number;
}
/** `schema.table` → counts; the relation's oid is not kept: a table dropped meanwhile vanishes from the view. */
export type Accounting = Map<string, TupleCounts>;
/**
 * The current transaction's own tuple counts per user table (pg_stat_xact_user_tables). They include
 * whatever the transaction's statements fired — functions, triggers, ON DELETE CASCADE / SET NULL,
 * data-modifying CTEs, MERGE — and nothing other sessions did. On PostgreSQL 15 the view also holds the
 * session's earlier counts that were not flushed yet, so only a difference between two readings in one
 * transaction means anything (see accountingDelta).
 */
export declare function readAccounting(client: PgClient): Promise<Accounting>;
/**
 * What happened between two readings. A TRUNCATE resets a table's transaction counts, so a counter
 * may go down: such a table is reported with `reset` and its row count must be checked instead.
 */
export declare function accountingDelta(before: Accounting, after: Accounting): Array<TupleCounts & {
    reset: boolean;
}>;
