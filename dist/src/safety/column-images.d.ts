import type { PgClient } from '../db/pg-types.js';
import type { Statement } from '../sql/parser.js';
import { type TableName } from './names.js';
/**
 * Images of the columns a no-transaction migration drops (`ALTER TABLE … DROP COLUMN`): the archive
 * holds no entry for a column alone, so before the statement runs, in its transaction, the column's
 * definition is read from the catalog and its values are copied, keyed by primary key (or replica
 * identity), into pgwarden_backup — only (key, column), not the table. A restore adds the column back
 * (at the end of the table: PostgreSQL has no other place) and puts each row's value back by key.
 */
export interface ColumnDefinition {
    name: string;
    /** format_type, with the typmod. */
    type: string;
    /** Qualified collation, when not the type's default. */
    collation: string | null;
    default: string | null;
    notNull: boolean;
    /** Expression of a stored generated column. */
    generated: string | null;
    /**
     * The sequence it owns (serial, identity), which went with it: the archive re-creates it, with the
     * serial's DEFAULT or the identity (pg_dump writes both as entries of their own); `lastValue` (at the
     * DROP) keeps it from going back to where it was at the backup.
     */
    sequence: {
        name: string;
        identity: boolean;
        lastValue: string | null;
    } | null;
    /** CHECK constraints on it that pg_dump writes inside CREATE TABLE (no archive entry of their own). */
    checks: Array<{
        name: string;
        definition: string;
    }>;
    /** The table's columns before it: re-created at the end, it keeps its place only when exactly these precede it. */
    preceding: string[];
}
export interface ColumnImage {
    table: TableName;
    column: ColumnDefinition;
    /** Key columns of the copy; empty: the whole table was copied (declared whole-table-restore). */
    key: string[];
    copy: TableName;
    /** Why the restore cannot add it back (its values stay in the copy). */
    unsupported?: string;
}
/** The tables and columns a statement drops by name. */
export declare function droppedColumns(statement: Statement): Array<{
    relation: string;
    column: string;
}>;
/** Generated columns of the table computed from the column: a DROP … CASCADE takes them along. */
export declare function generatedFrom(client: PgClient, table: TableName, column: string): Promise<string[]>;
/** A statement that only drops columns changes no row: its table needs no row-level before-image. */
export declare function onlyDropsColumns(statement: Statement): boolean;
/** The table a statement names, as the session resolves it (search_path); null when it does not exist. */
export declare function resolveTable(client: PgClient, relation: string): Promise<TableName | null>;
/**
 * DDL does not wait for a REPEATABLE READ snapshot: what a DROP COLUMN drops is the latest committed
 * value, not the one the statement's snapshot sees. Taking the statement's own lock before the first
 * query of its transaction fixes the snapshot after every write to the table: the copy then holds
 * exactly what the DROP destroys.
 */
export declare function lockForColumnImages(client: PgClient, statement: Statement): Promise<void>;
/** Reads the column's definition and copies its values; null when the table has no such column (DROP COLUMN IF EXISTS). */
export declare function takeColumnImage(client: PgClient, id: string, table: TableName, name: string, rowKey: string[] | null, wholeTable: boolean): Promise<ColumnImage | null>;
/**
 * For the restore's selection of earlier statements' rows: the simulated state of the table (a temp
 * copy) gets the column back with its values, as the rows were before the DROP.
 */
export declare function addToState(client: PgClient, state: string, image: ColumnImage): Promise<void>;
export interface ColumnOutcome {
    /** The report's line. */
    line?: string;
    /** What could not be put back: differences of the restore. */
    problems: string[];
    /** Constraints re-created here, not from the archive. */
    constraints: string[];
    /** The column's place differs from before. */
    reordered: boolean;
}
/**
 * Adds the column back with its definition and puts each row's value back by key; rows inserted since
 * the DROP get the default (or NULL). Inside the restore's transaction.
 */
export declare function recreateColumn(client: PgClient, image: ColumnImage, where: string, step: (sql: string) => void): Promise<ColumnOutcome>;
/** After the archive brought a re-created column's sequence back: never behind where it was at the DROP. */
export declare function sequenceForward(client: PgClient, image: ColumnImage): Promise<void>;
/** Partitions and inheritance children: a column added to the table is added at their end too. */
export declare function descendants(client: PgClient, table: TableName): Promise<TableName[]>;
