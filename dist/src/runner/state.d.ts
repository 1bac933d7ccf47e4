import type { Finding } from '../lint/types.js';
import { type MigrationAnalysis } from '../analysis/migration-analysis.js';
import type { PlannedMigration, RunLogger } from './hooks.js';
import { type Session } from './connections.js';
import { type LoadedMigration } from './files.js';
import { type AttemptMarker, type HistoryEntry } from './history.js';
import { type Reconciliation } from './reconcile.js';
import type { Resolved, UpOptions } from './types.js';
/** Everything a command needs to know about the directory and the database, read under the run lock. */
export interface State {
    files: LoadedMigration[];
    history: HistoryEntry[];
    attempts: AttemptMarker[];
    analyses: Map<string, MigrationAnalysis>;
    pgVersion: number;
    /** The files held against the history: pending, renamed, drift, missing, out of order. */
    rec: Reconciliation;
}
export declare function readState(dir: string, session: Session, r: Resolved): Promise<State>;
export declare function planned(file: LoadedMigration, analysis: MigrationAnalysis): PlannedMigration;
/** Not applied under any name: a renamed file with an applied migration's checksum is not run again. */
export declare function pendingOf(state: State): LoadedMigration[];
/** A pending migration that sorts before an applied one runs on a schema its author never saw: refused unless allowed. */
export declare function refuseOutOfOrder(state: State, selected: readonly LoadedMigration[], allow: boolean | undefined, log: RunLogger): void;
export declare function select(pending: LoadedMigration[], o: UpOptions, history?: readonly HistoryEntry[]): LoadedMigration[];
export declare function refuseInterrupted(state: State): void;
export declare function warnDrift(state: State, log: RunLogger): void;
export declare function gate(state: State, selected: LoadedMigration[], r: Resolved): Promise<Finding[]>;
/**
 * `down`'s gate: the down files, linted after the applied migrations are replayed (so the model holds
 * what they built), in the order they run. A file that is its own down file (dbmate, goose) is replayed
 * only as its down section.
 */
export declare function downGate(state: State, targets: ReadonlyArray<{
    file: LoadedMigration;
    planned: PlannedMigration;
}>, r: Resolved): Promise<Finding[]>;
/** Opens the session, takes the run lock, runs `work`, and always releases and closes. */
export declare function underRunLock<T>(r: Resolved, work: (session: Session) => Promise<T>): Promise<T>;
/** `--to` takes a migration's name or its file (`0012_x.up.sql`, `migrations/0012_x.sql`, Prisma's `<dir>/migration.sql`). */
export declare function migrationNameOf(given: string): string;
