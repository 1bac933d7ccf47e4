import type { PgClient, PgPool } from '../db/pg-types.js';
import type { LintOptions } from '../lint/config.js';
import type { Finding, Rule } from '../lint/types.js';
import type { MigrationHooks, RunLogger } from './hooks.js';
import type { ConnectionSource } from './connections.js';
import type { ApplySettings, Isolation } from './execute.js';
import type { PlanEntry } from './plan.js';
import type { HistoryProblem } from './reconcile.js';
import type { AdoptionPlan, AdoptOptions, BaselineOptions } from './adopt.js';
import type { RepairOptions, RepairReport, UnfinishedRun } from './repair.js';

export type Duration = number | string;

export interface RunnerOptions {
  /** postgres:// URL; else DATABASE_URL / PG* variables, unless `pool` or `client` is given. */
  databaseUrl?: string;
  /** An application's pool: the runner borrows two connections per command and discards them after. */
  pool?: PgPool;
  /** A single connection: works, but blockers of a waiting migration cannot be identified. */
  client?: PgClient;
  /** The migrations directory (any layout src/sql/discover.ts knows). */
  dir: string;
  logger?: RunLogger;
  /** The safety net (backup, verification, restore) and anything else that wraps migrations. */
  hooks?: MigrationHooks[];
  /** lock_timeout for the migration's statements (default 500ms). */
  lockTimeout?: Duration;
  /** statement_timeout (default none). */
  statementTimeout?: Duration;
  /** Retries after a lock timeout or serialization failure (default 10). */
  lockRetries?: number;
  /** No retry starts later than this after the migration's first attempt (default 10m). */
  retryDeadline?: Duration;
  /** First backoff delay; doubles each retry, with jitter (default 250ms). */
  retryBaseDelay?: Duration;
  /** How long to wait for another runner to finish (default 3m). */
  waitForLock?: Duration;
  /**
   * Isolation of each migration's transaction (default 'repeatable read': the safety net counts rows
   * before and after the migration, and one snapshot makes those counts measure the migration alone).
   */
  isolation?: Isolation;
  /** Lint gate settings: the project's lint options, the rules (default all), and the escape hatch. */
  lint?: { options?: Partial<LintOptions>; rules?: readonly Rule[]; allowUnsafe?: boolean };
  /** Recorded as applied_by (default os user@host). */
  appliedBy?: string;
  /**
   * search_path of every connection of the run, e.g. `['tenant_007', 'public']` for a schema-per-tenant
   * target (default: the server's). Unqualified names in the migrations mean its first schema, for the
   * analysis and the safety net too; a URL gets it as a startup option, so the safety net's own
   * connections and pg_dump share it and `RESET search_path` returns to it.
   */
  searchPath?: string[];
  /**
   * Schema of the history tables (default `pgwarden`). Tenants sharing a database each keep their own;
   * the run lock is per history, so runners with different history schemas do not wait for each other.
   */
  historySchema?: string;
}

export interface UpOptions {
  to?: string;
  step?: number;
  /** Run every pending migration inside one transaction and roll back. */
  dryRun?: boolean;
  /** Apply a pending migration that sorts before an applied one (Flyway's outOfOrder); refused otherwise. */
  allowOutOfOrder?: boolean;
  /** The first up applies everything although another tool's history table (Flyway, Prisma…) says it ran. */
  ignoreOtherHistory?: boolean;
}

export interface DownOptions {
  to?: string;
  /** Default 1. */
  step?: number;
}

export interface AppliedMigration {
  name: string;
  durationMs: number;
  attempts: number;
}

export interface RunResult {
  /** Migrations applied (or reverted, or dry-run) in order. */
  migrations: AppliedMigration[];
  /** Findings of the gate that were accepted (suppressed with a reason, or let through by allowUnsafe). */
  acceptedFindings: Finding[];
}

export interface MigrationStatus {
  name: string;
  state: 'applied' | 'pending';
  appliedAt: string | null;
  appliedBy: string | null;
  durationMs: number | null;
  /** Recorded checksum for applied migrations, the file's for pending ones. */
  checksum: string | null;
  /** The file changed after it was applied. */
  drift: boolean;
  /** Applied, but no file on disk any more. */
  missing: boolean;
  /** Started outside a transaction and not finished. */
  interrupted: boolean;
  /** Pending, but sorts before an applied migration. */
  outOfOrder: boolean;
  /** Applied, no file, and sorts after every file (applied from a newer checkout). */
  unknown: boolean;
  /** The file has the checksum of this applied migration, recorded under another name (renamed). */
  renamedFrom: string | null;
}

export interface ValidateOptions {
  /** Pending migrations count as problems too (a deploy that should have applied everything). */
  failOnPending?: boolean;
}

export interface ValidationResult {
  migrations: MigrationStatus[];
  problems: HistoryProblem[];
  /** Runs of the journal that did not finish, with what each left and its way out. */
  runs: UnfinishedRun[];
}

export interface Runner {
  up(options?: UpOptions): Promise<RunResult>;
  down(options?: DownOptions): Promise<RunResult>;
  status(): Promise<MigrationStatus[]>;
  /** The status and every disagreement of files and history (drift, missing, unknown, out of order, interrupted, pending if asked). */
  validate(options?: ValidateOptions): Promise<ValidationResult>;
  plan(): Promise<PlanEntry[]>;
  /** Marks the files (up to `to`) as applied without running them; records only with `record`. */
  baseline(options?: BaselineOptions): Promise<AdoptionPlan>;
  /** Imports another tool's history (matched to the files); records only with `record`. */
  adopt(options: AdoptOptions): Promise<AdoptionPlan>;
  /** Reports (and with an action, resolves) a migration interrupted outside a transaction. */
  repair(options?: RepairOptions): Promise<RepairReport>;
}

/** Options after validation, shared by the commands. */
export interface Resolved {
  source: ConnectionSource;
  secrets: string[];
  settings: ApplySettings;
  waitForLockMs: number;
  log: RunLogger;
  hooks: MigrationHooks[];
  rules: readonly Rule[];
  lintOptions: Partial<LintOptions>;
  allowUnsafe: boolean;
  appliedBy: string;
  databaseDisplay: string;
  /** The URL itself, for hooks that spawn client tools; '' for a pool, a client or PG* variables. */
  databaseUrl: string;
  searchPath?: string[];
  historySchema: string;
  runLockKey: number;
}
