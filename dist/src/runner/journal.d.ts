import type { PgClient } from '../db/pg-types.js';
/**
 * The run's state machine, journaled in the runner's schema (`<history schema>.runs`) on the control
 * connection, outside the migrations' transactions, so that whatever state a kill leaves is on record:
 *
 *   locked → backing_up → applying(M) → verifying(M) → committing(M) → committed(M) → … → done
 *                                   ↘ failed (rolled back)   ↘ restoring(M) → restored(M) → failed
 *                                                                          ↘ restore_failed(M)
 *
 * A run whose row has no `finished_at` did not end (or ended in restore_failed, which needs a person).
 * The next command holds the run lock, so such a run's process is gone for sure; see whatNext().
 */
export declare const RUN_STATES: readonly ["locked", "backing_up", "applying", "verifying", "committing", "committed", "restoring", "restored", "restore_failed", "done", "failed", "abandoned", "forgotten"];
export type RunState = (typeof RUN_STATES)[number];
export interface RunRecord {
    id: number;
    command: 'up' | 'down';
    state: RunState;
    migration: string | null;
    backup: string | null;
    startedAt: Date;
    updatedAt: Date;
    startedBy: string;
    finishedAt: Date | null;
}
export declare function journalSetup(schema: string): string;
/** Journal of one run; every transition is committed before the runner goes on. */
export declare class RunJournal {
    private readonly client;
    readonly id: number;
    state: RunState;
    backup: string | undefined;
    private constructor();
    static start(client: PgClient, command: 'up' | 'down', startedBy: string): Promise<RunJournal>;
    /** Moves to `state`; done and failed close the run (restore_failed stays open: it needs a person). */
    move(state: RunState, migration?: string, fields?: {
        backup?: string;
        detail?: string;
    }): Promise<void>;
    noteBackup(id: string): Promise<void>;
}
/** Runs that did not end (their process died) or ended needing a person (restore_failed), oldest first. */
export declare function unresolvedRuns(client: PgClient): Promise<RunRecord[]>;
/** Closes runs that need nothing more (or that a person resolved): `abandoned` or `forgotten`. */
export declare function closeRuns(client: PgClient, ids: number[], state: 'abandoned' | 'forgotten'): Promise<void>;
/** A run left in restoring or restore_failed: the database may be half-restored, so nothing runs until it is resolved. */
export declare function needsRestore(run: RunRecord): boolean;
/** What a run that did not end left behind, and the one way out (docs/faults.md has the same table). */
export declare function whatNext(run: RunRecord): {
    left: string;
    wayOut: string;
};
export declare function describeRun(run: RunRecord): string;
export interface Rewound {
    /** Migrations the history recorded as applied at or after the moment; no longer recorded. */
    unapplied: string[];
    /** Interrupted markers of attempts started at or after it; cleared. */
    clearedMarkers: string[];
    /** Unfinished runs that took the backup; closed. */
    closedRuns: number[];
}
/**
 * After a backup is restored (`pgwarden backups restore`), the history goes back to the backup's moment
 * too: what was recorded since is undone by the restore, so `up` must apply it again. One transaction.
 */
export declare function rewindHistory(client: PgClient, since: Date, backupId: string): Promise<Rewound>;
