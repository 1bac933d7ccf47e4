import type { LintOptions } from '../lint/config.js';
import type { Rule } from '../lint/types.js';
/**
 * The rules and lint options of the configuration (`--config`, else searched upwards), for the commands
 * that lint on their own (fix, lsp). Only what the configuration sets is passed: an undefined pgVersion
 * would override lint's default major.
 */
export declare function lintSetup(configPath: string | undefined): Promise<{
    rules: readonly Rule[];
    lint: Partial<LintOptions>;
}>;
