import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { runCli, tempProject, type Project } from './helpers.js';

/**
 * What the runner refuses before it applies anything (files that are not UTF-8, too large, out of
 * order) and what `validate` / `status --check` report: drift, missing, unknown applied, renamed files.
 */
let db: TestDatabase;
let client: pg.Client;
let project: Project;

beforeAll(async () => {
  db = await createTestDatabase('pgwarden_history_checks');
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

const cli = (...args: string[]) => runCli(['migrate', ...args], { cwd: project.cwd, env: { DATABASE_URL: db.url } });

async function history(): Promise<string[]> {
  const exists = await client.query("select to_regclass('pgwarden.migrations') is not null as ok");
  if (!exists.rows[0].ok) return [];
  return (await client.query<{ name: string }>('select name from pgwarden.migrations order by name')).rows.map((r) => r.name);
}

async function exists(relation: string): Promise<boolean> {
  return (await client.query('select to_regclass($1) is not null as ok', [relation])).rows[0].ok as boolean;
}

describe('files the runner refuses', { timeout: 120_000 }, () => {
  it('a file that is not valid UTF-8: refused with the byte offset and line, nothing applied (exit 2)', async () => {
    await project.write('0001_ok.sql', 'CREATE TABLE first_one (id int);\n');
    const latin1 = Buffer.concat([Buffer.from("CREATE TABLE cafe (name text);\nINSERT INTO cafe VALUES ('caf"), Buffer.from([0xe9]), Buffer.from("');\n")]);
    await writeFile(join(project.dir, '0002_latin1.sql'), latin1);
    const r = await cli('up');
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      `pgwarden: ${join('migrations', '0002_latin1.sql')} is not valid UTF-8: byte 0xe9 at byte offset ${latin1.indexOf(0xe9)} (line 2); PostgreSQL would refuse it too — re-encode the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)`,
    ]);
    expect(await history()).toEqual([]);
    expect(await exists('first_one')).toBe(false);
  });

  it('a 50 MB file is refused by its size before it is read (exit 2); --max-file-size moves the limit', async () => {
    await project.write('0001_small.sql', `CREATE TABLE small (id int);\n-- ${'x'.repeat(3000)}\n`);
    await writeFile(join(project.dir, '0002_bulk.sql'), Buffer.alloc(50 * 1024 * 1024, 'INSERT INTO small VALUES (1);\n'));
    const big = await cli('up');
    expect(big.code, big.stderr).toBe(2);
    expect(big.stderr).toContain(`${join('migrations', '0002_bulk.sql')} is 50.0 MiB, above the 10.0 MiB limit for one migration file (--max-file-size`);
    await rm(join(project.dir, '0002_bulk.sql'));
    const capped = await cli('status', '--max-file-size', '2kB');
    expect(capped.code).toBe(2);
    expect(capped.stderr).toContain('0001_small.sql is 3033 bytes, above the 2048 bytes limit');
    expect((await cli('status', '--max-file-size', 'lots')).stderr).toContain("--max-file-size: 'lots' is not a size");
    expect(await history()).toEqual([]);
  });

  it('a goose file runs its Up section forward and its Down section backward', async () => {
    await project.write('0001_goose.sql', '-- +goose Up\nCREATE TABLE goose_made (id int);\n\n-- +goose Down\n-- pgwarden-ignore ban-drop-table: reverting what Up created\nDROP TABLE goose_made;\n');
    const up = await cli('up');
    expect(up.code, up.stderr).toBe(0);
    expect(await exists('goose_made')).toBe(true);
    const down = await cli('down', '--backup', 'none');
    expect(down.code, down.stderr).toBe(0);
    expect(await exists('goose_made')).toBe(false);
    expect(await history()).toEqual([]);
  });
});

