import type { PgClient } from '../db/pg-types.js';
import { type PgTools } from './pg-tools.js';
import type { TableName } from './names.js';
/**
 * Loads one table's rows from a pg_dump archive into the (empty) table, on the caller's connection
 * and so inside the caller's transaction. pg_restore turns the archive entry into COPY text; the
 * COPY header it prints names the columns, so generated columns are left to the server.
 */
export declare function copyTableFromArchive(client: PgClient, tools: PgTools, file: string, table: TableName): Promise<number>;
