import type { LintOptions } from '../../lint/config.js';
/**
 * Whether the pretty report is coloured. Most explicit first: --color/--no-color, then FORCE_COLOR
 * (0 off, anything else on), then NO_COLOR (https://no-color.org), then whether the report goes to a
 * terminal (a file given with --output-file never is).
 */
export declare function useColor(flag: boolean | undefined, toTerminal: boolean, env?: NodeJS.ProcessEnv): boolean;
/** Writes the report to `file` (its directory created), or to standard output. */
export declare function writeReport(text: string, file: string | undefined): Promise<void>;
/**
 * Command-line rule settings over the configuration's: `--rule id=severity` (or `id:severity`, as
 * ESLint writes it) and `--disable-rule id`, each repeatable, later ones winning.
 */
export declare function ruleOverrides(rules: readonly string[], disabled: readonly string[], known: ReadonlySet<string>): LintOptions['rules'];
