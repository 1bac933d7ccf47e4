import type { PgClient, PgPool } from '../db/pg-types.js';
import type { ConnectionTarget } from '../db/url.js';
export interface Session {
    /** Reads history, watches blockers, writes the run journal (outside the migrations' transactions). */
    control: PgClient;
    /** Runs migrations and holds the run lock (the same as `control` when the caller gave a single client). */
    migration: PgClient;
    migrationPid: number;
    close(): Promise<void>;
    /** Set by underRunLock once the run lock is held (on `migration`, the connection that changes the database). */
    lock?: HeldRunLock;
}
export interface HeldRunLock {
    key: number;
    /** Throws RunLockLostError when `migration` no longer holds the lock (its session was terminated, or it unlocked). */
    assertHeld(migration: string | undefined, outcome: string): Promise<void>;
    /** Migrations another runner applied while this one waited for the lock (empty when it did not wait). */
    appliedWhileWaiting: string[];
}
export type ConnectionSource = {
    kind: 'target';
    target: ConnectionTarget;
} | {
    kind: 'pool';
    pool: PgPool;
} | {
    kind: 'client';
    client: PgClient;
};
/**
 * Opens the connections of one command. Two sessions where possible: the run lock and the monitoring
 * queries must not share the migration's transaction. Their history lives in `historySchema`.
 */
export declare function openSession(source: ConnectionSource, count: 1 | 2, historySchema?: string): Promise<Session>;
