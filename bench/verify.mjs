#!/usr/bin/env node
// Verification overhead: `pgwarden migrate up` (lint gate, run lock, history, and the safety net's
// measurement — server accounting, catalog diff, value profiles) against plain `psql -1 -f` on the
// same migration, on a 1-million-row table: an index-only migration, a backfill of every row, and a
// DELETE of 10%. (`--allow-unsafe` lets the plain CREATE INDEX past the lint gate; verification runs
// all the same.) Each run starts from a fresh copy of the same database (CREATE DATABASE … TEMPLATE),
// which already holds pgwarden's history tables, as every database does after pgwarden's first run.
//
//   npm run bench:verify
//   node bench/verify.mjs --rows 1000000 --repeat 3 [--backup none|targeted] [--database-url URL]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { DEFAULT_ADMIN_URL, connectionFor, createBenchDatabase, dropDatabase, fail, findTool, machineLine, markdownTable, ms, onCleanup, parseFlags, pgwardenBin, run, tempDir } from './lib/harness.mjs';
import { runBenchmark, root } from './lib/harness.mjs';

const { createRunner, safetyHooks, silentLogger } = await import(join(root, 'dist', 'src', 'index.js'));

const USAGE = `usage: node bench/verify.mjs [--database-url URL] [--rows 1000000] [--repeat 3] [--backup none]
  --database-url  admin connection to the server (default ${DEFAULT_ADMIN_URL}); the benchmark creates and drops its own databases
  --rows          rows of the table (default 1 000 000)
  --repeat        runs of each tool per migration; the median is reported (default 3)
  --backup        pgwarden's --backup mode (default none: the verification's cost alone; targeted adds the pg_dump of the table at risk)`;

