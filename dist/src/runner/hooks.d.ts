import type { PgClient } from '../db/pg-types.js';
import type { Statement } from '../sql/parser.js';
/**
 * What the runner knows about one migration it is about to apply. The safety net (backup, row-count
 * verification, restore) plugs in through MigrationHooks without the runner knowing how it works.
 */
export interface PlannedMigration {
    /** Migration name as stored in the history (file name without directory). */
    name: string;
    path: string;
    sql: string;
    /** True when the runner wraps the migration in one transaction (false for no-transaction files). */
    transactional: boolean;
    /** Tables whose rows the migration may destroy (drop, truncate, delete, update, lossy alter). */
    tablesAtRisk: string[];
    /** Tables the migration declares with `-- pgwarden:allow-data-loss`. */
    allowDataLoss: string[];
    /** Each statement that puts a table at risk, so that messages can name it (table, reason, SQL, line). */
    risks?: Array<{
        table: string;
        reason: string;
        statement: string;
        line?: number;
    }>;
    /** The top-level statements as parsed (DO bodies not split out), for hooks that look at what runs. */
    statements?: readonly Statement[];
}
export interface RunInfo {
    /** The connection URL (with its password: for tools such as pg_dump; never print it unredacted). Empty when the runner was given a pool or client, or connects through PG* variables. */
    databaseUrl: string;
    migrations: PlannedMigration[];
    /** A connection the hook may use for its own queries (not inside any migration's transaction). */
    client: PgClient;
    log: RunLogger;
    /** Where this run's history lives (RunnerOptions.historySchema): a backup records it, so that restoring it rewinds that history. */
    historySchema: string;
}
export interface MigrationHookContext {
    migration: PlannedMigration;
    /** The migration's connection; inside its transaction when `migration.transactional`. */
    client: PgClient;
    log: RunLogger;
    /**
     * After the SQL ran (afterMigration of a transactional migration, afterStatement): the server's answer
     * to each top-level statement, in order — its command tag's verb and row count (`UPDATE 3`).
     */
    results?: ReadonlyArray<{
        command: string | null;
        rowCount: number | null;
    }>;
}
/** One statement of a migration that runs outside a transaction. */
export interface StatementHookContext extends MigrationHookContext {
    statement: {
        /** 0-based position among the migration's top-level statements. */
        index: number;
        text: string;
        /** 1-based line in the file. */
        line: number;
        /** The parse, when the runner has one. */
        parsed?: Statement;
        /**
         * True when the runner runs the statement in a transaction of its own (REPEATABLE READ) so that
         * hooks can measure and undo exactly it; false for statements PostgreSQL refuses in one
         * (CREATE INDEX CONCURRENTLY…) and for files that manage their own transactions.
         */
        inTransaction: boolean;
    };
}
export interface RunLogger {
    info(event: string, fields?: Record<string, unknown>): void;
    warn(event: string, fields?: Record<string, unknown>): void;
    error(event: string, fields?: Record<string, unknown>): void;
}
export interface FailureOutcome {
    restored: boolean;
}
export interface MigrationHooks {
    /** Before the first pending migration: e.g. take a backup. Throwing stops the run before anything is applied. */
    beforeRun?(run: RunInfo): Promise<void>;
    /** After BEGIN (for transactional migrations), before the migration's SQL: e.g. count rows. */
    beforeMigration?(context: MigrationHookContext): Promise<void>;
    /** After the SQL, before COMMIT: e.g. verify counts. Throwing rolls the migration back. */
    afterMigration?(context: MigrationHookContext): Promise<void>;
    /**
     * Outside a transaction only: before each statement, inside its own transaction when
     * `statement.inTransaction`. Throwing fails the migration before the statement runs.
     */
    beforeStatement?(context: StatementHookContext): Promise<void>;
    /** After the statement, before its transaction commits; throwing rolls the statement back and fails the migration. */
    afterStatement?(context: StatementHookContext): Promise<void>;
    /**
     * After a migration failed (and its transaction, if any, rolled back): e.g. restore. Returning
     * `{ restored: true }` says the database is back to its state before the migration, so the runner
     * clears the interrupted marker of a migration that ran outside a transaction.
     */
    onFailure?(context: MigrationHookContext & {
        error: unknown;
    }): Promise<void | FailureOutcome>;
    /** After the whole run, successful or not. */
    afterRun?(run: RunInfo & {
        ok: boolean;
    }): Promise<void>;
}
