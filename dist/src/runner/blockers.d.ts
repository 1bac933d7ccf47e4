import type { PgClient } from '../db/pg-types.js';
export interface Blocker {
    pid: number;
    applicationName: string;
    clientAddr: string | null;
    state: string | null;
    /** The blocking session's current (or last) query, shortened. */
    query: string;
    /** How long the blocking session has been in its transaction (ms). */
    transactionAgeMs: number | null;
}
/**
 * Runs `work` while sampling, from another connection, which sessions block `pid` (pg_blocking_pids).
 * Sampled during the wait because once lock_timeout fires the waiter no longer waits and
 * pg_blocking_pids is empty.
 */
export declare function watchBlockers<T>(monitor: PgClient | undefined, pid: number, intervalMs: number, work: () => Promise<T>): Promise<{
    value?: T;
    error?: unknown;
    blockers: Blocker[];
}>;
export declare function blockersOf(client: PgClient, pid: number): Promise<Blocker[]>;
export declare function describeBlockers(blockers: Blocker[]): string;
