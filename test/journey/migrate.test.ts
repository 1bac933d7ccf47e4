import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/database.js';
import { cli, createFaultDatabase, startCli, tempProject, until, type FaultDatabase, type Project } from '../faults/helpers.js';

/**
 * A new user's first runs of `migrate` against a database with a password: ctrl-c in the middle, a
 * backup restored by hand, a run from a subdirectory.
 */
let f: FaultDatabase;
let project: Project;
const outputs: string[] = [];

beforeAll(async () => {
  f = await createFaultDatabase('pgwarden_journey');
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

async function run(args: string[], cwd = project.cwd) {
  const r = await cli([...args, '--database-url', f.url], cwd);
  outputs.push(r.stdout, r.stderr);
  return r;
}

function expectCode(r: { code: number; stdout: string; stderr: string }, code: number): void {
  expect(r.code, `exit ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(code);
}

async function exists(table: string): Promise<boolean> {
  return (await f.admin.query('select to_regclass($1) is not null as ok', [table])).rows[0].ok as boolean;
}

/** Starts `migrate up`, and presses ctrl-c once the runner sits in a migration's pg_sleep. */
async function interruptWhileSleeping() {
  const running = startCli(['migrate', 'up', '--database-url', f.url, '--dir', 'migrations', '--backup', 'none'], project.cwd);
  await until('the runner to sleep in a migration', async () => (await f.runnerBackends()).some((b) => b.state === 'active' && /pg_sleep/.test(b.query)));
  running.child.kill('SIGINT');
  const r = await running.done;
  outputs.push(r.stdout, r.stderr);
  return r;
}

describe('ctrl-c (SIGINT) in the middle of migrate up', () => {
  it('prints one line naming the migration, exits 130, and the server rolls back and frees the run lock', async () => {
    await project.write('0001_first.sql', 'CREATE TABLE first (id bigint);\n');
    await project.write('0002_slow.sql', 'CREATE TABLE slow (id bigint);\nSELECT pg_sleep(60);\n');
    const r = await interruptWhileSleeping();

    expect(r.code).toBe(130);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('pgwarden: '));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^pgwarden: interrupted \(SIGINT\) while applying 0002_slow: stopped; the server rolls back its transaction and releases the run lock/);
    expect(lines[0]).toContain('the 1 migration(s) finished before it stay as they are');
    expect(r.stderr).not.toMatch(/^\s+at /m);

    await f.runnerGone();
    expect(await f.advisoryLocks()).toBe(0);
    expect(await exists('public.slow')).toBe(false);
    expect(await exists('public.first')).toBe(true);
    const status = await run(['migrate', 'status', '--dir', 'migrations']);
    expectCode(status, 0);
    // the run itself shows as unfinished, with its way out (docs/faults.md)
    expect(status.stdout).toMatch(/^applied\s+0001_first .*\npending\s+0002_slow\nunfinished run \d+ \(up, .*\): state applying \(0002_slow\): .*way out: .*\n$/);
  });

  it('outside a transaction, the line points to migrate repair, and status shows the migration interrupted', async () => {
    await project.write('0001_slow.sql', '-- pgwarden:no-transaction\nCREATE TABLE slow (id bigint);\nSELECT pg_sleep(60);\n');
    const r = await interruptWhileSleeping();

    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/^pgwarden: interrupted \(SIGINT\) while applying 0001_slow: .*run `pgwarden migrate repair`\)\n$/m);
    await f.runnerGone();
    expect(await f.advisoryLocks()).toBe(0);
    const status = await run(['migrate', 'status', '--dir', 'migrations']);
    expect(status.stdout).toMatch(/^pending\s+0001_slow\s+INTERRUPTED\nunfinished run \d+ \(up, .*\): state applying \(0001_slow\): .*way out: .*\n$/);
  });
});

describe('backups restore after the run that took the backup', () => {
  it('brings the history back to the backup\'s moment and says which migrations it un-applies; up applies them again', async () => {
    await project.write('0001_users.sql', 'CREATE TABLE users (id bigint PRIMARY KEY);\n');
    expectCode(await run(['migrate', 'up', '--dir', 'migrations', '--backup', 'none']), 0);
    await project.write('0002_orders.sql', 'CREATE TABLE orders (id bigint PRIMARY KEY);\n');
    await project.write('0003_items.sql', 'CREATE TABLE items (id bigint PRIMARY KEY);\n');
    const up = await run(['migrate', 'up', '--dir', 'migrations', '--backup', 'full']);
    expectCode(up, 0);
    const id = /taking backup (\S+)/.exec(up.stdout)?.[1];
    expect(id, up.stdout).toBeDefined();

    const restore = await run(['backups', 'restore', id!, '--yes']);
    expectCode(restore, 0);
    expect(await exists('public.orders')).toBe(false);
    expect(restore.stdout).toContain(`the history is back to backup ${id}'s moment: un-applied 0002_orders, 0003_items (\`pgwarden migrate up\` applies them again)`);
    expect((await f.admin.query('select name from pgwarden.migrations order by name')).rows.map((r) => r.name)).toEqual(['0001_users']);

    expectCode(await run(['migrate', 'up', '--dir', 'migrations', '--backup', 'none']), 0);
    expect(await exists('public.orders')).toBe(true);
    expect(await exists('public.items')).toBe(true);
  });
});

