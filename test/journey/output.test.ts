import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import chalk from 'chalk';
import { afterEach, describe, expect, it } from 'vitest';
import { createPrettyReporter } from '../../src/report/pretty.js';
import { createMigration } from '../../src/runner/create.js';
import type { Finding } from '../../src/lint/types.js';
import { BIN, runCli } from '../runner/helpers.js';
import { stackLines } from '../faults/helpers.js';

/** A new user's first hour: pipes, colours, subdirectories, a second `migrate create`. No database. */
const root = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function project(config: object | undefined, files: Record<string, string>): Promise<string> {
  const cwd = await mkdtemp(join(tmpdir(), 'pgwarden-journey-'));
  dirs.push(cwd);
  if (config) await writeFile(join(cwd, 'pgwarden.config.json'), JSON.stringify(config));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(cwd, path, '..'), { recursive: true });
    await writeFile(join(cwd, path), text);
  }
  return cwd;
}

describe('output into a pipe that closes early (`pgwarden lint --format sarif | head`)', () => {
  it('exits with its own code and no EPIPE stack trace', async () => {
    const child = spawn(process.execPath, [BIN, 'lint', 'migrations-example', '--format', 'sarif'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    // the reader is gone before pgwarden writes a byte, as with `| head -c 10` on a large report
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(stderr).not.toContain('EPIPE');
    expect(stackLines(stderr)).toEqual([]);
    // migrations-example has error findings: the exit code still says so
    expect(code).toBe(1);
  });
});

describe('NO_COLOR', () => {
  const finding: Finding = {
    rule: 'ban-drop-column', severity: 'error', file: 'm.sql', line: 1, column: 1, endLine: 1, endColumn: 10, message: 'Dropping column t.c.', help: 'Do not.',
  };
  const input = { findings: [finding], files: ['m.sql'], sources: new Map([['m.sql', 'ALTER TABLE t DROP COLUMN c;']]), rules: new Map(), cwd: '/', toolVersion: '0' };

  it('turns the pretty reporter\'s colours off even on a colour terminal (chalk 5 ignores it)', () => {
    const level = chalk.level;
    const saved = process.env.NO_COLOR;
    chalk.level = 1; // as on a terminal
    try {
      delete process.env.NO_COLOR;
      expect(createPrettyReporter()(input)).toContain('\x1b[');
      process.env.NO_COLOR = '1';
      const plain = createPrettyReporter()(input);
      expect(plain).not.toContain('\x1b[');
      expect(plain).toContain('m.sql:1:1  error  Dropping column t.c.  ban-drop-column');
    } finally {
      chalk.level = level;
      if (saved === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = saved;
    }
  });
});

describe('running from a subdirectory of the project', () => {
  const files = { 'db/migrations/0001_drop.sql': 'CREATE TABLE t (id bigint PRIMARY KEY, c text);\n', 'db/migrations/0002_drop.sql': 'ALTER TABLE t DROP COLUMN c;\n', 'src/app.ts': '' };

  it('lint finds migrationsDir relative to the configuration file, not the working directory', async () => {
    const cwd = await project({ migrationsDir: 'db/migrations' }, files);
    const fromRoot = await runCli(['lint'], { cwd });
    expect(fromRoot.code).toBe(1);
    expect(fromRoot.stdout).toContain('db/migrations/0002_drop.sql:1:1  error');

    const fromSrc = await runCli(['lint'], { cwd: join(cwd, 'src') });
    expect(fromSrc.stderr).toBe('');
    expect(fromSrc.code).toBe(1);
    // paths stay relative to where the user is, so they can be opened from there
    expect(fromSrc.stdout).toContain('../db/migrations/0002_drop.sql:1:1  error');

    const fromInside = await runCli(['lint'], { cwd: join(cwd, 'db') });
    expect(fromInside.code).toBe(1);
    expect(fromInside.stdout).toContain('migrations/0002_drop.sql:1:1  error');
  });

  it('exclude globs with a directory select the same files from a subdirectory', async () => {
    const cwd = await project({ migrationsDir: 'db/migrations', exclude: ['db/migrations/0002_*.sql'] }, files);
    for (const from of [cwd, join(cwd, 'src'), join(cwd, 'db')]) {
      const r = await runCli(['lint', '--format', 'json'], { cwd: from });
      expect(r.code, `${from}: ${r.stderr}`).toBe(0);
      expect(JSON.parse(r.stdout).summary).toEqual({ files: 1, errors: 0, warnings: 0 });
    }
  });

  it('an explicit --config resolves migrationsDir beside that file; an absolute migrationsDir is kept', async () => {
    const cwd = await project(undefined, { ...files, 'config/pgwarden.json': JSON.stringify({ migrationsDir: '../db/migrations' }) });
    const r = await runCli(['lint', '--config', 'config/pgwarden.json'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('db/migrations/0002_drop.sql:1:1  error');

    const abs = await project({ migrationsDir: join(cwd, 'db/migrations') }, {});
    const a = await runCli(['lint'], { cwd: abs });
    expect(a.code).toBe(1);
    expect(a.stdout).toContain('0002_drop.sql:1:1  error');
  });

  it('migrate create writes into the configured directory from a subdirectory', async () => {
    const cwd = await project({ migrationsDir: 'db/migrations' }, { 'db/migrations/0001_a.up.sql': 'SELECT 1;\n', 'src/app.ts': '' });
    const r = await runCli(['migrate', 'create', 'add_orders'], { cwd: join(cwd, 'src') });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^created \.\.\/db\/migrations\/\d{14}_add_orders\.up\.sql\n/);
    expect((await readdir(join(cwd, 'db/migrations'))).filter((f) => f.includes('add_orders'))).toHaveLength(2);
  });
});

describe('a directory without migrations', () => {
  it('of its own: the layout nested in it is linted (prisma → prisma/migrations)', async () => {
    const cwd = await project(undefined, { 'prisma/migrations/20240101000000_init/migration.sql': 'CREATE TABLE a (id bigint);\n', 'prisma/schema.prisma': '' });
    const r = await runCli(['lint', 'prisma'], { cwd });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('✔ no problems in 1 file\n');
    expect(r.code).toBe(0);
  });

  it('at all: exit 2, with a line that points at the migrations folder inside it', async () => {
    const cwd = await project(undefined, { 'db/migrations/README.md': 'migrations go here\n' });
    const r = await runCli(['lint', 'db'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`pgwarden: no migration files in db; did you mean ${join('db', 'migrations')}? (pass --allow-empty to accept that)\n`);
  });
});

describe('migrate flags with bad values', () => {
  it('are named by their flag, on one line, exit 2', async () => {
    const cwd = await project(undefined, { 'migrations/0001_a.sql': 'SELECT 1;\n' });
    const cases: Array<[string[], string]> = [
      [['--lock-timeout', 'abc'], "pgwarden: --lock-timeout: 'abc' is not a duration (examples: 500ms, 10s, 3m)\n"],
      [['--wait-for-lock', '1x'], "pgwarden: --wait-for-lock: '1x' is not a duration (examples: 500ms, 10s, 3m)\n"],
      [['--isolation', 'serializable'], "pgwarden: --isolation: expected 'repeatable read' or 'read committed', not 'serializable'\n"],
    ];
    for (const [flags, line] of cases) {
      const r = await runCli(['migrate', 'up', '--database-url', 'postgres://u:pw-77@127.0.0.1:1/x', ...flags], { cwd });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(line);
    }
  });
});

describe('--stdin-filename without -', () => {
  it('is a usage error instead of linting the migrations directory while the piped SQL is ignored', async () => {
    const cwd = await project(undefined, { 'migrations/0001_a.sql': 'SELECT 1;\n' });
    const r = await runCli(['lint', '--stdin-filename', 'new.sql'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('pgwarden: --stdin-filename names standard input: add - to the paths (e.g. pgwarden lint - --stdin-filename new.sql)\n');
  });
});

describe('init run in the wrong directory', () => {
  it('refuses to write a second configuration below the project\'s when it finds no migrations there', async () => {
    const cwd = await project({ migrationsDir: 'prisma/migrations' }, { 'prisma/migrations/20240101000000_init/migration.sql': 'CREATE TABLE a (id bigint);\n' });
    const inside = join(cwd, 'prisma/migrations/20240101000000_init');
    const r = await runCli(['init'], { cwd: inside });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'pgwarden: ../../../pgwarden.config.json already configures this project and no migrations were found here; run pgwarden init in the project root, or pass --force to write pgwarden.config.json here anyway\n',
    );
    expect(await readdir(inside)).toEqual(['migration.sql']);
    const forced = await runCli(['init', '--force'], { cwd: inside });
    expect(forced.code).toBe(0);
    expect(await readdir(inside)).toContain('pgwarden.config.json');
  });
});

describe('migrate create twice within one second', () => {
  it('says the file exists and writes nothing, instead of a raw EEXIST after half the pair', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pgwarden-journey-create-'));
    dirs.push(dir);
    const now = new Date('2026-11-28T05:00:00Z');
    const first = await createMigration(dir, 'add orders', now);
    await writeFile(first.files[0], 'CREATE TABLE orders ();\n');
    // "add_orders" and "add orders!" make the same file name
    await expect(createMigration(dir, 'add orders!', now)).rejects.toThrow(
      /^.*20261128050000_add_orders\.up\.sql already exists \(a migration of that name was created this second\): choose another name or run again in a second$/,
    );
    expect(await readFile(first.files[0], 'utf8')).toBe('CREATE TABLE orders ();\n');
    expect(await readdir(dir)).toHaveLength(2);
  });
});