describe('order, renames and validation', { timeout: 120_000 }, () => {
  it('a new migration sorting before an applied one is refused unless --allow-out-of-order; status --check and validate flag it', async () => {
    await project.write('0001_a.sql', 'CREATE TABLE a (id int);\n');
    await project.write('0003_c.sql', 'CREATE TABLE c (id int);\n');
    expect((await cli('up')).code).toBe(0);
    await project.write('0002_b.sql', 'CREATE TABLE b (id int);\n');
    const refused = await cli('up');
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      'pgwarden: 0002_b sorts before 0003_c, which is already applied (out of order); nothing was applied: rename it to sort after the last applied migration, or pass --allow-out-of-order',
    );
    expect(await exists('b')).toBe(false);
    const check = await cli('status', '--check');
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^pending +0002_b {2}OUT OF ORDER/m);
    expect(check.stderr).toContain('the files and the history disagree: 1 problem(s) (out-of-order)');
    const json = await cli('validate', '--format', 'json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ ok: false, problems: [{ kind: 'out-of-order', migration: '0002_b', message: '0002_b is pending but sorts before 0003_c, which is applied (out of order)' }] });
    const allowed = await cli('up', '--allow-out-of-order');
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.stderr).toContain('--allow-out-of-order: applying 0002_b after 0003_c');
    expect(await history()).toEqual(['0001_a', '0002_b', '0003_c']);
    expect((await cli('validate')).stdout).toBe('ok: 3 migration(s); the files and the history agree\n');
  });

  it('a renamed file is recognised by its checksum and not run again; drift, missing, unknown and pending make validate fail, in text and JSON', async () => {
    await project.write('0001_users.sql', 'CREATE TABLE users (id int);\n');
    await project.write('0002_orders.sql', 'CREATE TABLE orders (id int);\n');
    await project.write('0003_items.sql', 'CREATE TABLE items (id int);\n');
    expect((await cli('up')).code).toBe(0);
    await rename(join(project.dir, '0002_orders.sql'), join(project.dir, '0002_create_orders.sql'));
    const again = await cli('up');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('no pending migrations');
    expect(again.stderr).toContain('0002_create_orders has the checksum of 0002_orders, which is applied: taken as renamed, not applied again');
    const status = await cli('status', '--check');
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/^applied +0002_create_orders .*RENAMED \(recorded as 0002_orders\)$/m);

    await project.write('0001_users.sql', 'CREATE TABLE users (id int, email text);\n');
    await rm(join(project.dir, '0003_items.sql'));
    await project.write('0003_late.sql', 'CREATE TABLE late (id int);\n');
    await client.query("insert into pgwarden.migrations (name, checksum, applied_by, duration_ms, pgwarden_version) values ('0009_future', 'abc', 'x', 1, 'x')");
    const text = await cli('validate');
    expect(text.code).toBe(1);
    expect(text.stdout.split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0])).toEqual(['drift', 'missing', 'unknown']);
    expect(text.stdout).toContain('0003_items is applied but its file is missing');
    expect(text.stdout).toContain('0009_future is applied but unknown here');
    const pending = await cli('validate', '--fail-on-pending', '--format', 'json');
    expect(pending.code).toBe(1);
    expect(JSON.parse(pending.stdout).problems.map((p: { kind: string; migration: string }) => `${p.kind} ${p.migration}`)).toEqual([
      'drift 0001_users',
      'missing 0003_items',
      'unknown 0009_future',
      'pending 0003_late',
    ]);
    const json = await cli('status', '--check', '--format', 'json');
    expect(json.code).toBe(1);
    const rows = JSON.parse(json.stdout).migrations as Array<{ name: string; drift: boolean; missing: boolean; unknown: boolean; renamedFrom: string | null }>;
    expect(rows.map((m) => [m.name, m.drift, m.missing, m.unknown, m.renamedFrom])).toEqual([
      ['0001_users', true, false, false, null],
      ['0002_create_orders', false, false, false, '0002_orders'],
      ['0003_late', false, false, false, null],
      ['0003_items', false, true, false, null],
      ['0009_future', false, true, true, null],
    ]);
    // without --check, status only reports
    expect((await cli('status')).code).toBe(0);
  });
});

describe('migrate down is guarded like up', { timeout: 120_000 }, () => {
  it('lints the down files (a DROP TABLE without a reason is refused, nothing reverted) and takes a backup first', async () => {
    await project.write('0001_users.up.sql', "CREATE TABLE users (id int PRIMARY KEY, email text);\nINSERT INTO users VALUES (1, 'a@example.com');\n");
    await project.write('0001_users.down.sql', 'DROP TABLE users;\n');
    expect((await cli('up', '--backup', 'none')).code).toBe(0);
    const refused = await cli('down', '--backup', 'none');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('ban-drop-table');
    expect(refused.stderr).toContain('lint gate: 1 error finding');
    expect(await exists('users')).toBe(true);
    expect(await history()).toEqual(['0001_users']);
    await project.write('0001_users.down.sql', '-- pgwarden-ignore ban-drop-table: reverting the table this migration created\n-- pgwarden:allow-data-loss users\nDROP TABLE users;\n');
    const reverted = await cli('down');
    expect(reverted.code, reverted.stderr).toBe(0);
    expect(reverted.stdout + reverted.stderr).toMatch(/backup \S+ taken/);
    expect(reverted.stdout).toMatch(/reverted 0001_users/);
    expect(await exists('users')).toBe(false);
    expect(await history()).toEqual([]);
  });
});
