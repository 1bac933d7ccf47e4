import type { LiveFacts } from '../live/facts.js';
import type { RankOptions } from '../live/rank.js';
export interface LiveFlags {
    databaseUrl?: string;
    stats?: string;
    smallTable?: string;
    largeTable?: string;
    calibration?: string;
}
/**
 * The target database's facts for lint and plan: read live from --database-url (read-only), or from a
 * --stats file (its age said on standard error, with a warning when it is old). Undefined with neither.
 */
export declare function liveFactsFor(flags: LiveFlags, application: string, texts?: readonly string[]): Promise<LiveFacts | undefined>;
/** Connects (--database-url, else DATABASE_URL, else PG*), reads the facts (the catalog of the tables `texts` can need; all of it without) in a read-only transaction, disconnects; connection problems are one line. */
export declare function readFactsAt(databaseUrl: string | undefined, application: string, texts?: readonly string[]): Promise<LiveFacts>;
/** --small-table / --large-table (else the configuration's smallTable / largeTable) and --calibration. */
export declare function rankOptionsFor(flags: LiveFlags, config: {
    smallTable?: string | number;
    largeTable?: string | number;
}): Promise<RankOptions>;
