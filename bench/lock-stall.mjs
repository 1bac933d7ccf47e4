#!/usr/bin/env node
// Lock stall under live traffic: how long do application reads wait when a migration needs an
// ACCESS EXCLUSIVE lock on a table that a long query holds? pgbench runs primary-key selects on
// pgbench_accounts while a "report" holds ACCESS SHARE on it and the migration adds a column, three
// ways: plain psql (waits for the lock, readers queue behind it), pgwarden with its defaults
// (lock_timeout 500ms + retries) and pgwarden with --lock-timeout 100ms.
//
//   npm run bench:lock-stall
//   node bench/lock-stall.mjs --runs 3 --hold 3 --duration 15 --rate 200 [--database-url URL]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import {
  DEFAULT_ADMIN_URL, createBenchDatabase, fail, findTool, machineLine, markdownTable, ms, parseFlags, pgwardenBin, run,
  runBenchmark, runChecked, sleep, tempDir,
} from './lib/harness.mjs';

const USAGE = `usage: node bench/lock-stall.mjs [--database-url URL] [--scale 10] [--duration 15] [--hold 3] [--rate 200] [--clients 4] [--jobs 2] [--runs 1]
  --database-url  admin connection to the server (default ${DEFAULT_ADMIN_URL}); the benchmark creates and drops its own database
  --scale         pgbench scale of pgbench_accounts (100 000 rows each)
  --duration      seconds of read traffic per scenario (pgbench -T)
  --hold          seconds the blocking query keeps its lock after the migration's first statement is sent
  --rate          read transactions per second (pgbench -R); 0 = as fast as possible
  --runs          how many times to run the three scenarios`;

const MIGRATION = 'ALTER TABLE pgbench_accounts ADD COLUMN note text;\n';
const READ_SCRIPT = '\\set aid random(1, :aids)\nSELECT abalance FROM pgbench_accounts WHERE aid = :aid;\n';

const SCENARIOS = [
  { id: 'psql', label: 'plain `psql -f`' },
  { id: 'pgwarden', label: '`pgwarden migrate up` (defaults: lock timeout 500ms)', args: [] },
  { id: 'pgwarden-100ms', label: '`pgwarden migrate up --lock-timeout 100ms`', args: ['--lock-timeout', '100ms'] },
];

await runBenchmark(async () => {
  const flags = parseFlags(process.argv.slice(2), { databaseUrl: DEFAULT_ADMIN_URL, scale: 10, duration: 15, hold: 3, rate: 200, clients: 4, jobs: 2, runs: 1 }, USAGE);
  if (flags.duration < flags.hold + 6) fail(`--duration must leave room for start-up, the ${flags.hold} s hold and the retries: use at least ${flags.hold + 6}`);
  const pgbench = findTool('pgbench');
  const psql = findTool('psql');
  const tmp = tempDir('pgwarden-bench-lock-');
  const db = await createBenchDatabase(flags.databaseUrl, 'lock');

  console.log(`machine: ${machineLine()}`);
  console.log(`database ${db.name}: pgbench -i -s ${flags.scale}…`);
  await runChecked(pgbench, ['-i', '-q', '-I', 'dtGvp', '-s', String(flags.scale), db.url], { env: db.env });
  const script = join(tmp, 'read.sql');
  writeFileSync(script, READ_SCRIPT);
  console.log(
    `read traffic: pgbench -c ${flags.clients} -j ${flags.jobs} -T ${flags.duration} ${flags.rate > 0 ? `-R ${flags.rate} ` : ''}-M prepared (primary-key select on pgbench_accounts); ` +
      `blocker: BEGIN; SELECT count(*) FROM pgbench_accounts; SELECT pg_sleep(${flags.hold}); COMMIT;\n`,
  );

  const results = [];
  for (let runNo = 1; runNo <= flags.runs; runNo++) {
    for (const scenario of SCENARIOS) {
      const r = await runScenario(scenario, { db, flags, tmp: join(tmp, `${runNo}-${scenario.id}`), pgbench, psql, script });
      results.push({ runNo, scenario, ...r });
      console.log(`run ${runNo} ${scenario.id}: worst ${ms(r.worstMs)}, p99 ${ms(r.p99Ms)}, ${r.retries ?? '-'} retries, migration ${ms(r.migrationMs)}, ${r.completed ? 'completed' : 'NOT completed'}`);
    }
  }
  console.log('');
  console.log(report(results, flags));
});

