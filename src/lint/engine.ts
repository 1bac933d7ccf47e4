import { SourceFile } from '../sql/source.js';
import { loadParser, parseSource, type ParsedFile, type Statement } from '../sql/parser.js';
import { doBlockStatements } from '../sql/plpgsql.js';
import { SchemaModel } from '../analysis/schema.js';
import { analyzeTransactions } from '../analysis/transactions.js';
import { resolveRule, defaultLintOptions, type LintOptions } from './config.js';
import type { Finding, LintResult, ReportDescriptor, Rule, RuleContext, FileContext, Severity } from './types.js';
import { applySuppressions } from './suppressions.js';

export interface LintInput {
  /** Name reported in findings (a path relative to the working directory, or the stdin name). */
  path: string;
  text: string;
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
 * Lints files in migration order, replaying each into one SchemaModel so that later files are checked
 * against what earlier ones built. Never throws for bad SQL: a syntax error is a finding.
 */
export async function lintSources(
  inputs: LintInput[],
  rules: readonly Rule[],
  options: Partial<LintOptions> = {},
): Promise<LintResult> {
  await loadParser();
  const opts: LintOptions = { ...defaultLintOptions, ...options };
  const schema = new SchemaModel();
  const findings: Finding[] = [];
  const allFiles = inputs.map((i) => i.path);
  const known = new Set(rules.map((r) => r.meta.id));
  const active = rules
    .map((rule) => ({ rule, config: resolveRule(rule.meta.id, rule.meta.defaultSeverity, opts.rules) }))
    .filter(({ rule, config }) => config.severity !== 'off' && appliesTo(rule, opts.pgVersion));

  inputs.forEach((input, fileIndex) => {
    const file = new SourceFile(input.path, input.text);
    const { parsed, statements } = analyzeFile(file);
    const transactions = analyzeTransactions(statements, parsed.directives, opts.transaction, opts.pgVersion);
    const fileFindings: Located[] = [];
    const base = { file, parsed, schema, transactions, pgVersion: opts.pgVersion, allFiles };

    statements.forEach((statement, index) => {
      schema.at({ file: fileIndex, transaction: transactions.states[index].id });
      // One plain object per statement, copied per rule: a copy of `previous` per rule was quadratic, and
      // an accessor in the literal made every context a slow dictionary object (3-4x the lint time).
      const shared = {
        ...base,
        statement,
        index,
        previous: statements.slice(0, index),
        transaction: transactions.states[index],
      };
      for (const { rule, config } of active) {
        if (!rule.check) continue;
        const context: RuleContext = {
          ...shared,
          options: config.options,
          report: reporter(fileFindings, file, rule, config.severity as Severity, statement),
        };
        guard(rule, () => rule.check!(context), fileFindings, file, statement);
      }
      schema.apply(statement);
    });

    for (const { rule, config } of active) {
      if (!rule.checkFile) continue;
      const context: FileContext = {
        ...base,
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
    findings.push(...applySuppressions(fileFindings, parsed, known));
  });
  return { findings, files: allFiles };
}

function appliesTo(rule: Rule, pgVersion: number): boolean {
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
          ? { start: file.positionAt(start), end: statement.range.end }
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

function guard(rule: Rule, run: () => void, out: Located[], file: SourceFile, statement: Statement | undefined): void {
  try {
    run();
  } catch (error) {
    // A bug in one rule must not hide the other findings: it is reported where it happened.
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
}
