import { readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { parseDuration } from '../runner/duration.js';
import { FleetUsageError } from './errors.js';
import { zod4Messages } from '../zod-messages.js';
import type { Environment } from '../db/url.js';

/**
 * The fleet file (`fleet.yaml`). Its core keys — migrations, targets (schemas | databases | list), waves,
 * on_error, max_failures, health — are a contract scripts rely on; the rest tunes the per-target runs.
 */

const duration = (what: string) =>
  z.union([z.string(), z.number()]).transform((value, ctx) => {
    const ms = parseDuration(value);
    if (ms === undefined) {
      ctx.addIssue({ code: 'custom', message: `'${value}' is not a ${what} (examples: 500ms, 30s, 10m)` });
      return z.NEVER;
    }
    return ms;
  });

/** `$NAME` or `${NAME}`: URLs come from the environment, so the file never holds a password. */
const urlRef = z.string().min(1, 'expected $VARIABLE naming an environment variable with the URL');

const pattern = z.string().min(1, 'expected a LIKE pattern such as "tenant_%"');

const schemasTargets = z.strictObject({
  url: urlRef,
  match: pattern,
  exclude: z.array(z.string()).default([]),
  /** `{schema}` stands for the tenant's schema. */
  search_path: z.array(z.string().min(1)).min(1).default(['{schema}', 'public']),
  history_schema: z.string().min(1).default('pgwarden_{schema}'),
});

const databasesTargets = z.strictObject({
  url: urlRef,
  match: pattern,
  exclude: z.array(z.string()).default([]),
});

const listTarget = z.strictObject({
  name: z.string().min(1).regex(/^[^\s/\\]+$/, 'a target name has no spaces or slashes'),
  url: urlRef,
  /** A schema of its own in that database, as for `schemas` targets. */
  schema: z.string().min(1).optional(),
});

const targets = z
  .strictObject({
    schemas: schemasTargets.optional(),
    databases: databasesTargets.optional(),
    list: z.array(listTarget).min(1, 'expected at least one target').optional(),
  })
  .refine((t) => [t.schemas, t.databases, t.list].filter(Boolean).length === 1, 'expected exactly one of schemas, databases, list');

const healthCheck = z.union([
  z.string().min(1),
  z
    .strictObject({
      sql: z.string().min(1).optional(),
      command: z.string().min(1).optional(),
      interval: duration('duration').optional(),
      timeout: duration('duration').optional(),
    })
    .refine((h) => (h.sql === undefined) !== (h.command === undefined), 'expected exactly one of sql, command'),
]);

const wave = z
  .strictObject({
    name: z.string().min(1).optional(),
    targets: z.array(z.string().min(1)).min(1, 'expected at least one target name').optional(),
    percent: z.number().gt(0, 'expected a percentage above 0').max(100, 'expected a percentage of at most 100').optional(),
    parallel: z.number().int().min(1, 'expected a whole number >= 1').default(1),
    soak: duration('duration').default(0),
    pause: z.boolean().default(false),
    health: healthCheck.optional(),
  })
  .refine((w) => (w.targets === undefined) !== (w.percent === undefined), 'a wave lists its targets or gives a percent, not both or neither');

const backupMode = z.enum(['targeted', 'full', 'snapshot', 'none']);

export const fleetFileSchema = z.strictObject({
  migrations: z.string().min(1, 'expected the migrations directory'),
  targets,
  waves: z.array(wave).min(1, 'expected at least one wave').default([{ percent: 100, parallel: 1, soak: 0, pause: false }]),
  on_error: z.enum(['halt', 'continue']).default('halt'),
  max_failures: z.number().int().min(0, 'expected a whole number >= 0').optional(),
  health: healthCheck.optional(),
  journal: z.string().min(1).optional(),
  backup: backupMode.default('targeted'),
  backup_dir: z.string().min(1).default('.pgwarden/backups'),
  keep: z.number().int().min(1).optional(),
  lock_timeout: duration('duration').optional(),
  statement_timeout: duration('duration').optional(),
  lock_retries: z.number().int().min(0).optional(),
  retry_deadline: duration('duration').optional(),
  wait_for_lock: duration('duration').optional(),
  allow_unsafe: z.boolean().default(false),
});

type FleetFile = z.output<typeof fleetFileSchema>;
type HealthInput = z.output<typeof healthCheck>;

export interface HealthSpec {
  sql?: string;
  command?: string;
  /** Between polls during a soak (default: 10 s, or the soak when shorter). */
  intervalMs?: number;
  /** One poll may take this long (default 30 s). */
  timeoutMs: number;
}

export interface WaveSpec {
  /** `canary`, or `25%` for an unnamed percent wave. */
  label: string;
  targets?: string[];
  percent?: number;
  parallel: number;
  soakMs: number;
  pause: boolean;
  health?: HealthSpec;
}

export type TargetSource =
  | { kind: 'schemas'; url: UrlRef; match: string; exclude: string[]; searchPath: string[]; historySchema: string }
  | { kind: 'databases'; url: UrlRef; match: string; exclude: string[] }
  | { kind: 'list'; targets: Array<{ name: string; url: UrlRef; schema?: string }> };

/** A URL read from the environment; `key` names where the file asked for it (for messages). */
export interface UrlRef {
  key: string;
  variable?: string;
  url: string;
}

export interface FleetConfig {
  /** The fleet file as given (for messages and the journal). */
  file: string;
  migrationsDir: string;
  source: TargetSource;
  waves: WaveSpec[];
  onError: 'halt' | 'continue';
  /** With on_error: continue, the rollout halts when more targets than this have failed (default: never). */
  maxFailures: number;
  journal: string;
  backup: z.output<typeof backupMode>;
  backupDir: string;
  keep?: number;
  runner: { lockTimeoutMs?: number; statementTimeoutMs?: number; lockRetries?: number; retryDeadlineMs?: number; waitForLockMs?: number; allowUnsafe: boolean };
}

/** Reads and validates a fleet file; every mistake is one FleetUsageError line naming the key. */
export async function loadFleetConfig(file: string, env: Environment = process.env): Promise<FleetConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FleetUsageError(`cannot read fleet file ${file}: ${code === 'ENOENT' ? 'no such file (pass --fleet PATH)' : code === 'EISDIR' ? 'is a directory' : (error as Error).message}`);
  }
  return parseFleetConfig(text, file, env);
}

