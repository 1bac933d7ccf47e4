import type { RunLogger } from '../runner/hooks.js';
import type { EndState, Journal, RolloutState } from './journal.js';
import { type TargetRunSettings } from './target-run.js';
import type { FleetTarget } from './targets.js';
import type { PlannedWave } from './waves.js';
export interface RolloutOptions {
    waves: PlannedWave[];
    targets: ReadonlyMap<string, FleetTarget>;
    settings: TargetRunSettings;
    onError: 'halt' | 'continue';
    /** With continue: halt once more targets than this have failed. */
    maxFailures: number;
    journal: Journal;
    /** The journal's account of the rollout being resumed. */
    resume?: RolloutState;
    /** Also run again the failed targets of waves that finished (resume --retry-failed). */
    retryFailed?: boolean;
    /** Asked before a wave marked `pause: true`; false stops the rollout, paused, until `fleet resume`. */
    confirm: (question: string) => Promise<boolean>;
    log: RunLogger;
    /** The logger a target's run writes to (its lines carry the target's name). */
    targetLog: (target: FleetTarget) => RunLogger;
}
export interface RolloutResult {
    state: EndState;
    detail: string;
    /** Targets whose latest outcome in this rollout is a failure. */
    failed: string[];
    done: number;
    /** Targets of the run's waves. */
    total: number;
    /** The wave it stopped in or before (halted, paused, health gate); null when done. */
    wave: string | null;
}
/** The running rollout, so that an interruption can record and say where it stopped. */
export interface Rollout {
    run(): Promise<RolloutResult>;
    /** Journals the interruption (synchronously: the process exits next) and describes it in one line. */
    interrupted(signal: string): string;
}
/**
 * The single-database runner applied per target, wave after wave: each wave's targets run with the
 * wave's parallelism, the error budget decides whether the wave goes on, the health gate decides whether
 * the next wave starts. Every step is journaled first, so a resume continues where this stopped.
 */
export declare function createRollout(o: RolloutOptions): Rollout;
