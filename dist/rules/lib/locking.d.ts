import type { AlterTableCmd, AlterTableStmt, Constraint, Node, RangeVar } from '@pgsql/types';
import type { RuleContext } from '../../src/lint/types.js';
import type { Statement } from '../../src/sql/parser.js';
import { type LockMode } from '../../src/analysis/locks.js';
/** `AccessExclusiveLock` → `ACCESS EXCLUSIVE`, the way PostgreSQL's documentation names modes. */
export declare function lockName(mode: LockMode): string;
/** `an ACCESS EXCLUSIVE`, `a SHARE`: the mode's name with its article. */
export declare function aLock(mode: LockMode): string;
/** What other sessions cannot do while `mode` is held (or queued for). */
export declare function blockedWork(mode: LockMode): string;
export interface TableAlter {
    alter: AlterTableStmt;
    relation: RangeVar;
    /** `schema.table` as written. */
    table: string;
    cmds: AlterTableCmd[];
}
/** An ALTER TABLE on a table (not an index, view or sequence), with its commands unwrapped. */
export declare function tableAlter(statement: Statement): TableAlter | undefined;
/**
 * True when the table existed before this file: created by an earlier migration or outside the history.
 * A table created earlier in the same file (or transaction) is empty and unused by deployed code, so
 * locking, scanning or rewriting it blocks nobody.
 */
export declare function existingTable(ctx: RuleContext, relation: RangeVar | string | undefined): boolean;
/** The table an index belongs to, when the replayed history or the file so far knows it. */
export declare function indexTable(ctx: RuleContext, indexName: string): string | undefined;
/** The constraint added by an AT_AddConstraint command, or the constraints of an added column. */
export declare function addedConstraints(cmd: AlterTableCmd): Constraint[];
/** A constraint an ALTER TABLE adds to a table that existed before this file, with its command. */
export interface AddedConstraint {
    alter: TableAlter;
    cmd: AlterTableCmd;
    constraint: Constraint;
}
/** Every constraint the statement adds to an existing table (tables created earlier in the file are skipped). */
export declare function constraintsAddedToExistingTable(ctx: RuleContext): AddedConstraint[];
/** The lock mode name of the NOT VALID add of `name` earlier in the current transaction, if any. */
export declare function addedNotValidInThisTransaction(ctx: RuleContext, table: string, name: string): string | undefined;
/**
 * Reports each constraint of one kind that builds a new index on an existing table under its ACCESS
 * EXCLUSIVE lock (PRIMARY KEY, UNIQUE without USING INDEX, EXCLUDE). `kind` names a named one in the
 * message (`primary key items_pkey`), `unnamed` one without a name (`a primary key`).
 */
export declare function reportIndexBuildingConstraints(ctx: RuleContext, contype: Constraint['contype'], kind: string, unnamed: string): void;
/** True when a CHECK or FOREIGN KEY constraint will be checked against every existing row right away. */
export declare function validatesNow(c: Constraint): boolean;
/** True when the ADD builds a new index under the table lock (not `… USING INDEX`). */
export declare function buildsIndex(c: Constraint): boolean;
/** The domain name as written (`schema.name` or `name`). */
export declare function qualifiedName(names: Node[] | undefined): string;
interface SettingState {
    /** Index of the last statement folded into the state. */
    upTo: number;
    session: boolean;
    /** Transaction id a `SET LOCAL` applies to, if any. */
    local?: number;
    /** The file already got its one finding for this setting. */
    reported: boolean;
}
/**
 * Whether `name` is set to a non-zero value for the current statement: by a session-level SET earlier in
 * the file, or by a SET LOCAL earlier in the same transaction. Call it for every statement: the engine
 * calls rules in statement order, so the state folds one statement per call and files of thousands of
 * statements stay linear (a missed call is caught up from `previous`).
 */
export declare function settingActive(ctx: RuleContext, name: string): {
    active: boolean;
    state: SettingState;
};
export interface LockWait {
    /** The existing relation locked (as written). */
    table: string;
    mode: LockMode;
    /** Node location for the report. */
    location?: number;
}
/**
 * The first existing relation the statement must lock in a mode that queues ordinary reads or writes
 * (SHARE or stronger). While such a lock request waits behind a long transaction, every later query on
 * the table waits behind it: that is what lock_timeout bounds.
 */
export declare function blockingLockWait(ctx: RuleContext): LockWait | undefined;
/**
 * The first existing relation the statement reads in full or rewrites while holding a lock that blocks
 * writes: an index build, a validating constraint, a rewriting ADD COLUMN, REINDEX, CLUSTER, VACUUM
 * FULL. (Type changes and SET NOT NULL are left to the rules that know the old type and constraints.)
 */
export declare function scanUnderLock(ctx: RuleContext): (LockWait & {
    what: string;
}) | undefined;
export {};