const MIGRATIONS = [
  // no data at all: what starting node, loading the parser, the lint gate, the run lock and the history cost
  { name: 'fixed cost (SELECT 1)', goal: undefined, sql: 'SELECT 1;\n' },
  { name: 'index-only', goal: 1.3, sql: 'CREATE INDEX big_payload_idx ON big (payload);\n' },
  { name: 'backfill every row', goal: 2, sql: 'UPDATE big SET filled = amount * 2;\n' },
  { name: 'DELETE 10%', goal: 1.3, sql: '-- pgwarden:allow-data-loss big\nDELETE FROM big WHERE id % 10 = 0;\n' },
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

await runBenchmark(async () => {
  const flags = parseFlags(process.argv.slice(2), { databaseUrl: DEFAULT_ADMIN_URL, rows: 1_000_000, repeat: 3, backup: 'none' }, USAGE);
  if (!Number.isInteger(flags.rows) || flags.rows < 1000) fail('--rows expects a whole number ≥ 1000');
  const psql = findTool('psql');
  const tmp = tempDir('pgwarden-bench-verify-');
  const template = await createBenchDatabase(flags.databaseUrl, 'verify_template');
  console.log(`machine: ${machineLine()}`);
  const seed = new pg.Client({ connectionString: template.clientUrl });
  await seed.connect();
  const started = Date.now();
  await seed.query(`CREATE TABLE big (id bigint PRIMARY KEY, account int NOT NULL, amount numeric(12,2) NOT NULL, payload text NOT NULL, filled numeric)`);
  await seed.query(`INSERT INTO big SELECT g, g % 5000, (g % 100000) / 100.0, md5(g::text) FROM generate_series(1, $1) g`, [flags.rows]);
  await seed.query('VACUUM ANALYZE big');
  await seed.end();
  console.log(`table big: ${flags.rows} rows, seeded in ${ms(Date.now() - started)}`);
  // pgwarden's own tables (history, attempts, run journal) exist in every database it has run on before:
  // create them in the template, so the figures are those of every run but a database's first
  const emptyDir = join(tmp, 'no-migrations');
  mkdirSync(emptyDir);
  const warm = await run(process.execPath, [pgwardenBin, 'migrate', 'up', '--dir', emptyDir, '--database-url', template.url, '--backup', 'none'], { env: template.env, cwd: tmp });
  if (warm.code !== 0) fail(`pgwarden migrate up (creating its history) failed: ${(warm.stderr || warm.stdout).trim()}`);

  const admin = new pg.Client({ connectionString: connectionFor(flags.databaseUrl).clientUrl });
  await admin.connect();
  onCleanup(() => admin.end());
  let copies = 0;
  /** A fresh database with the seeded table, dropped at exit. */
  async function freshCopy() {
    const name = `${template.name}_c${++copies}`;
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template.name}"`);
    // the copy went through the WAL: flush it now rather than in the middle of the timed run
    await admin.query('CHECKPOINT');
    onCleanup(() => dropDatabase(flags.databaseUrl, name));
    return { name, ...connectionFor(flags.databaseUrl, name) };
  }

  const rows = [];
  for (const m of MIGRATIONS) {
    const dir = join(tmp, m.name.replace(/\W+/g, '_'));
    mkdirSync(dir);
    writeFileSync(join(dir, '001_change.sql'), m.sql);
    const times = { psql: [], pgwarden: [], library: [] };
    for (let i = 0; i < flags.repeat; i++) {
      const a = await freshCopy();
      const p = await run(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-1', '-f', join(dir, '001_change.sql'), a.url], { env: a.env });
      if (p.code !== 0) fail(`psql failed on ${m.name}: ${p.stderr.trim()}`);
      times.psql.push(p.ms);
      const b = await freshCopy();
      const backupDir = join(tmp, `backups_${copies}`);
      const w = await run(process.execPath, [pgwardenBin, 'migrate', 'up', '--dir', dir, '--database-url', b.url, '--backup', flags.backup, '--backup-dir', backupDir, '--allow-unsafe'], { env: b.env, cwd: tmp });
      if (w.code !== 0) fail(`pgwarden migrate up failed on ${m.name}: ${(w.stderr || w.stdout).trim()}`);
      times.pgwarden.push(w.ms);
      // the same run through the library, in this (warm) process: no node start, no parser load
      const c = await freshCopy();
      const hooks = flags.backup === 'none' ? [safetyHooks({ backup: 'none' })] : [safetyHooks({ backup: flags.backup, backupDir: join(tmp, `backups_${copies}`) })];
      const runner = createRunner({ databaseUrl: c.clientUrl, dir, logger: silentLogger, hooks, lint: { allowUnsafe: true } });
      const t0 = process.hrtime.bigint();
      await runner.up();
      times.library.push(Number(process.hrtime.bigint() - t0) / 1e6);
      for (const x of [a, b, c]) await dropDatabase(flags.databaseUrl, x.name);
    }
    const [tp, tw, tl] = [median(times.psql), median(times.pgwarden), median(times.library)];
    const [ratio, libRatio] = [tw / tp, tl / tp];
    const goal = (r) => (m.goal === undefined ? '' : `${r < m.goal ? 'met' : 'missed'}`);
    rows.push([m.name, ms(tp), ms(tw), `${ratio.toFixed(2)}x ${goal(ratio)}`, ms(tl), `${libRatio.toFixed(2)}x ${goal(libRatio)}`, m.goal === undefined ? '' : `< ${m.goal}x`]);
    console.log(`${m.name}: psql -1 -f ${ms(tp)}, pgwarden migrate up ${ms(tw)} (${ratio.toFixed(2)}x), runner.up() ${ms(tl)} (${libRatio.toFixed(2)}x); runs: psql ${times.psql.map(ms).join(', ')}; CLI ${times.pgwarden.map(ms).join(', ')}; library ${times.library.map(ms).join(', ')}`);
  }
  console.log('');
  console.log(`${flags.rows} rows, --backup ${flags.backup}, median of ${flags.repeat} runs each; CLI: wall time of the whole command (node start and parser load included); library: runner.up() in a warm process`);
  console.log(markdownTable(['migration', 'psql -1 -f', 'pgwarden migrate up', 'ratio', 'runner.up()', 'ratio', 'goal'], rows));
});
