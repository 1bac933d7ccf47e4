import type { Reporter } from './types.js';
/**
 * A pull request comment or GitHub job summary: a headline with the counts, then one table row per
 * finding (file:line relative to the repository root, severity, rule linked to its page, message and help).
 */
export declare const markdownReporter: Reporter;
