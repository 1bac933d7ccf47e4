import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { runCli, tempProject, withPassword, type Project } from './helpers.js';

// CLI tests run bin/pgwarden.js: build first (`npx tsc -p .`, done by `npm test`'s pretest).
let db: TestDatabase;
let client: pg.Client;
let project: Project;
const PASSWORD = 'Sup3r-s3cret-pw';

beforeAll(async () => {
  db = await createTestDatabase('pgwarden_runner_cli');
  client = await db.client();
});
afterAll(async () => {
  await db.drop();
});
beforeEach(async () => {
  project = await tempProject();
  await client.query('drop schema if exists pgwarden cascade; drop schema public cascade; create schema public');
});
afterEach(async () => {
  await project.remove();
});

const cli = (...args: string[]) => runCli(['migrate', ...args], { cwd: project.cwd, env: { DATABASE_URL: withPassword(db.url, PASSWORD) } });

async function tables(): Promise<string[]> {
  const { rows } = await client.query<{ t: string }>("select table_name as t from information_schema.tables where table_schema = 'public' order by 1");
  return rows.map((r) => r.t);
}

async function history(): Promise<string[]> {
  const exists = await client.query("select to_regclass('pgwarden.migrations') is not null as ok");
  if (!exists.rows[0].ok) return [];
  const { rows } = await client.query<{ name: string }>('select name from pgwarden.migrations order by name');
  return rows.map((r) => r.name);
}

