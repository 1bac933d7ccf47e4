import type { Statement } from '../../src/sql/parser.js';
/**
 * What a statement does to the session's transaction block: `begin` opens one, `end` closes it
 * (COMMIT, ROLLBACK, PREPARE TRANSACTION), `chain` closes it and opens the next (… AND CHAIN).
 * COMMIT/ROLLBACK PREPARED act on another, prepared transaction: not on the session's block.
 */
export declare function blockEffect(statement: Statement): 'begin' | 'end' | 'chain' | undefined;
/**
 * The idiom of a file written for a runner that wraps it in a transaction but holding a statement that
 * cannot run in one: `COMMIT;` first (ends the runner's transaction), the statement, `BEGIN;` last (gives
 * the runner a transaction to commit). Neither the stray COMMIT nor the last, empty BEGIN is a mistake.
 */
export declare function escapesRunnerTransaction(statements: readonly Statement[]): boolean;
/** Whether a transaction block is open after `statements` (top-level ones; DO bodies cannot open one). */
export declare function blockOpenAfter(statements: readonly Statement[]): Statement | undefined;
