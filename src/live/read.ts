import type { PgClient } from '../db/pg-types.js';
import { catalogDdl } from '../analysis/catalog-seed.js';
import { STATS_FORMAT, type LiveFacts, type TableFacts } from './facts.js';
import { relevantTables } from './relevant.js';

/** How long one catalog query may run, and how long a table may be waited for (ACCESS SHARE only). */
export const LIVE_STATEMENT_TIMEOUT = '5s';
export const LIVE_LOCK_TIMEOUT = '1s';

const USER_TABLES = `c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'`;

// The planner's page counts (kept current by VACUUM, ANALYZE and index builds): no lock at all, and
// fast on thousands of tables. A table never vacuumed or analysed (reltuples < 0) has none yet.
const PLANNER_SIZES = `
SELECT n.nspname AS schema, c.relname AS name, c.reltuples::float8 AS reltuples,
  ((c.relpages + coalesce(t.relpages, 0))::float8 * current_setting('block_size')::float8) AS table_bytes,
  coalesce(ix.pages, 0)::float8 * current_setting('block_size')::float8 AS index_bytes, false AS estimated, c.relispartition AS partition
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
LEFT JOIN (SELECT i.indrelid, sum(ic.relpages) AS pages FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid GROUP BY i.indrelid) ix ON ix.indrelid = c.oid
WHERE ${USER_TABLES}`;

// for those, the files themselves: pg_*_size open the relation with ACCESS SHARE, the weakest lock
// (it waits only for ACCESS EXCLUSIVE, and lock_timeout bounds that)
const MEASURED_SIZES = `
SELECT n.nspname AS schema, c.relname AS name, c.reltuples::float8 AS reltuples,
  pg_table_size(c.oid)::float8 AS table_bytes, pg_indexes_size(c.oid)::float8 AS index_bytes, false AS estimated, c.relispartition AS partition
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${USER_TABLES} AND c.reltuples < 0`;

const ACTIVITY = `
SELECT schemaname AS schema, relname AS name, n_live_tup::float8 AS live,
  (n_tup_ins + n_tup_upd + n_tup_del)::float8 AS writes, (coalesce(seq_scan, 0) + coalesce(idx_scan, 0))::float8 AS scans,
  n_mod_since_analyze::float8 AS modified
FROM pg_stat_user_tables`;

// pg_locks is readable by every role; other sessions only, on relations of this database
const SESSIONS = `
SELECT n.nspname AS schema, c.relname AS name, count(DISTINCT l.pid)::int AS sessions
FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE l.locktype = 'relation' AND l.pid <> pg_backend_pid()
  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
GROUP BY 1, 2`;

// what seeding a table's neighbours needs: foreign keys and partitions, as pairs of table keys
const LINKS = `
SELECT cn.nspname || '.' || c.relname AS a, fn.nspname || '.' || f.relname AS b
FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace
JOIN pg_class f ON f.oid = con.confrelid JOIN pg_namespace fn ON fn.oid = f.relnamespace
WHERE con.contype = 'f' AND c.oid <> f.oid
UNION
SELECT cn.nspname || '.' || c.relname, pn.nspname || '.' || p.relname
FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace
JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace
ORDER BY 1, 2`;

const CONTEXT = `
SELECT current_database() AS database, current_setting('server_version_num')::int AS num, now() AS now,
  coalesce((SELECT stats_reset FROM pg_stat_database WHERE datname = current_database()), pg_postmaster_start_time()) AS since`;

interface SizeRow { schema: string; name: string; reltuples: number; table_bytes: number; index_bytes: number; estimated: boolean; partition: boolean }

/**
 * Reads the facts in one READ ONLY transaction with a short statement_timeout and lock_timeout: nothing
 * is written, and no lock stronger than ACCESS SHARE is taken (a role with CONNECT and
 * pg_read_all_stats is enough). The transaction is rolled back, never committed.
 */
