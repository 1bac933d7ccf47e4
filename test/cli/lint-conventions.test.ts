import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// The conventions people reach for from other linters, on the built CLI (npm test builds first).
const bin = resolve(import.meta.dirname, '../../bin/pgwarden.js');
let dir: string;

function pgwarden(args: string[], env: Record<string, string | undefined> = {}, cwd = dir) {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['GITHUB_ACTIONS', 'FORCE_COLOR', 'NO_COLOR']) delete base[name];
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete base[name];
    else base[name] = value;
  }
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, env: base, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

/** One error (ban-drop-table) and one warning (prefer-text-field) in two files. */
function project(): void {
  write('migrations/001_accounts.sql', 'CREATE TABLE accounts (id bigint PRIMARY KEY, name varchar(20));\n');
  write('migrations/002_drop.sql', 'DROP TABLE accounts;\n');
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pgwarden-conventions-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('empty and nested targets', () => {
  it('a directory without migrations exits 2 with one line; --allow-empty and --no-error-on-unmatched-pattern accept it', () => {
    mkdirSync(join(dir, 'db'));
    const empty = pgwarden(['lint', 'db']);
    expect([empty.status, empty.stdout, empty.stderr]).toEqual([2, '', 'pgwarden: no migration files in db (pass --allow-empty to accept that)\n']);
    for (const flag of ['--allow-empty', '--no-error-on-unmatched-pattern']) {
      const allowed = pgwarden(['lint', 'db', flag]);
      expect(allowed.status, flag).toBe(0);
      expect(allowed.stdout).toBe('✔ no problems in 0 files\n');
      expect(allowed.stderr).toBe('pgwarden: warning: no migration files in db\n');
    }
  });

  it('the default migrations/ directory, empty, is an error too', () => {
    mkdirSync(join(dir, 'migrations'));
    expect(pgwarden(['lint']).status).toBe(2);
  });

  it('from a repository root, finds the layouts nested below it (Prisma, golang-migrate, Flyway)', () => {
    write('prisma/migrations/20240101000000_init/migration.sql', 'CREATE TABLE users (id bigint PRIMARY KEY);\n');
    write('prisma/migrations/20240202000000_drop/migration.sql', 'DROP TABLE users;\n');
    write('prisma/schema.prisma', 'datasource db { provider = "postgresql" }\n');
    write('services/billing/db/migrations/000001_invoices.up.sql', 'CREATE TABLE invoices (id bigint PRIMARY KEY);\n');
    write('services/billing/db/migrations/000001_invoices.down.sql', 'DROP TABLE invoices;\n');
    write('src/main/resources/db/migration/V1__orders.sql', 'CREATE TABLE orders (id bigint PRIMARY KEY);\n');
    write('node_modules/some-package/migrations/001.sql', 'DROP TABLE ignored;\n');
    const r = pgwarden(['lint', '.', '--format', 'json']);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { findings: Array<{ rule: string; file: string }>; summary: { files: number } };
    expect(report.summary.files).toBe(4);
    expect(report.findings.map((f) => [f.rule, f.file])).toContainEqual(['ban-drop-table', 'prisma/migrations/20240202000000_drop/migration.sql']);
    expect(report.findings.map((f) => f.file).filter((f) => f.includes('node_modules') || f.endsWith('.down.sql'))).toEqual([]);
    expect(r.status).toBe(1);
  });
});

describe('output conventions', () => {
  it('--quiet reports errors only; the warnings still count for --max-warnings', () => {
    project();
    const quiet = pgwarden(['lint', '--quiet', '--format', 'json']);
    const report = JSON.parse(quiet.stdout) as { findings: Array<{ severity: string }> };
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((f) => f.severity === 'error')).toBe(true);
    write('migrations/002_drop.sql', 'SELECT 1;\n');
    expect(pgwarden(['lint', '-q']).stdout).toBe('✔ no problems in 2 files\n');
    expect(pgwarden(['lint', '-q', '--max-warnings', '0']).status).toBe(1);
  });

  it('--output-file writes the report there (directories created, no colour) and nothing to standard output', () => {
    project();
    const r = pgwarden(['lint', '--output-file', 'reports/pgwarden.txt'], { FORCE_COLOR: undefined });
    expect([r.status, r.stdout]).toEqual([1, '']);
    const text = readFileSync(join(dir, 'reports/pgwarden.txt'), 'utf8');
    expect(text).toContain('migrations/002_drop.sql:1:1  error');
    expect(text).not.toContain('\u001b[');
    const bad = pgwarden(['lint', '-o', 'migrations']);
    expect([bad.status, bad.stderr]).toEqual([2, 'pgwarden: cannot write --output-file migrations: is a directory\n']);
  });

  it('colour: FORCE_COLOR forces it, NO_COLOR and --no-color turn it off, --color turns it on', () => {
    project();
    const escape = '\u001b[';
    expect(pgwarden(['lint']).stdout).not.toContain(escape);
    expect(pgwarden(['lint'], { FORCE_COLOR: '1' }).stdout).toContain(escape);
    expect(pgwarden(['lint', '--no-color'], { FORCE_COLOR: '1' }).stdout).not.toContain(escape);
    expect(pgwarden(['lint'], { NO_COLOR: '1' }).stdout).not.toContain(escape);
    expect(pgwarden(['lint', '--color'], { NO_COLOR: '1' }).stdout).toContain(escape);
    expect(pgwarden(['lint'], { FORCE_COLOR: '0' }).stdout).not.toContain(escape);
  });
});

