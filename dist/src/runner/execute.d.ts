import type { PgClient } from '../db/pg-types.js';
import type { Statement } from '../sql/parser.js';
import type { MigrationAnalysis } from '../analysis/migration-analysis.js';
import type { MigrationHooks, PlannedMigration, RunLogger } from './hooks.js';
import { type BackoffPolicy } from './retry.js';
import type { HeldRunLock } from './connections.js';
export type Isolation = 'read committed' | 'repeatable read';
export interface ApplySettings {
    lockTimeoutMs: number;
    /** 0 or undefined: no statement timeout. */
    statementTimeoutMs?: number;
    isolation: Isolation;
    /** Retries after a lock timeout or serialization failure (attempts = retries + 1). */
    lockRetries: number;
    /** No retry starts after this long since the migration's first attempt (ms). */
    retryDeadlineMs: number;
    backoff: BackoffPolicy;
}
export interface Connections {
    /** Runs the migration. */
    migration: PgClient;
    /** Backend pid of `migration`. */
    migrationPid: number;
    /** Another connection for watching who blocks the migration (absent with a single client). */
    monitor?: PgClient;
    /** The run lock `migration` holds; checked before each migration, statement and commit. */
    lock?: HeldRunLock;
}
/** One migration file run in one direction. */
export interface MigrationJob {
    direction: 'up' | 'down';
    /** What hooks see (name, path, sql, transactional, tables at risk). */
    planned: PlannedMigration;
    /** Analysis of the file being run (the down file for `down`). */
    analysis: MigrationAnalysis;
    /** sha256 of the up file (recorded in the history). */
    checksum: string;
    appliedBy: string;
    pgwardenVersion: string;
    /** Continues an interrupted no-transaction attempt (see repair.ts) instead of starting one. */
    resume?: ResumePlan;
}
/** How to pick up an interrupted attempt whose marker is still in pgwarden.migration_attempts. */
export interface ResumePlan {
    /** Statements the marker records as done; they are not run again. */
    statementsDone: number;
    /**
     * Asked before each remaining statement: a reason when the statement evidently completed before the
     * interruption (its progress was never recorded), and is skipped.
     */
    alreadyApplied(client: PgClient, statement: Statement): Promise<string | undefined>;
}
export interface JobResult {
    durationMs: number;
    attempts: number;
}
/** A migration that failed; the cause keeps the driver's error (SQLSTATE in `code`). */
export declare class MigrationFailedError extends Error {
    readonly migration: string;
    readonly attempts: number;
    readonly cause: unknown;
    constructor(migration: string, cause: unknown, attempts: number, detail: string);
}
/**
 * Applies or reverts one migration with the transaction policy of DESIGN.md: in one transaction
 * (retried as a whole after a lock timeout), statement by statement outside one (retrying only the
 * statement that timed out), or as written when the file manages its own transactions.
 */
export declare function runJob(job: MigrationJob, conns: Connections, settings: ApplySettings, hooks: readonly MigrationHooks[], log: RunLogger): Promise<JobResult>;
/**
 * Serialization failures at REPEATABLE READ after which a transactional migration is retried at READ
 * COMMITTED: on a table the application keeps updating, every attempt meets a row changed after its
 * snapshot, where psql's READ COMMITTED would wait for the row and go on.
 */
export declare const SERIALIZATION_FALLBACK = 3;
/**
 * A CREATE INDEX CONCURRENTLY that timed out after creating its catalog entry leaves an INVALID index
 * behind; the retry would fail on the name, so drop that leftover first (never a valid index).
 */
export declare function dropInvalidIndexLeftBy(client: PgClient, statement: Statement): Promise<void>;
/** The INVALID indexes a CREATE INDEX CONCURRENTLY statement leaves when it is interrupted (none for other statements). */
export declare function invalidIndexesLeftBy(client: PgClient, statement: Statement): Promise<Array<{
    schema: string;
    name: string;
}>>;
