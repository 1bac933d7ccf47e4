import type { Constraint } from '@pgsql/types';
import type { Statement } from '../sql/parser.js';
/** One rewrite of one statement: its new text, and what must run after it in a later transaction. */
export interface StatementRewrite {
    rule: string;
    /** The statement's replacement (without the semicolon). */
    text: string;
    /** Statements (without semicolons) that must run after this one commits, in order. */
    followUps: string[];
    /** The new statement cannot run inside a transaction block (CREATE INDEX CONCURRENTLY). */
    outsideTransaction?: boolean;
}
/** Why a finding was left as it is. */
export declare class NotFixable extends Error {
}
/** A name the generated SQL can write bare when PostgreSQL would fold it to itself. */
export declare function sqlName(name: string): string;
/** CREATE [UNIQUE] INDEX … → CREATE [UNIQUE] INDEX CONCURRENTLY … */
export declare function concurrentIndex(statement: Statement): StatementRewrite;
/**
 * The name PostgreSQL gives an unnamed constraint when none of that name exists yet (ChooseConstraintName):
 * `<table>_<columns>_fkey`, `<table>_<column>_check` (one column referenced) or `<table>_check`.
 */
export declare function defaultConstraintName(table: string, c: Constraint): string;
/** ADD FOREIGN KEY / ADD CHECK → the same NOT VALID, then VALIDATE CONSTRAINT after it commits. */
export declare function notValidConstraint(statement: Statement, rule: string): StatementRewrite;
/**
 * SET NOT NULL → CHECK (col IS NOT NULL) NOT VALID now; VALIDATE it, SET NOT NULL (which the validated
 * CHECK lets skip its scan, PostgreSQL 12+) and DROP the helper after it commits.
 */
export declare function notNullViaCheck(statement: Statement): StatementRewrite;
