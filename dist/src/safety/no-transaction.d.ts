import type { PgClient } from '../db/pg-types.js';
import type { FailureOutcome, MigrationHookContext, PlannedMigration, RunInfo, StatementHookContext } from '../runner/hooks.js';
import type { Backup } from './backup.js';
import type { Measurement } from './measure.js';
import type { PgTools } from './pg-tools.js';
import type { Unit } from './verification.js';
export interface GuardSettings {
    schemas?: readonly string[];
    tools: PgTools;
    databaseUrl(): string;
    backup(): Backup | undefined;
}
/**
 * The safety net of a migration that runs outside a transaction: before-images of what each statement
 * changes (stage 2b), and on failure the undo of exactly what its committed statements did (stage 5).
 */
export declare function noTransactionGuard(s: GuardSettings): {
    /** Refuses, before anything runs, a statement whose rows could only be restored by replacing a whole table. */
    refuseKeyless(run: RunInfo): Promise<void>;
    begin(client: PgClient, migration: PlannedMigration): Promise<void>;
    /** First in the statement's transaction, before anything fixes its snapshot: the lock a DROP COLUMN takes. */
    lockColumns({ migration, client, statement }: StatementHookContext): Promise<void>;
    /** In the statement's transaction, after the measurement started: images of every table it may change. */
    beforeStatement({ migration, client, statement, log }: StatementHookContext, unit: Unit): Promise<void>;
    /** After the statement passed verification, before its COMMIT: keep only what it changed. */
    afterStatement({ migration, client, statement }: StatementHookContext, m: Measurement): Promise<void>;
    /** The migration finished: its before-images are no longer needed. */
    finished(client: PgClient, migration: PlannedMigration): Promise<void>;
    restore(context: MigrationHookContext & {
        error: unknown;
    }): Promise<FailureOutcome | void>;
};
