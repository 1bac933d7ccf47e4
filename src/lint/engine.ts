import { SourceFile } from '../sql/source.js';
import { forwardText } from '../sql/sections.js';
import { elementLength } from '../sql/element-end.js';
import { loadParser, parseSource, type ParsedFile, type Statement } from '../sql/parser.js';
import { doBlockStatements } from '../sql/plpgsql.js';
import { SchemaModel } from '../analysis/schema.js';
import { analyzeTransactions } from '../analysis/transactions.js';
import type { FileRunner } from '../sql/discover.js';
import { resolveRule, defaultLintOptions, type LintOptions } from './config.js';
import type { Finding, LintResult, ReportDescriptor, Rule, RuleContext, FileContext, Severity } from './types.js';
import { applySuppressions } from './suppressions.js';

export interface LintInput {
  /** Name reported in findings (a path relative to the working directory, or the stdin name). */
  path: string;
  text: string;
  /** The tool that runs the file, as its layout says (its transaction rule); pgwarden's runner when absent. */
  runner?: FileRunner;
  /**
   * History only: replayed into the schema model for the files after it, neither checked nor reported
   * (the predecessors of a single file named on the command line).
   */
  context?: boolean;
}

export interface FileAnalysis {
  parsed: ParsedFile;
  /** Top-level statements with DO block bodies spliced in after their DO. */
  statements: Statement[];
}

/** Parses a file and splices the statements DO blocks run in after each DO. */
export function analyzeFile(file: SourceFile): FileAnalysis {
  const parsed = parseSource(file);
  const statements: Statement[] = [];
  for (const statement of parsed.statements) {
    statements.push(statement);
    if (statement.kind === 'DoStmt') statements.push(...doBlockStatements(parsed, statement));
  }
  return { parsed, statements };
}

export const SYNTAX_ERROR_RULE = 'syntax-error';

/**
 * What a caller that knows the target database adds (src/live/): the model the files start from, and a
 * look at each statement-level finding with the statement and the model before it (to rank it by what
 * it would cost there). Rules themselves never see a database.
 */
export interface LintStart {
  schema?: SchemaModel;
  adjust?(finding: Finding, statement: Statement, schema: SchemaModel, pgVersion: number): Finding;
}

/**
 * Lints files in migration order, replaying each into one SchemaModel so that later files are checked
 * against what earlier ones built. Never throws for bad SQL: a syntax error is a finding.
 */
