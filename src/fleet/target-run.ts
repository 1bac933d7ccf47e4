import { createRunner, type RunnerOptions } from '../runner/runner.js';
import type { MigrationHooks, RunLogger } from '../runner/hooks.js';
import { GateRefusedError, formatFinding } from '../runner/gate.js';
import { MigrationFailedError } from '../runner/execute.js';
import type { FleetTarget } from './targets.js';

/** What every target's run shares: the directory, the version to reach, and the runner's settings. */
export interface TargetRunSettings {
  dir: string;
  /** Migration names in order (the directory's), for the version a failed target is left at. */
  files: readonly string[];
  /** Apply up to and including this migration (the rollout's target version). */
  to: string | null;
  /**
   * The hooks of one target's run: the safety net, built by the caller for that target (its backup
   * directory, its schema as the safety net's scope). The fleet holds no safety logic of its own.
   */
  hooks: (target: FleetTarget) => MigrationHooks[];
  runner: Pick<RunnerOptions, 'lockTimeout' | 'statementTimeout' | 'lockRetries' | 'retryDeadline' | 'waitForLock' | 'lint' | 'appliedBy'>;
}

export interface TargetOutcome {
  state: 'done' | 'failed';
  /** Applied by this run, in order. */
  applied: string[];
  /** The last migration applied on the target afterwards (null: none, or unknown after an early failure). */
  version: string | null;
  /** The migration that failed. */
  migration?: string;
  error?: string;
  /** After a failed migration: rolled back or restored (true), not restored (false), nothing to say (null). */
  restored?: boolean | null;
  durationMs: number;
}

/** The runner options of one target: its URL, search_path and history, and a backup directory of its own. */
export function runnerOptionsFor(target: FleetTarget, settings: Pick<TargetRunSettings, 'dir' | 'runner'>, log: RunLogger): RunnerOptions {
  return {
    ...settings.runner,
    databaseUrl: target.url,
    dir: settings.dir,
    logger: log,
    ...(target.searchPath ? { searchPath: target.searchPath } : {}),
    ...(target.historySchema ? { historySchema: target.historySchema } : {}),
  };
}

/**
 * One target's guarded run — lint gate, backup, apply under its run lock, verification, restore,
 * history — exactly as `pgwarden migrate up` does it, on connections of its own. Never throws: every
 * failure is an outcome the rollout weighs against its error budget.
 */
export async function migrateTarget(target: FleetTarget, settings: TargetRunSettings, log: RunLogger): Promise<TargetOutcome> {
  const start = Date.now();
  const applied: string[] = [];
  let restored: boolean | null = null;
  const watch = (event: string, fields?: Record<string, unknown>) => {
    if (event === 'migrated' && typeof fields?.migration === 'string') applied.push(fields.migration);
    else if (event === 'restore.done' || event === 'restore.not-needed') restored = true;
    else if (event === 'restore.mismatch' || event === 'restore.failed' || event === 'restore.impossible') restored = false;
  };
  const watched: RunLogger = {
    info: (e, f) => (watch(e, f), log.info(e, f)),
    warn: (e, f) => (watch(e, f), log.warn(e, f)),
    error: (e, f) => (watch(e, f), log.error(e, f)),
  };
  try {
    const runner = createRunner({ ...runnerOptionsFor(target, settings, watched), hooks: settings.hooks(target) });
    await runner.up(settings.to ? { to: settings.to } : {});
    return { state: 'done', applied, version: settings.to ?? settings.files.at(-1) ?? null, durationMs: Date.now() - start };
  } catch (error) {
    const failed = error instanceof MigrationFailedError ? error.migration : undefined;
    const before = failed ? settings.files[settings.files.indexOf(failed) - 1] : undefined;
    return {
      state: 'failed',
      applied,
      version: applied.at(-1) ?? before ?? null,
      ...(failed ? { migration: failed } : {}),
      error: describe(error),
      restored: failed ? restored : null,
      durationMs: Date.now() - start,
    };
  }
}

function describe(error: unknown): string {
  if (error instanceof GateRefusedError) return `${error.message}: ${error.findings.slice(0, 3).map(formatFinding).join('; ')}`;
  const code = (error as { code?: unknown }).code;
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !message.includes(code) ? `${message} [${code}]` : message;
}
