import { type TargetRecord } from './journal.js';
import type { FleetTarget } from './targets.js';
/** What a target's own history says (the authority on what is applied). */
export interface LiveVersion {
    /** Last migration of the directory that is applied (null: none). */
    version: string | null;
    /** Migrations of the directory not applied yet. */
    pending: number;
    /** Applied migrations whose file changed since, or that have no file any more. */
    drift: string[];
    /** A migration interrupted outside a transaction (needs `pgwarden migrate repair`). */
    interrupted: string | null;
    /** The history could not be read (unreachable target…). */
    error?: string;
}
export type TargetState = 'failed' | 'interrupted' | 'unreachable' | 'drift' | 'behind' | 'running' | 'current' | 'unknown';
/** Failures and drift first: what needs a person comes at the top. */
export declare const STATE_ORDER: readonly TargetState[];
export interface TargetStatus {
    target: string;
    state: TargetState;
    version: string | null;
    pending: number | null;
    drift: string[];
    /** The last outcome the journals hold for the target. */
    last: {
        rollout: string;
        at: string;
        state: TargetRecord['state'];
        wave: number;
        migration?: string;
        error?: string;
        restored?: boolean | null;
    } | null;
    /** Why the state, when it is not `current`. */
    detail: string | null;
}
export interface FleetStatus {
    fleet: string;
    /** The directory's last migration: where every target is headed. */
    latest: string | null;
    /** The journals read (the fleet's and its shards'). */
    journals: string[];
    /** Whether the targets' histories were read (else the journals alone speak). */
    live: boolean;
    rollouts: Array<{
        journal: string;
        rollout: string;
        startedAt: string;
        shard: string | null;
        end: string | null;
        detail: string | null;
    }>;
    targets: TargetStatus[];
    summary: Partial<Record<TargetState, number>> & {
        total: number;
    };
}
/** Reads every target's history through the runner (read-only: status takes no lock, applies nothing). */
export declare function readLiveVersions(targets: readonly FleetTarget[], dir: string, files: readonly string[], parallel?: number): Promise<Map<string, LiveVersion>>;
export interface StatusInput {
    fleet: string;
    files: readonly string[];
    journalBase: string;
    /** Further journal files to merge (another machine's shards). */
    extraJournals?: readonly string[];
    /** Targets with their histories; undefined for --journal-only. */
    live?: {
        targets: readonly FleetTarget[];
        versions: ReadonlyMap<string, LiveVersion>;
    };
}
export declare function buildStatus(input: StatusInput): FleetStatus;
/** The text table: one line per target, failures and drift first, then the counts. */
export declare function formatStatus(status: FleetStatus): string;