export async function readLiveFacts(client: PgClient, options: { texts?: readonly string[] } = {}): Promise<LiveFacts> {
  await client.query('BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    await client.query(`SET LOCAL statement_timeout = '${LIVE_STATEMENT_TIMEOUT}'`);
    await client.query(`SET LOCAL lock_timeout = '${LIVE_LOCK_TIMEOUT}'`);
    const context = (await client.query<{ database: string; num: number; now: Date; since: Date }>(CONTEXT)).rows[0];
    const sizes = await readSizes(client);
    const links = (await client.query<{ a: string; b: string }>(LINKS)).rows.map((r): [string, string] => [r.a, r.b]);
    const activity = new Map((await client.query<{ schema: string; name: string; live: number; writes: number; scans: number; modified: number }>(ACTIVITY)).rows.map((r) => [`${r.schema}.${r.name}`, r]));
    const sessions = new Map((await client.query<{ schema: string; name: string; sessions: number }>(SESSIONS)).rows.map((r) => [`${r.schema}.${r.name}`, r.sessions]));
    // for lint, the catalog of the tables its migrations can need (the same selection a stats file gets
    // locally); for a stats file, all of it
    const keys = Object.fromEntries(sizes.map((s) => [`${s.schema}.${s.name}`, true]));
    const catalog = await catalogDdl(client, options.texts === undefined ? undefined : [...relevantTables({ tables: keys, links }, options.texts)]);
    const seconds = Math.max(1, (context.now.getTime() - context.since.getTime()) / 1000);
    const tables: Record<string, TableFacts> = {};
    for (const s of sizes) {
      const key = `${s.schema}.${s.name}`;
      const a = activity.get(key);
      const facts: TableFacts = {
        // reltuples is -1 until the first VACUUM or ANALYZE (PostgreSQL 14+), 0 before 14
        rows: Math.round(s.reltuples > 0 ? s.reltuples : Math.max(0, a?.live ?? 0)),
        tableBytes: s.table_bytes,
        indexBytes: s.index_bytes,
        totalBytes: s.table_bytes + s.index_bytes,
        writesPerSecond: round((a?.writes ?? 0) / seconds),
        scansPerSecond: round((a?.scans ?? 0) / seconds),
        modifiedSinceAnalyze: a?.modified ?? 0,
        sessions: sessions.get(key) ?? 0,
      };
      if (s.estimated) facts.sizeEstimated = true;
      if (s.partition) facts.partition = true;
      tables[key] = facts;
    }
    return {
      pgwarden: 'stats',
      format: STATS_FORMAT,
      takenAt: context.now.toISOString(),
      database: context.database,
      server: { major: Math.floor(context.num / 10000), num: context.num },
      statsSince: context.since.toISOString(),
      catalog,
      tables: Object.fromEntries(Object.entries(tables).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      links,
    };
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
  }
}

/**
 * The planner's sizes; measured ones for tables it has no figures for yet, unless such a table is locked
 * exclusively right now (a migration running): then its planner figure stands, marked as an estimate.
 */
async function readSizes(client: PgClient): Promise<SizeRow[]> {
  const planner = (await client.query<SizeRow>(PLANNER_SIZES)).rows;
  await client.query('SAVEPOINT sizes');
  let measured: SizeRow[];
  try {
    measured = (await client.query<SizeRow>(MEASURED_SIZES)).rows;
    await client.query('RELEASE SAVEPOINT sizes');
  } catch (error) {
    if ((error as { code?: string }).code !== '55P03') throw error;
    await client.query('ROLLBACK TO SAVEPOINT sizes');
    return planner.map((r) => (r.reltuples < 0 ? { ...r, estimated: true } : r));
  }
  const byKey = new Map(measured.map((r) => [`${r.schema}.${r.name}`, r]));
  return planner.map((r) => byKey.get(`${r.schema}.${r.name}`) ?? r);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
