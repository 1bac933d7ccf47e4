import { type Statement, type SyntaxProblem } from '../sql/parser.js';
import { type FileTransactionMode, type TransactionAssumption } from './transactions.js';
import { type LockClaim } from './locks.js';
export interface MigrationSource {
    name: string;
    /** Path shown in messages. */
    path: string;
    text: string;
}
export interface TableAtRisk {
    table: string;
    /** Every reason found in the migration (`DELETE`, `DROP COLUMN`…), in statement order, unique. */
    reasons: string[];
}
export interface RiskDetail {
    table: string;
    reason: string;
    /** The statement's SQL text (for a DO body: the statement inside it). */
    statement: string;
    /** 1-based line of the statement in the file. */
    line: number;
}
/** A lock claim as the runner shows it: also whether the relation is new (created in this migration). */
export interface MigrationLock extends LockClaim {
    /** Created earlier in the same migration: no application session uses it yet, so the lock blocks no one. */
    createdHere: boolean;
}
export interface MigrationAnalysis {
    name: string;
    path: string;
    /** How the runner runs the file (runner-wrapped transaction, its own BEGIN/COMMIT, or none). */
    transaction: FileTransactionMode;
    /** Why: `runs in one transaction`, `-- pgwarden:no-transaction`, `CREATE INDEX CONCURRENTLY cannot…`. */
    transactionReason: string;
    /** Top-level statements in order (DO bodies excluded: they run as part of their DO). */
    statements: Statement[];
    /** The strongest lock claim per table over the whole migration. */
    locks: MigrationLock[];
    tablesAtRisk: TableAtRisk[];
    /** Each statement that puts a table at risk (for messages that name the statement). */
    risks: RiskDetail[];
    /** Tables named by `-- pgwarden:allow-data-loss`, as table keys (`schema.name`). */
    allowDataLoss: string[];
    syntaxError?: SyntaxProblem;
}
export interface AnalyzeOptions {
    pgVersion?: number;
    transaction?: TransactionAssumption;
    /**
     * The search_path the migrations run under (default PostgreSQL's, i.e. public): unqualified names, in
     * statements and in `-- pgwarden:allow-data-loss`, mean its schemas (a schema-per-tenant target).
     */
    searchPath?: readonly string[];
}
/**
 * Replays migrations in order through one SchemaModel, as the lint engine does, so that each one is
 * judged against the schema the earlier ones built (a table created in the same file is not at risk).
 * Pass applied and pending migrations alike; read the pending ones from the result.
 */
export declare function analyzeMigrations(sources: MigrationSource[], options?: AnalyzeOptions): Promise<MigrationAnalysis[]>;
