import type { LockClaim } from '../analysis/locks.js';
import { type TableFacts, type Throughput } from './facts.js';
export type LockWork = 'rewrite' | 'index build' | 'validation scan' | 'catalog change';
export interface LockEstimate {
    work: LockWork;
    /** Seconds the lock is held, from the table's size and the throughput. */
    seconds: number;
    throughput: Throughput;
    /** Writes and scans other sessions would start meanwhile and wait for (at the recorded rates). */
    queuedWrites: number;
    queuedScans: number;
}
/** What the statement does while it holds the claimed lock, for the figure that bounds it. */
export declare function workOf(claim: LockClaim): LockWork;
/**
 * How long the lock is held: a rewrite copies the table and rebuilds its indexes (total bytes), an index
 * build and a validation read the heap (table bytes). A catalog-only change is quick once granted; what
 * it costs is the queue behind it while it waits, which lock_timeout bounds.
 */
export declare function estimateLock(claim: LockClaim, facts: TableFacts, throughput?: Throughput): LockEstimate;
