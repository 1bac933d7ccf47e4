import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cli, createFaultDatabase, stackLines, startCli, tempProject, until, type FaultDatabase, type Project } from './helpers.js';

/**
 * A runner killed (SIGKILL) or cut off by the server in the middle of a migration: what is left, what the
 * next run does, and how `migrate repair` brings the database back to a known state.
 */
let f: FaultDatabase;
let project: Project;
const outputs: string[] = [];

// Statement that sleeps 30 s while the switch table exists, and does nothing once it is gone, so the
// same file can be interrupted first and then completed.
const SLEEP = "SELECT pg_sleep(30) FROM pg_class WHERE relname = 'fault_sleep_switch';";

beforeAll(async () => {
  expect(existsSync(resolve(import.meta.dirname, '../../dist/src/cli/program.js')), 'run `npx tsc -p .` (npm test does) first').toBe(true);
  f = await createFaultDatabase('pgwarden_faults_kill');
});
afterAll(async () => {
  await project?.remove();
  // every run of this file, whatever it printed, kept the password to itself
  f.assertNoPassword(...outputs);
  await f.drop();
});
beforeEach(async () => {
  await project?.remove();
  project = await tempProject();
  await f.resetSchemas('drop table if exists fault_sleep_switch;');
  await f.admin.query('create table fault_sleep_switch ()');
  await f.admin.query(`alter table fault_sleep_switch owner to ${f.role}`);
});

async function migrate(...args: string[]) {
  const r = await cli(['migrate', ...args, '--database-url', f.url, '--dir', 'migrations'], project.cwd);
  outputs.push(r.stdout, r.stderr);
  return r;
}

function startUp(...args: string[]) {
  const running = startCli(['migrate', 'up', '--database-url', f.url, '--dir', 'migrations', ...args], project.cwd);
  void running.done.then((r) => outputs.push(r.stdout, r.stderr));
  return running;
}

/** The pid of the runner's backend once it runs a statement matching `like` (and is in `wait`, when given). */
function runnerRunning(like: RegExp, wait?: string) {
  return until(`the runner to run ${like}`, async () => {
    const b = (await f.runnerBackends()).find((r) => r.state === 'active' && like.test(r.query) && (wait === undefined || r.wait_event_type === wait));
    return b?.pid;
  });
}

