import type { PgClient } from '../db/pg-types.js';
import { type Accounting, type TupleCounts } from './accounting.js';
import type { RiskScope } from './at-risk.js';
import { type Catalog, type CatalogDiff } from './catalog.js';
import { type TableProfile } from './profile.js';
/**
 * Stage 3 of the safety net: what one unit of work (a migration in its transaction, or one statement
 * of a no-transaction migration in its own) really did, measured by the server in the unit's own
 * snapshot. `begin` runs after BEGIN and before the SQL, `end` after the SQL and before COMMIT.
 */
export interface Measurement {
    /** The server's tuple counts of this transaction, per table. */
    accounting: Array<TupleCounts & {
        reset: boolean;
    }>;
    /** Objects dropped, created and retyped. */
    catalog: CatalogDiff;
    /** Tables whose storage was replaced (TRUNCATE, a rewriting ALTER): their rows must be counted. */
    rewritten: string[];
    before: Map<string, TableProfile>;
    after: Map<string, TableProfile | null>;
    /** Retyped columns: `table.column` → whether the new values cast back to the old ones. */
    castBack: Map<string, {
        ok: boolean;
        detail?: string;
    }>;
    /** Planner estimates before, for tables that were not profiled. */
    estimates: Map<string, number>;
    /** Exact rows after, for tables that lost rows (counted only then, for the report's figures). */
    rowsAfter: Map<string, number | null>;
    /** Partitions' partitioned ancestors, nearest first: a declaration or statement naming one covers the partition. */
    ancestors: Map<string, string[]>;
}
export interface MeasureStart {
    accounting: Accounting;
    catalog: Catalog;
    storage: Map<string, Storage>;
    profiles: Map<string, TableProfile>;
}
interface Storage {
    filenode: string;
    estimate: number;
    /** A partition's partitioned ancestors, nearest first (`schema.table`); empty for other tables. */
    ancestors: string[];
}
export declare function beginMeasurement(client: PgClient, scope: RiskScope, maxRows: number, schemas?: readonly string[]): Promise<MeasureStart>;
/**
 * `everyProfile`: profile again every table profiled before, touched or not (a live unit, whose accounting is partial).
 * `lossDeclared`: tables whose row loss the migration declared; their deletes are not counted again (a
 * count(*) only for the report's figures would cost a scan as long as the DELETE's own).
 */
export declare function endMeasurement(client: PgClient, start: MeasureStart, maxRows: number, schemas?: readonly string[], everyProfile?: boolean, lossDeclared?: (key: string) => boolean): Promise<Measurement>;
export {};
