#!/usr/bin/env node
// Fleet rollout: wall time of a 5-migration rollout across 200 tenant schemas (one database) and across
// 50 databases, with `pgwarden fleet up` at parallelism 1, 4 and 8, against a shell loop running
// `pgwarden migrate up` once per target — what teams script today. Every scenario starts from the same
// state (targets re-created) and is checked afterwards: each target must hold the five migrations.
//
//   npm run bench:fleet
//   node bench/fleet.mjs --schemas 200 --databases 50 --parallel 1,4,8 --backup snapshot [--database-url URL]
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import {
  DEFAULT_ADMIN_URL, connectionFor, createBenchDatabase, dropDatabase, fail, machineLine, markdownTable, ms, onCleanup, parseFlags, pgwardenBin, runBenchmark, runChecked,
  tempDir,
} from './lib/harness.mjs';

const USAGE = `usage: node bench/fleet.mjs [--database-url URL] [--schemas 200] [--databases 50] [--parallel 1,4,8] [--backup snapshot] [--rows 1000]
  --database-url  admin connection to the server (default ${DEFAULT_ADMIN_URL}); the benchmark creates and drops its own databases
  --schemas       tenant schemas in the schema fleet (0: skip it)
  --databases     databases in the database fleet (0: skip it)
  --parallel      parallelism of the fleet runs, comma-separated
  --backup        backup mode of every target's run, fleet and loop alike (targeted, full, snapshot, none)
  --rows          rows of each tenant's orders table`;

const MIGRATIONS = {
  '0001_customers.sql': 'CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL);\n',
  '0002_order_status.sql': 'ALTER TABLE orders ADD COLUMN status text;\n',
  '0003_order_status_idx.sql': 'CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);\n',
  '0004_backfill_status.sql': "UPDATE orders SET status = 'open' WHERE status IS NULL;\n",
  '0005_status_check.sql': "ALTER TABLE orders ADD CONSTRAINT orders_status_known CHECK (status IN ('open', 'closed')) NOT VALID;\n",
};

const tenantData = (schema, rows) =>
  `CREATE TABLE ${schema}.orders (id bigint PRIMARY KEY, amount numeric(10,2) NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
   INSERT INTO ${schema}.orders (id, amount) SELECT g, (g % 1000) / 10.0 FROM generate_series(1, ${rows}) g;`;

await runBenchmark(async () => {
  const flags = parseFlags(process.argv.slice(2), { databaseUrl: DEFAULT_ADMIN_URL, schemas: 200, databases: 50, parallel: '1,4,8', backup: 'snapshot', rows: 1000 }, USAGE);
  const levels = String(flags.parallel).split(',').map(Number);
  if (levels.some((p) => !Number.isInteger(p) || p < 1)) fail(`--parallel expects whole numbers >= 1, got '${flags.parallel}'`);
  if (!['targeted', 'full', 'snapshot', 'none'].includes(flags.backup)) fail(`--backup expects targeted, full, snapshot or none, got '${flags.backup}'`);
  const work = tempDir('pgwarden-bench-fleet-');
  mkdirSync(join(work, 'migrations'));
  for (const [file, sql] of Object.entries(MIGRATIONS)) writeFileSync(join(work, 'migrations', file), sql);
  console.log(`machine: ${machineLine()}`);
  console.log(`${Object.keys(MIGRATIONS).length} migrations per target (one outside a transaction), orders of ${flags.rows} rows per tenant, backup ${flags.backup}\n`);

  const rows = [];
  if (flags.schemas > 0) rows.push(...(await schemaFleet(flags, levels, work)));
  if (flags.databases > 0) rows.push(...(await databaseFleet(flags, levels, work)));
  console.log(`\n${markdownTable(['fleet', 'runner', 'wall', 'per target', 'vs loop'], rows)}`);
});

/** Times the loop and each parallelism on a fleet, resetting it before each run and checking it after. */
async function scenarios(kind, count, levels, work, { reset, check, loopScript, fleetFile, env: extra }) {
  const out = [];
  let loopMs;
  const fleetName = `${kind}: ${count}`;
  // a password travels in PGPASSWORD (the loop) or in the variable the fleet file names, never on a command line
  const env = { ...extra, NO_COLOR: '1' };
  delete env.DATABASE_URL;
  await reset();
  const loop = await runChecked('/bin/sh', [loopScript], { env, cwd: work });
  await check('loop');
  loopMs = loop.ms;
  out.push([fleetName, 'shell loop of `pgwarden migrate up`', ms(loop.ms), ms(loop.ms / count), '1.00']);
  console.log(`${fleetName}: loop ${ms(loop.ms)}`);
  for (const p of levels) {
    await reset();
    const file = fleetFile(p);
    const r = await runChecked(process.execPath, [pgwardenBin, 'fleet', 'up', '--fleet', file], { env, cwd: work });
    await check(`fleet --parallel ${p}`);
    out.push([fleetName, `\`pgwarden fleet up\`, parallel ${p}`, ms(r.ms), ms(r.ms / count), `${(loopMs / r.ms).toFixed(2)}x faster`]);
    console.log(`${fleetName}: fleet parallel ${p}: ${ms(r.ms)} (${(loopMs / r.ms).toFixed(2)}x faster than the loop)`);
  }
  return out;
}

