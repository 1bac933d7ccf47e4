import { type AttemptMarker } from './history.js';
import { type RunRecord } from './journal.js';
import type { Resolved } from './types.js';
/**
 * What to do about a migration that was interrupted outside a transaction (its marker is in
 * pgwarden.migration_attempts). Without an action, repair only reports and changes nothing.
 */
export interface RepairOptions {
    /**
     * 'resume': drop the INVALID indexes its statements left, run the statements not recorded as done,
     * record the migration and clear the marker. 'forget': the database was fixed by hand; clear the marker.
     */
    action?: 'resume' | 'forget';
    /** With 'forget': also record the run as completed (up: applied; down: reverted). */
    markApplied?: boolean;
}
export type UnfinishedRun = RunRecord & {
    left: string;
    wayOut: string;
};
export interface RepairStatement {
    /** 1-based, as the marker counts. */
    number: number;
    text: string;
    /** Recorded as done by the interrupted run. */
    done: boolean;
    /** Evidence found in the database about a statement not recorded as done. */
    found?: string;
}
export interface RepairReport {
    /** Runs of the journal that did not finish, each with what it left and its way out (docs/faults.md). */
    runs: UnfinishedRun[];
    /** The interrupted run (the oldest, when there are several); null when nothing is interrupted. */
    marker: AttemptMarker | null;
    /** Further interrupted runs after this one. */
    moreMarkers: number;
    /** The file the interrupted run executed (the down file for a down run); null when it is gone. */
    path: string | null;
    /** The file differs from the one that was run (its checksum changed), so statement numbers may not match. */
    fileChanged: boolean;
    /** The file manages its own transactions: there is no statement progress to resume from. */
    explicitTransactions: boolean;
    statements: RepairStatement[];
    /** INVALID indexes left by the run's statements (a killed CREATE INDEX CONCURRENTLY). */
    invalidIndexes: Array<{
        schema: string;
        name: string;
        statement: number;
    }>;
    action: 'none' | 'resumed' | 'forgotten';
    markedApplied: boolean;
}
/** Inspects (and with an action, repairs) the interrupted migration, under the run lock that `up` takes. */
export declare function repairMigration(dir: string, r: Resolved, o: RepairOptions): Promise<RepairReport>;
/** The report as a DBA reads it: the run, its statements, what the database holds, and the choices. */
export declare function formatRepairReport(report: RepairReport): string;
