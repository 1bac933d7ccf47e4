#!/usr/bin/env node
// The safety net's examples in README.md and docs/safety.md, captured from a real run: a caught
// `UPDATE … SET col = NULL` (then the same migration declared), and a no-transaction migration that
// fails after committing an UPDATE and a DELETE while the application inserts and pays orders;
// afterwards it checks what the docs say about the result. Creates its own database and drops it.
//
//   npm run build && node scripts/safety-examples.mjs [--database-url postgres://postgres@127.0.0.1:5432/postgres]
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { DEFAULT_ADMIN_URL, createBenchDatabase, fail, parseFlags, pgwardenBin, runBenchmark, sleep, tempDir } from '../bench/lib/harness.mjs';

const USAGE = `usage: node scripts/safety-examples.mjs [--database-url URL]
  --database-url  admin connection to the server (default ${DEFAULT_ADMIN_URL}); the script creates and drops its own database`;

await runBenchmark(async () => {
  const flags = parseFlags(process.argv.slice(2), { databaseUrl: DEFAULT_ADMIN_URL }, USAGE);
  const db = await createBenchDatabase(flags.databaseUrl, 'examples');
  const project = tempDir('pgwarden-examples-');
  mkdirSync(join(project, 'migrations'));
  const client = new pg.Client({ connectionString: db.clientUrl });
  await client.connect();
  try {
    await client.query(`CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, legacy_name text)`);
    await client.query(`INSERT INTO users (name, legacy_name) SELECT 'user ' || g, 'legacy ' || g FROM generate_series(1, 5000) g`);
    await client.query(`CREATE TABLE orders (id bigserial PRIMARY KEY, number text NOT NULL, status text NOT NULL DEFAULT 'new', amount numeric(10,2) NOT NULL, paid boolean NOT NULL DEFAULT false, created_at timestamptz NOT NULL DEFAULT now())`);
    // order 20000 repeats the number of order 1: the unique index at the end of 0014 fails
    await client.query(`INSERT INTO orders (number, amount, created_at) SELECT 'N' || CASE WHEN g = 20000 THEN 1 ELSE g END, g % 500, timestamptz '2026-01-01' + (g % 330) * interval '1 day' FROM generate_series(1, 20000) g`);

    // standard output and error into one file, interleaved as a terminal shows them
    const pgwarden = async (args) => {
      const file = join(project, 'output.txt');
      const fd = openSync(file, 'w');
      const child = spawn(process.execPath, [pgwardenBin, ...args], { env: { ...process.env, ...db.env, DATABASE_URL: db.url, NO_COLOR: '1' }, cwd: project, stdio: ['ignore', fd, fd] });
      const code = await new Promise((done) => child.on('close', done));
      closeSync(fd);
      return { code, output: readFileSync(file, 'utf8').replaceAll(`${project}/`, '') };
    };
    const show = (command, r) => console.log(`$ pgwarden ${command}\n${r.output.trimEnd()}\n(exit ${r.code})\n`);

    const clear = join(project, 'migrations', '0013_clear_legacy_names.sql');
    writeFileSync(clear, '-- the legacy names are not read any more\nUPDATE users SET legacy_name = NULL;\n');
    const refused = await pgwarden(['migrate', 'up', '--allow-unsafe']);
    show('migrate up --allow-unsafe', refused);
    if (refused.code !== 1) fail('0013 was expected to be refused (exit 1)');
    const kept = (await client.query(`SELECT count(legacy_name)::int AS n FROM users`)).rows[0].n;
    if (kept !== 5000) fail(`after the refused 0013, ${kept} legacy names are left, not 5000`);

    writeFileSync(clear, '-- the legacy names are not read any more\n-- pgwarden:allow-data-loss users.legacy_name\nUPDATE users SET legacy_name = NULL;\n');
    const declared = await pgwarden(['migrate', 'up', '--allow-unsafe']);
    show('migrate up --allow-unsafe   # declared: -- pgwarden:allow-data-loss users.legacy_name', declared);
    if (declared.code !== 0) fail('the declared 0013 was expected to apply');

    writeFileSync(
      join(project, 'migrations', '0014_archive_old_orders.sql'),
      `-- pgwarden:no-transaction
-- pgwarden:allow-data-loss orders
CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);
UPDATE orders SET status = 'archived' WHERE created_at < '2026-06-01';
DELETE FROM orders WHERE status = 'archived' AND id % 100 = 0;
CREATE UNIQUE INDEX CONCURRENTLY orders_number_key ON orders (number);
`,
    );
    // the application: an order every few milliseconds, and each fourth one paid right after (rows the
    // migration does not touch: a row it changed again after the migration would be kept and reported)
    const app = new pg.Client({ connectionString: db.clientUrl });
    await app.connect();
    let writing = true;
    let inserted = 0;
    let paid = 0;
    const traffic = (async () => {
      while (writing) {
        const id = (await app.query(`INSERT INTO orders (number, amount) VALUES ('A' || nextval('orders_id_seq'), 10) RETURNING id`)).rows[0].id;
        inserted++;
        if (inserted % 4 === 0) paid += (await app.query(`UPDATE orders SET paid = true WHERE id = $1`, [id])).rowCount ?? 0;
        await sleep(5);
      }
    })();
    const before = (await client.query(`SELECT count(*) FILTER (WHERE id % 100 = 0 AND created_at < '2026-06-01')::int AS doomed FROM orders`)).rows[0];
    const restored = await pgwarden(['migrate', 'up']);
    writing = false;
    await traffic;
    show('migrate up', restored);
    const after = (await client.query(`SELECT count(*) FILTER (WHERE status = 'archived')::int AS archived, max(id)::bigint AS top FROM orders`)).rows[0];
    const next = (await app.query(`INSERT INTO orders (number, amount) VALUES ('after', 1) RETURNING id`)).rows[0].id;
    await app.end();
    const checks = [
      [`the application inserted ${inserted} orders during the run; all of them are there`, (await client.query(`SELECT count(*)::int AS n FROM orders WHERE number LIKE 'A%'`)).rows[0].n === inserted],
      [`the ${paid} it paid are still paid`, (await client.query(`SELECT count(*)::int AS n FROM orders WHERE number LIKE 'A%' AND paid`)).rows[0].n === paid],
      [`no order is archived (${after.archived})`, after.archived === 0],
      [`the ${before.doomed} orders the DELETE took are back`, (await client.query(`SELECT count(*)::int AS n FROM orders WHERE id % 100 = 0 AND created_at < '2026-06-01'`)).rows[0].n === before.doomed],
      [`the application's next insert gets id ${next}, past every id in use (${after.top})`, BigInt(next) > BigInt(after.top)],
      ['no before-image is left in pgwarden_backup', (await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'pgwarden_backup'`)).rows[0].n === 0],
    ];
    for (const [what, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (checks.some(([, ok]) => !ok)) fail('the restore did not leave the database as docs/safety.md says');
  } finally {
    await client.end();
  }
});
