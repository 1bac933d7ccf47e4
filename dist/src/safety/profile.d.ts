import type { PgClient } from '../db/pg-types.js';
import { type TableName } from './names.js';
/**
 * What a table holds, reduced to figures that show lost values: its rows, and per column how many
 * values are not NULL and (at level `values`) an order-independent checksum of their text. Taken in the
 * migration's snapshot before and after it, so the application's concurrent writes move neither.
 */
export interface TableProfile {
    table: TableName;
    rows: number;
    /** false: the table is above verifyMaxRows and `rows` is the planner's estimate; no column figures. */
    exact: boolean;
    columns: ColumnProfile[];
}
export interface ColumnProfile {
    name: string;
    /** format_type of the column. */
    type: string;
    nonNull: number;
    /** Sum of hashtext(value::text); present at level `values`. */
    checksum?: string;
}
/** `counts`: rows and non-null values per column; `values`: also a checksum of every column. */
export type ProfileLevel = 'counts' | 'values';
interface ColumnInfo {
    name: string;
    type: string;
}
export declare function columnsOf(client: PgClient, table: TableName): Promise<ColumnInfo[] | null>;
/** One scan of the table, whatever its width. null when the table does not exist. */
export declare function profileTable(client: PgClient, table: TableName, level: ProfileLevel, maxRows: number): Promise<TableProfile | null>;
/**
 * Whether a column whose type changed still holds the values it held: each new value cast back to the
 * old type must give the old value's text. A widening (int → bigint, varchar(n) → text) passes; a
 * rounding or truncating USING does not. Returns the checksum of the values cast back, or the error
 * of the cast (some new value has no old counterpart at all), inside a savepoint so the caller's
 * transaction survives.
 */
export declare function castBackChecksum(client: PgClient, table: TableName, column: string, oldType: string): Promise<{
    checksum: string;
} | {
    error: string;
}>;
/** Exact rows now (one count), for a table whose loss is reported with its figures. */
export declare function exactRows(client: PgClient, table: TableName): Promise<number | null>;
export {};
