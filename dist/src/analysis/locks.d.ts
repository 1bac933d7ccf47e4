import type { Constraint } from '@pgsql/types';
import type { Statement } from '../sql/parser.js';
import { type SchemaModel } from './schema.js';
/** PostgreSQL's table-level lock modes, weakest first (see the "Table-Level Locks" docs). */
export declare const LOCK_MODES: readonly ["AccessShareLock", "RowShareLock", "RowExclusiveLock", "ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock"];
export type LockMode = (typeof LOCK_MODES)[number];
export interface LockClaim {
    /** Key (`schema.name`) of the locked relation: a table, or for index statements the index's table. */
    relation: string;
    /** `index` only when an index statement's table is unknown and the claim is on the index itself. */
    relationKind?: 'table' | 'index';
    /** The strongest mode the statement takes on that relation (as pg_locks names it). */
    mode: LockMode;
    /** True when the statement rewrites the whole table (relfilenode changes). */
    rewrite: boolean;
    /** True when the statement reads every row while holding the lock (validation, index build). */
    scan: boolean;
    /** What takes the lock, for messages and `migrate plan`: `ADD COLUMN`, `CREATE INDEX`… */
    reason: string;
    /** Set when the answer rests on something the model does not know (e.g. the old column type). */
    uncertain?: string;
}
/** Whether `mode` blocks plain reads (SELECT) / writes (INSERT, UPDATE, DELETE) of other sessions. */
export declare function blocksReads(mode: LockMode): boolean;
export declare function blocksWrites(mode: LockMode): boolean;
export declare function strongerMode(a: LockMode, b: LockMode): LockMode;
/** The mode LOCK TABLE's numeric `mode` stands for (1 = ACCESS SHARE … 8 = ACCESS EXCLUSIVE). */
export declare function lockModeOfNumber(n: number): LockMode;
/** Human spelling for messages: `AccessExclusiveLock` → `ACCESS EXCLUSIVE`. */
export declare function lockModeName(mode: LockMode): string;
/**
 * The table locks a statement takes, as PostgreSQL 15 takes them (AlterTableGetLockLevel and the
 * "Table-Level Locks" documentation), with the rewrites and full scans done while holding them.
 * `schema` is the model before the statement. Statements that take no table lock return [].
 */
export declare function lockTakenBy(statement: Statement, schema: SchemaModel, pgVersion?: number): LockClaim[];
/** A generated column computed when read (VIRTUAL, 18's default when neither STORED nor VIRTUAL is said). */
export declare function isVirtualGenerated(constraint: Constraint, pgVersion: number): boolean;
/**
 * True when ADD PRIMARY KEY / UNIQUE on a partitioned table builds nothing: every partition already has
 * the key as a PRIMARY KEY or UNIQUE constraint on the same columns, and PostgreSQL attaches their
 * indexes (checked against the server). A primary key on nullable columns still scans to set NOT NULL.
 */
export declare function partitionsHoldKey(schema: SchemaModel, key: string, c: Constraint): boolean;