/** The exit code, with the output in the failure message. */
function expectCode(r: { code: number; stdout: string; stderr: string }, code: number): void {
  expect(r.code, `exit ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(code);
}

async function history(): Promise<string[]> {
  return (await f.admin.query('select name from pgwarden.migrations order by name')).rows.map((r) => r.name as string);
}

async function markers() {
  return (await f.admin.query('select name, direction, statements_done, statements_total from pgwarden.migration_attempts')).rows;
}

async function indexes(table: string) {
  const { rows } = await f.admin.query(
    'select c.relname as name, i.indisvalid as valid from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = to_regclass($1) order by 1',
    [table],
  );
  return rows;
}

async function exists(relation: string): Promise<boolean> {
  return (await f.admin.query('select to_regclass($1) is not null as ok', [relation])).rows[0].ok as boolean;
}

describe('runner killed or cut off mid-migration', { timeout: 120_000 }, () => {
  it('SIGKILL during a transactional migration leaves nothing of it, frees the run lock, and the next up applies it', async () => {
    await project.write('0001_base.sql', 'CREATE TABLE base (id bigint PRIMARY KEY);\n');
    await project.write('0002_work.sql', `CREATE TABLE work_done (id bigint PRIMARY KEY);\nINSERT INTO work_done SELECT generate_series(1, 1000);\n${SLEEP}\n`);
    const run = startUp();
    await runnerRunning(/pg_sleep\(30\)/);
    run.child.kill('SIGKILL');
    expect((await run.done).signal).toBe('SIGKILL');
    // the server cancels the orphaned statement (the runner asks for client_connection_check_interval)
    await f.runnerGone();

    expect(await exists('work_done')).toBe(false);
    expect(await history()).toEqual(['0001_base']);
    expect(await markers()).toEqual([]);
    expect(await f.advisoryLocks()).toBe(0);

    await f.admin.query('drop table fault_sleep_switch');
    const next = await migrate('up');
    expectCode(next, 0);
    expect(await history()).toEqual(['0001_base', '0002_work']);
    expect((await f.admin.query('select count(*)::int as n from work_done')).rows[0].n).toBe(1000);
  });

  it('SIGKILL between two CREATE INDEX CONCURRENTLY of a no-transaction migration: up refuses, repair reports, --resume finishes', async () => {
    await project.write('0001_items.sql', 'CREATE TABLE items (id bigint PRIMARY KEY, a int, b int);\nINSERT INTO items SELECT g, g % 7, g % 11 FROM generate_series(1, 2000) g;\n');
    await project.write(
      '0002_indexes.sql',
      `-- pgwarden:no-transaction\nCREATE INDEX CONCURRENTLY items_a_idx ON items (a);\n${SLEEP}\nCREATE INDEX CONCURRENTLY items_b_idx ON items (b);\n`,
    );
    await project.write('0003_after.sql', 'CREATE TABLE after_repair (id bigint PRIMARY KEY);\n');
    const run = startUp();
    await runnerRunning(/pg_sleep\(30\)/);
    run.child.kill('SIGKILL');
    await run.done;
    await f.runnerGone();
    expect(await f.advisoryLocks()).toBe(0);

    // the marker written before the migration started says how far it got
    expect(await markers()).toEqual([{ name: '0002_indexes', direction: 'up', statements_done: 1, statements_total: 3 }]);
    expect(await indexes('items')).toEqual([
      { name: 'items_a_idx', valid: true },
      { name: 'items_pkey', valid: true },
    ]);
    expect(await history()).toEqual(['0001_items']);

    // up does not continue blindly
    const up = await migrate('up');
    expectCode(up, 1);
    expect(up.stderr.trim().split('\n')).toHaveLength(1);
    expect(up.stderr).toMatch(/^pgwarden: migration 0002_indexes \(up\) was interrupted outside a transaction after 1 of 3 statements .*`pgwarden migrate repair`/);
    expect(await exists('after_repair')).toBe(false);

    // The kill may land after a statement finished but before its progress was written: simulate that
    // window for statement 1, whose index is valid although the marker does not count it.
    await f.admin.query("update pgwarden.migration_attempts set statements_done = 0 where name = '0002_indexes'");

    const show = await migrate('repair');
    expectCode(show, 1);
    expect(show.stdout).toContain('interrupted migration: 0002_indexes (up)');
    expect(show.stdout).toContain('statements recorded done: 0 of 3');
    expect(show.stdout).toMatch(/statement 1: a valid index items_a_idx on items already exists/);
    expect(show.stdout).toContain('pgwarden migrate repair --resume');
    expect(show.stdout).toContain('pgwarden migrate repair --forget');
    expect(show.stderr.trim()).toBe('pgwarden: migration 0002_indexes is interrupted; nothing was changed: choose --resume or --forget (see above)');
    // nothing changed
    expect(await markers()).toEqual([{ name: '0002_indexes', direction: 'up', statements_done: 0, statements_total: 3 }]);

    await f.admin.query('drop table fault_sleep_switch');
    const resumed = await migrate('repair', '--resume');
    expectCode(resumed, 0);
    expect(resumed.stdout).toContain('statement 1 of 3 skipped: a valid index items_a_idx');
    expect(resumed.stdout).toContain('resumed and applied 0002_indexes');
    expect(await markers()).toEqual([]);
    expect(await history()).toEqual(['0001_items', '0002_indexes']);
    expect(await indexes('items')).toEqual([
      { name: 'items_a_idx', valid: true },
      { name: 'items_b_idx', valid: true },
      { name: 'items_pkey', valid: true },
    ]);

    const after = await migrate('up');
    expectCode(after, 0);
    expect(await history()).toEqual(['0001_items', '0002_indexes', '0003_after']);
    expect((await migrate('repair')).stdout).toContain('nothing to repair');
  });

  it('SIGKILL while CREATE INDEX CONCURRENTLY waits for an old snapshot leaves an INVALID index, which --resume drops and rebuilds', async () => {
    await project.write('0001_items.sql', 'CREATE TABLE items (id bigint PRIMARY KEY, a int, b int);\nINSERT INTO items SELECT g, g % 7, g % 11 FROM generate_series(1, 2000) g;\n');
    await project.write('0002_indexes.sql', '-- pgwarden:no-transaction\nCREATE INDEX CONCURRENTLY items_a_idx ON items (a);\nCREATE INDEX CONCURRENTLY items_b_idx ON items (b);\n');
    expectCode(await migrate('up', '--to', '0001_items'), 0);
    // a long report holds a snapshot: the index build creates its (invalid) index, then waits for it
    const report = await f.db.client();
    await report.query('begin isolation level repeatable read');
    await report.query('select count(*) from items');
    try {
      const run = startUp('--lock-timeout', '5m');
      await runnerRunning(/CREATE INDEX CONCURRENTLY items_a_idx/, 'Lock');
      await until('the invalid index to appear', async () => (await indexes('items')).some((i) => i.name === 'items_a_idx' && !i.valid));
      run.child.kill('SIGKILL');
      await run.done;
      await f.runnerGone();
    } finally {
      await report.query('commit');
    }
    expect(await f.advisoryLocks()).toBe(0);
    expect(await markers()).toEqual([{ name: '0002_indexes', direction: 'up', statements_done: 0, statements_total: 2 }]);
    expect(await indexes('items')).toEqual([
      { name: 'items_a_idx', valid: false },
      { name: 'items_pkey', valid: true },
    ]);

    const show = await migrate('repair');
    expectCode(show, 1);
    expect(show.stdout).toContain('INVALID index public.items_a_idx left by statement 1');
    expect(show.stdout).toMatch(/--resume +drop the INVALID indexes above, run statements from 1 on/);

    const resumed = await migrate('repair', '--resume');
    expectCode(resumed, 0);
    expect(await indexes('items')).toEqual([
      { name: 'items_a_idx', valid: true },
      { name: 'items_b_idx', valid: true },
      { name: 'items_pkey', valid: true },
    ]);
    expect(await markers()).toEqual([]);
    expect(await history()).toEqual(['0001_items', '0002_indexes']);
  });

  it('a connection terminated by the server mid-migration: one line, exit 3 (it held the run lock), rolled back, run lock released', async () => {
    await project.write('0001_cut.sql', `CREATE TABLE cut_short (id bigint PRIMARY KEY);\nINSERT INTO cut_short VALUES (1);\n${SLEEP}\n`);
    const run = startUp();
    const pid = await runnerRunning(/pg_sleep\(30\)/);
    await f.admin.query('select pg_terminate_backend($1)', [pid]);
    const result = await run.done;
    expect(result.code).toBe(3);
    expect(stackLines(result.stdout + result.stderr)).toEqual([]);
    const errors = result.stderr.trim().split('\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/lost the run lock while applying 0001_cut: terminating connection due to administrator command.*rolled back/);
    await f.runnerGone();
    expect(await exists('cut_short')).toBe(false);
    expect(await history()).toEqual([]);
    expect(await f.advisoryLocks()).toBe(0);
  });

  it('repair --forget clears the marker; --mark-applied records the migration; bad combinations are usage errors', async () => {
    await project.write('0001_items.sql', 'CREATE TABLE items (id bigint PRIMARY KEY, a int);\n');
    await project.write('0002_broken.sql', '-- pgwarden:no-transaction\nCREATE INDEX CONCURRENTLY items_a_idx ON items (a);\nCREATE INDEX CONCURRENTLY items_x_idx ON items (no_such_column);\n');
    // without a backup there is nothing to restore from: the failed migration stays half-applied
    expectCode(await migrate('up', '--backup', 'none'), 1);
    expect(await markers()).toEqual([{ name: '0002_broken', direction: 'up', statements_done: 1, statements_total: 2 }]);

    for (const bad of [['--resume', '--forget'], ['--mark-applied']]) {
      const r = await migrate('repair', ...bad);
      expectCode(r, 2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    // the DBA decides the second index is not needed after all
    const forgot = await migrate('repair', '--forget', '--mark-applied');
    expectCode(forgot, 0);
    expect(forgot.stdout).toContain('0002_broken: cleared the interrupted marker and recorded it as applied');
    expect(await markers()).toEqual([]);
    expect(await history()).toEqual(['0001_items', '0002_broken']);
    const checksum = (await f.admin.query("select checksum from pgwarden.migrations where name = '0002_broken'")).rows[0].checksum as string;
    expect(checksum).toMatch(/^[0-9a-f]{64}$/);

    await project.write('0003_broken_too.sql', '-- pgwarden:no-transaction\nCREATE INDEX CONCURRENTLY items_y_idx ON items (no_such_column);\n');
    expectCode(await migrate('up', '--backup', 'none'), 1);
    expectCode(await migrate('repair', '--forget'), 0);
    expect(await markers()).toEqual([]);
    expect(await history()).toEqual(['0001_items', '0002_broken']);
  });
});
