import type { BackupChoice } from './backup-engine.js';
import type { DemoOutput } from './output.js';
export interface DemoContext {
    out: DemoOutput;
    /** The package root: migrations-example/ and demo/ live there. */
    root: string;
    /** The demo's temporary directory (server data, backups, working copy of migrations). */
    tmp: string;
    url: string;
    pgMajor: number;
    backup: BackupChoice;
}
/** A step did not behave as the demo expects; the message says what happened instead. */
export declare class DemoStepError extends Error {
    name: string;
}
export declare const LAST_SAFE = "0012_backfill_projects_archived_at";
/** 2: the linter on the example migrations; the unsafe ones (0013–0015) must be flagged, the rest clean. */
export declare function lintExamples(c: DemoContext): Promise<void>;
/** 3: the safe migrations, guarded; rows seeded after the tables exist so that 0006–0012 run on data. */
export declare function applySafe(c: DemoContext): Promise<void>;
/** 4: 0013 drops a column; the runner's lint gate refuses it before anything runs. */
export declare function refuseUnsafe(c: DemoContext): Promise<void>;
/** 5: a DELETE without allow-data-loss: verification fails inside the transaction, which rolls back. */
export declare function rollBackDataLoss(c: DemoContext): Promise<void>;
/** 6: a no-transaction migration fails halfway: what it committed is undone from its before-images. */
export declare function restoreHalfApplied(c: DemoContext): Promise<void>;
