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
/** Human-readable plan, one block per pending migration. */
export declare function formatPlan(entries: PlanEntry[]): string;
