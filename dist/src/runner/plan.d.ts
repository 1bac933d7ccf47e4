import type { MigrationAnalysis, MigrationLock } from '../analysis/migration-analysis.js';
import type { Finding } from '../lint/types.js';
import type { GateResult } from './gate.js';
export interface PlanEntry {
    name: string;
    path: string;
    /** 'runner' (one transaction), 'explicit' (its own BEGIN/COMMIT) or 'none'. */
    transaction: MigrationAnalysis['transaction'];
    transactionReason: string;
    locks: MigrationLock[];
    tablesAtRisk: MigrationAnalysis['tablesAtRisk'];
    allowDataLoss: string[];
    findings: Finding[];
    /** True when the lint gate would stop `up` at this migration (without --allow-unsafe). */
    blocked: boolean;
}
export declare function planEntries(pending: MigrationAnalysis[], gate: GateResult): PlanEntry[];
/**
 * Human-readable plan, one block per pending migration. `costOf` may add a line under a lock on an
 * existing table (the live database's size, estimated lock time and queue: src/live/).
 */
export declare function formatPlan(entries: PlanEntry[], costOf?: (lock: MigrationLock) => string | undefined): string;
