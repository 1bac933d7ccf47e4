import type { PgClient } from '../db/pg-types.js';
import { type TableName } from './names.js';
export declare function tableExists(client: PgClient, table: TableName): Promise<boolean>;
/**
 * The tables that hold the rows of `table`: itself, or for a partitioned table its leaf partitions (at
 * any depth). A partitioned table has no rows of its own: pg_dump writes no data for it, and a restore
 * that reloaded it would find none to put back.
 */
export declare function tablesHoldingRows(client: PgClient, table: TableName): Promise<TableName[]>;
/**
 * SQL: the row (of `alias`, or of the only table queried) was written by this transaction or one of its
 * subtransactions — its xmin is not older than the transaction's xid (age() counts across wraparound).
 * Other sessions' later rows never pass: the REPEATABLE READ snapshot does not see them.
 */
export declare const writtenByThisTransaction: (alias?: string) => string;
export interface RowCount {
    /** null when the table does not exist. */
    rows: number | null;
    /** false when `rows` is the planner's estimate (the table is above verifyMaxRows). */
    exact: boolean;
}
/**
 * Counts a table's rows exactly, or by the planner's estimate when pg_class says it holds more than
 * `maxRows` (a count(*) of a huge table inside a migration would hold its snapshot for minutes).
 * `estimateOnly` keeps a table on estimates once it has been measured that way, so before and after
 * compare like with like.
 */
export declare function countRows(client: PgClient, table: TableName, maxRows: number, estimateOnly?: boolean): Promise<RowCount>;
export interface Fingerprint {
    rows: number;
    /** Order-independent checksum of the rows' text (see tableFingerprint). */
    checksum: string;
}
/**
 * Row count and content checksum of a table. The checksum is the sum of a 64-bit slice of md5 over
 * each row's text form: independent of physical order (ctid) and of any key, so a table restored by
 * DELETE + COPY compares equal to the original, and it needs constant memory unlike string_agg.
 */
export declare function tableFingerprint(client: PgClient, table: TableName): Promise<Fingerprint | null>;
export declare function tableBytes(client: PgClient, table: TableName): Promise<number>;
/** Every ordinary and partitioned table outside pgwarden's own schemas (in `schemas` only, when given). */
export declare function userTables(client: PgClient, schemas?: readonly string[]): Promise<TableName[]>;
export declare function serverVersion(client: PgClient): Promise<{
    num: number;
    text: string;
}>;
