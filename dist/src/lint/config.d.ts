import type { ResolvedRuleConfig, RuleSeverity } from './types.js';
import type { TransactionAssumption } from '../analysis/transactions.js';
import type { MigrationTool } from '../sql/discover.js';
import type { Config } from './config-schema.js';
export type { Config, ConfigInput } from './config-schema.js';
/** A configuration the user must fix; the message is one line that names the file (and the key). */
export declare class ConfigError extends Error {
    constructor(message: string);
}
/** What an empty or absent configuration means (configSchema's defaults, without loading zod). */
export declare function defaultConfig(): Config;
export interface LintOptions {
    pgVersion: number;
    /** Which transaction rule applies: `auto` (the default) follows the tool of each file's layout. */
    transaction: TransactionAssumption;
    /** The tool that runs every file, when discovery cannot tell (SQL taken from Rails or Knex migrations). */
    tool?: MigrationTool;
    /** Rule id → settings; rules not named keep their defaults. */
    rules: Record<string, RuleSeverity | {
        severity?: RuleSeverity;
        options?: Record<string, unknown>;
    }>;
    /** Larger files (UTF-8 bytes) are reported as `file-too-large` instead of checked (default 10 MiB). */
    maxFileBytes?: number;
}
export declare const defaultLintOptions: LintOptions;
export declare function resolveRule(id: string, defaultSeverity: RuleSeverity, rules: LintOptions['rules']): ResolvedRuleConfig;