export function parseFleetConfig(text: string, file: string, env: Environment = process.env): FleetConfig {
  let raw: unknown;
  try {
    raw = parse(text, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const at = error.linePos?.[0];
      throw new FleetUsageError(`${file}${at ? `:${at.line}:${at.col}` : ''}: invalid YAML: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    throw error;
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new FleetUsageError(`${file}: expected a mapping with migrations, targets and waves`);
  const parsed = fleetFileSchema.safeParse(raw, { errorMap: zod4Messages });
  if (!parsed.success) throw new FleetUsageError(`${file}: ${describeIssue(parsed.error.issues[0])}`);
  return resolveConfig(parsed.data, file, env);
}

function resolveConfig(f: FleetFile, file: string, env: Environment): FleetConfig {
  const base = dirname(file);
  const path = (p: string) => (isAbsolute(p) ? p : relative(process.cwd(), resolve(base, p)) || '.');
  const fail = (key: string, message: string): never => {
    throw new FleetUsageError(`${file}: ${key}: ${message}`);
  };
  const url = (key: string, value: string): UrlRef => expandUrl(key, value, env, fail);
  let source: TargetSource;
  if (f.targets.schemas) {
    const s = f.targets.schemas;
    if (!s.search_path.some((p) => p.includes('{schema}'))) fail('targets.schemas.search_path', "expected '{schema}' among the schemas");
    source = { kind: 'schemas', url: url('targets.schemas.url', s.url), match: s.match, exclude: s.exclude, searchPath: s.search_path, historySchema: s.history_schema };
  } else if (f.targets.databases) {
    const d = f.targets.databases;
    source = { kind: 'databases', url: url('targets.databases.url', d.url), match: d.match, exclude: d.exclude };
  } else {
    const list = f.targets.list ?? [];
    const seen = new Set<string>();
    list.forEach((t, i) => {
      if (seen.has(t.name)) fail(`targets.list[${i}].name`, `'${t.name}' is listed twice`);
      seen.add(t.name);
    });
    source = { kind: 'list', targets: list.map((t, i) => ({ name: t.name, url: url(`targets.list[${i}].url`, t.url), ...(t.schema ? { schema: t.schema } : {}) })) };
  }
  const waves = f.waves.map((w, i) => waveSpec(w, i, f.health, fail));
  checkWaves(waves, fail);
  if (f.max_failures !== undefined && f.on_error === 'halt') fail('max_failures', 'goes with on_error: continue (halt stops at the first failure)');
  return {
    file,
    migrationsDir: path(f.migrations),
    source,
    waves,
    onError: f.on_error,
    maxFailures: f.on_error === 'halt' ? 0 : (f.max_failures ?? Number.POSITIVE_INFINITY),
    journal: path(f.journal ?? join('.pgwarden', 'fleet', `${basename(file).replace(/\.ya?ml$/i, '')}.journal.jsonl`)),
    backup: f.backup,
    backupDir: path(f.backup_dir),
    keep: f.keep,
    runner: {
      lockTimeoutMs: f.lock_timeout,
      statementTimeoutMs: f.statement_timeout,
      lockRetries: f.lock_retries,
      retryDeadlineMs: f.retry_deadline,
      waitForLockMs: f.wait_for_lock,
      allowUnsafe: f.allow_unsafe,
    },
  };
}

function waveSpec(w: z.output<typeof wave>, index: number, fleetHealth: HealthInput | undefined, fail: (key: string, message: string) => never): WaveSpec {
  const health = w.health ?? fleetHealth;
  const label = w.name ?? (w.percent !== undefined ? `${w.percent}%` : `wave ${index + 1}`);
  if (w.soak > 0 && !health) fail(`waves[${index}].soak`, 'a soak needs a health check to poll (health: at the top or in the wave)');
  return {
    label,
    ...(w.targets ? { targets: w.targets } : {}),
    ...(w.percent !== undefined ? { percent: w.percent } : {}),
    parallel: w.parallel,
    soakMs: w.soak,
    pause: w.pause,
    ...(health ? { health: healthSpec(health) } : {}),
  };
}

function healthSpec(h: HealthInput): HealthSpec {
  if (typeof h === 'string') return { sql: h, timeoutMs: 30_000 };
  return { ...(h.sql ? { sql: h.sql } : {}), ...(h.command ? { command: h.command } : {}), ...(h.interval !== undefined ? { intervalMs: h.interval } : {}), timeoutMs: h.timeout ?? 30_000 };
}

/** Percent stages grow, names are unique, and the last percent wave reaches 100: no target is left out. */
function checkWaves(waves: WaveSpec[], fail: (key: string, message: string) => never): void {
  let last = 0;
  const labels = new Set<string>();
  waves.forEach((w, i) => {
    if (labels.has(w.label)) fail(`waves[${i}].name`, `'${w.label}' names two waves`);
    labels.add(w.label);
    if (w.percent === undefined) return;
    if (w.percent <= last) fail(`waves[${i}].percent`, `${w.percent} does not grow past the wave before (${last}): percentages are cumulative`);
    last = w.percent;
  });
  if (last !== 100) fail('waves', `the last percent wave must be percent: 100${last > 0 ? ` (it is ${last}: the other targets would never be migrated)` : ' (no wave takes the targets not named)'}`);
}

const VARIABLE = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/;

function expandUrl(key: string, value: string, env: Environment, fail: (key: string, message: string) => never): UrlRef {
  const m = VARIABLE.exec(value.trim());
  if (!m) {
    // a literal URL is accepted only without a password: the file is committed and read by many
    let hasPassword = false;
    try {
      hasPassword = new URL(value).password !== '';
    } catch {
      fail(key, `expected $VARIABLE (an environment variable holding the URL), not '${value.replace(/:[^@/]*@/, ':*****@')}'`);
    }
    if (hasPassword) fail(key, 'a password does not belong in the fleet file: put the URL in an environment variable and write $NAME');
    return { key, url: value };
  }
  const variable = m[1] ?? m[2];
  const url = env[variable];
  if (!url) fail(key, `environment variable ${variable} is not set`);
  return { key, variable, url: url! };
}

type Issue = z.ZodIssue;

/** `waves[1].percent: expected …`: the key first, then what was wrong, in the union branch the user meant. */
function describeIssue(issue: Issue): string {
  if (issue.code === 'invalid_union' && issue.unionErrors.length > 0) {
    const deepest = issue.unionErrors.map((e) => e.issues).reduce((best, b) => ((b[0]?.path.length ?? -1) > (best[0]?.path.length ?? -1) ? b : best));
    // zod 3 gives a branch's issues their full path already
    if (deepest[0]) return describeIssue(deepest[0]);
  }
  const key = issue.path.reduce<string>((out, k) => (typeof k === 'number' ? `${out}[${k}]` : out === '' ? String(k) : `${out}.${String(k)}`), '');
  let what: string;
  if (issue.code === 'unrecognized_keys') return `${key ? `${key}.` : ''}${issue.keys[0]}: unknown key`;
  if (issue.code === 'invalid_enum_value') what = `expected one of ${issue.options.map((v) => JSON.stringify(v)).join(', ')}`;
  else if (issue.code === 'invalid_type' && issue.received === 'undefined') what = 'required';
  else what = issue.message.replace(/^Invalid input: /, '');
  return key ? `${key}: ${what}` : what;
}
