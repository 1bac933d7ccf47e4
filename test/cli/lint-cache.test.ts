import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, symlinkSync } from 'node:fs';
import { mkdtemp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

/** `lint --cache` through the built CLI: per-file findings keyed by the file's history. */
const bin = resolve(import.meta.dirname, '../../bin/pgwarden.js');
let dir: string;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env };
  delete e.GITHUB_ACTIONS;
  delete e.FORCE_COLOR;
  return e;
}

function pgwarden(args: string[], program = bin): Run {
  const r = spawnSync(process.execPath, [program, ...args], { cwd: dir, input: '', env: env(), encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function pgwardenAsync(args: string[]): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env: env() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

type Findings = Array<{ rule: string; file: string; line: number; message: string }>;
const findings = (run: Run): Findings => (JSON.parse(run.stdout) as { findings: Findings }).findings;
const rulesIn = (run: Run, file: string) => findings(run).filter((f) => f.file.endsWith(file)).map((f) => f.rule);

async function write(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await writeFile(join(dir, path), text);
}

const cacheFile = () => join(dir, '.pgwarden-cache', 'lint-files.json');
interface CacheData {
  format: number;
  entries: Record<string, { used: number; findings: Findings }>;
}
const readCache = async (path = cacheFile()) => JSON.parse(await readFile(path, 'utf8')) as CacheData;

// An index in the first migration makes the second one's index redundant: the second file's findings
// depend on the first file's content.
const FIRST = 'CREATE TABLE t (id bigint PRIMARY KEY, a bigint);\nCREATE INDEX t_a_id ON t (a, id);\n';
const SECOND = '-- pgwarden:no-transaction\nCREATE INDEX CONCURRENTLY t_a ON t (a);\n';

beforeAll(() => {
  expect(existsSync(resolve(import.meta.dirname, '../../dist/src/cli/program.js')), 'run `npm run build` (npm test does) first').toBe(true);
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pgwarden-cache-'));
  await write('migrations/001_first.sql', FIRST);
  await write('migrations/002_second.sql', SECOND);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('lint --cache', () => {
  it('reports what a run without the cache reports, cold and warm', () => {
    const plain = pgwarden(['lint', '-f', 'json', 'migrations']);
    const cold = pgwarden(['lint', '--cache', '-f', 'json', 'migrations']);
    const warm = pgwarden(['lint', '--cache', '-f', 'json', 'migrations']);
    expect(rulesIn(plain, '002_second.sql')).toContain('redundant-index');
    expect(cold.stdout).toBe(plain.stdout);
    expect(warm.stdout).toBe(plain.stdout);
    expect(warm.status).toBe(plain.status);
  });

  it('an edited earlier file changes the findings of a later one', async () => {
    const before = pgwarden(['lint', '--cache', '-f', 'json', 'migrations']);
    expect(rulesIn(before, '002_second.sql')).toContain('redundant-index');
    // the wide index is gone: the second file's index is redundant to nothing, its content unchanged
    await write('migrations/001_first.sql', 'CREATE TABLE t (id bigint PRIMARY KEY, a bigint);\n');
    const after = pgwarden(['lint', '--cache', '-f', 'json', 'migrations']);
    expect(rulesIn(after, '002_second.sql')).not.toContain('redundant-index');
    expect(after.stdout).toBe(pgwarden(['lint', '-f', 'json', 'migrations']).stdout);
  });

  it('answers unchanged files from the cache and lints a new newest file', async () => {
    pgwarden(['lint', '--cache', '-f', 'json', 'migrations']);
    // mark every stored finding: what comes back marked was read from the cache, not linted again
    const data = await readCache();
    for (const entry of Object.values(data.entries)) for (const f of entry.findings) f.message = `cached: ${f.message}`;
    await writeFile(cacheFile(), JSON.stringify(data));
    await write('migrations/003_third.sql', 'ALTER TABLE t DROP COLUMN a;\n');
    const run = findings(pgwarden(['lint', '--cache', '-f', 'json', 'migrations']));
    const old = run.filter((f) => !f.file.endsWith('003_third.sql'));
    const fresh = run.filter((f) => f.file.endsWith('003_third.sql'));
    expect(old.length).toBeGreaterThan(0);
    expect(old.every((f) => f.message.startsWith('cached: '))).toBe(true);
    expect(fresh.map((f) => f.rule)).toContain('ban-drop-column');
    expect(fresh.some((f) => f.message.startsWith('cached: '))).toBe(false);
  });

  it('an unchanged run leaves the cache file as it is (its entries were used today)', async () => {
    pgwarden(['lint', '--cache', '-f', 'json', 'migrations']);
    const before = await stat(cacheFile());
    pgwarden(['lint', '--cache', '-f', 'json', 'migrations']);
    expect((await stat(cacheFile())).mtimeMs).toBe(before.mtimeMs);
  });

  it('lints again when the options change (another PostgreSQL major, a rule turned off)', async () => {
    pgwarden(['lint', '--cache', '-f', 'json', 'migrations']);
    await write('.pgwardenrc.json', JSON.stringify({ rules: { 'redundant-index': 'off' } }));
    const off = pgwarden(['lint', '--cache', '-f', 'json', 'migrations']);
    expect(rulesIn(off, '002_second.sql')).not.toContain('redundant-index');
    const entries = Object.keys((await readCache()).entries);
    expect(entries).toHaveLength(4);
  });

  it('keeps its entries under --cache-location', async () => {
    const run = pgwarden(['lint', '--cache', '--cache-location', 'tmp/lint-cache', '-f', 'json', 'migrations']);
    expect(run.stdout).toBe(pgwarden(['lint', '-f', 'json', 'migrations']).stdout);
    expect(Object.keys((await readCache(join(dir, 'tmp/lint-cache/lint-files.json'))).entries)).toHaveLength(2);
    expect(existsSync(join(dir, '.pgwarden-cache'))).toBe(false);
  });

  it('--cache-location without --cache is a usage error', () => {
    const run = pgwarden(['lint', '--cache-location', 'x', 'migrations']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('pgwarden: --cache-location names where --cache keeps its entries: add --cache\n');
  });

  it('prunes entries unused for 30 days and the whole-run entries of earlier versions', async () => {
    const old = { used: Date.now() - 31 * 24 * 3600 * 1000, findings: [] };
    const recent = { used: Date.now() - 24 * 3600 * 1000, findings: [] };
    await write('.pgwarden-cache/lint-files.json', JSON.stringify({ format: 1, entries: { old, recent } }));
    await write(`.pgwarden-cache/lint-${'a'.repeat(64)}.json`, '{"findings":[],"files":[]}');
    pgwarden(['lint', '--cache', '-f', 'json', 'migrations']);
    const keys = Object.keys((await readCache()).entries);
    expect(keys).toContain('recent');
    expect(keys).not.toContain('old');
    expect(keys).toHaveLength(3);
    expect(await readdir(join(dir, '.pgwarden-cache'))).toEqual(['lint-files.json']);
  });

  it('another build of the same version does not reuse the entries of this one', async () => {
    // an install from another git commit: same package.json version, other compiled code
    const root = resolve(import.meta.dirname, '../..');
    const other = await mkdtemp(join(tmpdir(), 'pgwarden-other-build-'));
    try {
      for (const part of ['bin', 'dist', 'package.json']) cpSync(join(root, part), join(other, part), { recursive: true });
      symlinkSync(join(root, 'node_modules'), join(other, 'node_modules'));
      await writeFile(join(other, 'dist', 'src', 'build-id.txt'), '0000000000000000\n');
      pgwarden(['lint', '--cache', '-f', 'json', 'migrations']);
      const mine = Object.keys((await readCache()).entries);
      const run = pgwarden(['lint', '--cache', '-f', 'json', 'migrations'], join(other, 'bin', 'pgwarden.js'));
      expect(run.stdout).toBe(pgwarden(['lint', '-f', 'json', 'migrations']).stdout);
      const both = Object.keys((await readCache()).entries);
      expect(both).toHaveLength(4);
      expect(both.filter((k) => !mine.includes(k))).toHaveLength(2);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('a damaged cache only means linting again', async () => {
    await write('.pgwarden-cache/lint-files.json', '{"format":1,"entries":{');
    const run = pgwarden(['lint', '--cache', '-f', 'json', 'migrations']);
    expect(run.stdout).toBe(pgwarden(['lint', '-f', 'json', 'migrations']).stdout);
    expect(Object.keys((await readCache()).entries)).toHaveLength(2);
  });

  it('concurrent runs each report the same and leave one whole cache behind', async () => {
    const plain = pgwarden(['lint', '-f', 'json', 'migrations']);
    const runs = await Promise.all([0, 1, 2].map(() => pgwardenAsync(['lint', '--cache', '-f', 'json', 'migrations'])));
    for (const run of runs) expect(run.stdout).toBe(plain.stdout);
    expect(Object.keys((await readCache()).entries)).toHaveLength(2);
    expect(await readdir(join(dir, '.pgwarden-cache'))).toEqual(['lint-files.json']);
  });
});
