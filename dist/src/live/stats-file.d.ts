import { z } from 'zod';
import { type LiveFacts } from './facts.js';
/** A stats file that cannot be used: one line for the user. */
export declare class StatsFileError extends Error {
    constructor(message: string);
}
export declare const throughputSchema: z.ZodObject<{
    rewriteBytesPerSecond: z.ZodNumber;
    indexBytesPerSecond: z.ZodNumber;
    scanBytesPerSecond: z.ZodNumber;
    source: z.ZodEnum<["calibrated", "default"]>;
    measuredAt: z.ZodOptional<z.ZodString>;
}, "strip", z.ZodTypeAny, {
    source: "default" | "calibrated";
    rewriteBytesPerSecond: number;
    indexBytesPerSecond: number;
    scanBytesPerSecond: number;
    measuredAt?: string | undefined;
}, {
    source: "default" | "calibrated";
    rewriteBytesPerSecond: number;
    indexBytesPerSecond: number;
    scanBytesPerSecond: number;
    measuredAt?: string | undefined;
}>;
/** A stats file older than this is used with a warning: sizes drift, and tables come and go. */
export declare const STATS_MAX_AGE_DAYS = 7;
/** Reads and checks a file written by `pgwarden stats dump`. */
export declare function readStatsFile(path: string): Promise<LiveFacts>;
/** The stats file as JSON: stable key order, one table per line's worth of indentation for reviewable diffs. */
export declare function formatStatsFile(facts: LiveFacts): string;
/** `2 days ago`, `5 hours ago`… of the dump, and whether it is older than `maxDays`. */
export declare function statsAge(facts: LiveFacts, now?: Date, maxDays?: number): {
    text: string;
    old: boolean;
};
