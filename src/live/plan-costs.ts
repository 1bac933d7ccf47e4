import { blocksReads, blocksWrites, type LockClaim } from '../analysis/locks.js';
import { DEFAULT_THROUGHPUT, type LiveFacts, type Throughput } from './facts.js';
import { estimateLock, type LockEstimate } from './estimate.js';
import { formatBytes, formatCount, formatSeconds } from './thresholds.js';

export interface LockCost extends LockEstimate {
  rows: number;
  totalBytes: number;
  sessions: number;
  writesPerSecond: number;
  scansPerSecond: number;
}

/** Size, estimated hold time and the traffic that would queue, for a lock on a table the database has. */
export function lockCost(lock: LockClaim, facts: LiveFacts, throughput?: Throughput): LockCost | undefined {
  const table = facts.tables[lock.relation];
  if (!table) return undefined;
  const estimate = estimateLock(lock, table, throughput ?? facts.throughput ?? DEFAULT_THROUGHPUT);
  return { ...estimate, rows: table.rows, totalBytes: table.totalBytes, sessions: table.sessions, writesPerSecond: table.writesPerSecond, scansPerSecond: table.scansPerSecond };
}

/**
 * The line `migrate plan` prints under a lock: `~2M rows, 127 MB; held ~2.8 s (index build at 30 MB/s,
 * default throughput); 1 session uses it now; writes queue behind it: ~1.2k/s, ~3.4k in all`.
 */
export function describeLockCost(lock: LockClaim, cost: LockCost): string {
  const parts = [`~${formatCount(cost.rows)} rows, ${formatBytes(cost.totalBytes)}`];
  if (cost.work === 'catalog change') parts.push('held briefly once granted (a catalog change)');
  else {
    const t = cost.throughput;
    const rate = cost.work === 'rewrite' ? t.rewriteBytesPerSecond : cost.work === 'index build' ? t.indexBytesPerSecond : t.scanBytesPerSecond;
    parts.push(`held ~${formatSeconds(cost.seconds)} (${cost.work} at ${formatBytes(rate)}/s, ${t.source === 'calibrated' ? 'calibrated' : 'default throughput'})`);
  }
  parts.push(`${cost.sessions} session${cost.sessions === 1 ? ' uses' : 's use'} it now`);
  const queued: string[] = [];
  if (blocksWrites(lock.mode)) queued.push(`writes ~${rate(cost.writesPerSecond)}/s${cost.queuedWrites > 0 ? ` (~${formatCount(cost.queuedWrites)} in all)` : ''}`);
  if (blocksReads(lock.mode)) queued.push(`reads ~${rate(cost.scansPerSecond)}/s${cost.queuedScans > 0 ? ` (~${formatCount(cost.queuedScans)} in all)` : ''}`);
  if (queued.length > 0) parts.push(`queued behind it: ${queued.join(', ')}`);
  return parts.join('; ');
}

function rate(perSecond: number): string {
  if (perSecond === 0) return '0';
  return perSecond >= 10 ? formatCount(perSecond) : perSecond.toFixed(perSecond >= 1 ? 1 : 2);
}
