import type { LockClaim } from '../analysis/locks.js';
import { DEFAULT_THROUGHPUT, type TableFacts, type Throughput } from './facts.js';

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
export function workOf(claim: LockClaim): LockWork {
  if (claim.rewrite) return 'rewrite';
  if (/INDEX|PRIMARY KEY|UNIQUE|EXCLUDE/i.test(claim.reason) && claim.scan) return 'index build';
  if (/INDEX/i.test(claim.reason)) return 'index build';
  if (claim.scan) return 'validation scan';
  return 'catalog change';
}

/**
 * How long the lock is held: a rewrite copies the table and rebuilds its indexes (total bytes), an index
 * build and a validation read the heap (table bytes). A catalog-only change is quick once granted; what
 * it costs is the queue behind it while it waits, which lock_timeout bounds.
 */
export function estimateLock(claim: LockClaim, facts: TableFacts, throughput: Throughput = DEFAULT_THROUGHPUT): LockEstimate {
  const work = workOf(claim);
  const seconds =
    work === 'rewrite' ? facts.totalBytes / throughput.rewriteBytesPerSecond
    : work === 'index build' ? facts.tableBytes / throughput.indexBytesPerSecond
    : work === 'validation scan' ? facts.tableBytes / throughput.scanBytesPerSecond
    : 0;
  return {
    work,
    seconds,
    throughput,
    queuedWrites: Math.round(facts.writesPerSecond * seconds),
    queuedScans: Math.round(facts.scansPerSecond * seconds),
  };
}
