import type { LintOptions } from '../lint/config.js';
import type { Rule } from '../lint/types.js';
/** The rules whose findings `pgwarden fix` rewrites. */
export declare const FIXABLE_RULES: readonly ["require-concurrent-index-creation", "adding-foreign-key-constraint", "constraint-missing-not-valid", "adding-not-nullable-field", "require-lock-timeout"];
export declare const DEFAULT_FIX_LOCK_TIMEOUT = "2s";
export interface FileChange {
    path: string;
    /** null for a file the fix creates. */
    before: string | null;
    after: string;
}
export interface FixNote {
    rule: string;
    line: number;
    message: string;
}
export interface FixOutcome {
    changes: FileChange[];
    fixed: FixNote[];
    skipped: FixNote[];
}
export interface FixOptions {
    rules: readonly Rule[];
    lint?: Partial<LintOptions>;
    lockTimeout?: string;
    /** The file's text when it differs from the disk (an editor's unsaved buffer). */
    text?: string;
}
/**
 * Rewrites the findings of one migration file that have a mechanical safe form, decides where the
 * statements that must follow in a later transaction go (the same file when it runs statement by
 * statement, else a new migration right after it), and lints the result: each fixed rule must be quiet
 * on what was rewritten, or the fix is refused.
 */
export declare function fixFile(path: string, options: FixOptions): Promise<FixOutcome>;
