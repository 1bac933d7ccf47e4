import type { Resolved, RunResult, UpOptions } from './types.js';
/**
 * `up --dry-run`: every pending migration inside one transaction, each behind a savepoint, then a
 * rollback. It proves the migrations run against this database and leaves nothing behind.
 */
export declare function dryRun(dir: string, r: Resolved, o: UpOptions): Promise<RunResult>;
