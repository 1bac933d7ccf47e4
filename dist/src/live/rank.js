import { blocksWrites, lockModeName, lockTakenBy } from '../analysis/locks.js';
import { DEFAULT_THROUGHPUT } from './facts.js';
import { estimateLock } from './estimate.js';
import { above, below, DEFAULT_LARGE_TABLE, DEFAULT_SMALL_TABLE, describeThreshold, formatBytes, formatCount, formatSeconds } from './thresholds.js';
/**
 * The lock a finding is about, costed: of the claims that block writes, rewrite or scan, the one on the
 * largest table the facts know. Undefined when the statement locks no table the database has (a table a
 * pending migration creates is left to the rule's own severity: pointing at the wrong, empty database
 * must not turn every finding into info).
 */
export function costliestLock(statement, schema, pgVersion, facts, throughput) {
    let best;
    for (const claim of lockTakenBy(statement, schema, pgVersion)) {
        if (!blocksWrites(claim.mode) && !claim.rewrite && !claim.scan)
            continue;
        const table = facts.tables[claim.relation];
        if (!table)
            continue;
        const estimate = estimateLock(claim, table, throughput ?? facts.throughput ?? DEFAULT_THROUGHPUT);
        if (!best || estimate.seconds > best.estimate.seconds || (estimate.seconds === best.estimate.seconds && table.totalBytes > best.facts.totalBytes)) {
            best = { claim, facts: table, estimate };
        }
    }
    return best;
}
/** `public.events: ~2.0M rows, 180 MB with indexes and TOAST; SHARE held ~4.2 s (index build at 30 MB/s, default throughput)`. */
export function describeCost(c) {
    const { claim, facts, estimate } = c;
    const size = `${claim.relation}: ~${formatCount(facts.rows)} rows, ${formatBytes(facts.totalBytes)} with indexes and TOAST${facts.sizeEstimated ? ' (never analysed and locked right now: not measured)' : ''}`;
    if (estimate.work === 'catalog change')
        return `${size}; ${lockModeName(claim.mode)} is brief once granted, but waits behind ${facts.sessions} session${facts.sessions === 1 ? '' : 's'} using it now`;
    const rate = estimate.work === 'rewrite' ? estimate.throughput.rewriteBytesPerSecond : estimate.work === 'index build' ? estimate.throughput.indexBytesPerSecond : estimate.throughput.scanBytesPerSecond;
    const source = estimate.throughput.source === 'calibrated' ? 'calibrated' : 'default throughput; run pgwarden calibrate';
    const queue = estimate.queuedWrites > 0 ? `; ~${formatCount(estimate.queuedWrites)} writes would queue` : '';
    return `${size}; ${lockModeName(claim.mode)} held ~${formatSeconds(estimate.seconds)} (${estimate.work} at ${formatBytes(rate)}/s, ${source})${queue}`;
}
/**
 * A lint adjustment that ranks locking findings by the size of the table they lock: below the small
 * threshold they become info, above the large one errors, and every ranked message carries the figures.
 */
export function rankByCost(facts, rules, options = {}) {
    const small = options.small ?? DEFAULT_SMALL_TABLE;
    const large = options.large ?? DEFAULT_LARGE_TABLE;
    return (finding, statement, schema, pgVersion) => {
        if (rules.get(finding.rule)?.category !== 'locking')
            return finding;
        const cost = costliestLock(statement, schema, pgVersion, facts, options.throughput);
        if (!cost)
            return finding;
        const figures = describeCost(cost);
        if (below(small, cost.facts)) {
            return { ...finding, severity: 'info', message: `${finding.message} Small table (under ${describeThreshold(small)}), ${figures}.` };
        }
        if (above(large, cost.facts)) {
            return { ...finding, severity: 'error', message: `${finding.message} Large table (over ${describeThreshold(large)}), ${figures}.` };
        }
        return { ...finding, message: `${finding.message} ${capitalize(figures)}.` };
    };
}
function capitalize(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
}
