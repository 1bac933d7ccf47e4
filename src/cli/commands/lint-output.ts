import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { LintOptions } from '../../lint/config.js';
import { didYouMean } from '../../lint/suggest.js';
import { UserError } from '../errors.js';

/**
 * Whether the pretty report is coloured. Most explicit first: --color/--no-color, then FORCE_COLOR
 * (0 off, anything else on), then NO_COLOR (https://no-color.org), then whether the report goes to a
 * terminal (a file given with --output-file never is).
 */
export function useColor(flag: boolean | undefined, toTerminal: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag !== undefined) return flag;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR) return false;
  return toTerminal;
}

/** Writes the report to `file` (its directory created), or to standard output. */
export async function writeReport(text: string, file: string | undefined): Promise<void> {
  if (file === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`cannot write --output-file ${file}: ${code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (error as Error).message}`);
  }
}

const SEVERITIES = ['off', 'warning', 'error'] as const;
type Severity = (typeof SEVERITIES)[number];

/**
 * Command-line rule settings over the configuration's: `--rule id=severity` (or `id:severity`, as
 * ESLint writes it) and `--disable-rule id`, each repeatable, later ones winning.
 */
export function ruleOverrides(rules: readonly string[], disabled: readonly string[], known: ReadonlySet<string>): LintOptions['rules'] {
  const out: LintOptions['rules'] = {};
  const check = (id: string, flag: string): string => {
    if (!known.has(id)) throw new UserError(`${flag} ${id}: unknown rule "${id}"${didYouMean(id, known)} (run \`pgwarden rules\` for the list)`);
    return id;
  };
  for (const setting of rules) {
    const m = /^\s*([\w-]+)\s*[=:]\s*(\w+)\s*$/.exec(setting);
    if (!m) throw new UserError(`--rule expects rule=severity (e.g. --rule ban-drop-column=warning), got '${setting}'`);
    const severity = m[2].toLowerCase() === 'warn' ? 'warning' : m[2].toLowerCase();
    if (!(SEVERITIES as readonly string[]).includes(severity)) throw new UserError(`--rule ${setting}: severity must be one of ${SEVERITIES.join(', ')}`);
    out[check(m[1], '--rule')] = severity as Severity;
  }
  for (const id of disabled) out[check(id.trim(), '--disable-rule')] = 'off';
  return out;
}
