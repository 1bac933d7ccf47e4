import { z } from 'zod';
import { ConfigError } from './config.js';
import { TRANSACTION_ASSUMPTIONS, type TransactionAssumption } from '../analysis/transaction-policy.js';
import { MIGRATION_TOOLS, type MigrationTool } from '../sql/discover.js';
import { didYouMean } from './suggest.js';
import { zod4Messages } from '../zod-messages.js';

// Loaded only when a configuration file exists: zod costs a cold `pgwarden lint` about 50 ms.

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
    // absent: lint takes --database-url's server or the default major, and says which it assumed
    pgVersion: z.number().int().min(9).max(30).optional(),
    include: z.array(z.string()).optional(),
    exclude: z.array(z.string()).default([]),
    transaction: z.enum(TRANSACTION_ASSUMPTIONS as [TransactionAssumption, ...TransactionAssumption[]]).default('auto'),
    tool: z.enum(MIGRATION_TOOLS as [MigrationTool, ...MigrationTool[]]).optional(),
    migrationsDir: z.string().default('migrations'),
    maxFileBytes: z.number().int().positive().optional(),
    // with --database-url or --stats: lock findings on tables below smallTable become info, above largeTable errors
    smallTable: z.union([z.number().nonnegative(), z.string()]).optional(),
    largeTable: z.union([z.number().nonnegative(), z.string()]).optional(),
  })
  .passthrough();

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;

/** Validates raw configuration; `source` names it in the message. */
export function validateConfig(raw: unknown, source: string, knownRules?: ReadonlySet<string>): Config {
  const parsed = configSchema.safeParse(raw, { errorMap: zod4Messages });
  if (!parsed.success) {
    throw new ConfigError(`invalid configuration in ${source}: ${describeIssue(parsed.error.issues[0], [])}`);
  }
  // extra keys pass the schema because keys starting with "//" are comments; any other is a typo that
  // would otherwise silently do nothing
  const keys = Object.keys(configSchema.shape);
  const stray = Object.keys(parsed.data).find((key) => !key.startsWith('//') && !keys.includes(key));
  if (stray !== undefined) {
    throw new ConfigError(`invalid configuration in ${source}: ${stray}: unknown key${didYouMean(stray, keys)} (keys starting with "//" are comments)`);
  }
  if (knownRules) {
    const unknown = Object.keys(parsed.data.rules).find((id) => !knownRules.has(id));
    if (unknown !== undefined) {
      throw new ConfigError(`invalid configuration in ${source}: rules.${unknown}: unknown rule "${unknown}"${didYouMean(unknown, knownRules)} (run \`pgwarden rules\` for the list)`);
    }
  }
  return parsed.data;
}

type Issue = z.ZodIssue;

/** `path: what was expected`, digging into the union branch that matches what the user wrote. */
function describeIssue(issue: Issue, prefix: PropertyKey[]): string {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.unionErrors.length > 0) {
    // The branch the user meant got furthest into the value: a deeper path, or more than a type mismatch.
    const score = (branch: Issue[]): number =>
      branch[0] ? branch[0].path.length * 2 + (branch[0].code === 'invalid_type' ? 0 : 1) : -1;
    const branch = issue.unionErrors.map((e) => e.issues).reduce((best, b) => (score(b) > score(best) ? b : best));
    // zod 3 gives a branch's issues their full path already
    if (branch[0]) return describeIssue(branch[0], prefix);
  }
  let what: string;
  switch (issue.code) {
    case 'invalid_enum_value':
      what = `expected one of ${issue.options.map((v) => JSON.stringify(v)).join(', ')}`;
      break;
    case 'unrecognized_keys':
      return `${formatPath([...path, issue.keys[0]])}: unknown key`;
    default:
      what = issue.message.replace(/^Invalid input: /, '').replace(/^Invalid option: /, '');
  }
  return path.length > 0 ? `${formatPath(path)}: ${what}` : what;
}

function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out === '' ? String(key) : `${out}.${String(key)}`;
  }, '');
}
