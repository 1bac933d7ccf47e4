import { SchemaModel } from '../analysis/schema.js';
import { seedSchemaFromDdl } from '../analysis/catalog-seed.js';
import { loadParser } from '../sql/parser.js';
import type { LintStart } from '../lint/engine.js';
import type { LintResult, RuleMeta } from '../lint/types.js';
import type { LiveFacts } from './facts.js';
import { rankByCost, type RankOptions } from './rank.js';
import { driftFindings } from './drift.js';
import { relevantCatalog } from './relevant.js';

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
export async function liveLint(facts: LiveFacts, rules: readonly RuleMeta[], texts: readonly string[], options: RankOptions = {}): Promise<LiveLint> {
  await loadParser();
  const schema = new SchemaModel();
  seedSchemaFromDdl(schema, relevantCatalog(facts, texts));
  const byId = new Map(rules.map((r) => [r.id, r]));
  return {
    start: { schema, adjust: rankByCost(facts, byId, options) },
    finish(result) {
      const first = result.files[0];
      if (first === undefined) return result;
      return { ...result, findings: [...driftFindings(schema, facts, first), ...result.findings] };
    },
  };
}
