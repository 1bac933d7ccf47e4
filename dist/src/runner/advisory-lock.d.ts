import type { PgClient } from '../db/pg-types.js';
/** One key for every pgwarden runner on a database ('pgwd'); advisory locks are per database. */
export declare const RUN_LOCK_KEY = 1885828964;
/**
 * The run lock guards one history: runners keeping their history in another schema (a tenant's, see
 * RunnerOptions.historySchema) take a key of their own and do not wait for each other. The default
 * history keeps RUN_LOCK_KEY, so runners of older versions still exclude each other.
 */
export declare function runLockKeyFor(historySchema: string): number;
export interface SessionInfo {
    pid: number;
    applicationName: string;
    clientAddr: string | null;
    user: string | null;
    backendStart?: Date | null;
}
/** Another runner held the run lock for longer than we were willing to wait. */
export declare class RunLockTimeoutError extends Error {
    readonly holder?: SessionInfo;
    constructor(waitedMs: number, holder: SessionInfo | undefined);
}
/**
 * Takes the session-level run lock on `client`, waiting up to `waitMs`. Polls with pg_try_advisory_lock
 * rather than waiting inside pg_advisory_lock: a session blocked in a statement keeps a snapshot open,
 * and CREATE INDEX CONCURRENTLY of the runner holding the lock would wait for that snapshot forever.
 */
export declare function acquireRunLock(client: PgClient, waitMs: number, pollMs?: number, key?: number, onWait?: () => Promise<void>): Promise<void>;
export declare function releaseRunLock(client: PgClient, key?: number): Promise<void>;
/** The session holding the run lock, from pg_locks and pg_stat_activity. */
export declare function runLockHolder(client: PgClient, key?: number): Promise<SessionInfo | undefined>;
/**
 * The run lock is gone while the run was changing the database: its session was terminated
 * (`pg_terminate_backend`, a failover) or the migration released it. Another runner may already be
 * running, so this run stops at once; what it was applying is rolled back.
 */
export declare class RunLockLostError extends Error {
    readonly migration?: string;
    readonly cause: unknown;
    constructor(migration: string | undefined, cause: unknown, outcome: string);
}
/**
 * Whether `client` (the connection that applies the migrations) still holds the run lock. False, not
 * an error, when the connection itself is gone: that is how a terminated session shows up.
 */
export declare function holdsRunLock(client: PgClient, key?: number): Promise<boolean>;
