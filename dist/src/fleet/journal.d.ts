import type { Shard } from './waves.js';
/**
 * The fleet journal: one JSON object per line, appended as the rollout goes (which target is at which
 * migration, with what outcome; which waves passed their health gate). It is how `fleet resume` knows
 * where a rollout stopped and how `fleet status` shows outcomes. It never decides what is applied: each
 * target's own history does, so a line lost in a crash costs a no-op re-run of that target, never a
 * second application. Lines are written synchronously: a killed process leaves every line it wrote.
 */
export type EndState = 'done' | 'halted' | 'paused' | 'health_failed' | 'interrupted';
export interface RolloutRecord {
    type: 'rollout';
    rollout: string;
    at: string;
    fleet: string;
    shard: string | null;
    /** The migration every target is brought to. */
    latest: string | null;
    migrations: Array<{
        name: string;
        checksum: string;
    }>;
    /** Labels of the waves this run goes through (all, or those given with --waves). */
    waves: string[];
    targets: number;
}
export interface WaveRecord {
    type: 'wave';
    rollout: string;
    at: string;
    wave: number;
    label: string;
    state: 'started' | 'confirmed' | 'done' | 'halted' | 'paused' | 'health_failed';
    detail?: string;
}
export interface TargetRecord {
    type: 'target';
    rollout: string;
    at: string;
    target: string;
    wave: number;
    state: 'running' | 'done' | 'failed';
    /** The last migration applied on the target, when known (null: none, or not known after an early failure). */
    version: string | null;
    applied?: string[];
    /** The migration that failed. */
    migration?: string;
    error?: string;
    /** The database is as before the failed migration: rolled back, or restored from the backup. */
    restored?: boolean | null;
    duration_ms?: number;
}
export interface HealthRecord {
    type: 'health';
    rollout: string;
    at: string;
    wave: number;
    ok: boolean;
    detail: string;
}
export interface EndRecord {
    type: 'end';
    rollout: string;
    at: string;
    state: EndState;
    detail?: string;
}
/** `fleet resume` took the rollout up again (after an end that was not `done`, or a killed run). */
export interface ResumeRecord {
    type: 'resume';
    rollout: string;
    at: string;
}
export type JournalRecord = RolloutRecord | WaveRecord | TargetRecord | HealthRecord | EndRecord | ResumeRecord;
/** Records without the fields the journal fills in. */
export type NewRecord = DistributiveOmit<JournalRecord, 'rollout' | 'at'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export interface Journal {
    path: string;
    rollout: string;
    append(record: NewRecord): void;
    close(): void;
}
/** `<journal>.shard-2-of-4.jsonl` for a shard, so that each CI job writes a file of its own. */
export declare function journalPath(base: string, shard?: Shard): string;
/** The fleet's journal and its shards' (the files `journalPath` names beside it). */
export declare function journalFamily(base: string): string[];
/**
 * Opens the journal for writing a rollout (a new one, or `rollout` to continue), holding `<path>.lock`:
 * one process writes a journal at a time. A lock left by a process that no longer runs is taken over.
 */
export declare function openJournal(path: string, rollout: string, secrets?: readonly string[]): Journal;
/** Every record of a journal file; a torn last line (the process was killed mid-write) is skipped. */
export declare function readJournal(path: string): JournalRecord[];
/** A rollout as its journal tells it: where each target stands and which waves are behind it. */
export interface RolloutState {
    start: RolloutRecord;
    /** Last record of each target in this rollout. */
    targets: Map<string, TargetRecord>;
    /** Waves that finished, health gate included. */
    wavesDone: Set<number>;
    /** Waves whose pause was answered (or that started): a resume does not ask again. */
    wavesConfirmed: Set<number>;
    end?: EndRecord;
}
/** The last rollout recorded in `records` (undefined: the journal is empty). */
export declare function lastRollout(records: readonly JournalRecord[]): RolloutState | undefined;
/** The latest record of every target over several journals (a fleet's shards): what status shows. */
export declare function latestByTarget(journals: ReadonlyArray<readonly JournalRecord[]>): Map<string, TargetRecord>;
export {};
