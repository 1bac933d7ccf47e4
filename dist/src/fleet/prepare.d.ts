import type { MigrationHooks, RunLogger } from '../runner/hooks.js';
import { type RunnerOptions } from '../runner/runner.js';
import type { FleetConfig } from './config.js';
import { type Journal, type RolloutState } from './journal.js';
import { type Rollout } from './rollout.js';
import { type FleetTarget } from './targets.js';
import { type PlannedWave, type Shard } from './waves.js';
/** A fleet as it stands: its targets (found now) and the migrations in its directory. */
export interface Fleet {
    config: FleetConfig;
    targets: FleetTarget[];
    byName: Map<string, FleetTarget>;
    migrations: Array<{
        name: string;
        checksum: string;
    }>;
    secrets: string[];
}
export declare function loadFleet(config: FleetConfig): Promise<Fleet>;
export declare function describeSource(config: FleetConfig): string;
export interface WaveSelection {
    shard?: Shard;
    /** Run only these waves (labels or 1-based numbers). */
    waves?: string[];
}
/** The waves this run goes through: the fleet's, for its shard, perhaps restricted to some waves. */
export declare function selectWaves(fleet: Fleet, selection: WaveSelection): PlannedWave[];
export interface StartOptions extends WaveSelection {
    mode: 'up' | 'resume';
    /** Journal file (default: the fleet file's, per shard). */
    journal?: string;
    /** up: the migration to bring every target to (default the directory's last). */
    to?: string;
    /** up: start a new rollout although the last one did not finish. */
    restart?: boolean;
    retryFailed?: boolean;
    /** The safety net of each target (see TargetRunSettings.hooks). */
    hooks: (target: FleetTarget) => MigrationHooks[];
    lint?: RunnerOptions['lint'];
    appliedBy?: string;
    confirm: (question: string) => Promise<boolean>;
    log: RunLogger;
    targetLog: (target: FleetTarget) => RunLogger;
}
export interface PreparedRollout {
    rollout: Rollout;
    journal: Journal;
    waves: PlannedWave[];
    rolloutId: string;
    resumed: RolloutState | undefined;
    latest: string | null;
}
/**
 * Everything before the first target runs: the journal says whether this starts or resumes a rollout,
 * the migrations are checked against what the rollout already applied, the canaries of a sharded run
 * must be done, and the lint gate is tried on the first target so that an unsafe migration stops the
 * whole fleet rather than each target in turn.
 */
export declare function prepareRollout(fleet: Fleet, o: StartOptions): Promise<PreparedRollout>;
