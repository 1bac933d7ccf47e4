import type { Statement } from '../sql/parser.js';
import type { SchemaModel } from './schema.js';

/** PostgreSQL's table-level lock modes, weakest first (see the "Table-Level Locks" docs). */
export const LOCK_MODES = [
  'AccessShareLock',
  'RowShareLock',
  'RowExclusiveLock',
  'ShareUpdateExclusiveLock',
  'ShareLock',
  'ShareRowExclusiveLock',
  'ExclusiveLock',
  'AccessExclusiveLock',
] as const;
export type LockMode = (typeof LOCK_MODES)[number];

export interface LockClaim {
  /** Table key (`schema.name`) of the locked relation; an index's table for index locks. */
  relation: string;
  /** The strongest mode the statement takes on that relation (as pg_locks names it). */
  mode: LockMode;
  /** True when the statement rewrites the whole table (relfilenode changes). */
  rewrite: boolean;
  /** True when the statement reads every row while holding the lock (validation, index build). */
  scan: boolean;
}

/** Whether `mode` blocks plain reads (SELECT) / writes (INSERT, UPDATE, DELETE) of other sessions. */
export function blocksReads(mode: LockMode): boolean {
  return mode === 'AccessExclusiveLock';
}
export function blocksWrites(mode: LockMode): boolean {
  return LOCK_MODES.indexOf(mode) >= LOCK_MODES.indexOf('ShareLock');
}

/**
 * The table locks a statement takes, as PostgreSQL 15 takes them. (Being implemented: returns none yet.)
 */
export function lockTakenBy(_statement: Statement, _schema: SchemaModel): LockClaim[] {
  return [];
}
