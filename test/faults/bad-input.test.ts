import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, createFaultDatabase, stackLines, type CliResult, type FaultDatabase } from './helpers.js';

/** Inputs nobody should feed pgwarden, and what it does with them: a clear result, never a crash. */
let dir: string;
let f: FaultDatabase;

beforeAll(async () => {
  expect(existsSync(resolve(import.meta.dirname, '../../dist/src/cli/program.js')), 'run `npx tsc -p .` (npm test does) first').toBe(true);
  dir = await mkdtemp(join(tmpdir(), 'pgwarden-faults-input-'));
  f = await createFaultDatabase('pgwarden_faults_input');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await f.drop();
});

async function write(path: string, content: string | Buffer): Promise<string> {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await writeFile(join(dir, path), content);
  return path;
}

interface Report {
  findings: Array<{ rule: string; severity: string; line: number; column: number; message: string }>;
  summary: { files: number; errors: number; warnings: number };
}

async function lint(...args: string[]): Promise<CliResult & { report?: Report }> {
  const r = await cli(['lint', '--format', 'json', ...args], dir);
  expect(stackLines(r.stdout + r.stderr), r.stderr).toEqual([]);
  let report: Report | undefined;
  try {
    report = JSON.parse(r.stdout) as Report;
  } catch {
    report = undefined;
  }
  return { ...r, report };
}

function oneLine(r: CliResult, code: number): string {
  expect(r.code, r.stderr).toBe(code);
  expect(stackLines(r.stderr)).toEqual([]);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^pgwarden: /);
  return lines[0];
}

/** Deterministic bytes (xorshift32), a quarter of them NUL. */
function binary(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = (x & 3) === 0 ? 0 : (x >>> 8) & 0xff;
  }
  return out;
}

