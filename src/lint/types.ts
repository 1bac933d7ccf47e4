import type { SourceFile, Range } from '../sql/source.js';
import type { Statement, ParsedFile } from '../sql/parser.js';
import type { SchemaModel } from '../analysis/schema.js';
import type { FileTransactions, TransactionState } from '../analysis/transactions.js';
import type { LockMode } from '../analysis/locks.js';
import type { PgFeatureName } from '../analysis/pg-features.js';

export type Severity = 'error' | 'warning' | 'info';
/** A rule's configured severity; `info` is only given by the live database ranking (a finding on a small table). */
export type RuleSeverity = 'error' | 'warning' | 'off';

export type RuleCategory =
  | 'destructive'
  | 'locking'
  | 'breaking'
  | 'types'
  | 'transactions'
  | 'robustness'
  | 'syntax';

export interface RuleMeta {
  /** kebab-case id, squawk's name where the check is the same. */
  id: string;
  category: RuleCategory;
  defaultSeverity: RuleSeverity;
  /** One line for tables and `pgwarden rules`. */
  summary: string;
  /** Why the statement is dangerous (a paragraph). */
  why: string;
  /** The safe alternative, in prose with SQL (Markdown). */
  safeAlternative: string;
  /** The short help printed under each finding. */
  help: string;
  /**
   * What the rule does not see or deliberately reports differently from peer linters (squawk), in
   * prose: the "Limits" section of its docs page. Every rule in rules/ has one (test/docs checks it);
   * the engine's own findings (syntax-error…) need none.
   */
  limits?: string;
  /** Lowest PostgreSQL major version the rule applies to, if any. */
  minPgVersion?: number;
  /** Highest PostgreSQL major version the rule applies to (the danger was fixed after it). */
  maxPgVersion?: number;
  /** The PostgreSQL feature the safe alternative relies on: the docs say from which major the advice works. */
  adviceNeeds?: PgFeatureName;
  /** Better advice from the major that brought `feature` on (shown on the page; the rule's help there). */
  newerAdvice?: NewerAdvice;
  /**
   * The lock (and rewrite) the rule warns about, as a runnable example. test/postgres/lock-claims.test.ts
   * runs `setup`, then `statement` in a transaction on a real server and checks pg_locks and relfilenode,
   * so the catalog cannot drift from PostgreSQL's behaviour.
   */
  lockClaim?: LockClaimExample;
}

export interface NewerAdvice {
  feature: PgFeatureName;
  /** In prose with SQL (Markdown), like `safeAlternative`: each ```sql block is one migration. */
  safeAlternative: string;
  help: string;
}

export interface LockClaimExample {
  /** SQL that creates what the statement needs (run and committed first). */
  setup: string;
  /** The flagged statement. */
  statement: string;
  /** Table (`schema.name` or bare name) whose lock is claimed. */
  table: string;
  /** Strongest lock mode the statement holds on that table. */
  mode: LockMode;
  /** Whether the statement rewrites the table (a new relfilenode). */
  rewrite: boolean;
}

/** One problem found. Lines and columns are 1-based and count characters of the original file. */
export interface Finding {
  rule: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  help?: string;
  /** Present when a directive silenced the finding; reporters leave these out. */
  suppressed?: { reason?: string };
}

export interface ReportDescriptor {
  message: string;
  /** Overrides the rule's help for this finding. */
  help?: string;
  /** Narrower place than the whole statement: a node's `location` field (bytes, as libpg-query gives). */
  location?: number;
  /** Statement to report on instead of the current one (file-level checks). */
  statement?: Statement;
  /** An exact range, when neither a statement nor a node location fits. */
  range?: Range;
}

export interface ResolvedRuleConfig {
  severity: RuleSeverity;
  options: Record<string, unknown>;
}

interface BaseContext {
  file: SourceFile;
  parsed: ParsedFile;
  /** Replayed schema: for `check`, the state before the statement; for `checkFile`, after the file. */
  schema: SchemaModel;
  transactions: FileTransactions;
  pgVersion: number;
  options: Record<string, unknown>;
  /** Every file of the linted set, in migration order (for checks such as a missing down file). */
  allFiles: readonly string[];
  report(descriptor: ReportDescriptor): void;
}

export interface RuleContext extends BaseContext {
  statement: Statement;
  /** Index of the statement in `parsed.statements` order (DO block bodies follow their DO). */
  index: number;
  /** Earlier statements of the same file (including statements inside earlier DO blocks). */
  previous: readonly Statement[];
  transaction: TransactionState;
}

export type FileContext = BaseContext;

export interface Rule {
  meta: RuleMeta;
  /**
   * The statement kinds (`AlterTableStmt`, `IndexStmt`…) `check` can report on: the engine calls it for
   * those only. Absent: every statement (a rule that folds state over a file's statements, or reads
   * any kind). test/lint/dispatch.test.ts checks that a rule reports the same without it.
   */
  visits?: readonly string[];
  /** Called for each statement, in order, before the statement is replayed into the schema model. */
  check?(context: RuleContext): void;
  /** Called once per file after all its statements. */
  checkFile?(context: FileContext): void;
}

export interface LintResult {
  findings: Finding[];
  files: string[];
}
