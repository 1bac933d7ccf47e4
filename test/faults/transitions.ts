import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cli, createFaultDatabase, stackLines, startCli, tempProject, until, type FaultDatabase, type Project } from './helpers.js';

/**
 * Kill at every transition of the run's state machine: PGWARDEN_PAUSE_AT makes the runner stop right
 * after it journaled a state; the test SIGKILLs the real CLI process there, then checks what `status`
 * shows and that the documented way out (docs/faults.md) brings the database back to a known state.
 */
export type KillCase = {
  /** PGWARDEN_PAUSE_AT value: state[:migration]. */
  at: string;
  /** The state status reports for the unfinished run. */
  state: string;
  /** The kill happens while restoring a failed no-transaction migration from its backup. */
  restore?: boolean;
  /** The history after the way out. */
  after: string[];
};

export const KILL_CASES: KillCase[] = [
  { at: 'locked', state: 'locked', after: ['0001_items', '0002_more'] },
  { at: 'backing_up', state: 'backing_up', after: ['0001_items', '0002_more'] },
  { at: 'applying:0001_items', state: 'applying', after: ['0001_items', '0002_more'] },
  { at: 'verifying:0001_items', state: 'verifying', after: ['0001_items', '0002_more'] },
  { at: 'committing:0001_items', state: 'committing', after: ['0001_items', '0002_more'] },
  { at: 'committed:0001_items', state: 'committed', after: ['0001_items', '0002_more'] },
  { at: 'restoring:0003_broken', state: 'restoring', restore: true, after: ['0001_items', '0002_more'] },
  { at: 'restored:0003_broken', state: 'restored', restore: true, after: ['0001_items', '0002_more'] },
];

