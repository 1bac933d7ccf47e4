import type { PgClient } from '../db/pg-types.js';
import type { RunLogger } from '../runner/hooks.js';
import type { RowImage } from './before-images.js';
import { type Catalog, type CatalogObject } from './catalog.js';
import { type ColumnImage } from './column-images.js';
import { type TableName } from './names.js';
import { type PgTools } from './pg-tools.js';
/**
 * Stage 5 of the safety net, for a migration that failed outside a transaction: undo exactly what its
 * committed statements did — put back the rows they changed from their before-images, delete the rows
 * they inserted, drop the objects they created, re-create the objects they dropped — and nothing else.
 * Rows the application changed again since are reported and left as they are (their before-image is
 * kept), objects the application created stay, sequences are never moved backwards.
 */
export interface StatementChanges {
    /** 1-based position and line of the statement, for the report. */
    statement: number;
    line: number;
    images: RowImage[];
    /** Columns it dropped, with their definitions and values. */
    columns?: ColumnImage[];
    created: CatalogObject[];
    dropped: CatalogObject[];
    retyped: CatalogObject[];
    /** It ran in transactions of its own (a DO block that commits): its rows have no before-image. */
    live?: boolean;
    /** Tables it inserted into that have no key to find its rows by: not undone. */
    unkeyed?: string[];
}
export interface UndoRequest {
    client: PgClient;
    databaseUrl: string;
    /** In the order the statements ran. */
    changes: StatementChanges[];
    /** Where dropped objects come back from (pg_dump engine); without it they are reported, not re-created. */
    archive?: {
        tools: PgTools;
        file: string;
    };
    /** The catalog before the migration: sequences must be at or past it, objects must match it. */
    before: Catalog;
    schemas?: readonly string[];
    log: RunLogger;
}
export interface UndoReport {
    ok: boolean;
    rows: string[];
    /** Rows the application changed after the migration did: kept as they are, both versions reported. */
    conflicts: string[];
    dropped: string[];
    recreated: string[];
    /** Columns added back, one line each. */
    columns: string[];
    /** Tables whose column order differs from before (a column re-created at the end). */
    reordered: TableName[];
    /** What differs from before the migration and is not explained by another session's new objects. */
    differences: string[];
    /** Objects created meanwhile by other sessions: kept. */
    keptMeanwhile: string[];
    /** Their names, to tell their lines in a schema dump. */
    keptNames: string[];
}
export declare function undoMigration(request: UndoRequest): Promise<UndoReport>;
