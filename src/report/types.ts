import type { Finding, RuleMeta } from '../lint/types.js';

/** Everything a reporter may show: the visible findings (suppressed ones already removed) and context. */
export interface ReportInput {
  findings: readonly Finding[];
  /** Every file linted, in order (files without findings count too). */
  files: readonly string[];
  /** File text by the path findings name, for code frames. */
  sources: ReadonlyMap<string, string>;
  /** Metadata of the rules that may appear (SARIF lists them). */
  rules: readonly RuleMeta[];
  /** Directory the findings' relative paths are relative to. */
  cwd: string;
  /**
   * The repository root (default: cwd): github, sarif and gitlab name files relative to it, as CI
   * annotations expect, also when pgwarden ran in a subdirectory.
   */
  root?: string;
  toolVersion: string;
}

/** Turns a lint result into the text written to standard output. */
export type Reporter = (input: ReportInput) => string;

export interface Counts {
  errors: number;
  warnings: number;
}

export function countFindings(findings: readonly Finding[]): Counts {
  const errors = findings.filter((f) => f.severity === 'error').length;
  // info findings (ranked down by the live database's sizes) are shown but counted as neither
  return { errors, warnings: findings.filter((f) => f.severity === 'warning').length };
}
