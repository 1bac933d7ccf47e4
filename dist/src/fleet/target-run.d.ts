import { type RunnerOptions } from '../runner/runner.js';
import type { MigrationHooks, RunLogger } from '../runner/hooks.js';
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
export declare function runnerOptionsFor(target: FleetTarget, settings: Pick<TargetRunSettings, 'dir' | 'runner'>, log: RunLogger): RunnerOptions;
/**
 * One target's guarded run — lint gate, backup, apply under its run lock, verification, restore,
 * history — exactly as `pgwarden migrate up` does it, on connections of its own. Never throws: every
 * failure is an outcome the rollout weighs against its error budget.
 */
export declare function migrateTarget(target: FleetTarget, settings: TargetRunSettings, log: RunLogger): Promise<TargetOutcome>;
