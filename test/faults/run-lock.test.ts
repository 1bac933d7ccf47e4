import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cli, createFaultDatabase, stackLines, startCli, tempProject, until, type FaultDatabase, type Project } from './helpers.js';

/**
 * The run lock is provably held while migrations change the database: it lives on the connection that
 * applies them, and is checked before each migration and before each commit. Losing it stops the run
 * (exit 3, rolled back); a runner that waited for it says who did the work meanwhile.
 */
let f: FaultDatabase;
let project: Project;

beforeAll(async () => {
  f = await createFaultDatabase('pgwarden_faults_lock');
});
afterAll(async () => {
  await project?.remove();
  await f.drop();
});
beforeEach(async () => {
  await project?.remove();
  project = await tempProject();
  await f.resetSchemas('drop table if exists lock_switch;');
  await f.admin.query('create table lock_switch ()');
  await f.admin.query(`alter table lock_switch owner to ${f.role}`);
});

const argv = (...more: string[]) => ['migrate', ...more, '--database-url', f.url, '--dir', 'migrations'];

async function history(): Promise<string[]> {
  return (await f.admin.query('select name from pgwarden.migrations order by name')).rows.map((r) => r.name as string);
}

async function lockHolder(): Promise<number | undefined> {
  const { rows } = await f.admin.query(
    "select pid from pg_locks where locktype = 'advisory' and granted and objid = $1 and database = (select oid from pg_database where datname = current_database())",
    [0x70677764],
  );
  return rows[0]?.pid as number | undefined;
}

describe('the run lock', { timeout: 120_000 }, () => {
  it('pg_terminate_backend on the lock holder stops the run mid-migration: exit 3, one line, rolled back, nothing half-done', async () => {
    await project.write('0001_slow.sql', "CREATE TABLE slow_one (id int);\nSELECT pg_sleep(30) FROM pg_class WHERE relname = 'lock_switch';\n");
    await project.write('0002_next.sql', 'CREATE TABLE next_one (id int);\n');
    const run = startCli(argv('up'), project.cwd);
    await until('the runner to sleep in 0001', async () => (await f.runnerBackends()).some((b) => b.state === 'active' && /pg_sleep\(30\)/.test(b.query)));
    const holder = await lockHolder();
    expect(holder).toBeDefined();
    await f.admin.query('select pg_terminate_backend($1)', [holder]);
    const result = await run.done;
    expect(result.code, result.stdout + result.stderr).toBe(3);
    expect(stackLines(result.stderr)).toEqual([]);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^pgwarden: lost the run lock while applying 0001_slow: terminating connection due to administrator command.*rolled back, nothing of it was kept/);
    await f.runnerGone();
    // the terminated session took its migration's transaction with it: nothing ran on without the lock
    expect(await history()).toEqual([]);
    expect((await f.admin.query("select to_regclass('public.slow_one') is null as gone")).rows[0].gone).toBe(true);
    await f.admin.query('drop table lock_switch');
    const again = await cli(argv('up'), project.cwd);
    expect(again.code, again.stderr).toBe(0);
    expect(await history()).toEqual(['0001_slow', '0002_next']);
  });

  it('a migration that releases the run lock is rolled back before its commit (exit 3)', async () => {
    await project.write('0001_unlock.sql', 'CREATE TABLE unlocked (id int);\nSELECT pg_advisory_unlock_all();\n');
    const result = await cli(argv('up'), project.cwd);
    expect(result.code, result.stdout + result.stderr).toBe(3);
    expect(result.stderr).toMatch(/lost the run lock while applying 0001_unlock: the session no longer holds it \(rolled back, nothing of it was kept\)/);
    expect(await history()).toEqual([]);
    expect((await f.admin.query("select to_regclass('public.unlocked') is null as gone")).rows[0].gone).toBe(true);
  });

  it('a runner that waited for the lock says another runner applied the migrations meanwhile', async () => {
    await f.admin.query('drop table lock_switch');
    // the first runner's migration waits for the test's advisory lock, so the second surely finds the run lock taken
    // however slowly it starts (a fixed sleep was not enough on a loaded machine)
    await f.admin.query('select pg_advisory_lock(4242)');
    await project.write('0001_slowish.sql', 'CREATE TABLE slowish (id int);\nSELECT pg_advisory_xact_lock_shared(4242);\n');
    const first = startCli(argv('up'), project.cwd);
    await until('the first runner to wait in 0001', async () => (await f.runnerBackends()).some((b) => b.wait_event_type === 'Lock' && /pg_advisory_xact_lock_shared/.test(b.query)));
    const secondRun = startCli(argv('up'), project.cwd);
    await until('the second runner to poll for the run lock', async () => (await f.runnerBackends()).some((b) => /pg_try_advisory_lock/.test(b.query)));
    await f.admin.query('select pg_advisory_unlock(4242)');
    const second = await secondRun.done;
    const one = await first.done;
    expect(one.code, one.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('no pending migrations: another runner applied 0001_slowish while this one waited for the run lock');
  });
});
