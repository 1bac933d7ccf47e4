import type { LintStart } from '../lint/engine.js';
import type { LintResult, RuleMeta } from '../lint/types.js';
import type { LiveFacts } from './facts.js';
import { type RankOptions } from './rank.js';
export interface LiveLint {
    /** Pass to lintSources: the catalog as the starting model, findings ranked by cost. */
    start: LintStart;
    /** Adds the drift findings once lint is done (the model then holds what no file created). */
    finish(result: LintResult): LintResult;
}
/**
 * Lint against a database's facts (read live or from a stats file: the same findings either way).
 * `texts` are the migrations' texts: only the catalog of the tables they name is replayed.
 */
export declare function liveLint(facts: LiveFacts, rules: readonly RuleMeta[], texts: readonly string[], options?: RankOptions): Promise<LiveLint>;
