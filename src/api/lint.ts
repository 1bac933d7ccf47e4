import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { allRules } from '../../rules/index.js';
import type { LintOptions } from '../lint/config.js';
import { lintSources } from '../lint/engine.js';
import type { LintResult, Rule } from '../lint/types.js';
import { findLintTargets } from '../sql/discover.js';

export interface LintPathsOptions {
  /** PostgreSQL version, transaction assumption and rule settings (defaults as `pgwarden lint` without a configuration file). */
  options?: Partial<LintOptions>;
  /** Rules to run (default: allRules). */
  rules?: readonly Rule[];
  /** Relative paths are resolved from here, and findings name files relative to it (default: process.cwd()). */
  cwd?: string;
}

export interface LintReport extends LintResult {
  /** Text of every file linted, by the path findings use: what reporters need for code frames. */
  sources: Map<string, string>;
}

/**
 * Lints files and migration directories the way `pgwarden lint <paths…>` does: a directory is searched
 * in its tool's layout and order, files named explicitly are linted as they are, and every file is
 * replayed into one schema model. Findings silenced by a directive stay in the result with `suppressed`
 * set (reporters leave them out). No configuration file is read: pass its settings as `options`.
 */
export async function lint(paths: string | readonly string[], options: LintPathsOptions = {}): Promise<LintReport> {
  const cwd = options.cwd ?? process.cwd();
  const list = typeof paths === 'string' ? [paths] : [...paths];
  const targets = await findLintTargets(list.map((p) => resolve(cwd, p)));
  const sources = new Map<string, string>();
  const inputs = [];
  for (const file of targets.files) {
    const text = await readFile(file, 'utf8');
    const shown = displayPath(cwd, file);
    sources.set(shown, text);
    inputs.push({ path: shown, text });
  }
  const result = await lintSources(inputs, options.rules ?? allRules, options.options);
  return { ...result, sources };
}

function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}