describe('backups restore into another database', () => {
  it('refuses before touching it (a stale DATABASE_URL with --yes), unless --other-database', async () => {
    await project.write('0001_users.sql', 'CREATE TABLE users (id bigint PRIMARY KEY);\n');
    const up = await run(['migrate', 'up', '--dir', 'migrations', '--backup', 'full']);
    expectCode(up, 0);
    const id = /taking backup (\S+)/.exec(up.stdout)![1];
    const other = await createTestDatabase('pgwarden_journey_other');
    try {
      const client = await other.client();
      await client.query('CREATE TABLE precious (id bigint)');
      const r = await cli(['backups', 'restore', id, '--yes', '--database-url', other.url], project.cwd);
      expectCode(r, 2);
      expect(r.stderr).toBe(
        `pgwarden: backup ${id} was taken from database ${f.db.name}, not ${other.name} (127.0.0.1:5432/${other.name}): nothing was changed; ` +
          `check --database-url / DATABASE_URL, or pass --other-database to restore it into ${other.name} anyway\n`,
      );
      expect((await client.query("select to_regclass('public.precious') is not null as ok")).rows[0].ok).toBe(true);
      // the override goes ahead (how faithful a restore into a differently owned database is, is another matter)
      const forced = await cli(['backups', 'restore', id, '--yes', '--other-database', '--database-url', other.url], project.cwd);
      expect(forced.stderr).toContain(`warning: restoring backup ${id}`);
      expect(forced.stderr).not.toContain('was taken from database');
    } finally {
      await other.drop();
    }
  });
});

