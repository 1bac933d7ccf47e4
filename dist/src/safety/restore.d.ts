import type { RunLogger } from '../runner/hooks.js';
import { type Catalog } from './catalog.js';
import { type TableName } from './names.js';
import { type PgTools } from './pg-tools.js';
import { type Fingerprint } from './tables.js';
export type RestoreSource = {
    engine: 'pg_dump';
    tools: PgTools;
    file: string;
} | {
    engine: 'snapshot';
    copies: Map<string, TableName>;
};
export interface RestoreTable {
    table: TableName;
    /** Whether the table existed at the restore point (one that did not is dropped, not refilled). */
    exists: boolean;
    /** null for a table too large to checksum (above verifyMaxRows): its rows are put back unchecked. */
    fingerprint: Fingerprint | null;
}
/** The state a restore returns the database to. */
export interface RestorePoint {
    catalog: Catalog;
    /** Tables whose rows are put back, when they existed, with the fingerprint they must have afterwards. */
    tables: RestoreTable[];
    /** Normalized `pg_dump --schema-only` to compare with afterwards (pg_dump engine only). */
    schemaDump?: string;
}
export interface TableOutcome {
    table: string;
    /** null when the table did not exist, or was too large to checksum. */
    expected: Fingerprint | null;
    actual: Fingerprint | null;
    ok: boolean;
}
export interface RestoreReport {
    ok: boolean;
    dropped: string[];
    recreated: string[];
    tables: TableOutcome[];
    /** null when no schema dump was compared (snapshot engine). */
    schemaIdentical: boolean | null;
    schemaDifference?: string;
    /** Catalog objects that still differ from the restore point. */
    differences: string[];
}
export interface RestoreRequest {
    databaseUrl: string;
    source: RestoreSource;
    target: RestorePoint;
    log: RunLogger;
    /** Restore within these schemas only (what the backup covers); default the whole database. */
    schemas?: readonly string[];
}
/**
 * Returns the database to a restore point: drops what was created since, re-creates what was
 * removed (from the archive), puts back the rows of the tables at risk, then checks the result
 * against the restore point. Every step is logged. Throws RestoreError (with the command to finish
 * by hand) when a step fails; returns a report with ok=false when the result does not match.
 */
export declare function restoreDatabase(request: RestoreRequest): Promise<RestoreReport>;
export declare function sameFingerprint(a: Fingerprint | null, b: Fingerprint | null): boolean;
