import { basename, dirname, join } from 'node:path';
import { Umzug, MigrationError } from 'umzug';
import { analyzeMigrations, type MigrationAnalysis } from '../analysis/migration-analysis.js';
import type { RunInfo } from './hooks.js';
import type { Session } from './connections.js';
import { formatDuration } from './duration.js';
import { runJob, MigrationFailedError, type MigrationJob } from './execute.js';
import { readDownText, type LoadedMigration } from './files.js';
import { ensureHistory, finishAttempt, historyStorage, type HistoryEntry } from './history.js';
import { RunnerUsageError } from './errors.js';
import { RunLockLostError } from './advisory-lock.js';
import { pgwardenVersion } from '../version.js';
import { resolveOptions } from './options.js';
import { gate, migrationNameOf, pendingOf, planned, readState, refuseInterrupted, refuseOutOfOrder, select, underRunLock, warnDrift, type State } from './state.js';
import { dryRun } from './dry-run.js';
import { plan, status, validate } from './inspect.js';
import { repairMigration } from './repair.js';
import type { AppliedMigration, DownOptions, Resolved, Runner, RunnerOptions, RunResult, UpOptions } from './types.js';

export type * from './types.js';

/** The guarded runner; each method opens its own connections and closes them before it returns. */
export function createRunner(options: RunnerOptions): Runner {
  const r = resolveOptions(options);
  return {
    up: (o = {}) => (o.dryRun ? dryRun(options.dir, r, o) : up(options.dir, r, o)),
    down: (o = {}) => down(options.dir, r, o),
    status: () => status(options.dir, r),
    validate: (o = {}) => validate(options.dir, r, o),
    plan: () => plan(options.dir, r),
    repair: (o = {}) => repairMigration(options.dir, r, o),
  };
}

async function up(dir: string, r: Resolved, o: UpOptions): Promise<RunResult> {
  return underRunLock(r, async (session) => {
    await ensureHistory(session.control);
    // history is read after the lock: whatever another runner applied meanwhile is not pending any more
    const state = await readState(dir, session, r);
    refuseInterrupted(state);
    warnDrift(state, r.log);
    const selected = select(pendingOf(state), o, state.history);
    if (selected.length === 0) {
      let message = o.to === undefined || pendingOf(state).length === 0 ? 'no pending migrations' : `${migrationNameOf(o.to)} is already applied: nothing to apply up to it`;
      const meanwhile = session.lock?.appliedWhileWaiting ?? [];
      if (meanwhile.length > 0) message += `: another runner applied ${meanwhile.join(', ')} while this one waited for the run lock`;
      r.log.info('up_to_date', { message });
      return { migrations: [], acceptedFindings: [] };
    }
    refuseOutOfOrder(state, selected, o.allowOutOfOrder, r.log);
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
    // a renamed file reverts the migration recorded under its old name
    const files = new Map(state.files.filter((f) => state.rec.appliedAs.has(f.name)).map((f) => [state.rec.appliedAs.get(f.name)!.name, f]));
    const applied = [...state.history].reverse();
    let chosen: HistoryEntry[];
    if (o.to !== undefined) {
      const to = migrationNameOf(o.to);
      const index = applied.findIndex((h) => h.name === to);
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
      if (!f.downPath) throw new RunnerUsageError(`cannot revert ${h.name}: ${missingDownFile(f)}`);
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
      const text = await readDownText(f);
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
        job.planned = { ...job.planned, path: f.downPath!, sql: await readDownText(f), transactional: a.transaction === 'runner' };
        results.set(f.name, { name: f.name, ...(await runOrFail(job, session, r)) });
      },
    })),
    storage: historyStorage(session.migration),
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

/** Why a migration cannot be reverted, in its tool's terms: the file `down` looks for, or none at all. */
function missingDownFile(f: LoadedMigration): string {
  const file = basename(f.path);
  if (file === 'migration.sql') return 'Prisma migrations have no down files; undo it with a new migration';
  const flyway = /^V(.+?)__(.+)$/.exec(file);
  if (flyway) return `it has no undo file (expected ${join(dirname(f.path), `U${flyway[1]}__${flyway[2]}`)})`;
  const sqitch = /^(.*)[\\/]deploy[\\/]([^\\/]+)$/.exec(f.path);
  if (sqitch) return `it has no revert script (expected ${join(sqitch[1], 'revert', sqitch[2])})`;
  return `it has no down file (expected ${join(dirname(f.path), `${f.name}.down.sql`)})`;
}

function jobFor(f: LoadedMigration, analysis: MigrationAnalysis, direction: 'up' | 'down', r: Resolved): MigrationJob {
  return { direction, planned: planned(f, analysis), analysis, checksum: f.checksum, appliedBy: r.appliedBy, pgwardenVersion: pgwardenVersion() };
}

async function runOrFail(job: MigrationJob, session: Session, r: Resolved) {
  const monitor = session.control === session.migration ? undefined : session.control;
  try {
    return await runJob(job, { migration: session.migration, migrationPid: session.migrationPid, monitor, lock: session.lock }, r.settings, r.hooks, r.log);
  } catch (error) {
    // restoring needs the lock too: the next run (or repair) sees what is left
    if (error instanceof RunLockLostError) {
      r.log.error('run_lock_lost', { migration: job.planned.name, error: error.message, message: error.message, quiet: true });
      throw error;
    }
    const failure = error instanceof MigrationFailedError ? error : new MigrationFailedError(job.planned.name, error, 1, String(error));
    r.log.error('migration_failed', { migration: job.planned.name, attempt: failure.attempts, error: failure.message, message: failure.message });
    const context = { migration: job.planned, client: session.migration, log: r.log, error: failure.cause };
    let restored = false;
    for (const h of r.hooks) restored = (await h.onFailure?.(context))?.restored === true || restored;
    if (restored && !job.planned.transactional) {
      await finishAttempt(session.migration, job.planned.name);
      r.log.info('interrupted_cleared', { migration: job.planned.name, message: `${job.planned.name}: database restored to its state before the migration; nothing is left half-applied` });
    }
    throw failure;
  }
}