describe('migrate down without a down file', () => {
  it('names the file the layout\'s tool would revert with (Flyway undo file; none for Prisma)', async () => {
    await project.write('V1__users.sql', 'CREATE TABLE users (id bigint PRIMARY KEY);\n');
    expectCode(await run(['migrate', 'up', '--dir', 'migrations', '--backup', 'none']), 0);
    const flyway = await run(['migrate', 'down', '--dir', 'migrations', '--backup', 'none']);
    expectCode(flyway, 2);
    expect(flyway.stderr).toBe(`pgwarden: cannot revert V1__users: it has no undo file (expected ${join('migrations', 'U1__users.sql')})\n`);

    await f.admin.query('drop schema pgwarden cascade; drop table users');
    const prisma = await tempProject();
    try {
      await writeFile(join(prisma.dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
      await mkdir(join(prisma.dir, '20240101000000_init'));
      await prisma.write('20240101000000_init/migration.sql', 'CREATE TABLE users (id bigint PRIMARY KEY);\n');
      expectCode(await run(['migrate', 'up', '--dir', 'migrations', '--backup', 'none'], prisma.cwd), 0);
      const down = await run(['migrate', 'down', '--dir', 'migrations', '--backup', 'none'], prisma.cwd);
      expectCode(down, 2);
      expect(down.stderr).toBe('pgwarden: cannot revert 20240101000000_init: Prisma migrations have no down files; undo it with a new migration\n');
    } finally {
      await prisma.remove();
    }
  });
});

describe('status and plan with an unknown --format', () => {
  it('is a usage error rather than text a script would misread', async () => {
    await project.write('0001_users.sql', 'CREATE TABLE users (id bigint PRIMARY KEY);\n');
    for (const command of ['status', 'plan']) {
      const r = await run(['migrate', command, '--dir', 'migrations', '--format', 'yaml']);
      expectCode(r, 2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe("pgwarden: --format: expected text or json, not 'yaml'\n");
    }
  });
});

describe('a deploy script re-run with the same --to', () => {
  it('finds its target applied and exits 0 instead of a usage error', async () => {
    await project.write('0001_users.sql', 'CREATE TABLE users (id bigint PRIMARY KEY);\n');
    await project.write('0002_orders.sql', 'CREATE TABLE orders (id bigint PRIMARY KEY);\n');
    const args = ['migrate', 'up', '--dir', 'migrations', '--backup', 'none', '--to', '0001_users'];
    expectCode(await run(args), 0);
    const again = await run(args);
    expectCode(again, 0);
    expect(again.stdout).toBe('0001_users is already applied: nothing to apply up to it\n');
    expect(await exists('public.orders')).toBe(false);
    const unknown = await run(['migrate', 'up', '--dir', 'migrations', '--to', '0003_nope']);
    expectCode(unknown, 2);
    expect(unknown.stderr).toBe('pgwarden: --to 0003_nope: no pending migration has that name\n');
  });
});

describe('a role that may not create the history schema', () => {
  it('says which role pgwarden needs, on one line', async () => {
    const weak = `pgwarden_weak_${randomBytes(4).toString('hex')}`;
    await f.admin.query(`create role ${weak} login password 'weak-pw-123'`);
    try {
      await project.write('0001_users.sql', 'CREATE TABLE users (id bigint PRIMARY KEY);\n');
      const u = new URL(f.url);
      u.username = weak;
      u.password = 'weak-pw-123';
      const r = await cli(['migrate', 'up', '--dir', 'migrations', '--database-url', u.toString()], project.cwd);
      expectCode(r, 1);
      expect(r.stderr).toMatch(/^pgwarden: database error: permission denied for database \S+ \[42501\]: pgwarden keeps its history in schema pgwarden, so connect as a role that may create it and run the migrations \(usually the database owner\)\n$/);
      expect(r.stderr + r.stdout).not.toContain('weak-pw-123');
    } finally {
      await f.admin.query(`drop role ${weak}`);
    }
  });
});

describe('the lint gate and an ignore without a reason', () => {
  it('lint passes it, the gate refuses it and says under the finding that a reason is missing', async () => {
    await project.write('0001_users.sql', 'CREATE TABLE users (id bigint PRIMARY KEY, name text);\n');
    await project.write('0002_drop_name.sql', '-- pgwarden-ignore ban-drop-column\nALTER TABLE users DROP COLUMN name;\n');
    const lint = await cli(['lint', 'migrations'], project.cwd);
    expectCode(lint, 0);
    const up = await run(['migrate', 'up', '--dir', 'migrations', '--backup', 'none']);
    expectCode(up, 1);
    expect(up.stderr).toContain('  help: ignored without a reason, which the runner does not accept: write -- pgwarden-ignore ban-drop-column: <why it is safe>. ');
    expect(await exists('public.users')).toBe(false);
  });
});

describe('the lint gate with --log-format json', () => {
  it('writes one JSON object per line, each finding naming its migration and its file', async () => {
    await project.write('0001_users.sql', 'CREATE TABLE users (id bigint PRIMARY KEY, name text);\n');
    expectCode(await run(['migrate', 'up', '--dir', 'migrations', '--backup', 'none']), 0);
    await project.write('0002_drop_name.sql', 'ALTER TABLE users DROP COLUMN name;\n');
    const r = await run(['migrate', 'up', '--dir', 'migrations', '--log-format', 'json']);
    expectCode(r, 1);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.filter((e) => e.event === 'finding')).toEqual([
      expect.objectContaining({ level: 'error', migration: '0002_drop_name', file: join('migrations', '0002_drop_name.sql'), rule: 'ban-drop-column', line: 1, column: 1 }),
    ]);
    expect(r.stderr).toMatch(/^pgwarden: lint gate: 1 error finding in pending migrations; nothing was applied/);
  });
});

describe('migrate from a subdirectory', () => {
  it('uses the configuration\'s migrationsDir relative to the configuration file', async () => {
    await writeFile(join(project.cwd, 'pgwarden.config.json'), JSON.stringify({ migrationsDir: 'migrations' }));
    await project.write('0001_users.sql', 'CREATE TABLE users (id bigint PRIMARY KEY);\n');
    const sub = join(project.cwd, 'migrations');
    const up = await run(['migrate', 'up', '--backup', 'none'], sub);
    expectCode(up, 0);
    expect(up.stdout).toContain('applied 0001_users');
    const status = await run(['migrate', 'status'], sub);
    expect(status.stdout).toMatch(/^applied\s+0001_users /);
  });

  it('keeps backups in the project\'s .pgwarden/backups, where backups list finds them from anywhere', async () => {
    await writeFile(join(project.cwd, 'pgwarden.config.json'), JSON.stringify({ migrationsDir: 'migrations' }));
    await project.write('0001_users.sql', 'CREATE TABLE users (id bigint PRIMARY KEY);\n');
    const sub = join(project.cwd, 'src');
    await mkdir(sub);
    const up = await run(['migrate', 'up', '--backup', 'full'], sub);
    expectCode(up, 0);
    expect(up.stdout).toMatch(/backup \S+ kept in \.\.\/\.pgwarden\/backups\n/);
    expect(existsSync(join(sub, '.pgwarden'))).toBe(false);
    const list = await cli(['backups', 'list', '--format', 'json'], project.cwd);
    expectCode(list, 0);
    expect((JSON.parse(list.stdout) as { backups: Array<{ migrations: string[] }> }).backups.map((b) => b.migrations)).toEqual([['0001_users']]);
  });
});
