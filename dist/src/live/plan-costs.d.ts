import { type LockClaim } from '../analysis/locks.js';
import { type LiveFacts, type Throughput } from './facts.js';
import { type LockEstimate } from './estimate.js';
export interface LockCost extends LockEstimate {
    rows: number;
    totalBytes: number;
    sessions: number;
    writesPerSecond: number;
    scansPerSecond: number;
}
/** Size, estimated hold time and the traffic that would queue, for a lock on a table the database has. */
export declare function lockCost(lock: LockClaim, facts: LiveFacts, throughput?: Throughput): LockCost | undefined;
/**
 * The line `migrate plan` prints under a lock: `~2M rows, 127 MB; held ~2.8 s (index build at 30 MB/s,
 * default throughput); 1 session uses it now; writes queue behind it: ~1.2k/s, ~3.4k in all`.
 */
export declare function describeLockCost(lock: LockClaim, cost: LockCost): string;