/** `withRestoreFailed`: also the state a failed restore leaves (no kill needed to reach it). */
export function killSuite(cases: KillCase[], withRestoreFailed = false): void {
  let f: FaultDatabase;
  let project: Project;
  const outputs: string[] = [];

  beforeAll(async () => {
    f = await createFaultDatabase('pgwarden_faults_states');
  });
  afterAll(async () => {
    await project?.remove();
    f.assertNoPassword(...outputs);
    await f.drop();
  });
  beforeEach(async () => {
    await project?.remove();
    project = await tempProject();
    await f.resetSchemas();
  });

  async function migrate(...args: string[]) {
    const r = await cli(['migrate', ...args, '--database-url', f.url, '--dir', 'migrations'], project.cwd);
    outputs.push(r.stdout, r.stderr);
    expect(stackLines(r.stdout + r.stderr)).toEqual([]);
    return r;
  }

  async function history(): Promise<string[]> {
    return (await f.admin.query('select name from pgwarden.migrations order by name')).rows.map((r) => r.name as string);
  }

  async function killAt(at: string): Promise<void> {
    const run = startCli(['migrate', 'up', '--database-url', f.url, '--dir', 'migrations'], project.cwd, { PGWARDEN_PAUSE_AT: at });
    let stderr = '';
    run.child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    await until(`the runner to pause at ${at}`, async () => stderr.includes(`pgwarden: paused at ${at.replace(':', ' ')}`));
    run.child.kill('SIGKILL');
    const result = await run.done;
    outputs.push(result.stdout, result.stderr);
    expect(result.signal).toBe('SIGKILL');
    await f.runnerGone();
  }

  if (withRestoreFailed) {
    it('a restore that fails (an earlier migration of the run changed the table) leaves restore_failed: up refuses, the backup restore resolves it', { timeout: 180_000 }, async () => {
      await project.write('0001_items.sql', 'CREATE TABLE items (id int PRIMARY KEY, a int);\nINSERT INTO items SELECT g, g FROM generate_series(1, 10) g;\n');
      expect((await migrate('up')).code).toBe(0);
      await project.write('0002_bump.sql', 'UPDATE items SET a = a + 100 WHERE id = 1;\n');
      await project.write('0003_broken.sql', '-- pgwarden:no-transaction\nUPDATE items SET a = 0 WHERE id = 2;\nCREATE INDEX CONCURRENTLY items_x_idx ON items (no_such_column);\n');
      const failed = await migrate('up');
      expect(failed.code).toBe(1);
      const status = await migrate('status');
      expect(status.stdout).toMatch(/^unfinished run \d+ \(up, .*\): state restore_failed \(0003_broken\): the restore after 0003_broken failed.*way out: `pgwarden backups restore (\S+) --yes`/m);
      const backup = /way out: `pgwarden backups restore (\S+) --yes`/.exec(status.stdout)![1];
      const up = await migrate('up');
      expect(up.code).toBe(1);
      expect(up.stderr).toContain(`Way out: \`pgwarden backups restore ${backup} --yes\``);
      const restored = await cli(['backups', 'restore', backup, '--yes', '--database-url', f.url], project.cwd);
      outputs.push(restored.stdout, restored.stderr);
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stdout).toContain(`un-applied 0002_bump`);
      expect(await history()).toEqual(['0001_items']);
      expect((await f.admin.query('select a from items where id in (1, 2) order by id')).rows.map((r) => r.a)).toEqual([1, 2]);
      expect((await migrate('validate')).code).toBe(0);
    });
  }

  describe('SIGKILL at each transition of the run', { timeout: 180_000 }, () => {
    it.each(cases)('killed at $at: status shows it, the documented way out resolves it', async (c) => {
      await project.write('0001_items.sql', 'CREATE TABLE items (id int PRIMARY KEY, a int);\nINSERT INTO items SELECT g, g FROM generate_series(1, 10) g;\n');
      await project.write('0002_more.sql', 'INSERT INTO items VALUES (11, 11);\n');
      if (c.restore) {
        expect((await migrate('up')).code).toBe(0);
        await project.write('0003_broken.sql', '-- pgwarden:no-transaction\nCREATE INDEX CONCURRENTLY items_a_idx ON items (a);\nCREATE INDEX CONCURRENTLY items_x_idx ON items (no_such_column);\n');
      }
      await killAt(c.at);

      const status = await migrate('status');
      expect(status.code).toBe(0);
      expect(status.stdout).toMatch(new RegExp(`^unfinished run \\d+ \\(up, started .*\\): state ${c.state}\\b.*way out: `, 'm'));
      const check = await migrate('status', '--check');
      expect(check.code).toBe(1);
      expect(check.stderr).toContain('unfinished-run');

      if (c.state === 'restoring') {
        // up, down and repair --resume refuse: the way out is the backup's restore, then --forget
        const up = await migrate('up');
        expect(up.code).toBe(1);
        expect(up.stderr).toMatch(/died while restoring the database after 0003_broken failed outside a transaction.*Way out: `pgwarden backups restore (\S+) --yes`/);
        const backup = /pgwarden backups restore (\S+) --yes`/.exec(up.stderr)![1];
        expect((await readdir(join(project.cwd, '.pgwarden', 'backups'))).some((n) => n.startsWith(backup))).toBe(true);
        const report = await migrate('repair');
        expect(report.code).toBe(1);
        expect(report.stdout).toContain(`way out: \`pgwarden backups restore ${backup} --yes\``);
        expect((await migrate('repair', '--resume')).stderr).toContain('cannot resume 0003_broken: run');
        // the way out: the backup's restore puts back the schema, rows and history, clears the marker and closes the run
        const restored = await cli(['backups', 'restore', backup, '--yes', '--database-url', f.url], project.cwd);
        outputs.push(restored.stdout, restored.stderr);
        expect(restored.code, restored.stderr).toBe(0);
        expect(restored.stdout).toContain('cleared the interrupted marker of 0003_broken');
        expect(restored.stdout).toMatch(/closed unfinished run \d+, which took this backup/);
        expect((await f.admin.query("select to_regclass('public.items_a_idx') is null as gone")).rows[0].gone).toBe(true);
      } else {
        // restored: the database is back to before 0003_broken; without the broken file nothing is pending
        if (c.state === 'restored') await rm(join(project.dir, '0003_broken.sql'));
        // nothing half-done: the next up closes the run (saying so) and applies what is still pending
        const up = await migrate('up');
        expect(up.code, up.stderr).toBe(0);
        expect(up.stderr).toMatch(new RegExp(`warning: run \\d+ \\(up, .*\\) did not finish: .*; closed`));
      }
      expect(await history()).toEqual(c.after);
      const validate = await migrate('validate');
      expect(validate.code, validate.stdout).toBe(0);
      expect((await f.admin.query('select count(*)::int as n from items')).rows[0].n).toBe(11);
    });
  });
}
