import { DEFAULT_THROUGHPUT } from './facts.js';
/** What the statement does while it holds the claimed lock, for the figure that bounds it. */
export function workOf(claim) {
    if (claim.rewrite)
        return 'rewrite';
    if (/INDEX|PRIMARY KEY|UNIQUE|EXCLUDE/i.test(claim.reason) && claim.scan)
        return 'index build';
    if (/INDEX/i.test(claim.reason))
        return 'index build';
    if (claim.scan)
        return 'validation scan';
    return 'catalog change';
}
/**
 * How long the lock is held: a rewrite copies the table and rebuilds its indexes (total bytes), an index
 * build and a validation read the heap (table bytes). A catalog-only change is quick once granted; what
 * it costs is the queue behind it while it waits, which lock_timeout bounds.
 */
export function estimateLock(claim, facts, throughput = DEFAULT_THROUGHPUT) {
    const work = workOf(claim);
    const seconds = work === 'rewrite' ? facts.totalBytes / throughput.rewriteBytesPerSecond
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
