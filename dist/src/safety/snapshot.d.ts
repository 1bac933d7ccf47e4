import type { PgClient } from '../db/pg-types.js';
import { type TableName } from './names.js';
/** The schema holding in-database copies of tables at risk (`--backup snapshot`). */
export declare const SNAPSHOT_SCHEMA = "pgwarden_backup";
export declare function snapshotTableName(id: string, index: number): TableName;
/**
 * Copies each table at risk into pgwarden_backup, all in one REPEATABLE READ transaction so the
 * copies are consistent with each other. Needs no client binaries, only room in the database.
 */
export declare function takeSnapshot(client: PgClient, id: string, tables: TableName[]): Promise<Map<string, TableName>>;
/** Puts a snapshot's rows into the (emptied) table, on the caller's transaction. */
export declare function copyTableFromSnapshot(client: PgClient, copy: TableName, table: TableName): Promise<number>;
/** Re-creates a table the run dropped, with its columns only (the snapshot holds no indexes or keys). */
export declare function recreateFromSnapshot(client: PgClient, copy: TableName, table: TableName): Promise<void>;
export declare function dropSnapshot(client: PgClient, copies: TableName[]): Promise<void>;
