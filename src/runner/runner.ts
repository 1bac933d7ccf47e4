import { hostname, userInfo } from 'node:os';
import { readFile } from 'node:fs/promises';
import type { ClientBase, Pool } from 'pg';
import { Umzug, MigrationError } from 'umzug';
import { resolveConnection } from '../db/url.js';
import { serverVersion } from '../db/version.js';
import { analyzeMigrations, type MigrationAnalysis } from '../analysis/migration-analysis.js';
import type { LintOptions } from '../lint/config.js';
import type { Finding, Rule } from '../lint/types.js';
import { allRules } from '../../rules/index.js';
import { version as pgwardenVersion } from '../cli/version.js';
import type { MigrationHooks, PlannedMigration, RunInfo, RunLogger } from './hooks.js';
import { acquireRunLock, releaseRunLock } from './advisory-lock.js';
import { openSession, type ConnectionSource, type Session } from './connections.js';
import { parseDuration, formatDuration } from './duration.js';
import { runJob, MigrationFailedError, type ApplySettings, type Isolation, type MigrationJob } from './execute.js';
import { loadMigrations, type LoadedMigration } from './files.js';
import { lintGate, GateRefusedError, formatFinding } from './gate.js';
import { ensureHistory, historyStorage, readAttempts, readHistory, type AttemptMarker, type HistoryEntry } from './history.js';
import { redactingLogger, silentLogger } from './logger.js';
import { RunnerUsageError, InterruptedMigrationError } from './errors.js';
import { planEntries, type PlanEntry } from './plan.js';

export type Duration = number | string;

export interface RunnerOptions {
  /** postgres:// URL; else DATABASE_URL / PG* variables, unless `pool` or `client` is given. */
  databaseUrl?: string;
  /** An application's pool: the runner borrows two connections per command and discards them after. */
  pool?: Pool;
  /** A single connection: works, but blockers of a waiting migration cannot be identified. */
  client?: ClientBase;
  /** The migrations directory (any layout src/sql/discover.ts knows). */
  dir: string;
  logger?: RunLogger;
  /** The safety net (backup, verification, restore) and anything else that wraps migrations. */
  hooks?: MigrationHooks[];
  /** lock_timeout for the migration's statements (default 500ms). */
  lockTimeout?: Duration;
  /** statement_timeout (default none). */
  statementTimeout?: Duration;
  /** Retries after a lock timeout or serialization failure (default 10). */
  lockRetries?: number;
  /** No retry starts later than this after the migration's first attempt (default 10m). */
  retryDeadline?: Duration;
  /** First backoff delay; doubles each retry, with jitter (default 250ms). */
  retryBaseDelay?: Duration;
  /** How long to wait for another runner to finish (default 3m). */
  waitForLock?: Duration;
  /**
   * Isolation of each migration's transaction (default 'repeatable read': the safety net counts rows
   * before and after the migration, and one snapshot makes those counts measure the migration alone).
   */
  isolation?: Isolation;
  /** Lint gate settings: the project's lint options, the rules (default all), and the escape hatch. */
  lint?: { options?: Partial<LintOptions>; rules?: readonly Rule[]; allowUnsafe?: boolean };
  /** Recorded as applied_by (default os user@host). */
  appliedBy?: string;
}

export interface UpOptions {
  to?: string;
  step?: number;
  /** Run every pending migration inside one transaction and roll back. */
  dryRun?: boolean;
}

export interface DownOptions {
  to?: string;
  /** Default 1. */
  step?: number;
}

export interface AppliedMigration {
  name: string;
  durationMs: number;
  attempts: number;
}

export interface RunResult {
  /** Migrations applied (or reverted, or dry-run) in order. */
  migrations: AppliedMigration[];
  /** Findings of the gate that were accepted (suppressed with a reason, or let through by allowUnsafe). */
  acceptedFindings: Finding[];
}

export interface MigrationStatus {
  name: string;
  state: 'applied' | 'pending';
  appliedAt: string | null;
  appliedBy: string | null;
  durationMs: number | null;
  /** Recorded checksum for applied migrations, the file's for pending ones. */
  checksum: string | null;
  /** The file changed after it was applied. */
  drift: boolean;
  /** Applied, but no file on disk any more. */
  missing: boolean;
  /** Started outside a transaction and not finished. */
  interrupted: boolean;
}

export interface Runner {
  up(options?: UpOptions): Promise<RunResult>;
  down(options?: DownOptions): Promise<RunResult>;
  status(): Promise<MigrationStatus[]>;
  plan(): Promise<PlanEntry[]>;
}