async function runScenario(scenario, { db, flags, tmp, pgbench, psql, script }) {
  mkdirSync(join(tmp, 'migrations'), { recursive: true });
  mkdirSync(join(tmp, 'pgbench-log'));
  const migrationFile = join(tmp, 'migrations', '001_add_note.sql');
  writeFileSync(migrationFile, MIGRATION);

  const control = new pg.Client({ connectionString: db.clientUrl, application_name: 'bench-control' });
  const blocker = new pg.Client({ connectionString: db.clientUrl, application_name: 'bench-report' });
  await control.connect();
  await blocker.connect();
  try {
    // Same starting point each time: no column, no pgwarden history.
    await control.query('ALTER TABLE pgbench_accounts DROP COLUMN IF EXISTS note; DROP SCHEMA IF EXISTS pgwarden CASCADE');
    await control.query('CHECKPOINT');

    const aids = String(flags.scale * 100_000);
    const traffic = run(
      pgbench,
      ['-n', '-f', script, '-D', `aids=${aids}`, '-M', 'prepared', '-c', String(flags.clients), '-j', String(flags.jobs), '-T', String(flags.duration),
        ...(flags.rate > 0 ? ['-R', String(flags.rate)] : []), '-l', `--log-prefix=${join(tmp, 'pgbench-log', 'tx')}`, db.url],
      { env: db.env },
    );
    let trafficOver = false;
    void traffic.then(() => (trafficOver = true));
    await sleep(1000);

    // The "report": takes ACCESS SHARE now and keeps it for --hold seconds after the migration's first
    // statement goes out. Measured from there, every scenario faces the same contention whatever its start-up time.
    await blocker.query('BEGIN');
    await blocker.query('SELECT count(*) FROM pgbench_accounts');
    let holding;
    const startHold = () => {
      holding ??= blocker.query(`SELECT pg_sleep(${flags.hold})`).then(() => blocker.query('COMMIT'));
    };

    let retries = null;
    let migration;
    if (scenario.id === 'psql') {
      startHold();
      migration = await run(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', migrationFile, db.url], { env: db.env });
    } else {
      retries = 0;
      migration = await run(
        process.execPath,
        [pgwardenBin, 'migrate', 'up', '--dir', join(tmp, 'migrations'), '--database-url', db.url, '--log-format', 'json', '--backup-dir', join(tmp, 'backups'), ...scenario.args],
        {
          env: db.env,
          cwd: tmp,
          onStdoutLine: (line) => {
            const event = parseEvent(line);
            if (event?.event === 'migrating') startHold();
            if (event?.event === 'lock_timeout') retries++;
          },
        },
      );
    }
    startHold(); // in case the migration failed before its first statement
    await holding;
    if (trafficOver) process.stderr.write(`${scenario.id}: the read traffic ended before the migration did; raise --duration to see the whole stall\n`);
    const pgbenchRun = await traffic;
    if (pgbenchRun.code !== 0) fail(`pgbench failed: ${pgbenchRun.stderr.trim().split('\n').pop()}`);

    const column = await control.query(`SELECT 1 FROM pg_attribute WHERE attrelid = 'pgbench_accounts'::regclass AND attname = 'note' AND NOT attisdropped`);
    const completed = migration.code === 0 && column.rowCount === 1;
    if (!completed) process.stderr.write(`${scenario.id}: migration exit ${migration.code}: ${(migration.stderr || migration.stdout).trim().split('\n').slice(-3).join(' | ')}\n`);
    return { ...latencies(join(tmp, 'pgbench-log')), retries, migrationMs: migration.ms, completed };
  } finally {
    await blocker.end().catch(() => undefined);
    await control.end().catch(() => undefined);
  }
}

function parseEvent(line) {
  if (!line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** Worst and p99 latency from pgbench's per-transaction logs: `client_id tx_no time_us script_no epoch epoch_us [lag_us]`. */
function latencies(dir) {
  const us = [];
  for (const file of readdirSync(dir)) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const time = Number(line.split(' ')[2]);
      if (line && Number.isFinite(time)) us.push(time);
    }
  }
  if (us.length === 0) fail(`pgbench wrote no transaction log in ${dir}`);
  us.sort((a, b) => a - b);
  const at = (q) => us[Math.min(us.length - 1, Math.ceil(q * us.length) - 1)] / 1000;
  return { transactions: us.length, worstMs: us[us.length - 1] / 1000, p99Ms: at(0.99), p50Ms: at(0.5), over100: us.filter((t) => t > 100_000).length };
}

function report(results, flags) {
  const rows = results.map((r) => {
    const plain = results.find((p) => p.runNo === r.runNo && p.scenario.id === 'psql');
    return [
      flags.runs > 1 ? String(r.runNo) : undefined,
      r.scenario.label,
      ms(r.worstMs),
      ms(r.p99Ms),
      ms(r.p50Ms),
      `${r.over100} / ${r.transactions}`,
      r.scenario.id === 'psql' ? '1.00' : (r.worstMs / plain.worstMs).toFixed(2),
      r.retries === null ? '–' : String(r.retries),
      ms(r.migrationMs),
      r.completed ? 'yes' : 'NO',
    ].filter((c) => c !== undefined);
  });
  const headers = [...(flags.runs > 1 ? ['run'] : []), 'migration', 'worst read latency', 'p99', 'p50', 'reads > 100 ms', 'worst / psql', 'lock-timeout retries', 'migration wall time', 'completed'];
  return markdownTable(headers, rows);
}