export async function lintSources(
  inputs: LintInput[],
  rules: readonly Rule[],
  options: Partial<LintOptions> = {},
  start: LintStart = {},
): Promise<LintResult> {
  await loadParser();
  const opts: LintOptions = { ...defaultLintOptions, ...options };
  const schema = start.schema ?? new SchemaModel();
  const adjust = start.adjust;
  const findings: Finding[] = [];
  const allFiles = inputs.map((i) => i.path);
  // files of one batch (parts of one migration) share the index of its first file
  const batches: Array<number | undefined> = [];
  inputs.forEach((input, i) => {
    const batch = input.runner?.batch;
    batches.push(batch === undefined ? undefined : i > 0 && inputs[i - 1].runner?.batch === batch ? batches[i - 1] : i);
  });
  const known = configurableRuleIds(rules);
  const active = rules
    .map((rule) => ({ rule, config: resolveRule(rule.meta.id, rule.meta.defaultSeverity, opts.rules) }))
    .filter(({ rule, config }) => config.severity !== 'off' && appliesTo(rule, opts.pgVersion));
  // Statements go to the rules that visit their kind (in the rules' order): most rules look at one or
  // two kinds, and calling every rule for every statement was a third of a large history's lint.
  const checksByKind = new Map<string, typeof active>();
  const checksFor = (kind: string): typeof active => {
    let list = checksByKind.get(kind);
    if (!list) checksByKind.set(kind, (list = active.filter(({ rule }) => rule.check && (!rule.visits || rule.visits.includes(kind)))));
    return list;
  };

  inputs.forEach((input, fileIndex) => {
    const tooLarge = tooLargeFinding(input, opts);
    if (tooLarge !== undefined) {
      if (tooLarge && !input.context) findings.push(tooLarge);
      return;
    }
    // a dbmate file runs its up section only: the down section is blanked, positions unchanged
    const file = new SourceFile(input.path, forwardText(input.text));
    const { parsed, statements } = analyzeFile(file);
    const runner = opts.tool ? { ...input.runner, tool: opts.tool } : input.runner;
    const transactions = analyzeTransactions(statements, parsed.directives, opts.transaction, opts.pgVersion, runner);
    const fileFindings: Located[] = [];
    const pgVersion = opts.pgVersion;
    const batch = batches[fileIndex];
    if (input.context) {
      // history only: what it builds is the model the next files are checked against
      statements.forEach((statement, index) => {
        schema.at({ file: fileIndex, transaction: transactions.states[index].id, batch });
        schema.apply(statement);
      });
      return;
    }

    // One array that grows after each statement: a copy per statement was quadratic in the file's
    // statements (minutes for a few megabytes of INSERTs). Rules read it only during their check.
    const previous: Statement[] = [];
    statements.forEach((statement, index) => {
      const transaction = transactions.states[index];
      schema.at({ file: fileIndex, transaction: transaction.id, batch });
      // One context per statement, its rule-specific fields set before each check: an object and a
      // reporter closure per rule and statement (about a million on a large corpus) cost more than many
      // rules. Checks are synchronous, so the rule a report belongs to is the one running.
      let current = active[0];
      const context: RuleContext = {
        file,
        parsed,
        schema,
        transactions,
        pgVersion,
        allFiles,
        options: {},
        report: (d) => {
          const on = d.statement ?? statement;
          const finding = toFinding(file, current.rule, current.config.severity as Severity, d, on);
          fileFindings.push({ finding: adjust ? adjust(finding, on, schema, pgVersion) : finding, statement: on });
        },
        statement,
        index,
        previous,
        transaction,
      };
      for (const entry of checksFor(statement.kind)) {
        current = entry;
        context.options = entry.config.options;
        runCheck(entry.rule, context, fileFindings);
      }
      schema.apply(statement);
      previous.push(statement);
    });

    for (const { rule, config } of active) {
      if (!rule.checkFile) continue;
      const context: FileContext = {
        file,
        parsed,
        schema,
        transactions,
        pgVersion,
        allFiles,
        options: config.options,
        report: reporter(fileFindings, file, rule, config.severity as Severity, undefined),
      };
      guard(rule, () => rule.checkFile!(context), fileFindings, file, undefined);
    }

    if (parsed.syntaxError) {
      const syntax = resolveRule(SYNTAX_ERROR_RULE, 'error', opts.rules);
      if (syntax.severity !== 'off') {
        fileFindings.push({ finding: {
          rule: SYNTAX_ERROR_RULE,
          severity: syntax.severity,
          file: file.path,
          line: parsed.syntaxError.range.start.line,
          column: parsed.syntaxError.range.start.column,
          endLine: parsed.syntaxError.range.end.line,
          endColumn: parsed.syntaxError.range.end.column,
          message: `PostgreSQL would reject this: ${parsed.syntaxError.message}`,
          help: 'Fix the SQL; statements after a syntax error are not checked.',
        } });
      }
    }
    // in reading order: rules run one after another per statement, so a file's findings would come out
    // grouped by statement and rule (line 3, 3, 5, 10, 12, 10…); the sort is stable, so a rule's own order stays
    const located = applySuppressions(fileFindings, parsed, known, statements);
    findings.push(...located.sort((a, b) => a.line - b.line || a.column - b.column));
  });
  return { findings, files: inputs.filter((i) => !i.context).map((i) => i.path) };
}

export const FILE_TOO_LARGE_RULE = 'file-too-large';