interface Resolved {
  source: ConnectionSource;
  secrets: string[];
  settings: ApplySettings;
  waitForLockMs: number;
  log: RunLogger;
  hooks: MigrationHooks[];
  rules: readonly Rule[];
  lintOptions: Partial<LintOptions>;
  allowUnsafe: boolean;
  appliedBy: string;
  databaseDisplay: string;
  /** The URL itself, for hooks that spawn client tools; '' for a pool, a client or PG* variables. */
  databaseUrl: string;
}

/** The guarded runner; each method opens its own connections and closes them before it returns. */
export function createRunner(options: RunnerOptions): Runner {
  const r = resolve(options);
  return {
    up: (o = {}) => (o.dryRun ? dryRun(options.dir, r, o) : up(options.dir, r, o)),
    down: (o = {}) => down(options.dir, r, o),
    status: () => status(options.dir, r),
    plan: () => plan(options.dir, r),
  };
}

function duration(value: Duration | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const ms = parseDuration(value);
  if (ms === undefined) throw new RunnerUsageError(`${name}: '${value}' is not a duration (examples: 500ms, 10s, 3m)`);
  return ms;
}

function resolve(options: RunnerOptions): Resolved {
  let source: ConnectionSource;
  let secrets: string[] = [];
  let databaseDisplay = 'the given connection';
  if (options.client) source = { kind: 'client', client: options.client };
  else if (options.pool) source = { kind: 'pool', pool: options.pool };
  else {
    const target = resolveConnection(options.databaseUrl);
    secrets = target.secrets;
    databaseDisplay = target.display;
    source = { kind: 'target', target };
  }
  const databaseUrl = source.kind === 'target' ? (source.target.config.connectionString ?? '') : '';
  const lockRetries = options.lockRetries ?? 10;
  if (!Number.isInteger(lockRetries) || lockRetries < 0) throw new RunnerUsageError(`lock retries: '${lockRetries}' is not a whole number >= 0`);
  const isolation = options.isolation ?? 'repeatable read';
  if (isolation !== 'read committed' && isolation !== 'repeatable read') {
    throw new RunnerUsageError(`isolation: '${String(isolation)}' is not 'read committed' or 'repeatable read'`);
  }
  const base = duration(options.retryBaseDelay, 250, 'retry base delay');
  return {
    source,
    secrets,
    databaseDisplay,
    databaseUrl,
    settings: {
      lockTimeoutMs: Math.max(1, duration(options.lockTimeout, 500, 'lock timeout')),
      statementTimeoutMs: duration(options.statementTimeout, 0, 'statement timeout'),
      isolation,
      lockRetries,
      retryDeadlineMs: duration(options.retryDeadline, 600_000, 'retry deadline'),
      backoff: { baseDelayMs: base, maxDelayMs: Math.max(base, 10_000) },
    },
    waitForLockMs: duration(options.waitForLock, 180_000, 'wait for lock'),
    log: redactingLogger(options.logger ?? silentLogger, secrets),
    hooks: options.hooks ?? [],
    rules: options.lint?.rules ?? allRules,
    lintOptions: options.lint?.options ?? {},
    allowUnsafe: options.lint?.allowUnsafe ?? false,
    appliedBy: options.appliedBy ?? defaultAppliedBy(),
  };
}

function defaultAppliedBy(): string {
  try {
    return `${userInfo().username}@${hostname()}`;
  } catch {
    return hostname();
  }
}

/** Everything a command needs to know about the directory and the database, read under the run lock. */
interface State {
  files: LoadedMigration[];
  history: HistoryEntry[];
  attempts: AttemptMarker[];
  analyses: Map<string, MigrationAnalysis>;
  pgVersion: number;
}

async function readState(dir: string, session: Session, r: Resolved): Promise<State> {
  const loaded = await loadMigrations(dir);
  for (const w of loaded.warnings) r.log.warn('discovery', { message: w });
  const history = await readHistory(session.control);
  const attempts = await readAttempts(session.control);
  const pgVersion = (await serverVersion(session.control)).major;
  const analyzed = await analyzeMigrations(
    loaded.migrations.map((m) => ({ name: m.name, path: m.path, text: m.text })),
    { pgVersion, transaction: 'per-file' },
  );
  return { files: loaded.migrations, history, attempts, analyses: new Map(analyzed.map((a) => [a.name, a])), pgVersion };
}

function planned(file: LoadedMigration, analysis: MigrationAnalysis): PlannedMigration {
  return {
    name: file.name,
    path: file.path,
    sql: file.text,
    transactional: analysis.transaction === 'runner',
    tablesAtRisk: analysis.tablesAtRisk.map((t) => t.table),
    allowDataLoss: analysis.allowDataLoss,
    risks: analysis.risks,
  };
}

