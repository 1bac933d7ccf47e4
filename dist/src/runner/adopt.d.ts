import { type AdoptSource } from './foreign-history.js';
import type { Resolved } from './types.js';
/** One migration that baseline or adopt records as applied without running it. */
export interface AdoptionEntry {
    name: string;
    checksum: string;
    /** When the other tool applied it (null: the tool does not say; recorded as now). */
    appliedAt: string | null;
    durationMs: number;
    /** How the other tool recorded it; null for a baseline. */
    recordedAs: string | null;
    /** The tool's checksum against the file; null when it keeps none (or for a baseline). */
    checksumMatches: boolean | null;
}
export interface AdoptionPlan {
    source: AdoptSource | 'baseline';
    /** The table read (adopt only). */
    table: string | null;
    entries: AdoptionEntry[];
    /** Already in pgwarden's history: left as they are. */
    alreadyRecorded: string[];
    /** Listed by the other tool without a file here: not recorded. */
    unmatched: string[];
    recorded: boolean;
}
export interface BaselineOptions {
    /** Mark the files up to and including this one (default: all). */
    to?: string;
    /** Record; without it only the plan is returned. */
    record?: boolean;
}
export interface AdoptOptions {
    from: AdoptSource;
    record?: boolean;
}
/** `migrate baseline`: the files (up to --to) are taken as applied already, without running them. */
export declare function baseline(dir: string, r: Resolved, o: BaselineOptions): Promise<AdoptionPlan>;
/** `migrate adopt --from TOOL`: the other tool's history, matched to the files, recorded as pgwarden's. */
export declare function adopt(dir: string, r: Resolved, o: AdoptOptions): Promise<AdoptionPlan>;
/** What baseline/adopt will record (or recorded), one line each, for the terminal. */
export declare function formatAdoptionPlan(plan: AdoptionPlan): string;
