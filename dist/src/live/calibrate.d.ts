import type { PgClient } from '../db/pg-types.js';
import type { Throughput } from './facts.js';
export declare const DEFAULT_CALIBRATION_ROWS = 500000;
export interface Calibration extends Throughput {
    source: 'calibrated';
    measuredAt: string;
    /** The scratch table's size, for the report. */
    rows: number;
    tableBytes: number;
}
/**
 * Measures on the target server how fast it scans, builds an index and rewrites a table, on a scratch
 * table of `rows` rows in `schema` that is dropped afterwards (also when a step fails). The only writes
 * calibrate makes; everything else in pgwarden's live mode is read-only.
 */
export declare function calibrate(client: PgClient, options?: {
    rows?: number;
    schema?: string;
}): Promise<Calibration>;