describe('pgwarden lint: bad inputs', { timeout: 120_000 }, () => {
  it('an empty file and a comments-only file are clean (exit 0)', async () => {
    await write('empty.sql', '');
    await write('comments.sql', '-- only a comment\n/* a block\n   comment; with a semicolon */\n-- pgwarden-ignore-file ban-drop-table: nothing here\n');
    for (const file of ['empty.sql', 'comments.sql']) {
      const r = await lint(file);
      expect(r.code, r.stderr).toBe(0);
      expect(r.report?.findings).toEqual([]);
    }
  });

  it('a binary file is a syntax-error finding, not a crash', async () => {
    await write('binary.sql', binary(4096, 0x9e3779b9));
    const r = await lint('binary.sql');
    expect(r.code).toBe(1);
    expect(r.report?.findings.map((x) => x.rule)).toEqual(['syntax-error']);
  });

  it('a NUL byte cannot hide the statements after it', async () => {
    await write('nul.sql', 'SELECT 1;\n\0DROP TABLE users;\n');
    const r = await lint('nul.sql');
    expect(r.code).toBe(1);
    expect(r.report?.findings).toEqual([expect.objectContaining({ rule: 'syntax-error', line: 2, column: 1, message: expect.stringContaining('0x00') })]);
  });

  it('invalid UTF-8 gives a result (the bytes read as U+FFFD), not a crash', async () => {
    await write('latin1.sql', Buffer.concat([Buffer.from("SELECT 'caf"), Buffer.from([0xe9]), Buffer.from("';\nDROP TABLE users;\n")]));
    await write('garbage.sql', Buffer.concat([Buffer.from('SELECT 1;\nSELECT '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' 2;\n')]));
    const latin1 = await lint('latin1.sql');
    expect(latin1.code).toBe(1);
    // the stray byte sits inside a string literal: the statement after it is still checked, at its line
    expect(latin1.report?.findings).toContainEqual(expect.objectContaining({ rule: 'ban-drop-table', line: 2, column: 1 }));
    expect(latin1.report?.findings.map((x) => x.rule)).not.toContain('syntax-error');
    const garbage = await lint('garbage.sql');
    expect(garbage.code).toBe(1);
    expect(garbage.report?.findings).toEqual([expect.objectContaining({ rule: 'syntax-error', line: 2 })]);
  });

  it('a syntax error is reported at its line', async () => {
    await write('syntax.sql', 'CREATE TABLE a (id bigint PRIMARY KEY);\n\n-- a typo below\nSELEC 1;\nDROP TABLE a;\n');
    const r = await lint('syntax.sql');
    expect(r.code).toBe(1);
    expect(r.report?.findings).toEqual([expect.objectContaining({ rule: 'syntax-error', line: 4, column: 1, message: expect.stringContaining('syntax error at or near "SELEC"') })]);
  });

  it('a missing directory exits 2 with one line', async () => {
    expect(oneLine(await lint('no-such-dir'), 2)).toBe('pgwarden: cannot read no-such-dir: no such file or directory');
  });

  it('a down file without its up file is named by discovery and not linted', async () => {
    await write('downonly/0001_a.down.sql', 'DROP TABLE a;\n');
    const r = await lint('downonly');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('pgwarden: warning: down file downonly/0001_a.down.sql has no up file\n');
    expect(r.report?.summary.files).toBe(0);
  });

  it('duplicate Flyway versions are a clear problem: a warning for lint, a refusal (exit 2) for the runner', async () => {
    await write('flyway/V1__users.sql', 'CREATE TABLE users (id bigint PRIMARY KEY);\n');
    await write('flyway/V1__orders.sql', 'CREATE TABLE orders (id bigint PRIMARY KEY);\n');
    const r = await lint('flyway');
    expect(r.stderr).toContain('pgwarden: warning: duplicate Flyway version 1: V1__orders.sql and V1__users.sql');
    const up = await cli(['migrate', 'up', '--database-url', f.url, '--dir', 'flyway'], dir);
    expect(oneLine(up, 2)).toMatch(/^pgwarden: duplicate Flyway version 1: V1__orders\.sql and V1__users\.sql/);
    f.assertNoPassword(up.stdout, up.stderr);
  });

  it('a configuration value of the wrong type exits 2 with one line naming the key', async () => {
    await write('badconfig/pgwarden.config.json', JSON.stringify({ migrationsDir: 42 }));
    await write('badconfig/migrations/0001.sql', 'SELECT 1;\n');
    const r = await cli(['lint', '--config', join(dir, 'badconfig/pgwarden.config.json'), join(dir, 'badconfig/migrations')], dir);
    expect(oneLine(r, 2)).toMatch(/migrationsDir/);
  });

  it('a 50 MB file of INSERTs finishes with a result, without running out of memory', { timeout: 300_000 }, async () => {
    const line = "INSERT INTO events (id, kind, payload) VALUES (1, 'click', '{\"x\": 1}'), (2, 'view', '{}');\n";
    const block = line.repeat(10_000);
    const parts = ['CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL, payload jsonb);\n'];
    let size = parts[0].length;
    while (size < 50 * 1024 * 1024) {
      parts.push(block);
      size += block.length;
    }
    await write('big/0001_events.sql', parts.join(''));
    const r = await lint('big/0001_events.sql');
    expect([0, 1], r.stderr).toContain(r.code);
    expect(r.report, r.stdout.slice(0, 500)).toBeDefined();
    expect(r.report!.summary.files).toBe(1);
    // reported unchecked, failing closed, rather than parsed for minutes into gigabytes
    expect(r.code).toBe(1);
    expect(r.report!.findings).toEqual([expect.objectContaining({ rule: 'file-too-large', severity: 'error', line: 1, column: 1, message: expect.stringMatching(/^not checked: the file is 50\.\d MB/) })]);
  });

  it('a file over 1 MB is parsed in pieces: a BEGIN ATOMIC body across a cut, findings and a syntax error at their lines', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `(${i}, 'row ${i} ${'x'.repeat(20)}')`).join(', ');
    const insert = `INSERT INTO events (id, kind) VALUES ${rows};\n`;
    let text = 'CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL);\n';
    while (text.length + insert.length < 1024 * 1024 - 40) text += insert;
    text += '\n'.repeat(1024 * 1024 - 40 - text.length);
    // the first `;` past 1 MiB, where the first piece ends, falls inside this function's body
    text += 'CREATE FUNCTION two() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;\n';
    while (text.length < 2.5 * 1024 * 1024) text += insert;
    const dropLine = text.split('\n').length;
    text += 'DROP TABLE users;\nSELEC 1;\n';
    await write('pieces.sql', text);
    const r = await lint('pieces.sql');
    expect(r.code).toBe(1);
    const findings = r.report!.findings.filter((x) => x.rule === 'ban-drop-table' || x.rule === 'syntax-error');
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'ban-drop-table', line: dropLine, column: 1 }),
      expect.objectContaining({ rule: 'syntax-error', line: dropLine + 1, column: 1, message: expect.stringContaining('"SELEC"') }),
    ]);
  });
});

describe('pgwarden migrate: bad connection inputs (exit 2, one line, the password never printed)', { timeout: 120_000 }, () => {
  const cases: Array<[string, () => string[], RegExp]> = [
    ['a missing migrations directory', () => ['migrate', 'up', '--database-url', f.url, '--dir', 'no-such-migrations'], /migration directory no-such-migrations does not exist/],
    ['a malformed URL', () => ['migrate', 'status', '--database-url', `postgres//${f.role}:${f.password}@127.0.0.1/db`, '--dir', '.'], /malformed database URL/],
    ['an unreachable host (port 1)', () => ['migrate', 'repair', '--database-url', `postgres://${f.role}:${f.password}@127.0.0.1:1/${f.db.name}`, '--dir', '.'], /cannot connect to 127\.0\.0\.1:1\b.*connection refused/],
    ['bad credentials (a role that does not exist)', () => ['migrate', 'up', '--database-url', `postgres://no_such_role_fault:${f.password}@127.0.0.1:5432/${f.db.name}`, '--dir', '.'], /access denied \(role "no_such_role_fault" does not exist\)/],
  ];
  for (const [what, args, message] of cases) {
    it(`reports ${what}`, async () => {
      const given = args();
      const r = await cli(given, dir);
      expect(oneLine(r, 2)).toMatch(message);
      expect(r.stdout).toBe('');
      f.assertNoPassword(r.stdout, r.stderr);
    });
  }
});
