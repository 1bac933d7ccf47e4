import type { LintOptions } from '../lint/config.js';
import { type LintInput } from '../lint/engine.js';
import type { LintResult, Rule } from '../lint/types.js';
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
 * in its tool's layout and order, a file named explicitly is linted as it is (after the migrations that
 * precede it in its layout, which are replayed but not reported), and every file is replayed into one
 * schema model. Findings silenced by a directive stay in the result with `suppressed` set (reporters
 * leave them out). No configuration file is read: pass its settings as `options`.
 */
export declare function lint(paths: string | readonly string[], options?: LintPathsOptions): Promise<LintReport>;
/**
 * The files `lint` reads for a list of paths, in order, with the tool that runs each one. A directory
 * contributes its forward migrations; a file named explicitly is linted whatever it is, and when it is
 * a migration of a known layout, the migrations before it come first as history (`context`), so that it
 * is checked against the schema they build: a table they created is known to exist and hold rows.
 */
export declare class LintInputs {
    private readonly keep;
    readonly inputs: LintInput[];
    /** Problems of the layouts found (duplicate names, a down file without its up file…). */
    readonly problems: string[];
    private readonly index;
    private readonly layouts;
    constructor(keep?: (path: string) => boolean);
    /**
     * Adds a file or directory (as the path findings should name it, relative or absolute); answers how
     * many files it contributes and the problems its layout has.
     */
    add(path: string): Promise<{
        files: number;
        problems: string[];
    }>;
    private addFile;
    private push;
    /**
     * The layout a file is a forward migration of, and its place there. Plain directories of `*.sql`
     * count only when the file is numbered (`0042_x.sql`, `20240101_x.sql`): a folder of unnumbered
     * scripts is not a history.
     */
    private historyOf;
}
