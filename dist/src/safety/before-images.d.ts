import type { PgClient } from '../db/pg-types.js';
import { type TableName } from './names.js';
/**
 * Stage 2b of the safety net, for migrations outside a transaction: row-level before-images of what
 * each statement changes, taken in the statement's own transaction (so they match what it saw) and
 * kept in pgwarden's own schema. After the statement only the rows it changed stay in the image
 * (their old values), with the keys of the rows it inserted and a hash of each row as it left it: a
 * restore puts back exactly those rows, and sees which ones the application changed again since.
 */
export interface RowImage {
    table: TableName;
    /** Primary-key (or replica-identity) columns. */
    key: string[];
    /** Old versions of the rows the statement updated or deleted. */
    before: TableName;
    /** Key + md5 of the row as the statement left it (null hash: it deleted the row); inserted rows have `inserted`. */
    after: TableName;
    changed: number;
    inserted: number;
}
/** The columns identifying a row: the primary key, else a replica-identity index; null when neither. */
export declare function rowKeyOf(client: PgClient, table: TableName): Promise<string[] | null>;
/** Pending image of one table, taken before the statement. */
export interface PendingImage {
    table: TableName;
    key: string[];
    copy: TableName;
    /** Only the rows the statement's WHERE matches were copied (image-rows.ts), not the whole table. */
    partial: boolean;
}
/**
 * Copies the table, or with `rows` (a query of the rows the statement will change, see image-rows.ts)
 * only those; a selection the server refuses falls back to the whole table.
 */
export declare function takeImage(client: PgClient, id: string, table: TableName, key: string[], rows?: string | null): Promise<PendingImage>;
/**
 * After the statement, in its transaction: keeps in the copy only the rows it changed or deleted, and
 * records the keys it inserted and how it left each row. A table it did not touch loses its image.
 */
export declare function settleImage(client: PgClient, pending: PendingImage, touched: boolean): Promise<RowImage | null>;
/**
 * The rows a statement only inserted into a table it put at no other risk (no copy was taken before):
 * in its REPEATABLE READ snapshot, a visible row whose xmin is not older than the transaction's own
 * xid was written by it (other sessions' later transactions are invisible to the snapshot).
 */
export declare function insertedImage(client: PgClient, id: string, table: TableName, key: string[]): Promise<RowImage>;
