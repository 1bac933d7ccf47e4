import type { Statement } from '../sql/parser.js';
import type { LocatedDirective } from '../sql/directives.js';
import type { FileRunner, MigrationTool } from '../sql/discover.js';
/**
 * Which transaction rule lint assumes (configuration key `transaction`, the `--assume-…` flags):
 * - `auto`: each file as the tool that owns its layout runs it (pgwarden's runner when none is known);
 * - `per-file`: pgwarden's runner for every file;
 * - `per-statement`: every statement autocommits (`--assume-autocommit`; psql, golang-migrate with
 *   x-multi-statement);
 * - `in-transaction`: every file runs in one transaction, whatever it holds (`--assume-in-transaction`).
 */
export type TransactionAssumption = 'auto' | 'per-file' | 'per-statement' | 'in-transaction';
export declare const TRANSACTION_ASSUMPTIONS: readonly TransactionAssumption[];
/**
 * How a file's statements are grouped before its own BEGIN/COMMIT are taken into account:
 * - `runner`: pgwarden's runner: one transaction, unless a directive or a statement that cannot run in one
 *   makes it run statement by statement;
 * - `wrap`: the tool opens one transaction around the file and runs its statements in it;
 * - `query`: the tool sends the whole file as one multi-statement query, which PostgreSQL runs as one
 *   implicit transaction as soon as it holds two statements (a single statement runs on its own);
 * - `autocommit`: every statement commits on its own.
 */
export type PolicyKind = 'runner' | 'wrap' | 'query' | 'autocommit';
export interface FilePolicy {
    kind: PolicyKind;
    /** The tool whose rule applies (undefined under an --assume-… override). */
    tool?: MigrationTool;
    /** Why, for messages: "golang-migrate sends this file as one multi-statement query…". */
    reason: string;
    /** How to run a statement that cannot be in a transaction block, with this tool. */
    escape: string;
}
/** The tool a file is run by: the layout's, or for plain `*.sql` files the one whose section markers it carries. */
export declare function toolOf(runner: FileRunner | undefined, directives: readonly LocatedDirective[]): MigrationTool;
/**
 * The policy a file runs under. `topLevel` are its top-level statements (DO bodies excluded) and
 * `refused` the first of them PostgreSQL refuses inside a transaction block, for pgwarden's runner.
 */
/** A tool's name as messages spell it. */
export declare function toolName(tool: MigrationTool): string;
export declare function filePolicy(assumption: TransactionAssumption, runner: FileRunner | undefined, directives: readonly LocatedDirective[], topLevel: readonly Statement[], refused: string | undefined, pgVersion: number): FilePolicy;
