import { randomBytes } from 'node:crypto';
import type { PgClient } from '../db/pg-types.js';
import type { Throughput } from './facts.js';

export const DEFAULT_CALIBRATION_ROWS = 500_000;

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
export async function calibrate(client: PgClient, options: { rows?: number; schema?: string } = {}): Promise<Calibration> {
  const rows = options.rows ?? DEFAULT_CALIBRATION_ROWS;
  const schema = options.schema ?? 'public';
  const table = `"${schema.replace(/"/g, '""')}"."pgwarden_calibrate_${randomBytes(4).toString('hex')}"`;
  // rows of a typical width: a key, a small int, 60 characters of text (TOAST is not involved)
  await client.query(`CREATE TABLE ${table} (id bigint, v int, t text)`);
  try {
    await client.query(`INSERT INTO ${table} SELECT g, ((g::bigint * 7919) % 100000)::int, md5(g::text) || md5((g + 1)::text) FROM generate_series(1, $1::int) g`, [rows]);
    // a scan after the insert reads hint bits and visibility as a real table's would after VACUUM
    await client.query(`VACUUM (ANALYZE) ${table}`);
    const heap = Number((await client.query<{ b: string }>(`SELECT pg_table_size('${table.replace(/'/g, "''")}'::regclass) AS b`)).rows[0].b);
    const scanSeconds = await timed(client, `SELECT count(*) FROM ${table} WHERE t IS NOT NULL AND v >= 0`);
    const indexSeconds = await timed(client, `CREATE INDEX ON ${table} (v)`);
    const total = Number((await client.query<{ b: string }>(`SELECT pg_total_relation_size('${table.replace(/'/g, "''")}'::regclass) AS b`)).rows[0].b);
    // int → bigint rewrites the heap and rebuilds the index, as ALTER COLUMN … TYPE does in production
    const rewriteSeconds = await timed(client, `ALTER TABLE ${table} ALTER COLUMN v TYPE bigint`);
    return {
      rewriteBytesPerSecond: Math.round(total / rewriteSeconds),
      indexBytesPerSecond: Math.round(heap / indexSeconds),
      scanBytesPerSecond: Math.round(heap / scanSeconds),
      source: 'calibrated',
      measuredAt: new Date().toISOString(),
      rows,
      tableBytes: heap,
    };
  } finally {
    await client.query(`DROP TABLE IF EXISTS ${table}`);
  }
}

async function timed(client: PgClient, sql: string): Promise<number> {
  const start = process.hrtime.bigint();
  await client.query(sql);
  // at least a millisecond: a tiny table on a fast server must not divide by zero
  return Math.max(0.001, Number(process.hrtime.bigint() - start) / 1e9);
}
