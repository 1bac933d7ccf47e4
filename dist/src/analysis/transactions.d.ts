import type { Statement } from '../sql/parser.js';
import type { LocatedDirective } from '../sql/directives.js';
import type { FileRunner, MigrationTool } from '../sql/discover.js';
import { type PolicyKind, type TransactionAssumption } from './transaction-policy.js';
export type { TransactionAssumption } from './transaction-policy.js';
export type { FileRunner } from '../sql/discover.js';
/**
 * How a migration file is run, from DESIGN.md's transaction assumption:
 * - `runner`: the tool runs the whole file in one transaction (pgwarden's runner, a wrapping tool, or the
 *   implicit transaction of one multi-statement query);
 * - `explicit`: the file manages its own BEGIN/COMMIT and runs as written;
 * - `none`: every statement autocommits (an opt-out marker, a statement that cannot run in a
 *   transaction under pgwarden's runner, or a tool that runs statements one by one).
 */
export type FileTransactionMode = 'runner' | 'explicit' | 'none';
export interface TransactionState {
    /** True when the statement runs inside a transaction block with other statements possibly before it. */
    inTransaction: boolean;
    /** Statements with the same id share one transaction (autocommitted statements get their own id). */
    id: number;
}
export interface FileTransactions {
    mode: FileTransactionMode;
    /** Why the mode was chosen, for messages (`-- pgwarden:no-transaction`, `CREATE INDEX CONCURRENTLY`…). */
    reason: string;
    /** How the tool that runs the file takes a statement out of a transaction (for help texts). */
    escape: string;
    /** The tool whose transaction rule applies (undefined under an --assume-… override). */
    tool?: MigrationTool;
    /** How the tool groups the file's statements before its own BEGIN/COMMIT count. */
    policy: PolicyKind;
    /** One entry per statement, same order as the statements. */
    states: TransactionState[];
}
/** A statement PostgreSQL refuses inside a transaction block, with a human name; undefined if none. */
export declare function cannotRunInTransaction(statement: Statement, pgVersion?: number): string | undefined;
/**
 * BEGIN/START TRANSACTION, COMMIT/END, ROLLBACK… as a small enum. `chain` is COMMIT/ROLLBACK AND CHAIN:
 * it ends the transaction and at once opens the next one. COMMIT/ROLLBACK PREPARED act on another,
 * prepared transaction (and cannot run in a block), so they leave the session's block as it is.
 */
export declare function transactionControl(statement: Statement): 'begin' | 'commit' | 'rollback' | 'chain' | 'savepoint' | 'prepared' | undefined;
/**
 * Decides how a file runs and which statements share a transaction. Both the lint engine and the runner's
 * analysis call it once per file before anything reads the statements, so it also notes the session
 * state names depend on: the `SET search_path` in force at each statement (see search-path.ts).
 */
export declare function analyzeTransactions(statements: Statement[], directives: LocatedDirective[], assumption?: TransactionAssumption, pgVersion?: number, runner?: FileRunner, searchPath?: readonly string[]): FileTransactions;
/** `SET lock_timeout = …` and friends: the setting name a SET statement changes, if any. */
export declare function settingChanged(statement: Statement): {
    name: string;
    value: string;
} | undefined;
