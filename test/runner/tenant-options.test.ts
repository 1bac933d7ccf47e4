import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createRunner } from '../../src/runner/runner.js';
import { RunLockTimeoutError, RUN_LOCK_KEY, runLockKeyFor } from '../../src/runner/advisory-lock.js';
import { RunnerUsageError } from '../../src/runner/errors.js';
import { tempProject, type Project } from './helpers.js';

// RunnerOptions.searchPath and historySchema: tenants that share a database (a schema each) migrate with
// their own history and run lock, in parallel. Without them the runner behaves as before (other tests).
let db: TestDatabase;
let admin: pg.Client;
let project: Project;

beforeAll(async () => {
  db = await createTestDatabase('pgwarden_runner_tenant');
  admin = await db.client();
  await admin.query('create schema tenant_a; create schema tenant_b; create schema "Tenant C"');
  project = await tempProject();
  await project.write('0001_orders.sql', 'CREATE TABLE orders (id bigint PRIMARY KEY, note text);\nINSERT INTO orders VALUES (1, current_schema());\n');
  await project.write('0002_reset.sql', "RESET search_path;\nINSERT INTO orders VALUES (2, current_setting('search_path'));\n");
});
afterAll(async () => {
  await project.remove();
  await db.drop();
});

const tenant = (schema: string, extra: { waitForLock?: string } = {}) =>
  createRunner({ databaseUrl: db.url, dir: project.dir, searchPath: [schema, 'public'], historySchema: `pgwarden_${schema}`, ...extra });

async function historyOf(schema: string): Promise<string[]> {
  const { rows } = await admin.query<{ name: string }>(`select name from ${schema}.migrations order by name`);
  return rows.map((r) => r.name);
}

describe('runner: searchPath and historySchema', () => {
  it('applies the same migrations to two schemas in parallel, each with its own history, under its own search_path', async () => {
    const [a, b, c] = await Promise.all([tenant('tenant_a').up(), tenant('tenant_b').up(), tenant('Tenant C').up()]);
    for (const r of [a, b, c]) expect(r.migrations.map((m) => m.name)).toEqual(['0001_orders', '0002_reset']);
    expect(await historyOf('pgwarden_tenant_a')).toEqual(['0001_orders', '0002_reset']);
    expect(await historyOf('"pgwarden_Tenant C"')).toEqual(['0001_orders', '0002_reset']);
    const rows = await admin.query('select id, note from tenant_b.orders order by id');
    // RESET search_path returns to the connection's path, not to public
    expect(rows.rows).toEqual([
      { id: '1', note: 'tenant_b' },
      { id: '2', note: '"tenant_b","public"' },
    ]);
    expect((await admin.query("select to_regclass('public.orders') as t, to_regclass('pgwarden.migrations') as h")).rows[0]).toEqual({ t: null, h: null });
    const status = await tenant('tenant_a').status();
    expect(status.map((s) => [s.name, s.state])).toEqual([
      ['0001_orders', 'applied'],
      ['0002_reset', 'applied'],
    ]);
    expect((await tenant('tenant_a').up()).migrations).toEqual([]);
  });

  it('takes a run lock per history: a tenant whose lock is held waits, the others and the default history do not', async () => {
    await admin.query('create schema if not exists tenant_d');
    const holder = await db.client();
    await holder.query('select pg_advisory_lock($1)', [runLockKeyFor('pgwarden_tenant_d')]);
    try {
      await expect(tenant('tenant_d', { waitForLock: '300ms' }).up()).rejects.toBeInstanceOf(RunLockTimeoutError);
      expect((await tenant('tenant_b', { waitForLock: '0ms' }).up()).migrations).toEqual([]);
      await holder.query('select pg_advisory_unlock_all()');
      await holder.query('select pg_advisory_lock($1)', [RUN_LOCK_KEY]);
      expect((await tenant('tenant_d', { waitForLock: '0ms' }).up()).migrations.length).toBe(2);
      // the default history keeps the key every earlier version takes
      expect(runLockKeyFor('pgwarden')).toBe(RUN_LOCK_KEY);
      await expect(createRunner({ databaseUrl: db.url, dir: project.dir, waitForLock: '300ms' }).status()).resolves.toBeDefined();
      await expect(createRunner({ databaseUrl: db.url, dir: project.dir, waitForLock: '300ms' }).up()).rejects.toBeInstanceOf(RunLockTimeoutError);
    } finally {
      await holder.query('select pg_advisory_unlock_all()');
    }
  });

  it('refuses a malformed history schema or search path in one line', () => {
    expect(() => createRunner({ databaseUrl: db.url, dir: project.dir, historySchema: '' })).toThrow(RunnerUsageError);
    expect(() => createRunner({ databaseUrl: db.url, dir: project.dir, searchPath: [] })).toThrow(/search path: expected a list of schema names/);
  });
});
