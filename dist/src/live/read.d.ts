import type { PgClient } from '../db/pg-types.js';
import { type LiveFacts } from './facts.js';
/** How long one catalog query may run, and how long a table may be waited for (ACCESS SHARE only). */
export declare const LIVE_STATEMENT_TIMEOUT = "5s";
export declare const LIVE_LOCK_TIMEOUT = "1s";
/**
 * Reads the facts in one READ ONLY transaction with a short statement_timeout and lock_timeout: nothing
 * is written, and no lock stronger than ACCESS SHARE is taken (a role with CONNECT and
 * pg_read_all_stats is enough). The transaction is rolled back, never committed.
 */
export declare function readLiveFacts(client: PgClient, options?: {
    texts?: readonly string[];
}): Promise<LiveFacts>;
