import type { MigrationAnalysis } from '../analysis/migration-analysis.js';
import type { PlannedMigration } from './hooks.js';
import type { Session } from './connections.js';
import type { LoadedMigration } from './files.js';
import type { State } from './state.js';
import type { AppliedMigration, Resolved } from './types.js';
/** One migration of a guarded run: the file, and what runs in the chosen direction. */
export interface RunTarget {
    file: LoadedMigration;
    planned: PlannedMigration;
    analysis: MigrationAnalysis;
}
/**
 * The guarded run that `up` and `down` share, one state machine journaled in the runner's schema:
 * locked → backing_up (beforeRun hooks) → for each migration applying → verifying (afterMigration
 * hooks) → committing → committed; a failure outside a transaction → restoring → restored |
 * restore_failed; the run ends done or failed.
 */
export declare function guardedRun(session: Session, state: State, targets: RunTarget[], direction: 'up' | 'down', r: Resolved): Promise<AppliedMigration[]>;