function pendingOf(state: State): LoadedMigration[] {
  const applied = new Set(state.history.map((h) => h.name));
  return state.files.filter((f) => !applied.has(f.name));
}

function select(pending: LoadedMigration[], o: UpOptions): LoadedMigration[] {
  if (o.to !== undefined) {
    const index = pending.findIndex((m) => m.name === o.to);
    if (index === -1) throw new RunnerUsageError(`--to ${o.to}: no pending migration has that name`);
    return pending.slice(0, index + 1);
  }
  if (o.step !== undefined) {
    if (!Number.isInteger(o.step) || o.step < 1) throw new RunnerUsageError(`--step: '${o.step}' is not a whole number >= 1`);
    return pending.slice(0, o.step);
  }
  return pending;
}

function refuseInterrupted(state: State): void {
  const a = state.attempts[0];
  if (a) throw new InterruptedMigrationError(a);
}

function warnDrift(state: State, log: RunLogger): void {
  const files = new Map(state.files.map((f) => [f.name, f]));
  for (const h of state.history) {
    const f = files.get(h.name);
    if (f && f.checksum !== h.checksum) {
      log.warn('checksum_drift', { migration: h.name, message: `${h.name} changed after it was applied (checksum drift): the change will not be applied` });
    }
  }
}

async function gate(state: State, selected: LoadedMigration[], r: Resolved): Promise<Finding[]> {
  if (selected.length === 0) return [];
  const result = await lintGate({
    files: state.files.map((f) => ({ path: f.path, text: f.text })),
    pending: new Set(selected.map((m) => m.path)),
    rules: r.rules,
    options: { pgVersion: state.pgVersion, ...r.lintOptions },
  });
  for (const f of result.accepted) {
    r.log.warn('finding_accepted', { migration: f.file, rule: f.rule, message: `accepted (suppressed with a reason: ${f.suppressed?.reason}): ${formatFinding(f)}` });
  }
  if (result.blocking.length === 0) return result.accepted;
  // the caller prints the refused findings (the CLI with its reporter)
  if (!r.allowUnsafe) throw new GateRefusedError(result.blocking);
  r.log.warn('unsafe_allowed', {
    message: `--allow-unsafe: applying despite ${result.blocking.length} error finding(s) of the lint gate`,
    findings: result.blocking.length,
  });
  for (const f of result.blocking) r.log.warn('finding', { migration: f.file, rule: f.rule, message: `UNSAFE, ALLOWED: ${formatFinding(f)}` });
  return [...result.accepted, ...result.blocking];
}

/** Opens the session, takes the run lock, runs `work`, and always releases and closes. */
async function underRunLock<T>(r: Resolved, work: (session: Session) => Promise<T>): Promise<T> {
  const session = await openSession(r.source, 2);
  try {
    await session.migration.query("set application_name = 'pgwarden'");
    r.log.info('waiting_for_lock', { message: `taking the run lock (waiting up to ${formatDuration(r.waitForLockMs)})`, quiet: true });
    await acquireRunLock(session.control, r.waitForLockMs);
    try {
      return await work(session);
    } finally {
      await releaseRunLock(session.control).catch(() => undefined);
    }
  } finally {
    await session.close();
  }
}

async function up(dir: string, r: Resolved, o: UpOptions): Promise<RunResult> {
  return underRunLock(r, async (session) => {
    await ensureHistory(session.control);
    // history is read after the lock: whatever another runner applied meanwhile is not pending any more
    const state = await readState(dir, session, r);
    refuseInterrupted(state);
    warnDrift(state, r.log);
    const selected = select(pendingOf(state), o);
    if (selected.length === 0) {
      r.log.info('up_to_date', { message: 'no pending migrations' });
      return { migrations: [], acceptedFindings: [] };
    }
    const acceptedFindings = await gate(state, selected, r);
    const plannedList = selected.map((f) => planned(f, state.analyses.get(f.name)!));
    const run: RunInfo = { databaseUrl: r.databaseUrl, migrations: plannedList, client: session.control, log: r.log };
    for (const h of r.hooks) await h.beforeRun?.(run);
    const done: AppliedMigration[] = [];
    let ok = false;
    try {
      await runWithUmzug(session, state, selected, 'up', r, done);
      ok = true;
    } finally {
      for (const h of r.hooks) await h.afterRun?.({ ...run, ok });
    }
    return { migrations: done, acceptedFindings };
  });
}

