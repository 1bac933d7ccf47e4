import type { LoadedMigration } from './files.js';
import type { HistoryEntry } from './history.js';
/**
 * The files on disk held against the history: which are applied (by name, or by checksum under an
 * older name), which are pending, and every way the two disagree. Pure: status, validate and up share it.
 */
export interface Reconciliation {
    /** Not applied under any name, in file order. */
    pending: LoadedMigration[];
    /** The history entry of each applied file (by its name, or the entry of the name it had before a rename). */
    appliedAs: Map<string, HistoryEntry>;
    /** Files recognised by their checksum as an applied migration recorded under another name. */
    renamed: Array<{
        file: LoadedMigration;
        recordedAs: string;
    }>;
    /** Applied files whose content changed since (checksum differs). */
    drift: Array<{
        file: LoadedMigration;
        entry: HistoryEntry;
    }>;
    /** Applied migrations with no file, sorting among the files (deleted or renamed and edited). */
    missing: HistoryEntry[];
    /** Applied migrations with no file, sorting after every file (applied from a newer checkout). */
    unknown: HistoryEntry[];
    /** Pending files that sort before an applied one. */
    outOfOrder: Array<{
        file: LoadedMigration;
        after: string;
    }>;
}
export declare function reconcile(files: readonly LoadedMigration[], history: readonly HistoryEntry[]): Reconciliation;
/** One disagreement between the files and the history, as `validate` and `status --check` report it. */
export interface HistoryProblem {
    kind: 'drift' | 'missing' | 'unknown' | 'out-of-order' | 'pending' | 'interrupted' | 'unfinished-run';
    migration: string;
    message: string;
}
export declare function problemsOf(rec: Reconciliation, options?: {
    failOnPending?: boolean;
    interrupted?: readonly string[];
}): HistoryProblem[];
