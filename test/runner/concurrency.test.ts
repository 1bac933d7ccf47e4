import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createRunner } from '../../src/runner/runner.js';
import type { MigrationHooks, RunLogger } from '../../src/runner/hooks.js';
import { tempProject, type Project } from './helpers.js';

let db: TestDatabase;
let admin: pg.Client;
const projects: Project[] = [];

beforeAll(async () => {
  db = await createTestDatabase('pgwarden_runner_conc');
  admin = await db.client();
});
afterAll(async () => {
  for (const p of projects) await p.remove();
  await db.drop();
});

async function freshSchema(): Promise<Project> {
  await admin.query('drop schema if exists pgwarden cascade; drop schema public cascade; create schema public');
  const p = await tempProject();
  projects.push(p);
  return p;
}

interface Logged {
  level: string;
  event: string;
  fields: Record<string, unknown>;
}

function memoryLogger(): RunLogger & { events: Logged[] } {
  const events: Logged[] = [];
  const at = (level: string) => (event: string, fields: Record<string, unknown> = {}) => void events.push({ level, event, fields });
  return { events, info: at('info'), warn: at('warn'), error: at('error') };
}

describe('runner concurrency', () => {
  it('applies each migration exactly once when two runners start at the same moment', async () => {
    const p = await freshSchema();
    await p.write('0001_log.sql', 'CREATE TABLE run_log (migration text NOT NULL);\nINSERT INTO run_log VALUES (\'0001\');\n');
    await p.write('0002_more.sql', "INSERT INTO run_log VALUES ('0002');\nSELECT pg_sleep(0.2);\n");
    await p.write('0003_index.sql', "CREATE INDEX CONCURRENTLY run_log_idx ON run_log (migration);\n");
    await p.write('0004_last.sql', "INSERT INTO run_log VALUES ('0004');\n");
    const runner = () => createRunner({ databaseUrl: db.url, dir: p.dir });
    const results = await Promise.all([runner().up(), runner().up()]);
    const applied = results.flatMap((r) => r.migrations.map((m) => m.name)).sort();
    expect(applied).toEqual(['0001_log', '0002_more', '0003_index', '0004_last']);
    const log = await admin.query('select migration, count(*)::int as n from run_log group by 1 order by 1');
    expect(log.rows).toEqual([
      { migration: '0001', n: 1 },
      { migration: '0002', n: 1 },
      { migration: '0004', n: 1 },
    ]);
    const history = await admin.query('select count(*)::int as n from pgwarden.migrations');
    expect(history.rows[0].n).toBe(4);
    // the run lock is free again
    const free = await admin.query('select pg_try_advisory_lock($1) as ok', [0x70677764]);
    expect(free.rows[0].ok).toBe(true);
    await admin.query('select pg_advisory_unlock_all()');
  });

  it('retries a migration blocked by another session, without stalling readers for longer than the lock timeout', async () => {
    const p = await freshSchema();
    await admin.query('create table items (id int primary key, name text); insert into items select g, g::text from generate_series(1, 1000) g');
    await p.write('0001_add_note.sql', 'ALTER TABLE items ADD COLUMN note text;\n');

    // a long transaction that read the table holds ACCESS SHARE until it ends
    const blocker = await db.client();
    await blocker.query("set application_name = 'long-report'");
    const blockerPid = (await blocker.query('select pg_backend_pid() as pid')).rows[0].pid as number;
    await blocker.query('begin');
    await blocker.query('select count(*) from items');
    const blockerStart = Date.now();

    const log = memoryLogger();
    const run = createRunner({ databaseUrl: db.url, dir: p.dir, logger: log, lockTimeout: '200ms', retryBaseDelay: '100ms', lockRetries: 50 }).up();

    // application traffic: a reader that queues behind the ALTER's lock request while it waits
    const reader = await db.client();
    let worstReadMs = 0;
    let reads = 0;
    const lockTimeouts = () => log.events.filter((e) => e.event === 'lock_timeout').length;
    while (lockTimeouts() < 4) {
      const t = Date.now();
      await reader.query('select count(*) from items');
      worstReadMs = Math.max(worstReadMs, Date.now() - t);
      reads++;
    }
    await blocker.query('commit');
    const blockerMs = Date.now() - blockerStart;

    const result = await run;
    expect(result.migrations).toHaveLength(1);
    expect(result.migrations[0].attempts).toBeGreaterThan(4);
    const columns = await admin.query("select column_name from information_schema.columns where table_name = 'items' order by ordinal_position");
    expect(columns.rows.map((r) => r.column_name)).toEqual(['id', 'name', 'note']);

    // the reader waited at most about one lock timeout at a time, never for the blocker's whole transaction
    expect(reads).toBeGreaterThan(1);
    expect(worstReadMs).toBeLessThan(blockerMs / 2);

    const timeout = log.events.find((e) => e.event === 'lock_timeout')!;
    expect(timeout.level).toBe('warn');
    expect(timeout.fields.migration).toBe('0001_add_note');
    expect(String(timeout.fields.message)).toMatch(/gave up waiting for a lock after 200 ms/);
    const blockers = log.events.filter((e) => e.event === 'lock_timeout').flatMap((e) => e.fields.blockers as Array<{ pid: number; applicationName: string }>);
    expect(blockers).toContainEqual(expect.objectContaining({ pid: blockerPid, applicationName: 'long-report' }));
  });

  it('retries a CREATE INDEX CONCURRENTLY that timed out waiting for an old snapshot, dropping the invalid index it left', async () => {
    const p = await freshSchema();
    await admin.query('create table items (id int primary key, name text); insert into items select g, g::text from generate_series(1, 100) g');
    await p.write('0001_index.sql', 'CREATE INDEX CONCURRENTLY items_name_idx ON items (name);\n');
    // an open snapshot elsewhere: CREATE INDEX CONCURRENTLY waits for it after creating its (invalid) index
    const blocker = await db.client();
    await blocker.query('begin isolation level repeatable read');
    await blocker.query('select 1');
    const log = memoryLogger();
    const run = createRunner({ databaseUrl: db.url, dir: p.dir, logger: log, lockTimeout: '100ms', retryBaseDelay: '50ms', lockRetries: 50 }).up();
    while (log.events.filter((e) => e.event === 'lock_timeout').length < 2) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await blocker.query('commit');
    const result = await run;
    expect(result.migrations[0].attempts).toBeGreaterThan(2);
    const indexes = await admin.query("select c.relname, i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = 'items'::regclass order by 1");
    expect(indexes.rows).toEqual([
      { relname: 'items_name_idx', indisvalid: true },
      { relname: 'items_pkey', indisvalid: true },
    ]);
  });

  it('gives up after the configured retries, leaving nothing applied', async () => {
    const p = await freshSchema();
    await admin.query('create table items (id int primary key)');
    await p.write('0001_add_note.sql', 'ALTER TABLE items ADD COLUMN note text;\n');
    const blocker = await db.client();
    await blocker.query('begin; select * from items');
    const log = memoryLogger();
    try {
      await expect(createRunner({ databaseUrl: db.url, dir: p.dir, logger: log, lockTimeout: '50ms', retryBaseDelay: '10ms', lockRetries: 2 }).up()).rejects.toThrow(
        /migration 0001_add_note failed: canceling statement due to lock timeout \[55P03\]/,
      );
    } finally {
      await blocker.query('rollback');
    }
    expect(log.events.filter((e) => e.event === 'lock_timeout')).toHaveLength(2);
    expect(log.events.some((e) => e.event === 'retries_exhausted')).toBe(true);
    const history = await admin.query('select count(*)::int as n from pgwarden.migrations');
    expect(history.rows[0].n).toBe(0);
  });

  it('runs with an application pool and calls every hook at its moment (afterMigration inside the transaction)', async () => {
    const p = await freshSchema();
    await p.write('0001_t.sql', 'CREATE TABLE t (id int);\nINSERT INTO t VALUES (1), (2);\n');
    await p.write('0002_purge.sql', '-- pgwarden:allow-data-loss t\nDELETE FROM t WHERE id = 2;\n');
    await p.write('0003_veto.sql', 'INSERT INTO t VALUES (3);\n');
    const calls: string[] = [];
    const hooks: MigrationHooks = {
      async beforeRun(run) {
        calls.push(`beforeRun ${run.migrations.map((m) => `${m.name}:${m.tablesAtRisk.join(',')}:${m.allowDataLoss.join(',')}`).join(' ')}`);
      },
      async beforeMigration({ migration, client }) {
        const iso = (await client.query('show transaction_isolation')).rows[0].transaction_isolation as string;
        calls.push(`before ${migration.name} ${iso}`);
      },
      async afterMigration({ migration, client }) {
        const n = (await client.query('select count(*)::int as n from t')).rows[0].n as number;
        calls.push(`after ${migration.name} rows=${n}`);
        if (migration.name === '0003_veto') throw new Error('verification failed: vetoed');
      },
      async onFailure({ migration, error }) {
        calls.push(`failure ${migration.name} ${(error as Error).message}`);
      },
      async afterRun(run) {
        calls.push(`afterRun ok=${run.ok}`);
      },
    };
    const pool = new pg.Pool({ connectionString: db.url, max: 3 });
    try {
      await expect(createRunner({ pool, dir: p.dir, hooks: [hooks] }).up()).rejects.toThrow(/0003_veto failed: verification failed: vetoed .*at verification, before commit/);
    } finally {
      await pool.end();
    }
    expect(calls).toEqual([
      'beforeRun 0001_t:: 0002_purge:public.t:public.t 0003_veto::',
      'before 0001_t repeatable read',
      'after 0001_t rows=2',
      'before 0002_purge repeatable read',
      'after 0002_purge rows=1',
      'before 0003_veto repeatable read',
      'after 0003_veto rows=2',
      'failure 0003_veto verification failed: vetoed',
      'afterRun ok=false',
    ]);
    // the vetoed migration was rolled back with its history row
    const rows = await admin.query('select id from t order by id');
    expect(rows.rows).toEqual([{ id: 1 }]);
    const history = await admin.query('select name from pgwarden.migrations order by name');
    expect(history.rows.map((r) => r.name)).toEqual(['0001_t', '0002_purge']);
  });

  it('retries a migration that hit a row another session changed after its snapshot, saying so', async () => {
    const p = await freshSchema();
    await admin.query('create table counters (id int primary key, n int not null); insert into counters select g, 0 from generate_series(1, 10) g');
    await p.write('0001_reset.sql', 'UPDATE counters SET n = 0 WHERE id <= 5;\n');
    // the application has changed row 1 and not committed yet: the migration's UPDATE waits for its row lock
    const app = await db.client();
    await app.query('begin');
    await app.query('update counters set n = n + 1 where id = 1');
    const log = memoryLogger();
    const run = createRunner({ databaseUrl: db.url, dir: p.dir, logger: log, lockTimeout: '10s', retryBaseDelay: '50ms', lockRetries: 5 }).up();
    const waiting = async () => (await admin.query("select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like 'UPDATE counters%'")).rows.length > 0;
    for (let i = 0; i < 200 && !(await waiting()); i++) await new Promise((r) => setTimeout(r, 25));
    expect(await waiting()).toBe(true);
    // its commit lands after the migration's snapshot: at REPEATABLE READ the UPDATE fails with 40001
    await app.query('commit');
    await app.end();
    const result = await run;
    expect(result.migrations.map((m) => m.name)).toEqual(['0001_reset']);
    const retry = log.events.find((e) => e.event === 'lock_timeout');
    expect(retry?.fields.code).toBe('40001');
    expect(retry?.fields.message).toMatch(/0001_reset: hit could not serialize access due to concurrent update \(.*\), attempt 1 of 6; another session changed a row it changes after its snapshot was taken; retrying in/);
    expect((await admin.query('select sum(n)::int as n from counters')).rows[0].n).toBe(0);
  });

  it('falls back to read committed after repeated serialization failures on a row the application keeps changing', async () => {
    const p = await freshSchema();
    await admin.query('create table hot (id int primary key, n int not null); insert into hot select g, 0 from generate_series(1, 10) g');
    await p.write('0001_bump.sql', 'UPDATE hot SET n = n + 100 WHERE id <= 5;\n');
    const waiting = async () => (await admin.query("select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like 'UPDATE hot%'")).rows.length > 0;
    // the application changes row 1 again and again, each time holding it until the migration waits for it
    const app = await db.client();
    let stop = false;
    let changes = 0;
    const application = (async () => {
      while (!stop) {
        await app.query('begin');
        await app.query('update hot set n = n + 1 where id = 1');
        for (let i = 0; i < 400 && !stop && !(await waiting()); i++) await new Promise((r) => setTimeout(r, 5));
        await app.query('commit');
        changes++;
      }
    })();
    const log = memoryLogger();
    const result = await createRunner({ databaseUrl: db.url, dir: p.dir, logger: log, lockTimeout: '10s', retryBaseDelay: '20ms', lockRetries: 10 })
      .up()
      .finally(() => (stop = true));
    await application;
    await app.end();
    expect(result.migrations.map((m) => [m.name, m.attempts])).toEqual([['0001_bump', 4]]);
    const fallback = log.events.find((e) => e.event === 'isolation.fallback');
    expect(fallback?.fields.message).toMatch(/^0001_bump: 3 serialization failures at repeatable read .*: the next attempts run at read committed/);
    expect(log.events.filter((e) => e.event === 'lock_timeout').map((e) => e.fields.code)).toEqual(['40001', '40001', '40001']);
    // the migration's +100 and every change of the application: nothing lost either way
    expect((await admin.query('select n from hot where id = 1')).rows[0].n).toBe(100 + changes);
  });
});
