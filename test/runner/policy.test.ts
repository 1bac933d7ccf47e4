import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createRunner } from '../../src/runner/runner.js';
import { tempProject, type Project } from './helpers.js';

let db: TestDatabase;
let admin: pg.Client;
let project: Project;

beforeAll(async () => {
  db = await createTestDatabase('pgwarden_runner_policy');
  admin = await db.client();
  project = await tempProject();
});
afterAll(async () => {
  await project.remove();
  await db.drop();
});

describe('transaction policy and timeouts', () => {
  it('runs a file that manages its own BEGIN/COMMIT as written, statement by statement, and records it', async () => {
    // CONCURRENTLY after the file's own COMMIT: refused if the file went to the server as one query
    await project.write('0001_explicit.sql', 'BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;\nBEGIN;\nINSERT INTO a VALUES (1);\nCOMMIT;\nCREATE INDEX CONCURRENTLY a_id_idx ON a (id);\n');
    const result = await createRunner({ databaseUrl: db.url, dir: project.dir }).up();
    expect(result.migrations.map((m) => m.name)).toEqual(['0001_explicit']);
    expect((await admin.query('select id from a')).rows).toEqual([{ id: 1 }]);
    expect((await admin.query("select indisvalid from pg_index where indexrelid = 'a_id_idx'::regclass")).rows).toEqual([{ indisvalid: true }]);
    expect((await admin.query('select name from pgwarden.migrations')).rows).toEqual([{ name: '0001_explicit' }]);
    expect((await admin.query('select count(*)::int as n from pgwarden.migration_attempts')).rows[0].n).toBe(0);
  });

  it('applies statement_timeout to the migration and rolls it back when exceeded', async () => {
    await project.write('0002_slow.sql', 'CREATE TABLE b (id int);\nSELECT pg_sleep(2);\n');
    const runner = createRunner({ databaseUrl: db.url, dir: project.dir, statementTimeout: '100ms' });
    await expect(runner.up()).rejects.toThrow(/0002_slow failed: canceling statement due to statement timeout \[57014\]/);
    expect((await admin.query("select to_regclass('public.b') is null as gone")).rows[0].gone).toBe(true);
  });

  it('does not let the gate block on require-lock-timeout: the runner sets lock_timeout itself', async () => {
    await project.write('0003_add_column.sql', 'ALTER TABLE a ADD COLUMN note text;\n');
    await project.write('0002_slow.sql', 'SELECT 1;\n');
    const runner = createRunner({ databaseUrl: db.url, dir: project.dir, lint: { options: { rules: { 'require-lock-timeout': 'error' } } } });
    const [, addColumn] = await runner.plan();
    expect(addColumn.findings).toContainEqual(expect.objectContaining({ rule: 'require-lock-timeout', severity: 'error' }));
    expect(addColumn.blocked).toBe(false);
    const result = await runner.up();
    expect(result.migrations.map((m) => m.name)).toEqual(['0002_slow', '0003_add_column']);
  });

  it('rejects malformed settings before connecting', () => {
    expect(() => createRunner({ databaseUrl: db.url, dir: project.dir, lockTimeout: 'soon' })).toThrow(/lock timeout: 'soon' is not a duration/);
    expect(() => createRunner({ databaseUrl: 'mysql://x@y/z', dir: project.dir })).toThrow(/unknown scheme 'mysql'/);
  });
});
