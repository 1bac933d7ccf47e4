import type { PgClient } from '../db/pg-types.js';
/** The runner's own schema; its tables are the contract other tools (status, repair) read. */
export declare const HISTORY_SCHEMA = "pgwarden";
export declare function useHistorySchema(client: PgClient, schema: string): void;
export declare function forgetHistorySchema(client: PgClient): void;
/** The history schema of `client`, quoted for SQL. */
export declare function quotedHistorySchema(client: PgClient): string;
export interface HistoryEntry {
    name: string;
    /** sha256 (hex) of the migration file when it was applied. */
    checksum: string;
    appliedAt: Date;
    appliedBy: string;
    durationMs: number;
    pgwardenVersion: string;
}
/** A migration that was started outside a transaction and has not finished (or not been resolved). */
export interface AttemptMarker {
    name: string;
    direction: 'up' | 'down';
    checksum: string;
    startedAt: Date;
    startedBy: string;
    statementsTotal: number;
    statementsDone: number;
}
/** Creates the history tables (idempotent). Call while holding the run lock so two runners do not race. */
export declare function ensureHistory(client: PgClient): Promise<void>;
/** Applied migrations in the order they were applied; empty when the runner never ran here. */
export declare function readHistory(client: PgClient): Promise<HistoryEntry[]>;
export declare function readAttempts(client: PgClient): Promise<AttemptMarker[]>;
/** Records an applied migration; called on the migration's connection inside its transaction. */
export declare function recordApplied(client: PgClient, entry: Omit<HistoryEntry, 'appliedAt'>): Promise<void>;
export declare function removeApplied(client: PgClient, name: string): Promise<void>;
/** Written (and committed) before a migration that runs outside a transaction starts. */
export declare function startAttempt(client: PgClient, marker: Omit<AttemptMarker, 'startedAt' | 'statementsDone'>): Promise<void>;
export declare function progressAttempt(client: PgClient, name: string, statementsDone: number): Promise<void>;
export declare function finishAttempt(client: PgClient, name: string): Promise<void>;
/** umzug's UmzugStorage, spelled out: umzug's own declarations need @types/node, these must not. */
export interface HistoryStorage {
    executed(): Promise<string[]>;
    logMigration(params: {
        name: string;
    }): Promise<void>;
    unlogMigration(params: {
        name: string;
    }): Promise<void>;
}
/**
 * umzug's view of the history. The row itself is written by the migration inside its own transaction
 * (so it exists iff the migration committed); umzug calls logMigration after that commit, so here it only
 * confirms the row is there, and likewise for unlogMigration after a revert.
 */
export declare function historyStorage(client: PgClient): HistoryStorage;