async function writeUsersMigrations(): Promise<void> {
  await project.write('0001_users.up.sql', "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\nINSERT INTO users VALUES (1, 'a@example.com'), (2, 'b@example.com');\n");
  await project.write('0001_users.down.sql', '-- pgwarden-ignore ban-drop-table: reverting the table this migration created\n-- pgwarden:allow-data-loss users\nDROP TABLE users;\n');
  await project.write('0002_email_index.up.sql', 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n');
  await project.write('0002_email_index.down.sql', 'DROP INDEX CONCURRENTLY users_email_idx;\n');
}

describe('pgwarden migrate (CLI)', { timeout: 180_000 }, () => {
  it('runs up, status and down as a round trip, with CREATE INDEX CONCURRENTLY outside a transaction', async () => {
    await writeUsersMigrations();
    const up = await cli('up');
    expect(up.stderr).toBe('');
    expect(up.code).toBe(0);
    // a duration as formatDuration prints it: 'ms' below a second (a loaded machine takes longer)
    expect(up.stdout).toMatch(/applied 0001_users \((?:\d+ ms|\d+\.\d s)\)/);
    expect(up.stdout).toMatch(/applied 0002_email_index \((?:\d+ ms|\d+\.\d s)\)/);
    expect(up.stdout + up.stderr).not.toContain(PASSWORD);
    expect(await tables()).toEqual(['users']);
    const index = await client.query("select i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname = 'users_email_idx'");
    expect(index.rows).toEqual([{ indisvalid: true }]);
    const attempts = await client.query('select count(*)::int as n from pgwarden.migration_attempts');
    expect(attempts.rows[0].n).toBe(0);

    const status = await cli('status', '--format', 'json');
    expect(status.code).toBe(0);
    const parsed = JSON.parse(status.stdout) as { migrations: Array<Record<string, unknown>> };
    expect(parsed.migrations.map((m) => [m.name, m.state, m.drift])).toEqual([
      ['0001_users', 'applied', false],
      ['0002_email_index', 'applied', false],
    ]);
    for (const m of parsed.migrations) {
      expect(Object.keys(m)).toEqual(expect.arrayContaining(['name', 'state', 'appliedAt', 'durationMs', 'checksum', 'drift']));
      expect(m.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(typeof m.durationMs).toBe('number');
    }
    const row = await client.query('select applied_by, pgwarden_version from pgwarden.migrations limit 1');
    expect(row.rows[0].pgwarden_version).toMatch(/^\d+\.\d+\.\d+/);

    const again = await cli('up');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('no pending migrations');

    const down = await cli('down', '--step', '2');
    expect(down.code).toBe(0);
    expect(down.stdout).toMatch(/reverted 0002_email_index[\s\S]*reverted 0001_users/);
    expect(await tables()).toEqual([]);
    expect(await history()).toEqual([]);
    const text = await cli('status');
    expect(text.stdout).toMatch(/pending +0001_users\npending +0002_email_index\n/);
  });

  it('refuses down clearly when a down file is missing, reverting nothing', async () => {
    await writeUsersMigrations();
    await project.write('0003_name.up.sql', 'ALTER TABLE users ADD COLUMN name text;\n');
    expect((await cli('up')).code).toBe(0);
    const down = await cli('down', '--step', '2');
    expect(down.code).toBe(2);
    expect(down.stderr.trim().split('\n')).toHaveLength(1);
    expect(down.stderr).toContain('cannot revert 0003_name: it has no down file');
    expect(await history()).toEqual(['0001_users', '0002_email_index', '0003_name']);
  });

  it('leaves no trace of a failing migration and exits 1', async () => {
    await writeUsersMigrations();
    expect((await cli('up', '--step', '1')).code).toBe(0);
    await project.write('0003_broken.up.sql', 'CREATE TABLE audit (id int);\nALTER TABLE users ADD COLUMN note text;\nINSERT INTO missing_table VALUES (1);\n');
    const before = await client.query("select column_name from information_schema.columns where table_name = 'users' order by 1");
    const up = await cli('up');
    expect(up.code).toBe(1);
    expect(up.stderr).toMatch(/migration 0003_broken failed: relation "missing_table" does not exist \[42P01\] at line 3 \(rolled back/);
    expect(await tables()).toEqual(['users']);
    const after = await client.query("select column_name from information_schema.columns where table_name = 'users' order by 1");
    expect(after.rows).toEqual(before.rows);
    // the index migration before it committed on its own; the broken one left nothing in the history
    expect(await history()).toEqual(['0001_users', '0002_email_index']);
    expect(up.stdout + up.stderr).not.toContain(PASSWORD);
  });

  it('reports checksum drift of an applied migration', async () => {
    await writeUsersMigrations();
    expect((await cli('up')).code).toBe(0);
    await project.write('0001_users.up.sql', 'CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name text);\n');
    const json = JSON.parse((await cli('status', '--format', 'json')).stdout) as { migrations: Array<{ name: string; drift: boolean }> };
    expect(json.migrations.find((m) => m.name === '0001_users')?.drift).toBe(true);
    expect(json.migrations.find((m) => m.name === '0002_email_index')?.drift).toBe(false);
    expect((await cli('status')).stdout).toMatch(/0001_users .*CHANGED SINCE APPLIED \(checksum drift\)/);
    expect((await cli('up')).stderr).toContain('0001_users changed after it was applied (checksum drift)');
  });

  it('flags an applied migration whose file is gone', async () => {
    await writeUsersMigrations();
    expect((await cli('up')).code).toBe(0);
    await project.write('0002_email_index.up.sql', '');
    const { rm } = await import('node:fs/promises');
    await rm(join(project.dir, '0002_email_index.up.sql'));
    await rm(join(project.dir, '0002_email_index.down.sql'));
    const json = JSON.parse((await cli('status', '--format', 'json')).stdout) as { migrations: Array<{ name: string; state: string; missing: boolean }> };
    expect(json.migrations.find((m) => m.name === '0002_email_index')).toMatchObject({ state: 'applied', missing: true });
  });

  it('stops at the lint gate before applying anything, and --allow-unsafe lets it through loudly', async () => {
    await writeUsersMigrations();
    expect((await cli('up')).code).toBe(0);
    await project.write('0003_add_name.up.sql', 'ALTER TABLE users ADD COLUMN name text;\n');
    await project.write('0004_drop_users.up.sql', '-- pgwarden:allow-data-loss users\nDROP TABLE users;\n');
    const refused = await cli('up');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('ban-drop-table');
    expect(refused.stderr).toContain('0004_drop_users.up.sql:2:1');
    expect(refused.stderr).toContain('lint gate: 1 error finding in pending migrations; nothing was applied');
    expect(await history()).toEqual(['0001_users', '0002_email_index']);
    expect(await tables()).toEqual(['users']);

    const allowed = await cli('up', '--allow-unsafe');
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toMatch(/--allow-unsafe: applying despite 1 error finding/);
    expect(allowed.stderr).toMatch(/UNSAFE, ALLOWED: .*ban-drop-table/);
    expect(await tables()).toEqual([]);
    expect(await history()).toContain('0004_drop_users');
  });

  it('lets a finding through the gate when it is suppressed with a reason, not without one', async () => {
    await writeUsersMigrations();
    expect((await cli('up')).code).toBe(0);
    await project.write('0003_drop.up.sql', '-- pgwarden-ignore ban-drop-table\n-- pgwarden:allow-data-loss users\nDROP TABLE users;\n');
    const bare = await cli('up');
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain('ban-drop-table');
    await project.write('0003_drop.up.sql', '-- pgwarden-ignore ban-drop-table: replaced by accounts, backed up\n-- pgwarden:allow-data-loss users\nDROP TABLE users;\n');
    const reasoned = await cli('up');
    expect(reasoned.code).toBe(0);
    expect(reasoned.stderr).toContain('accepted (suppressed with a reason: replaced by accounts, backed up)');
    expect(await tables()).toEqual([]);
  });

  it('--dry-run runs the pending migrations, reports durations and leaves nothing behind', async () => {
    await project.write('0001_users.up.sql', 'CREATE TABLE users (id bigint PRIMARY KEY);\n');
    await project.write('0002_orders.up.sql', 'CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users);\n');
    const dry = await cli('up', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/ran 0001_users \((?:\d+ ms|\d+\.\d s)\) — dry run/);
    expect(dry.stdout).toMatch(/ran 0002_orders \((?:\d+ ms|\d+\.\d s)\) — dry run/);
    expect(dry.stdout).toContain('nothing was changed');
    expect(await tables()).toEqual([]);
    const schema = await client.query("select count(*)::int as n from pg_namespace where nspname = 'pgwarden'");
    expect(schema.rows[0].n).toBe(0);

    await project.write('0003_bad.up.sql', 'ALTER TABLE nope ADD COLUMN x int;\n');
    const failing = await cli('up', '--dry-run');
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain('relation "nope" does not exist');
    expect(await tables()).toEqual([]);
  });

  it('plan shows transaction mode, locks, tables at risk and findings of pending migrations', async () => {
    await writeUsersMigrations();
    expect((await cli('up')).code).toBe(0);
    await project.write('0003_purge.up.sql', '-- pgwarden:allow-data-loss users\nDELETE FROM users WHERE id = 2;\n');
    await project.write('0004_drop.up.sql', 'DROP TABLE users;\n');
    const plan = await cli('plan');
    expect(plan.code).toBe(0);
    expect(plan.stdout).not.toContain('0001_users');
    expect(plan.stdout).toContain('0003_purge\n  runs:    in one transaction');
    expect(plan.stdout).toContain('at risk: public.users (DELETE) — declared with allow-data-loss');
    expect(plan.stdout).toContain('0004_drop  [blocked by the lint gate]');
    expect(plan.stdout).toContain('at risk: public.users (DROP TABLE)');
    expect(plan.stdout).toMatch(/lint: +.*ban-drop-table/);
    const json = JSON.parse((await cli('plan', '--format', 'json')).stdout) as { migrations: Array<{ name: string; locks: unknown[]; tablesAtRisk: Array<{ table: string }>; transaction: string }> };
    expect(json.migrations.map((m) => m.name)).toEqual(['0003_purge', '0004_drop']);
    expect(json.migrations[1].tablesAtRisk).toEqual([{ table: 'public.users', reasons: ['DROP TABLE'] }]);
    expect(Array.isArray(json.migrations[0].locks)).toBe(true);
  });

  it('refuses to continue after an interrupted no-transaction migration', async () => {
    await writeUsersMigrations();
    await project.write('0003_two_indexes.up.sql', 'CREATE INDEX CONCURRENTLY users_id_email_idx ON users (id, email);\nCREATE INDEX CONCURRENTLY users_missing_idx ON users (no_such_column);\n');
    // without a backup nothing can undo the first index: the marker must stop the next run
    const up = await cli('up', '--backup', 'none');
    expect(up.code).toBe(1);
    expect(up.stderr).toContain('column "no_such_column" does not exist');
    expect(up.stderr).toContain('ran outside a transaction');
    const marker = await client.query('select name, statements_done, statements_total from pgwarden.migration_attempts');
    expect(marker.rows).toEqual([{ name: '0003_two_indexes', statements_done: 1, statements_total: 2 }]);
    const status = JSON.parse((await cli('status', '--format', 'json')).stdout) as { migrations: Array<{ name: string; state: string; interrupted: boolean }> };
    expect(status.migrations.find((m) => m.name === '0003_two_indexes')).toMatchObject({ state: 'pending', interrupted: true });
    const next = await cli('up');
    expect(next.code).toBe(1);
    expect(next.stderr).toContain('migration 0003_two_indexes (up) was interrupted outside a transaction after 1 of 2 statements');
  });

  it('restores a failed no-transaction migration from its backup and clears the interrupted marker', async () => {
    await writeUsersMigrations();
    expect((await cli('up')).code).toBe(0);
    await project.write('0003_two_indexes.up.sql', 'CREATE INDEX CONCURRENTLY users_id_email_idx ON users (id, email);\nCREATE INDEX CONCURRENTLY users_missing_idx ON users (no_such_column);\n');
    const up = await cli('up');
    expect(up.code).toBe(1);
    expect(up.stdout + up.stderr).toMatch(/backup \S+ taken/);
    expect(up.stdout + up.stderr).toContain('database restored to its state before 0003_two_indexes');
    const indexes = await client.query("select indexname from pg_indexes where tablename = 'users' order by 1");
    expect(indexes.rows.map((r) => r.indexname)).toEqual(['users_email_idx', 'users_pkey']);
    const marker = await client.query('select count(*)::int as n from pgwarden.migration_attempts');
    expect(marker.rows[0].n).toBe(0);
    expect(await history()).toEqual(['0001_users', '0002_email_index']);
  });

  it('runs the sections of dbmate files: up forward, down to revert, transaction:false outside a transaction', async () => {
    await project.write('20240101000000_users.sql', '-- migrate:up\nCREATE TABLE users (id bigint PRIMARY KEY, email text);\n\n-- migrate:down\n-- pgwarden-ignore ban-drop-table: reverting the table this migration created\n-- pgwarden:allow-data-loss users\nDROP TABLE users;\n');
    await project.write('20240102000000_users_email_idx.sql', '-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n\n-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY users_email_idx;\n');
    const up = await cli('up', '--backup', 'none');
    expect(up.stderr).not.toContain('error');
    expect(up.code).toBe(0);
    expect(await tables()).toEqual(['users']);
    const index = await client.query("select count(*)::int as n from pg_indexes where indexname = 'users_email_idx'");
    expect(index.rows[0].n).toBe(1);
    const down = await cli('down', '--step', '2', '--backup', 'none');
    expect(down.code).toBe(0);
    expect(await tables()).toEqual([]);
    expect(await history()).toEqual([]);
  });

  it('creates a timestamped migration and its down file in the layout in use', async () => {
    const first = await cli('create', 'Add orders');
    expect(first.code).toBe(0);
    let files = await readdir(project.dir);
    expect(files).toHaveLength(2);
    expect(files.find((f) => f.endsWith('.up.sql'))).toMatch(/^\d{14}_add_orders\.up\.sql$/);
    expect(files.find((f) => f.endsWith('.down.sql'))).toMatch(/^\d{14}_add_orders\.down\.sql$/);
    const flyway = await tempProject();
    try {
      await writeFile(join(flyway.dir, 'V1__init.sql'), 'CREATE TABLE t (id int);\n');
      const made = await runCli(['migrate', 'create', 'add_index', '--dir', 'migrations'], { cwd: flyway.cwd });
      expect(made.code).toBe(0);
      files = await readdir(flyway.dir);
      expect(files.some((f) => /^V\d{14}__add_index\.sql$/.test(f))).toBe(true);
      expect(files.some((f) => /^U\d{14}__add_index\.sql$/.test(f))).toBe(true);
    } finally {
      await flyway.remove();
    }
  });

  it('waits for another runner, then names the holder of the run lock and exits 1', async () => {
    await writeUsersMigrations();
    const holder = await db.client();
    await holder.query("set application_name = 'other-deploy'");
    await holder.query('select pg_advisory_lock($1)', [0x70677764]);
    const pid = (await holder.query('select pg_backend_pid() as pid')).rows[0].pid as number;
    try {
      const up = await cli('up', '--wait-for-lock', '300ms');
      expect(up.code).toBe(1);
      expect(up.stderr).toContain(`another migration run holds the lock on this database (pid ${pid}, application 'other-deploy'`);
      expect(await tables()).toEqual([]);
    } finally {
      await holder.query('select pg_advisory_unlock_all()');
    }
    expect((await cli('up')).code).toBe(0);
  });
});

describe('connection errors (one line, exit 2, no password)', { timeout: 180_000 }, () => {
  const cases: Array<[string, (url: URL) => string, RegExp]> = [
    ['a missing URL', () => '', /no database given: pass --database-url or set DATABASE_URL/],
    ['a malformed URL', () => `postgres//admin:${PASSWORD}@localhost/db`, /malformed database URL/],
    ['a wrong scheme', () => `mysql://admin:${PASSWORD}@localhost/db`, /unknown scheme 'mysql'/],
    ['an unreachable host (a closed local port)', (u) => `postgres://admin:${PASSWORD}@127.0.0.1:1${u.pathname}`, /cannot connect to 127\.0\.0\.1:1\/.*connection refused/],
    ['an unknown role (bad credentials; the local server trusts 127.0.0.1, so a wrong password cannot be refused)', (u) => `postgres://no_such_role_pgw:${PASSWORD}@${u.host}${u.pathname}`, /access denied \(role "no_such_role_pgw" does not exist\)/],
    ['an unknown database', (u) => `postgres://postgres:${PASSWORD}@${u.host}/no_such_db_pgw`, /database does not exist/],
  ];
  for (const [what, url, message] of cases) {
    it(`reports ${what}`, async () => {
      const dir = await tempProject();
      try {
        const given = url(new URL(db.url));
        const args = ['migrate', 'up', ...(given ? ['--database-url', given] : [])];
        const result = await runCli(args, { cwd: dir.cwd, env: { PGHOST: undefined, PGDATABASE: undefined, PGUSER: undefined, PGPORT: undefined, PGSERVICE: undefined, PGHOSTADDR: undefined } });
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        expect(result.stderr).toMatch(message);
        expect(result.stderr).not.toContain(PASSWORD);
      } finally {
        await dir.remove();
      }
    });
  }
});