async function schemaFleet(flags, levels, work) {
  const db = await createBenchDatabase(flags.databaseUrl, 'fleet');
  const names = Array.from({ length: flags.schemas }, (_, i) => `tenant_${String(i + 1).padStart(3, '0')}`);
  const client = new pg.Client({ connectionString: db.clientUrl, application_name: 'bench-fleet' });
  await client.connect();
  onCleanup(() => client.end());
  const reset = async () => {
    await client.query(`DO $$ DECLARE n text; BEGIN
      FOR n IN SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\\_%' OR nspname LIKE 'pgwarden%' LOOP EXECUTE format('DROP SCHEMA %I CASCADE', n); END LOOP; END $$`);
    await client.query(names.map((n) => `CREATE SCHEMA ${n}; ${tenantData(n, flags.rows)}`).join('\n'));
    await client.query('CHECKPOINT');
  };
  const check = async (what) => {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_namespace n WHERE nspname LIKE 'pgwarden\\_tenant\\_%'
      AND (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid AND relname = 'migrations') = 1`);
    const { rows: applied } = await client.query(names.map((n) => `SELECT count(*)::int AS n FROM pgwarden_${n}.migrations`).join(' UNION ALL '));
    if (rows[0].n !== names.length || applied.some((r) => r.n !== 5)) fail(`${what}: not every schema holds the five migrations`);
  };
  const script = join(work, 'loop-schemas.sh');
  writeFileSync(
    script,
    `#!/bin/sh\n# what teams script today: one guarded run per tenant, one after the other\nset -e\nfor t in ${names.join(' ')}; do\n  DATABASE_URL='${db.url}' node '${pgwardenBin}' migrate up --schema "$t" --dir migrations --backup ${flags.backup} --backup-dir ".pgwarden/backups/$t" > /dev/null\ndone\n`,
  );
  const fleetFile = (p) => {
    const file = join(work, `schemas-${p}.yaml`);
    writeFileSync(file, `migrations: ./migrations\ntargets:\n  schemas: { url: $BENCH_FLEET_URL, match: "tenant_%" }\nwaves:\n  - { percent: 100, parallel: ${p} }\nbackup: ${flags.backup}\njournal: .pgwarden/fleet/schemas-${p}-${Date.now()}.jsonl\n`);
    return file;
  };
  return scenarios('schemas', names.length, levels, work, { reset, check, loopScript: script, fleetFile, env: { ...db.env, BENCH_FLEET_URL: db.clientUrl } });
}

async function databaseFleet(flags, levels, work) {
  const admin = connectionFor(flags.databaseUrl);
  const template = await createBenchDatabase(flags.databaseUrl, 'fleet_tmpl');
  const t = new pg.Client({ connectionString: template.clientUrl });
  await t.connect();
  await t.query(tenantData('public', flags.rows));
  await t.end();
  const prefix = template.name.replace(/_fleet_tmpl_/, '_fleet_db_');
  const names = Array.from({ length: flags.databases }, (_, i) => `${prefix}_${String(i + 1).padStart(3, '0')}`);
  const client = new pg.Client({ connectionString: admin.clientUrl, application_name: 'bench-fleet' });
  await client.connect();
  onCleanup(async () => {
    await Promise.all(names.map((n) => dropDatabase(flags.databaseUrl, n)));
    await client.end();
  });
  const reset = async () => {
    // drops concurrently: each waits for a checkpoint, and concurrent ones share it
    await Promise.all(names.map((n) => dropDatabase(flags.databaseUrl, n)));
    for (const n of names) await client.query(`CREATE DATABASE "${n}" TEMPLATE "${template.name}"`);
    await client.query('CHECKPOINT');
  };
  const check = async (what) => {
    for (const n of names) {
      const c = new pg.Client({ connectionString: connectionFor(flags.databaseUrl, n).clientUrl });
      await c.connect();
      const { rows } = await c.query('SELECT count(*)::int AS n FROM pgwarden.migrations').finally(() => c.end());
      if (rows[0].n !== 5) fail(`${what}: ${n} holds ${rows[0].n} migrations, not 5`);
    }
  };
  const script = join(work, 'loop-databases.sh');
  writeFileSync(
    script,
    `#!/bin/sh\nset -e\nfor db in ${names.join(' ')}; do\n  DATABASE_URL="${connectionFor(flags.databaseUrl, '__DB__').url.replace('__DB__', '$db')}" node '${pgwardenBin}' migrate up --dir migrations --backup ${flags.backup} --backup-dir ".pgwarden/backups/$db" > /dev/null\ndone\n`,
  );
  const fleetFile = (p) => {
    const file = join(work, `databases-${p}.yaml`);
    writeFileSync(file, `migrations: ./migrations\ntargets:\n  databases: { url: $BENCH_SERVER_URL, match: "${prefix}\\\\_%" }\nwaves:\n  - { percent: 100, parallel: ${p} }\nbackup: ${flags.backup}\njournal: .pgwarden/fleet/databases-${p}-${Date.now()}.jsonl\n`);
    return file;
  };
  return scenarios('databases', names.length, levels, work, { reset, check, loopScript: script, fleetFile, env: { ...admin.env, BENCH_SERVER_URL: admin.clientUrl } });
}