async function down(dir: string, r: Resolved, o: DownOptions): Promise<RunResult> {
  return underRunLock(r, async (session) => {
    await ensureHistory(session.control);
    const state = await readState(dir, session, r);
    refuseInterrupted(state);
    const files = new Map(state.files.map((f) => [f.name, f]));
    const applied = [...state.history].reverse();
    let chosen: HistoryEntry[];
    if (o.to !== undefined) {
      const index = applied.findIndex((h) => h.name === o.to);
      if (index === -1) throw new RunnerUsageError(`--to ${o.to}: no applied migration has that name`);
      chosen = applied.slice(0, index + 1);
    } else {
      const step = o.step ?? 1;
      if (!Number.isInteger(step) || step < 1) throw new RunnerUsageError(`--step: '${step}' is not a whole number >= 1`);
      chosen = applied.slice(0, step);
    }
    if (chosen.length === 0) {
      r.log.info('nothing_to_revert', { message: 'no applied migrations to revert' });
      return { migrations: [], acceptedFindings: [] };
    }
    // refuse before reverting anything when one of them cannot be reverted
    const targets: LoadedMigration[] = [];
    for (const h of chosen) {
      const f = files.get(h.name);
      if (!f) throw new RunnerUsageError(`cannot revert ${h.name}: its migration file is not in ${dir} any more`);
      if (!f.downPath) throw new RunnerUsageError(`cannot revert ${h.name}: it has no down file (expected beside ${f.path}, e.g. ${h.name}.down.sql)`);
      targets.push(f);
    }
    const done: AppliedMigration[] = [];
    await runWithUmzug(session, state, targets, 'down', r, done);
    return { migrations: done, acceptedFindings: [] };
  });
}

/** Runs jobs through umzug: its storage reads our history table, its events drive the log lines. */
async function runWithUmzug(session: Session, state: State, targets: LoadedMigration[], direction: 'up' | 'down', r: Resolved, done: AppliedMigration[]): Promise<void> {
  const downAnalyses = new Map<string, MigrationAnalysis>();
  if (direction === 'down') {
    for (const f of targets) {
      const text = await readFile(f.downPath!, 'utf8');
      const [a] = await analyzeMigrations([{ name: f.name, path: f.downPath!, text }], { pgVersion: state.pgVersion });
      downAnalyses.set(f.name, a);
    }
  }
  const results = new Map<string, AppliedMigration>();
  const umzug = new Umzug({
    migrations: state.files.map((f) => ({
      name: f.name,
      path: f.path,
      up: async () => {
        const job = jobFor(f, state.analyses.get(f.name)!, 'up', r);
        results.set(f.name, { name: f.name, ...(await runOrFail(job, session, r)) });
      },
      down: async () => {
        const a = downAnalyses.get(f.name)!;
        const job = jobFor(f, a, 'down', r);
        job.planned = { ...job.planned, path: f.downPath!, sql: await readFile(f.downPath!, 'utf8'), transactional: a.transaction === 'runner' };
        results.set(f.name, { name: f.name, ...(await runOrFail(job, session, r)) });
      },
    })),
    storage: historyStorage(session.control),
    logger: undefined,
  });
  const verb = direction === 'up' ? 'applying' : 'reverting';
  umzug.on(direction === 'up' ? 'migrating' : 'reverting', ({ name }) => {
    r.log.info(direction === 'up' ? 'migrating' : 'reverting', { migration: name, message: `${verb} ${name}…`, progress: true });
  });
  umzug.on(direction === 'up' ? 'migrated' : 'reverted', ({ name }) => {
    const res = results.get(name)!;
    done.push(res);
    const retried = res.attempts > 1 ? ` after ${res.attempts} attempts` : '';
    const word = direction === 'up' ? 'applied' : 'reverted';
    r.log.info(direction === 'up' ? 'migrated' : 'reverted', {
      migration: name,
      duration_ms: res.durationMs,
      attempt: res.attempts,
      message: `${word} ${name} (${formatDuration(res.durationMs)}${retried})`,
    });
  });
  try {
    if (direction === 'up') await umzug.up({ migrations: targets.map((t) => t.name) });
    else await umzug.down({ migrations: targets.map((t) => t.name) });
  } catch (error) {
    throw error instanceof MigrationError ? (error.cause ?? error) : error;
  }
}

function jobFor(f: LoadedMigration, analysis: MigrationAnalysis, direction: 'up' | 'down', r: Resolved): MigrationJob {
  return { direction, planned: planned(f, analysis), analysis, checksum: f.checksum, appliedBy: r.appliedBy, pgwardenVersion };
}

