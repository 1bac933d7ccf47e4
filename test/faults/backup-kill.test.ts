import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, createFaultDatabase, stackLines, startCli, tempProject, until, type FaultDatabase, type Project } from './helpers.js';

/**
 * SIGKILL while the safety net takes its backup: pg_dump writes through the runner, so it dies with it
 * (instead of finishing a dump on its own); the dump it leaves has no manifest, `backups list` shows it
 * as incomplete and the next `--keep` prunes it.
 */
let f: FaultDatabase;
let project: Project;

beforeAll(async () => {
  f = await createFaultDatabase('pgwarden_faults_backup');
  project = await tempProject();
});
afterAll(async () => {
  await project?.remove();
  await f.drop();
});

/** OS pids of pg_dump processes working on this test's database. */
async function pgDumps(): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // a zombie has exited already; its parent (init) reaps it
    if (cmdline.split('\0')[0]?.endsWith('pg_dump') && cmdline.includes(f.db.name) && !/\) Z /.test(stat)) pids.push(Number(entry));
  }
  return pids;
}

describe('the backup and the restore of a run, cut short', { timeout: 180_000 }, () => {
  it('leaves no pg_dump running, and the partial dump is listed as incomplete and pruned by --keep', async () => {
    await f.admin.query(`create table big (id int primary key); insert into big select generate_series(1, 1000); alter table big owner to ${f.role}`);
    await f.admin.query(`create table bystander (id int); alter table bystander owner to ${f.role}`);
    await project.write('0001_touch.sql', '-- pgwarden:allow-data-loss big\nDELETE FROM big WHERE id = 1;\n');
    // a full backup locks every table, the runner's own checks only the tables at risk: pg_dump waits
    // for this lock, so the kill lands while it is running
    const holder = await f.db.client();
    await holder.query('begin; lock table bystander in access exclusive mode');
    const run = startCli(['migrate', 'up', '--backup', 'full', '--database-url', f.url, '--dir', 'migrations'], project.cwd);
    await until('pg_dump to wait for the lock', async () => {
      const { rows } = await f.admin.query("select 1 from pg_stat_activity where application_name = 'pg_dump' and wait_event_type = 'Lock' and datname = current_database()");
      return rows.length > 0;
    });
    const dumps = await pgDumps();
    expect(dumps.length).toBe(1);
    run.child.kill('SIGKILL');
    await run.done;
    await holder.query('commit');
    // pg_dump's first write after the lock goes into a pipe nobody reads: it stops there
    await until('pg_dump to stop', async () => (await pgDumps()).length === 0);
    await until('pg_dump to leave the server', async () => {
      const { rows } = await f.admin.query("select 1 from pg_stat_activity where application_name = 'pg_dump' and datname = current_database()");
      return rows.length === 0;
    });
    const backupDir = join(project.cwd, '.pgwarden', 'backups');
    const partial = (await readdir(backupDir)).filter((n) => n.endsWith('.dump'));
    expect(partial).toHaveLength(1);
    const restoreList = spawnSync('pg_restore', ['--list', join(backupDir, partial[0])]);
    expect(restoreList.status, 'the dump was finished after all').not.toBe(0);
    expect((await f.admin.query('select count(*)::int as n from big')).rows[0].n).toBe(1000);

    const id = partial[0].replace(/\.dump$/, '');
    const list = await cli(['backups', 'list'], project.cwd);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`^incomplete  ${id}  .*\\(no manifest: the run taking it was killed; not restorable, pruned by the next --keep\\)$`, 'm'));
    const json = JSON.parse((await cli(['backups', 'list', '--format', 'json'], project.cwd)).stdout);
    expect(json.incomplete.map((p: { id: string }) => p.id)).toEqual([id]);

    const status = await cli(['migrate', 'status', '--database-url', f.url, '--dir', 'migrations'], project.cwd);
    expect(status.stdout).toMatch(/unfinished run \d+ \(up, .*\): state backing_up/);
    const up = await cli(['migrate', 'up', '--backup', 'full', '--keep', '1', '--database-url', f.url, '--dir', 'migrations'], project.cwd);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stdout).toContain(`${id} (incomplete)`);
    const left = await readdir(backupDir);
    expect(left.filter((n) => n.startsWith(id))).toEqual([]);
    expect(left.filter((n) => n.endsWith('.json'))).toHaveLength(1);
    expect((await f.admin.query('select count(*)::int as n from big')).rows[0].n).toBe(999);
  });

  it('a server cut off during the restore: the runner names the command that finishes it, and the next up points at it too', async () => {
    await f.resetSchemas();
    await project.remove();
    project = await tempProject();
    const migrate = (...args: string[]) => cli(['migrate', ...args, '--database-url', f.url, '--dir', 'migrations'], project.cwd);
    await project.write('0001_items.sql', 'CREATE TABLE items (id int PRIMARY KEY, a int);\nINSERT INTO items SELECT g, g FROM generate_series(1, 10) g;\n');
    expect((await migrate('up')).code).toBe(0);
    await project.write('0002_broken.sql', '-- pgwarden:no-transaction\nCREATE INDEX CONCURRENTLY items_a_idx ON items (a);\nCREATE INDEX CONCURRENTLY items_x_idx ON items (no_such_column);\n');
    const run = startCli(['migrate', 'up', '--database-url', f.url, '--dir', 'migrations'], project.cwd, { PGWARDEN_PAUSE_AT: 'restoring:0002_broken' });
    let stderr = '';
    run.child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    await until('the runner to start restoring', async () => stderr.includes('pgwarden: paused at restoring 0002_broken'));
    // as a server restart does: every session dropped, no new one accepted for a while
    await f.admin.query(`alter role ${f.role} nologin`);
    try {
      await f.admin.query('select pg_terminate_backend(pid) from pg_stat_activity where usename = $1 and datname = current_database()', [f.role]);
      run.child.kill('SIGUSR2');
      const result = await run.done;
      expect(result.code, result.stderr).toBe(1);
      expect(stackLines(result.stderr)).toEqual([]);
      expect(result.stderr).toMatch(/error: the restore after 0002_broken did not finish \(.*\): finish it by hand with `pgwarden backups restore (\S+) --yes` \(it rewinds the history too\)/);
    } finally {
      await f.admin.query(`alter role ${f.role} login`);
    }
    const up = await migrate('up');
    expect(up.code).toBe(1);
    const backup = /Way out: `pgwarden backups restore (\S+) --yes`/.exec(up.stderr)?.[1];
    expect(backup, up.stderr).toBeDefined();
    expect(stderr).toContain(`pgwarden backups restore ${backup} --yes`);
    const restored = await cli(['backups', 'restore', backup!, '--yes', '--database-url', f.url], project.cwd);
    expect(restored.code, restored.stderr).toBe(0);
    expect((await f.admin.query("select to_regclass('public.items_a_idx') is null as gone")).rows[0].gone).toBe(true);
    expect((await migrate('validate')).code).toBe(0);
  });
});
