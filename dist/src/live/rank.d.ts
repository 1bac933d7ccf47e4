import { type LockClaim } from '../analysis/locks.js';
import type { SchemaModel } from '../analysis/schema.js';
import type { Statement } from '../sql/parser.js';
import type { Finding, RuleMeta } from '../lint/types.js';
import { type LiveFacts, type TableFacts, type Throughput } from './facts.js';
import { type LockEstimate } from './estimate.js';
import { type SizeThreshold } from './thresholds.js';
export interface RankOptions {
    small?: SizeThreshold;
    large?: SizeThreshold;
    /** Overrides the facts' own calibration. */
    throughput?: Throughput;
}
/** The costliest lock a statement holds on a table the database has, with its size and estimate. */
export interface CostedLock {
    claim: LockClaim;
    facts: TableFacts;
    estimate: LockEstimate;
}
/**
 * The lock a finding is about, costed: of the claims that block writes, rewrite or scan, the one on the
 * largest table the facts know. Undefined when the statement locks no table the database has (a table a
 * pending migration creates is left to the rule's own severity: pointing at the wrong, empty database
 * must not turn every finding into info).
 */
export declare function costliestLock(statement: Statement, schema: SchemaModel, pgVersion: number, facts: LiveFacts, throughput?: Throughput): CostedLock | undefined;
/** `public.events: ~2.0M rows, 180 MB with indexes and TOAST; SHARE held ~4.2 s (index build at 30 MB/s, default throughput)`. */
export declare function describeCost(c: CostedLock): string;
/**
 * A lint adjustment that ranks locking findings by the size of the table they lock: below the small
 * threshold they become info, above the large one errors, and every ranked message carries the figures.
 */
export declare function rankByCost(facts: LiveFacts, rules: ReadonlyMap<string, RuleMeta>, options?: RankOptions): (finding: Finding, statement: Statement, schema: SchemaModel, pgVersion: number) => Finding;
