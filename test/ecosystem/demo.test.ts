import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bin } from './cli.js';

// `pgwarden demo` starts its own embedded PostgreSQL 18 (no test database involved) and must leave
// nothing behind: these tests run the built CLI (`npx tsc -p .` first) from an empty directory.

interface DemoRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the demo; `onOutput` may act on the output so far (e.g. interrupt it at a given point). */
function runDemo(cwd: string, onOutput?: (stdout: string, child: ReturnType<typeof spawn>) => void): Promise<DemoRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'demo'], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString('utf8');
      onOutput?.(stdout, child);
    });
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** The temp dir, data dir and port the demo printed in step 1. */
function serverOf(stdout: string): { tmp: string; dataDir: string; port: number } {
  const m = /listening on 127\.0\.0\.1:(\d+), data in (\S+)\/data\b/.exec(stdout);
  if (!m) throw new Error(`step 1 printed no server line:\n${stdout}`);
  return { port: Number(m[1]), tmp: m[2], dataDir: `${m[2]}/data` };
}

/** Processes whose command line names `path` (a postgres started with -D path). */
function processesUsing(path: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmdline.includes(path)) found.push(`${pid}: ${cmdline}`);
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function expectNothingLeft(cwd: string, server: { tmp: string; dataDir: string; port: number }): Promise<void> {
  expect(existsSync(server.tmp)).toBe(false);
  expect(processesUsing(server.dataDir)).toEqual([]);
  expect(await accepts(server.port)).toBe(false);
  // no backups or anything else in the working directory
  expect(readdirSync(cwd)).toEqual([]);
}

describe('pgwarden demo', () => {
  let cwd: string | undefined;
  afterEach(() => {
    if (cwd) rmSync(cwd, { recursive: true, force: true });
    cwd = undefined;
  });

  it('runs every step as expected from any directory, exits 0 and leaves nothing behind', async () => {
    cwd = mkdtempSync(join(tmpdir(), 'pgwarden-demo-cwd-'));
    const run = await runDemo(cwd);
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout).toBe(0);
    const out = run.stdout;

    for (const heading of [
      '1. Start a throwaway PostgreSQL',
      '2. Lint migrations-example/',
      '3. Apply the safe migrations with the safety net',
      '4. Refuse an unsafe migration',
      '5. Roll back undeclared data loss',
      '6. Restore a migration that failed halfway',
      '7. Clean up',
    ]) {
      expect(out).toContain(`\n${heading}\n`);
    }
    const section = (n: number) => out.slice(out.indexOf(`\n${n}. `), n < 7 ? out.indexOf(`\n${n + 1}. `) : undefined);

    // 1: the backup engine is chosen and said (pg_dump 15 here cannot dump the embedded 18 server)
    expect(section(1)).toMatch(/PostgreSQL \d+\.\d+ listening on 127\.0\.0\.1:\d+/);
    expect(section(1)).toMatch(/backups: .*(snapshot engine|pg_dump archives)/);

    // 2: the unsafe examples are reported with their rules, the safe ones are not
    const lint = section(2);
    expect(lint).toContain('migrations-example/0013_drop_users_name.up.sql:4:1  error');
    expect(lint).toContain('ban-drop-column');
    expect(lint).toContain('require-concurrent-index-creation');
    expect(lint).toContain('changing-column-type');
    expect(lint).not.toMatch(/migrations-example\/00(0\d|1[012])_/);
    expect(lint).toContain('✔ 15 files linted: 0001–0012 clean; 3 errors and 2 warnings');

    // 3: backups taken, twelve migrations applied, counts verified on seeded rows
    const apply = section(3);
    expect(apply).toMatch(/backup \S+ taken in schema pgwarden_backup: public\.projects 8 rows/);
    expect(apply.match(/^ {3}applied 00\d\d_/gm)).toHaveLength(12);
    expect(apply).toContain('0012_backfill_projects_archived_at: statement 1: ran in transactions of its own, measured live (dropped objects and the server accounting checked; counts shown, not compared) (public.projects: 8 rows before, 8 rows after');
    expect(apply).toContain('✔ 12 migrations applied');

    // 4: the gate refuses 0013 and names the rule
    const refusal = section(4);
    expect(refusal).toContain('refused: lint gate: 1 error finding in pending migrations; nothing was applied');
    expect(refusal).toMatch(/migrations-example\/0013_drop_users_name\.up\.sql:4:1 {2}error .* ban-drop-column/);
    expect(refusal).toContain('✔ refused by ban-drop-column: nothing applied, users.name still holds its 40 values');

    // 5: verification catches the undeclared delete, the transaction rolls back
    const rollback = section(5);
    expect(rollback).toContain('lost rows it did not declare (public.users: 40 rows before, 34 rows after by DELETE at line 4');
    expect(rollback).toContain('migration 0016_purge_test_accounts was rolled back: database left unchanged (public.users: 40 rows before, 40 rows now)');
    expect(rollback).toContain('✔ verification failed and the transaction rolled back: users has 40 rows, as before');

    // 6: the half-applied no-transaction migration is restored, with the restore report
    const restore = section(6);
    expect(restore).toContain('could not create unique index "tasks_title_key"');
    expect(restore).toContain('restore: DROP INDEX IF EXISTS "public"."tasks_title_key" CASCADE');
    expect(restore).toContain('restore: rows of public.tasks changed by statement 1 (line 5): 120 put back, 0 inserted by it removed');
    expect(restore).toMatch(/database restored to its state before 0017_normalize_task_titles: dropped index public\.tasks\.tasks_title_key; rows of public\.tasks changed by statement 1/);
    expect(restore).toContain("✔ restored: tasks has its 120 rows back exactly as before the run (task 1 is titled 'Task 1'");

    // 7 and after: nothing left
    const server = serverOf(out);
    expect(section(7)).toContain(`✔ server stopped, ${server.tmp} removed: nothing left behind`);
    expect(out).toContain('All steps behaved as expected.');
    expect(out).not.toMatch(/postgres:\/\/postgres:[^*@]/);
    await expectNothingLeft(cwd, server);
  });

  it('stops the server and removes its directory when interrupted (ctrl-c)', async () => {
    cwd = mkdtempSync(join(tmpdir(), 'pgwarden-demo-cwd-'));
    let sent = false;
    // interrupt once the server runs and migrations are being applied
    const run = await runDemo(cwd, (stdout, child) => {
      if (!sent && stdout.includes('\n3. Apply the safe migrations')) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    expect(sent).toBe(true);
    expect(run.code, run.stdout + run.stderr).toBe(130);
    const server = serverOf(run.stdout);
    expect(run.stdout).toContain(`interrupted (SIGINT): stopping the server and removing ${server.tmp}`);
    expect(run.stdout).not.toContain('All steps behaved as expected.');
    await expectNothingLeft(cwd, server);
  });
});
