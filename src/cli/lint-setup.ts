import type { LintOptions } from '../lint/config.js';
import type { Rule } from '../lint/types.js';
import { UserError } from './errors.js';

/**
 * The rules and lint options of the configuration (`--config`, else searched upwards), for the commands
 * that lint on their own (fix, lsp). Only what the configuration sets is passed: an undefined pgVersion
 * would override lint's default major.
 */
export async function lintSetup(configPath: string | undefined): Promise<{ rules: readonly Rule[]; lint: Partial<LintOptions> }> {
  const [{ allRules }, { loadConfig, ConfigError }, { configurableRuleIds }] = await Promise.all([
    import('../../rules/index.js'),
    import('../lint/load-config.js'),
    import('../lint/engine.js'),
  ]);
  let config;
  try {
    ({ config } = await loadConfig({ configPath, knownRules: configurableRuleIds(allRules) }));
  } catch (error) {
    if (error instanceof ConfigError) throw new UserError(error.message);
    throw error;
  }
  const lint: Partial<LintOptions> = { transaction: config.transaction, rules: config.rules, maxFileBytes: config.maxFileBytes };
  if (config.pgVersion !== undefined) lint.pgVersion = config.pgVersion;
  if (config.tool !== undefined) lint.tool = config.tool;
  return { rules: allRules, lint };
}
