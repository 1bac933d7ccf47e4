/**
 * What pgwarden knows about a target database without its rows: the catalog (as DDL the schema model
 * replays), per-table sizes and activity, and optionally the throughput `pgwarden calibrate` measured.
 * The same object comes from a live connection or from a stats file, so `lint --stats` and
 * `lint --database-url` rank findings identically.
 */
export const STATS_FORMAT = 1;
/**
 * Used when nothing was calibrated: a modest server (SSD, default maintenance_work_mem), chosen on the
 * slow side so that an estimate errs towards caution.
 */
export const DEFAULT_THROUGHPUT = {
    rewriteBytesPerSecond: 40 * 1024 * 1024,
    indexBytesPerSecond: 30 * 1024 * 1024,
    scanBytesPerSecond: 150 * 1024 * 1024,
    source: 'default',
};
