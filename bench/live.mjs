#!/usr/bin/env node
// What `lint --database-url` adds: a database with N tables (default 5000: id, a few columns, a foreign
// key every tenth table, an index each), one small migration linted cold in a fresh process with and
// without --database-url, alternating, median of each; then the parts in-process (reading the facts,
// seeding the model from them). The database is created and dropped by the benchmark.
//
//   npm run bench:live                       # 5000 tables, 7 runs each
//   npm run bench:live -- --tables 20000 --runs 9 [--database-url postgres://postgres@127.0.0.1:5432/postgres]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
if (args.includes('--help')) {
  console.log('node bench/live.mjs [--tables N (5000)] [--runs N (7)] [--database-url URL (admin connection; default postgres://postgres@127.0.0.1:5432/postgres)]');
  process.exit(0);
}
const tables = flag('--tables', 5000);
const runs = flag('--runs', 7);
const server = args.includes('--database-url') ? args[args.indexOf('--database-url') + 1] : 'postgres://postgres@127.0.0.1:5432/postgres';
if (!Number.isInteger(tables) || tables < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error('--tables and --runs expect positive whole numbers');
  process.exit(2);
}
if (!existsSync(join(root, 'dist', 'src', 'live', 'read.js'))) {
  console.error('build first: npm run build');
  process.exit(2);
}

const name = `pgwarden_bench_live_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}"`);
const url = new URL(server);
url.pathname = `/${name}`;
const dir = mkdtempSync(join(tmpdir(), 'pgwarden-bench-live-'));
const cleanUp = async () => {
  rmSync(dir, { recursive: true, force: true });
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
  await admin.end().catch(() => undefined);
};
// ctrl-c drops the database too
process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));
try {
  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  const started = performance.now();
  // in batches of 500 tables: one transaction of 5000 would hold too many locks for max_locks_per_transaction
  for (let from = 0; from < tables; from += 500) {
    await db.query(`DO $$ BEGIN FOR i IN ${from}..${Math.min(tables, from + 500) - 1} LOOP
      EXECUTE format('CREATE TABLE t_%s (id bigint PRIMARY KEY, owner_id bigint %s, name text NOT NULL, state text CHECK (state <> %L), created_at timestamptz DEFAULT now())', i,
        CASE WHEN i % 10 = 1 THEN format('REFERENCES t_%s (id)', i - 1) ELSE '' END, '');
      EXECUTE format('CREATE INDEX t_%s_name_idx ON t_%s (name)', i, i);
    END LOOP; END $$`);
  }
  await db.query('ANALYZE');
  const setup = (performance.now() - started) / 1000;
  await db.end();

  const change = "SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY t_42_created_idx ON t_42 (created_at);\nALTER TABLE t_7 ADD COLUMN note text;\n";
  writeFileSync(join(dir, '001_change.sql'), change);
  const bin = join(root, 'bin', 'pgwarden.js');
  const lint = (extra) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, [bin, 'lint', '-f', 'json', '001_change.sql', ...extra], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (r.status !== 0 && r.status !== 1) throw new Error(`lint exited ${r.status} (${r.signal ?? ''}): ${r.stderr}${r.stdout.slice(0, 500)}`);
    return (performance.now() - t) / 1000;
  };
  const offline = [];
  const live = [];
  lint([]); // warm the file cache
  for (let i = 0; i < runs; i++) {
    offline.push(lint(['--pg-version', '15']));
    live.push(lint(['--database-url', url.toString()]));
  }

  // the parts, in this process
  const { readLiveFacts } = await import(join(root, 'dist/src/live/read.js'));
  const { liveLint } = await import(join(root, 'dist/src/live/lint-start.js'));
  const { allRules } = await import(join(root, 'dist/rules/index.js'));
  const reads = [];
  const dumps = [];
  const seeds = [];
  let facts;
  let full;
  for (let i = 0; i < runs; i++) {
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    let t = performance.now();
    // what lint reads: the catalog of the tables the migration names; what stats dump reads: all of it
    facts = await readLiveFacts(c, { texts: [change] });
    reads.push((performance.now() - t) / 1000);
    t = performance.now();
    full = await readLiveFacts(c);
    dumps.push((performance.now() - t) / 1000);
    await c.end();
    t = performance.now();
    await liveLint(facts, allRules.map((r) => r.meta), [change]);
    seeds.push((performance.now() - t) / 1000);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const s = (x) => `${x.toFixed(3)} s`;
  console.log(`database: ${tables} tables (${full.catalog.length} catalog statements; ${facts.catalog.length} for this migration), set up in ${setup.toFixed(1)} s`);
  console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(2)}; ${runs} runs each, medians`);
  console.log(`lint one file, --pg-version 15:    ${s(median(offline))}`);
  console.log(`lint one file, --database-url:     ${s(median(live))}`);
  console.log(`added by --database-url:           ${s(median(live) - median(offline))}`);
  console.log(`  reading the facts (one read-only transaction): ${s(median(reads))}`);
  console.log(`  seeding the schema model from them:            ${s(median(seeds))}`);
  console.log(`stats dump's read of the whole catalog:          ${s(median(dumps))}, ${(JSON.stringify(full, null, 2).length / 1024 / 1024).toFixed(1)} MB of JSON`);
} finally {
  await cleanUp();
}
