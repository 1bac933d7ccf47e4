import { SourceFile } from '../sql/source.js';
import { forwardText } from '../sql/sections.js';
import { parseSource, loadParser, type Statement, type SyntaxProblem } from '../sql/parser.js';
import { doBlockStatements } from '../sql/plpgsql.js';
import { SchemaModel, tableKey } from './schema.js';
import { analyzeTransactions, type FileTransactionMode, type TransactionAssumption } from './transactions.js';
import { lockTakenBy, LOCK_MODES, type LockClaim } from './locks.js';
import { tablesAtRisk } from './risk.js';
import { DEFAULT_PG_MAJOR } from './pg-features.js';

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
export async function analyzeMigrations(sources: MigrationSource[], options: AnalyzeOptions = {}): Promise<MigrationAnalysis[]> {
  await loadParser();
  const schema = new SchemaModel();
  // an unqualified name in allow-data-loss means the first schema of the path, as in the SQL
  const defaultSchema = options.searchPath?.[0] ?? 'public';
  return sources.map((source, fileIndex) => {
    const file = new SourceFile(source.path, forwardText(source.text));
    const parsed = parseSource(file);
    const statements: Statement[] = [];
    for (const s of parsed.statements) {
      statements.push(s);
      if (s.kind === 'DoStmt') statements.push(...doBlockStatements(parsed, s));
    }
    const transactions = analyzeTransactions(statements, parsed.directives, options.transaction ?? 'per-file', options.pgVersion ?? DEFAULT_PG_MAJOR, undefined, options.searchPath);
    const locks = new Map<string, MigrationLock>();
    const risks = new Map<string, TableAtRisk>();
    const details: RiskDetail[] = [];
    statements.forEach((statement, index) => {
      schema.at({ file: fileIndex, transaction: transactions.states[index].id });
      if (index === 0) schema.resolveNames(statement);
      for (const lock of lockTakenBy(statement, schema)) {
        const claim: MigrationLock = { ...lock, createdHere: schema.relationCreatedInCurrentFile(lock.relation) };
        const seen = locks.get(claim.relation);
        locks.set(claim.relation, seen ? strongest(seen, claim) : claim);
      }
      for (const risk of tablesAtRisk(statement, schema)) {
        const entry = risks.get(risk.table) ?? { table: risk.table, reasons: [] };
        if (!entry.reasons.includes(risk.reason)) entry.reasons.push(risk.reason);
        risks.set(risk.table, entry);
        details.push({ table: risk.table, reason: risk.reason, statement: statement.text, line: statement.range.start.line });
      }
      schema.apply(statement);
    });
    const allowDataLoss = [
      ...new Set(parsed.directives.flatMap((d) => (d.directive.type === 'allow-data-loss' ? d.directive.tables.map((t) => tableKey(t.includes('.') ? t : `${defaultSchema}.${t}`)) : []))),
    ];
    return {
      name: source.name,
      path: source.path,
      transaction: transactions.mode,
      transactionReason: transactions.reason,
      statements: parsed.statements,
      locks: [...locks.values()],
      tablesAtRisk: [...risks.values()],
      risks: details,
      allowDataLoss,
      syntaxError: parsed.syntaxError,
    };
  });
}

function strongest(a: MigrationLock, b: MigrationLock): MigrationLock {
  const stronger = LOCK_MODES.indexOf(b.mode) > LOCK_MODES.indexOf(a.mode) ? b : a;
  return { ...stronger, rewrite: a.rewrite || b.rewrite, scan: a.scan || b.scan, createdHere: a.createdHere && b.createdHere };
}
