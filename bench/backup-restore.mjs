#!/usr/bin/env node
// Backup and restore cost: pgwarden's targeted backup (whole schema + data of the tables a migration
// puts at risk) and `pgwarden backups restore`, against a full `pg_dump -Fc` and a full `pg_restore`
// into a fresh database, on a ~1 GB database (pgbench -s 60 + 8 tables of generated data) where the
// migration deletes rows of one small table.
//
//   npm run bench:backup-restore
//   node bench/backup-restore.mjs --scale 5 --jobs 2 [--database-url URL]
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import {
  DEFAULT_ADMIN_URL, bytes, createBenchDatabase, fail, findTool, machineLine, markdownTable, ms, parseFlags, pgwardenBin, run, runBenchmark,
  runChecked, tempDir,
} from './lib/harness.mjs';

const USAGE = `usage: node bench/backup-restore.mjs [--database-url URL] [--scale 60] [--jobs 2]
  --database-url  admin connection to the server (default ${DEFAULT_ADMIN_URL}); the benchmark creates and drops its own databases
  --scale         pgbench scale (60 ≈ 1 GB in all; 5 for a quick run); the other tables grow with it, settings stays 10 000 rows
  --jobs          pg_restore -j for the full restore`;

const SETTINGS_ROWS = 10_000;
const MIGRATION = `-- pgwarden:allow-data-loss settings
DELETE FROM settings WHERE id % 10 = 0;
`;

/** The tables beside pgbench's, `n` rows per pgbench scale unit (settings: fixed). */
function ownTables(scale) {
  const n = (perScale) => String(Math.max(1, Math.round(perScale * scale)));
  return [
    `CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, email text NOT NULL, created_at timestamptz NOT NULL);
     INSERT INTO customers SELECT g, 'customer ' || g, md5(g::text) || '@example.com', now() - g * interval '1 minute' FROM generate_series(1, ${n(1000)}) g`,
    `CREATE TABLE products (id bigint PRIMARY KEY, sku text NOT NULL, title text NOT NULL, price numeric(10,2) NOT NULL);
     INSERT INTO products SELECT g, 'SKU-' || g, 'product ' || md5(g::text), (g % 997) / 10.0 FROM generate_series(1, ${n(100)}) g`,
    `CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers, status text NOT NULL, total numeric(12,2) NOT NULL, created_at timestamptz NOT NULL);
     INSERT INTO orders SELECT g, 1 + g % ${n(1000)}, (ARRAY['new','paid','shipped','done'])[1 + g % 4], (g % 10007) / 7.0, now() - g * interval '1 second' FROM generate_series(1, ${n(5000)}) g`,
    `CREATE TABLE order_items (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders, product_id bigint NOT NULL, quantity int NOT NULL, price numeric(10,2) NOT NULL);
     INSERT INTO order_items SELECT g, 1 + g % ${n(5000)}, 1 + g % ${n(100)}, 1 + g % 5, (g % 997) / 10.0 FROM generate_series(1, ${n(10000)}) g`,
    `CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL, payload text NOT NULL, at timestamptz NOT NULL);
     INSERT INTO events SELECT g, 'kind' || g % 20, md5(g::text) || md5((g + 1)::text), now() - g * interval '1 second' FROM generate_series(1, ${n(5000)}) g`,
    `CREATE TABLE invoices (id bigint PRIMARY KEY, order_id bigint NOT NULL, number text NOT NULL, amount numeric(12,2) NOT NULL, issued_on date NOT NULL);
     INSERT INTO invoices SELECT g, g, 'INV-' || lpad(g::text, 10, '0'), (g % 10007) / 7.0, current_date - g % 3650 FROM generate_series(1, ${n(2500)}) g`,
    `CREATE TABLE audit_log (id bigint PRIMARY KEY, actor text NOT NULL, action text NOT NULL, detail text NOT NULL, at timestamptz NOT NULL);
     INSERT INTO audit_log SELECT g, 'user' || g % 500, (ARRAY['login','update','delete','export'])[1 + g % 4], md5(g::text), now() - g * interval '1 second' FROM generate_series(1, ${n(5000)}) g`,
    `CREATE TABLE settings (id int PRIMARY KEY, key text NOT NULL UNIQUE, value text NOT NULL);
     INSERT INTO settings SELECT g, 'setting.' || g, md5(g::text) FROM generate_series(1, ${SETTINGS_ROWS}) g`,
  ];
}