describe('rules on the command line', () => {
  it('--rule sets a severity over the configuration, --disable-rule turns one off', () => {
    project();
    write('pgwarden.config.json', JSON.stringify({ rules: { 'prefer-text-field': 'error' } }));
    const rules = (args: string[]) =>
      (JSON.parse(pgwarden(['lint', '--format', 'json', ...args]).stdout) as { findings: Array<{ rule: string; severity: string }> }).findings.map((f) => `${f.rule}:${f.severity}`);
    expect(rules([])).toEqual(expect.arrayContaining(['prefer-text-field:error', 'ban-drop-table:error']));
    expect(rules(['--rule', 'prefer-text-field=warning'])).toContain('prefer-text-field:warning');
    expect(rules(['--rule', 'ban-drop-table:warn'])).toContain('ban-drop-table:warning');
    const off = rules(['--disable-rule', 'ban-drop-table', '--disable-rule', 'prefer-text-field']);
    expect(off.filter((r) => r.startsWith('ban-drop-table') || r.startsWith('prefer-text-field'))).toEqual([]);
    expect(pgwarden(['lint', '--disable-rule', 'ban-drop-table', '--rule', 'prefer-text-field=off']).status).toBe(0);
  });

  it('an unknown rule or severity is a usage error with a did-you-mean', () => {
    project();
    expect(pgwarden(['lint', '--disable-rule', 'ban-drop-tabel']).stderr).toBe('pgwarden: --disable-rule ban-drop-tabel: unknown rule "ban-drop-tabel"; did you mean "ban-drop-table"? (run `pgwarden rules` for the list)\n');
    const bad = pgwarden(['lint', '--rule', 'ban-drop-table=fatal']);
    expect([bad.status, bad.stderr]).toEqual([2, 'pgwarden: --rule ban-drop-table=fatal: severity must be one of off, warning, error\n']);
    expect(pgwarden(['lint', '--rule', 'ban-drop-table']).status).toBe(2);
  });
});

describe('configuration keys', () => {
  it('an unknown key exits 2 naming it with a did-you-mean; "//" keys stay comments', () => {
    project();
    write('pgwarden.config.json', JSON.stringify({ '// note': 'a comment', migrationDir: 'migrations' }));
    const r = pgwarden(['lint']);
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(`pgwarden: invalid configuration in pgwarden.config.json: migrationDir: unknown key; did you mean "migrationsDir"? (keys starting with "//" are comments)\n`);
    write('pgwarden.config.json', JSON.stringify({ '// note': 'a comment', rules: { 'ban-drop-tabel': 'off' } }));
    expect(pgwarden(['lint']).stderr).toContain('rules.ban-drop-tabel: unknown rule "ban-drop-tabel"; did you mean "ban-drop-table"?');
  });
});

describe('report paths in a monorepo', () => {
  it('github and gitlab name files from the repository root when run in a subdirectory', () => {
    mkdirSync(join(dir, '.git'));
    write('services/api/migrations/001_accounts.sql', 'CREATE TABLE accounts (id bigint PRIMARY KEY);\n');
    write('services/api/migrations/002_drop.sql', 'DROP TABLE accounts;\n');
    const cwd = join(dir, 'services/api');
    expect(pgwarden(['lint', '--format', 'github'], {}, cwd).stdout).toMatch(/^::error file=services\/api\/migrations\/002_drop\.sql,line=1,/m);
    const gitlab = JSON.parse(pgwarden(['lint', '--format', 'gitlab'], {}, cwd).stdout) as Array<{ location: { path: string } }>;
    expect(gitlab.map((i) => i.location.path)).toContain('services/api/migrations/002_drop.sql');
    expect(pgwarden(['lint', '--format', 'json'], {}, cwd).stdout).toContain('"file":"migrations/002_drop.sql"');
  });
});
