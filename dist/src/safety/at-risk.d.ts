import type { PgClient } from '../db/pg-types.js';
import type { Statement } from '../sql/parser.js';
import { type TableName } from './names.js';
import type { ProfileLevel } from './profile.js';
/**
 * Stage 1 of the safety net: which tables a migration (or one statement) can change, closed over what
 * the live catalog knows rather than what the statements name — ON DELETE CASCADE / SET NULL children,
 * TRUNCATE … CASCADE, triggers and the tables their functions write, functions called, every table of
 * a dropped schema. Code whose effects cannot be bounded (a DO block or function with EXECUTE) puts
 * every user table at risk.
 *
 * `level` says what must be measured before the statement runs: `counts` (rows and non-null values per
 * column: for TRUNCATE, DROP, UPDATE, SET NULL), `values` (also checksums: for a type change, and for
 * a table that triggers, called functions or dynamic SQL may update without a statement naming it), or
 * nothing beyond the server's own accounting (a DELETE, whose deleted tuples the server counts).
 */
export interface TableAtRisk {
    table: TableName;
    level: ProfileLevel | 'accounting';
    why: string[];
}
export interface RiskScope {
    tables: Map<string, TableAtRisk>;
    /** Set when some code's effects cannot be bounded: every user table is in `tables`. */
    unbounded?: string;
}
/** The analysis' reasons (src/analysis/risk.ts) as a measurement level. */
export declare function levelOfReason(reason: string): TableAtRisk['level'];
export interface RiskInput {
    /** Tables the analysis found, with their reasons (`DELETE`, `TRUNCATE`…). */
    seeds: Array<{
        table: string;
        reason: string;
    }>;
    statements: readonly Statement[];
    /** Keep to these schemas (a tenant's). */
    schemas?: readonly string[];
}
/** Closes the analysis' tables at risk over the live catalog. */
export declare function closeOverCatalog(client: PgClient, input: RiskInput): Promise<RiskScope>;
