import { z } from 'zod';
import type { ResolvedRuleConfig, RuleSeverity } from './types.js';
import type { TransactionAssumption } from '../analysis/transactions.js';

const severity = z.enum(['off', 'warning', 'error']);
const ruleSetting = z.union([
  severity,
  z.object({ severity: severity.optional(), options: z.record(z.string(), z.unknown()).optional() }).strict(),
]);

/** The configuration file's schema (pgwarden.config.json or package.json's `pgwarden` key). */
export const configSchema = z
  .object({
    $schema: z.string().optional(),
    rules: z.record(z.string(), ruleSetting).default({}),
    pgVersion: z.number().int().min(9).max(30).default(15),
    include: z.array(z.string()).optional(),
    exclude: z.array(z.string()).default([]),
    transaction: z.enum(['per-file', 'per-statement']).default('per-file'),
    migrationsDir: z.string().default('migrations'),
    maxFileBytes: z.number().int().positive().optional(),
  })
  .passthrough();

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;

export interface LintOptions {
  pgVersion: number;
  transaction: TransactionAssumption;
  /** Rule id → settings; rules not named keep their defaults. */
  rules: Record<string, RuleSeverity | { severity?: RuleSeverity; options?: Record<string, unknown> }>;
  /** Larger files (UTF-8 bytes) are reported as `file-too-large` instead of checked (default 10 MiB). */
  maxFileBytes?: number;
}

export const defaultLintOptions: LintOptions = { pgVersion: 15, transaction: 'per-file', rules: {} };

export function resolveRule(
  id: string,
  defaultSeverity: RuleSeverity,
  rules: LintOptions['rules'],
): ResolvedRuleConfig {
  const setting = rules[id];
  if (setting === undefined) return { severity: defaultSeverity, options: {} };
  if (typeof setting === 'string') return { severity: setting, options: {} };
  return { severity: setting.severity ?? defaultSeverity, options: setting.options ?? {} };
}
