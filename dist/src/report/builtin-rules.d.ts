import type { RuleMeta } from '../lint/types.js';
/** Findings the engine itself produces (not from rules/), described for SARIF's rule list. */
export declare const builtinRuleMetas: readonly RuleMeta[];
/** The rules plus the engine's own finding kinds, without duplicates. */
export declare function ruleCatalog(rules: readonly RuleMeta[]): RuleMeta[];