/** Ids a configuration or an ignore may name: the rules' and the engine's own findings that have a severity. */
export function configurableRuleIds(rules: readonly Rule[]): Set<string> {
  return new Set([...rules.map((r) => r.meta.id), SYNTAX_ERROR_RULE, FILE_TOO_LARGE_RULE]);
}
/** Default for LintOptions.maxFileBytes. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * A file above the size limit is a data dump rather than a migration: checking its statements would take
 * minutes and gigabytes (every statement of a file stays in memory for the rules), so it is reported
 * unchecked instead, as an error by default so that CI fails closed. Undefined: lint the file;
 * null: skip it silently (the rule is off).
 */
function tooLargeFinding(input: LintInput, opts: LintOptions): Finding | null | undefined {
  const limit = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  // a UTF-16 unit is at most 3 UTF-8 bytes: most files need no byte count
  if (input.text.length * 3 <= limit) return undefined;
  const bytes = Buffer.byteLength(input.text, 'utf8');
  if (bytes <= limit) return undefined;
  const setting = resolveRule(FILE_TOO_LARGE_RULE, 'error', opts.rules);
  if (setting.severity === 'off') return null;
  const mb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${n} bytes`);
  return {
    rule: FILE_TOO_LARGE_RULE,
    severity: setting.severity,
    file: input.path,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    message: `not checked: the file is ${mb(bytes)}, above the ${mb(limit)} limit for one migration (maxFileBytes); later files are checked without its schema changes`,
    help: 'Split the file, or load bulk data with COPY outside the migration; raise maxFileBytes to check it anyway.',
  };
}

/** Whether a rule checks migrations for this PostgreSQL major (its minPgVersion/maxPgVersion). */
export function appliesTo(rule: Rule, pgVersion: number): boolean {
  if (rule.meta.minPgVersion !== undefined && pgVersion < rule.meta.minPgVersion) return false;
  if (rule.meta.maxPgVersion !== undefined && pgVersion > rule.meta.maxPgVersion) return false;
  return true;
}

/** A finding with the statement it is about, so that ignore directives above that statement apply. */
export interface Located {
  finding: Finding;
  statement?: Statement;
}

function reporter(out: Located[], file: SourceFile, rule: Rule, severity: Severity, current: Statement | undefined) {
  return (d: ReportDescriptor): void => {
    const statement = d.statement ?? current;
    out.push({ finding: toFinding(file, rule, severity, d, statement), statement });
  };
}

function toFinding(
  file: SourceFile,
  rule: Rule,
  severity: Severity,
  d: ReportDescriptor,
  statement: Statement | undefined,
): Finding {
  let range = d.range;
  if (!range && statement) {
    if (d.location !== undefined && d.location >= 0) {
      const start = statement.sourceOfLocation(statement.locationBase + d.location);
      range =
        start >= statement.start && start <= statement.end
          ? { start: file.positionAt(start), end: file.positionAt(start + elementLength(file.text.slice(start, statement.end))) }
          : statement.range;
    } else range = statement.range;
  }
  range ??= { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  return {
    rule: rule.meta.id,
    severity,
    file: file.path,
    line: range.start.line,
    column: range.start.column,
    endLine: range.end.line,
    endColumn: range.end.column,
    message: d.message,
    help: d.help ?? rule.meta.help,
  };
}

function runCheck(rule: Rule, context: RuleContext, out: Located[]): void {
  try {
    rule.check!(context);
  } catch (error) {
    internalError(rule, error, out, context.file, context.statement);
  }
}

function guard(rule: Rule, run: () => void, out: Located[], file: SourceFile, statement: Statement | undefined): void {
  try {
    run();
  } catch (error) {
    internalError(rule, error, out, file, statement);
  }
}

/** A bug in one rule must not hide the other findings: it is reported where it happened. */
function internalError(rule: Rule, error: unknown, out: Located[], file: SourceFile, statement: Statement | undefined): void {
  const range = statement?.range ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  out.push({ statement, finding: {
    rule: 'internal-error',
    severity: 'warning',
    file: file.path,
    line: range.start.line,
    column: range.start.column,
    endLine: range.end.line,
    endColumn: range.end.column,
    message: `rule ${rule.meta.id} failed: ${error instanceof Error ? error.message : String(error)}`,
  } });
}