async function runOrFail(job: MigrationJob, session: Session, r: Resolved) {
  const monitor = session.control === session.migration ? undefined : session.control;
  try {
    return await runJob(job, { migration: session.migration, migrationPid: session.migrationPid, monitor }, r.settings, r.hooks, r.log);
  } catch (error) {
    const failure = error instanceof MigrationFailedError ? error : new MigrationFailedError(job.planned.name, error, 1, String(error));
    r.log.error('migration_failed', { migration: job.planned.name, attempt: failure.attempts, error: failure.message, message: failure.message });
    const context = { migration: job.planned, client: session.migration, log: r.log, error: failure.cause };
    for (const h of r.hooks) await h.onFailure?.(context);
    throw failure;
  }
}

async function dryRun(dir: string, r: Resolved, o: UpOptions): Promise<RunResult> {
  return underRunLock(r, async (session) => {
    // no ensureHistory: a dry run leaves nothing behind, not even the runner's schema
    const state = await readState(dir, session, r);
    refuseInterrupted(state);
    const selected = select(pendingOf(state), o);
    const acceptedFindings = await gate(state, selected, r);
    const client = session.migration;
    const done: AppliedMigration[] = [];
    await client.query(`begin isolation level ${r.settings.isolation}`);
    try {
      await client.query(`set local lock_timeout = ${r.settings.lockTimeoutMs}`);
      await client.query(`set local statement_timeout = ${r.settings.statementTimeoutMs ?? 0}`);
      for (const f of selected) {
        const analysis = state.analyses.get(f.name)!;
        if (analysis.transaction !== 'runner') {
          r.log.warn('dry_run_skipped', { migration: f.name, message: `skipped ${f.name}: it cannot be tried inside a transaction (${analysis.transactionReason})` });
          continue;
        }
        const start = Date.now();
        await client.query('savepoint pgwarden_dry_run');
        try {
          await client.query(f.text);
        } catch (error) {
          const failure = new MigrationFailedError(f.name, error, 1, `${(error as Error).message}${(error as { code?: string }).code ? ` [${(error as { code?: string }).code}]` : ''} (dry run, rolled back)`);
          r.log.error('migration_failed', { migration: f.name, error: failure.message, message: failure.message });
          throw failure;
        }
        const durationMs = Date.now() - start;
        done.push({ name: f.name, durationMs, attempts: 1 });
        r.log.info('dry_run_migrated', { migration: f.name, duration_ms: durationMs, attempt: 1, message: `ran ${f.name} (${formatDuration(durationMs)}) — dry run` });
      }
    } finally {
      await client.query('rollback').catch(() => undefined);
    }
    r.log.info('dry_run_done', { message: `dry run: ${done.length} migration(s) ran and were rolled back; nothing was changed` });
    return { migrations: done, acceptedFindings };
  });
}

async function status(dir: string, r: Resolved): Promise<MigrationStatus[]> {
  const session = await openSession(r.source, 1);
  try {
    const state = await readState(dir, session, r);
    const recorded = new Map(state.history.map((h) => [h.name, h]));
    const interrupted = new Set(state.attempts.map((a) => a.name));
    const onDisk = new Set(state.files.map((f) => f.name));
    const out: MigrationStatus[] = state.files.map((f) => {
      const h = recorded.get(f.name);
      return {
        name: f.name,
        state: h ? 'applied' : 'pending',
        appliedAt: h ? h.appliedAt.toISOString() : null,
        appliedBy: h?.appliedBy ?? null,
        durationMs: h?.durationMs ?? null,
        checksum: h?.checksum ?? f.checksum,
        drift: h !== undefined && h.checksum !== f.checksum,
        missing: false,
        interrupted: interrupted.has(f.name),
      };
    });
    for (const h of state.history) {
      if (onDisk.has(h.name)) continue;
      out.push({ name: h.name, state: 'applied', appliedAt: h.appliedAt.toISOString(), appliedBy: h.appliedBy, durationMs: h.durationMs, checksum: h.checksum, drift: false, missing: true, interrupted: false });
    }
    return out;
  } finally {
    await session.close();
  }
}

async function plan(dir: string, r: Resolved): Promise<PlanEntry[]> {
  const session = await openSession(r.source, 1);
  try {
    const state = await readState(dir, session, r);
    const pending = pendingOf(state);
    const result = await lintGate({
      files: state.files.map((f) => ({ path: f.path, text: f.text })),
      pending: new Set(pending.map((m) => m.path)),
      rules: r.rules,
      options: { pgVersion: state.pgVersion, ...r.lintOptions },
    });
    return planEntries(pending.map((f) => state.analyses.get(f.name)!), result);
  } finally {
    await session.close();
  }
}
