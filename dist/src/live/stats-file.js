import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { zod4Messages } from '../zod-messages.js';
import { STATS_FORMAT } from './facts.js';
/** A stats file that cannot be used: one line for the user. */
export class StatsFileError extends Error {
    constructor(message) {
        super(message);
        this.name = 'StatsFileError';
    }
}
const count = z.number().finite().nonnegative();
const throughput = z.object({
    rewriteBytesPerSecond: z.number().positive(),
    indexBytesPerSecond: z.number().positive(),
    scanBytesPerSecond: z.number().positive(),
    source: z.enum(['calibrated', 'default']),
    measuredAt: z.string().optional(),
});
const table = z.object({
    rows: count,
    tableBytes: count,
    indexBytes: count,
    totalBytes: count,
    sizeEstimated: z.boolean().optional(),
    writesPerSecond: count,
    scansPerSecond: count,
    modifiedSinceAnalyze: count,
    sessions: count,
    partition: z.boolean().optional(),
});
const stats = z.object({
    pgwarden: z.literal('stats'),
    format: z.literal(STATS_FORMAT),
    takenAt: z.string().datetime(),
    database: z.string(),
    server: z.object({ major: z.number().int(), num: z.number().int() }),
    statsSince: z.string(),
    catalog: z.array(z.string()),
    tables: z.record(z.string(), table),
    links: z.array(z.tuple([z.string(), z.string()])),
    throughput: throughput.optional(),
});
export const throughputSchema = throughput;
/** A stats file older than this is used with a warning: sizes drift, and tables come and go. */
export const STATS_MAX_AGE_DAYS = 7;
/** Reads and checks a file written by `pgwarden stats dump`. */
export async function readStatsFile(path) {
    let text;
    try {
        text = await readFile(path, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new StatsFileError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : String(code)}`);
    }
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch {
        throw new StatsFileError(`${path} is not JSON: write it with pgwarden stats dump --database-url URL > ${path}`);
    }
    const parsed = stats.safeParse(raw, { errorMap: zod4Messages });
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new StatsFileError(`${path} is not a pgwarden stats file: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    }
    return parsed.data;
}
/** The stats file as JSON: stable key order, one table per line's worth of indentation for reviewable diffs. */
export function formatStatsFile(facts) {
    return `${JSON.stringify(facts, null, 2)}\n`;
}
/** `2 days ago`, `5 hours ago`… of the dump, and whether it is older than `maxDays`. */
export function statsAge(facts, now = new Date(), maxDays = STATS_MAX_AGE_DAYS) {
    const ms = Math.max(0, now.getTime() - new Date(facts.takenAt).getTime());
    const hours = ms / 3_600_000;
    const text = hours < 1 ? `${Math.round(ms / 60_000)} minutes ago` : hours < 48 ? `${Math.round(hours)} hours ago` : `${Math.round(hours / 24)} days ago`;
    return { text, old: hours / 24 > maxDays };
}