await runBenchmark(async () => {
  const flags = parseFlags(process.argv.slice(2), { databaseUrl: DEFAULT_ADMIN_URL, scale: 60, jobs: 2 }, USAGE);
  if (flags.scale < 1 || !Number.isInteger(flags.scale)) fail('--scale expects a whole number ≥ 1');
  const tools = { pgbench: findTool('pgbench'), pgDump: findTool('pg_dump'), pgRestore: findTool('pg_restore') };
  const tmp = tempDir('pgwarden-bench-backup-');
  const db = await createBenchDatabase(flags.databaseUrl, 'backup');
  console.log(`machine: ${machineLine()}`);

  const client = new pg.Client({ connectionString: db.clientUrl, application_name: 'bench-backup' });
  await client.connect();
  try {
    const generated = await generate(db, client, flags.scale, tools);
    const settingsBytes = await relationBytes(client, 'settings');
    console.log(`database ${db.name}: ${bytes(generated.databaseBytes)} in ${generated.tables} tables (generated in ${ms(generated.ms)}); settings: ${SETTINGS_ROWS} rows, ${bytes(settingsBytes)}`);

    // Full backup first, of the same data the migration will see.
    const fullFile = join(tmp, 'full.dump');
    const fullDump = await runChecked(tools.pgDump, ['-Fc', '--no-password', `--file=${fullFile}`, db.url], { env: db.env });
    console.log(`pg_dump -Fc (whole database): ${ms(fullDump.ms)}, ${bytes(statSync(fullFile).size)}`);

    const dir = join(tmp, 'migrations');
    const backupDir = join(tmp, 'backups');
    mkdirSync(dir);
    writeFileSync(join(dir, '001_prune_settings.sql'), MIGRATION);
    const events = [];
    const spawnedAt = Date.now();
    const migrate = await run(
      process.execPath,
      [pgwardenBin, 'migrate', 'up', '--dir', dir, '--database-url', db.url, '--backup', 'targeted', '--backup-dir', backupDir, '--log-format', 'json'],
      { env: db.env, cwd: tmp, onStdoutLine: (line) => line.startsWith('{') && events.push(JSON.parse(line)) },
    );
    if (migrate.code !== 0) fail(`pgwarden migrate up failed (exit ${migrate.code}): ${lastLines(migrate)}`);
    const started = events.find((e) => e.event === 'backup.start');
    const created = events.find((e) => e.event === 'backup.created');
    if (!started || !created) fail('pgwarden migrate up logged no backup.start / backup.created event');
    const targetedMs = Date.parse(created.timestamp) - Date.parse(started.timestamp);
    const migrating = events.find((e) => e.event === 'migrating');
    const beforeSqlMs = migrating ? Date.parse(migrating.timestamp) - spawnedAt : NaN;
    const targetedBytes = statSync(created.file).size;
    const afterMigration = await count(client, 'settings');
    console.log(`pgwarden migrate up --backup targeted: backup ${ms(targetedMs)} (${bytes(targetedBytes)}), ${ms(beforeSqlMs)} from start to the migration's SQL, whole command ${ms(migrate.ms)}; settings now ${afterMigration} rows`);

    const restore = await run(process.execPath, [pgwardenBin, 'backups', 'restore', created.id, '--yes', '--backup-dir', backupDir, '--database-url', db.url], { env: db.env, cwd: tmp });
    const restoredRows = await count(client, 'settings');
    const restoreOk = restore.code === 0 && restoredRows === SETTINGS_ROWS;
    if (!restoreOk) process.stderr.write(`pgwarden backups restore: exit ${restore.code}, settings ${restoredRows} rows: ${lastLines(restore)}\n`);
    console.log(`pgwarden backups restore: ${ms(restore.ms)}, exit ${restore.code}, settings back to ${restoredRows} rows`);

    const fresh = await createBenchDatabase(flags.databaseUrl, 'restore');
    const fullRestore = await run(tools.pgRestore, ['--no-password', `--jobs=${flags.jobs}`, '--exit-on-error', `--dbname=${fresh.url}`, fullFile], { env: fresh.env });
    if (fullRestore.code !== 0) fail(`pg_restore into ${fresh.name} failed: ${lastLines(fullRestore)}`);
    console.log(`pg_restore -j ${flags.jobs} into a fresh database: ${ms(fullRestore.ms)}\n`);

    const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(3)}×` : '–');
    const fullBytes = statSync(fullFile).size;
    console.log(`database: ${bytes(generated.databaseBytes)}, ${generated.tables} tables; at risk: settings (${SETTINGS_ROWS} rows, ${bytes(settingsBytes)}); migration: DELETE FROM settings WHERE id % 10 = 0\n`);
    console.log(
      markdownTable(
        ['', 'pgwarden (targeted)', 'full (pg_dump -Fc / pg_restore)', 'pgwarden / full'],
        [
          ['backup time', ms(targetedMs), ms(fullDump.ms), ratio(targetedMs, fullDump.ms)],
          ['dump size', bytes(targetedBytes), bytes(fullBytes), ratio(targetedBytes, fullBytes)],
          [`restore time`, `${ms(restore.ms)}${restoreOk ? '' : ' (FAILED)'}`, `${ms(fullRestore.ms)} (-j ${flags.jobs}, fresh database)`, ratio(restore.ms, fullRestore.ms)],
        ],
      ),
    );
    console.log(
      `\npgwarden backup time: backup.start → backup.created events (pg_dump, then pg_restore --list and sha256 of the dump); ` +
        `all of \`migrate up\` before the migration's SQL (Node start-up, lint gate, run lock, row count and checksum of settings, backup): ${ms(beforeSqlMs)}. ` +
        `Restore time: the whole \`pgwarden backups restore\` process.`,
    );
    if (!restoreOk) process.exitCode = 1;
  } finally {
    await client.end();
  }
});

async function generate(db, client, scale, tools) {
  const start = process.hrtime.bigint();
  await runChecked(tools.pgbench, ['-i', '-q', '-I', 'dtGvp', '-s', String(scale), db.url], { env: db.env });
  for (const sql of ownTables(scale)) await client.query(sql);
  await client.query('VACUUM ANALYZE');
  const size = await client.query(`SELECT pg_database_size(current_database())::bigint AS b,
    (SELECT count(*) FROM pg_tables WHERE schemaname = 'public')::int AS t`);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, databaseBytes: Number(size.rows[0].b), tables: size.rows[0].t };
}

async function relationBytes(client, table) {
  return Number((await client.query(`SELECT pg_total_relation_size($1::regclass)::bigint AS b`, [table])).rows[0].b);
}

async function count(client, table) {
  return Number((await client.query(`SELECT count(*)::bigint AS n FROM ${table}`)).rows[0].n);
}

function lastLines(r) {
  return (r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ');
}
