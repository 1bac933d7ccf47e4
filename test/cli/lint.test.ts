import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Runs the built CLI (npm test builds first) the way a user does. */
const bin = resolve(import.meta.dirname, '../../bin/pgwarden.js');
let dir: string;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function pgwarden(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (!options.env?.GITHUB_ACTIONS) delete env.GITHUB_ACTIONS;
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, input: options.input ?? '', env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(run: Run) {
  return JSON.parse(run.stdout) as {
    findings: Array<{ rule: string; severity: string; file: string; line: number; column: number; endLine: number; endColumn: number; message: string; help: string | null }>;
    summary: { files: number; errors: number; warnings: number };
  };
}

async function write(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await writeFile(join(dir, path), text);
}

function expectOneCleanLine(stderr: string): void {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/^pgwarden: /);
  expect(stderr).not.toMatch(/\n\s+at /);
}

beforeAll(async () => {
  expect(existsSync(resolve(import.meta.dirname, '../../dist/src/cli/program.js')), 'run `npx tsc -p .` (npm test does) first').toBe(true);
  dir = await mkdtemp(join(tmpdir(), 'pgwarden-cli-'));
  await write('clean.sql', 'CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n');
  await write('drop.sql', 'DROP TABLE users;\n');
  await write('unicode.sql', "-- é ☃ 😀 in a comment\nSELECT 'é☃😀'; DROP TABLE users;\n");
  await write('unknown-ignore.sql', '-- pgwarden-ignore no-such-rule: typo\nSELECT 1;\n');
  await write('suppressed.sql', '-- pgwarden-ignore ban-drop-table: unused since v42, backed up\nDROP TABLE users;\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('pgwarden lint: exit codes', () => {
  it('a clean file exits 0', () => {
    const r = pgwarden(['lint', 'clean.sql']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('✔ no problems in 1 file\n');
    expect(r.status).toBe(0);
  });

  it('DROP TABLE users; exits 1 with a pretty report free of colour escapes', () => {
    const r = pgwarden(['lint', 'drop.sql']);
    expect(r.status).toBe(1);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stdout).toContain('drop.sql:1:1  error  ');
    expect(r.stdout).toContain('ban-drop-table');
    expect(r.stdout).toContain('  1 | DROP TABLE users;\n    | ^^^^^^^^^^^^^^^^\n');
    expect(r.stdout).toContain('help: ');
    // other rules may add warnings (e.g. require-lock-timeout); the one error is the DROP
    expect(r.stdout).toMatch(/✖ \d+ problems? \(1 error, \d+ warnings?\)\n$/);
  });

  it('a missing path exits 2 with one line and no stack trace', () => {
    const r = pgwarden(['lint', 'nope/']);
    expect(r.status).toBe(2);
    expectOneCleanLine(r.stderr);
    expect(r.stderr).toBe('pgwarden: cannot read nope/: no such file or directory\n');
    expect(r.stdout).toBe('');
  });

  it('without paths it lints migrations/ and says so when it is missing', () => {
    const r = pgwarden(['lint']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'pgwarden: cannot read migrations/: no such file or directory; pass the files or directories to lint, or set migrationsDir in the configuration (pgwarden init writes one)\n',
    );
  });

  it('an unknown format or a bad --pg-version is a usage error', () => {
    for (const args of [['--format', 'xml'], ['--pg-version', 'fifteen'], ['--max-warnings', 'many']]) {
      const r = pgwarden(['lint', 'clean.sql', ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expectOneCleanLine(r.stderr);
    }
  });
});

describe('pgwarden lint: formats', () => {
  it('--format github prints an error annotation', () => {
    const r = pgwarden(['lint', '--format', 'github', 'drop.sql']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error file=drop\.sql,line=1,col=1,endLine=1,endColumn=17,title=ban-drop-table::\S/);
  });

  it('GITHUB_ACTIONS turns the default format into annotations; --format pretty keeps pretty', () => {
    expect(pgwarden(['lint', 'drop.sql'], { env: { GITHUB_ACTIONS: 'true' } }).stdout).toMatch(/^::error file=drop\.sql,line=1,/);
    expect(pgwarden(['lint', '-f', 'pretty', 'drop.sql'], { env: { GITHUB_ACTIONS: 'true' } }).stdout).toMatch(/^drop\.sql:1:1 {2}error/);
  });

  it('--format sarif prints SARIF 2.1.0 with the result', () => {
    const r = pgwarden(['lint', '--format', 'sarif', 'drop.sql', 'clean.sql']);
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.runs).toHaveLength(1);
    const { driver } = log.runs[0].tool;
    expect(driver.name).toBe('pgwarden');
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(driver.informationUri).toMatch(/^https:\/\//);
    const ids: string[] = driver.rules.map((rule: { id: string }) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('ban-drop-table');
    expect(ids).toContain('syntax-error');
    for (const rule of driver.rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.fullDescription.text.length).toBeGreaterThan(0);
      expect(rule.help.text.length).toBeGreaterThan(0);
      expect(['error', 'warning', 'note', 'none']).toContain(rule.defaultConfiguration.level);
    }
    const results = log.runs[0].results.filter((x: { ruleId: string }) => x.ruleId === 'ban-drop-table');
    expect(results).toHaveLength(1);
    const [result] = results;
    for (const x of log.runs[0].results) expect(driver.rules[x.ruleIndex].id).toBe(x.ruleId);
    expect(result.ruleId).toBe('ban-drop-table');
    expect(driver.rules[result.ruleIndex].id).toBe('ban-drop-table');
    expect(result.level).toBe('error');
    expect(result.message.text).toMatch(/users/);
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'drop.sql', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 17 },
    });
  });

  it('--format gitlab prints a Code Quality array', () => {
    const r = pgwarden(['lint', '--format', 'gitlab', 'drop.sql']);
    const [issue] = JSON.parse(r.stdout);
    expect(issue).toMatchObject({ check_name: 'ban-drop-table', severity: 'major', location: { path: 'drop.sql', lines: { begin: 1 } } });
    expect(issue.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a finding after multibyte characters has the right line and column (characters, not bytes)', () => {
    const r = pgwarden(['lint', '--format', 'json', 'unicode.sql']);
    expect(r.status).toBe(1);
    const report = json(r);
    const drops = report.findings.filter((f) => f.rule === 'ban-drop-table');
    expect(drops).toHaveLength(1);
    expect(drops[0]).toMatchObject({ file: 'unicode.sql', line: 2, column: 15, endLine: 2, endColumn: 31 });
    expect(report.summary).toMatchObject({ files: 1, errors: 1 });
  });
});

describe('pgwarden lint: input', () => {
  it('reads standard input with - and names it with --stdin-filename', () => {
    const r = pgwarden(['lint', '-', '--stdin-filename', 'db/0007_drop.sql', '-f', 'json'], { input: 'SELECT 1;\nDROP TABLE users;\n' });
    expect(r.status).toBe(1);
    const drops = json(r).findings.filter((f) => f.rule === 'ban-drop-table');
    expect(drops.map((f) => [f.file, f.line])).toEqual([['db/0007_drop.sql', 2]]);
    const unnamed = pgwarden(['lint', '-', '-f', 'json'], { input: 'SELECT 1;' });
    expect(unnamed.status).toBe(0);
    expect(json(unnamed).summary.files).toBe(1);
  });

  it('lints a directory in migration order, without down files unless named', async () => {
    await write('updown/0002_drop.up.sql', 'DROP TABLE accounts;\n');
    await write('updown/0002_drop.down.sql', 'DROP TABLE restored;\n');
    await write('updown/0001_create.up.sql', 'CREATE TABLE accounts (id bigint);\n');
    await write('updown/0001_create.down.sql', 'DROP TABLE accounts;\n');
    await write('updown/0003_orphan.down.sql', 'SELECT 1;\n');
    const r = pgwarden(['lint', '-f', 'json', 'updown']);
    expect(r.status).toBe(1);
    const dropped = (run: Run) => json(run).findings.filter((f) => f.rule === 'ban-drop-table').map((f) => f.file);
    expect(dropped(r)).toEqual(['updown/0002_drop.up.sql']);
    expect(json(r).summary.files).toBe(2);
    expect(r.stderr).toMatch(/^pgwarden: warning: down file updown\/0003_orphan\.down\.sql has no up file\n$/);
    const down = pgwarden(['lint', '-f', 'json', 'updown/0002_drop.down.sql']);
    expect(dropped(down)).toEqual(['updown/0002_drop.down.sql']);
  });

  it('one file of a known layout is checked against the schema its predecessors build, and only it is reported', async () => {
    await write('history/000001_users.up.sql', 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\nDROP TABLE IF EXISTS legacy;\n');
    await write('history/000002_plan.up.sql', "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN plan text;\nALTER TABLE users ALTER COLUMN plan SET NOT NULL;\n");
    const r = pgwarden(['lint', '-f', 'json', 'history/000002_plan.up.sql']);
    const report = json(r);
    expect(report.findings.map((f) => `${f.file}:${f.line} ${f.rule}`)).toContain('history/000002_plan.up.sql:3 adding-required-field');
    expect(report.findings.every((f) => f.file === 'history/000002_plan.up.sql')).toBe(true);
    expect(report.summary.files).toBe(1);
  });
});

describe('pgwarden lint: transaction semantics of the layout\'s tool', () => {
  it('golang-migrate runs SET …; CREATE INDEX CONCURRENTLY … as one implicit transaction; --assume-autocommit overrides', async () => {
    await write('gomigrate/000001_t.up.sql', 'CREATE TABLE t (id bigint PRIMARY KEY, a text);\n');
    await write('gomigrate/000002_t_a.up.sql', "SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY t_a_idx ON t (a);\n");
    const r = pgwarden(['lint', '-f', 'json', 'gomigrate']);
    expect(r.status).toBe(1);
    expect(json(r).findings.map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual(['gomigrate/000002_t_a.up.sql:2 ban-concurrent-index-creation-in-transaction']);
    expect(json(r).findings[0].message).toMatch(/golang-migrate sends this file as one multi-statement query/);
    const autocommit = pgwarden(['lint', '-f', 'json', '--assume-autocommit', 'gomigrate']);
    expect(autocommit.status).toBe(0);
  });

  it('--assume-in-transaction wraps every file; the two flags together are a usage error', async () => {
    await write('alone/cic.sql', 'CREATE INDEX CONCURRENTLY t_a_idx ON t (a);\n');
    expect(pgwarden(['lint', 'alone/cic.sql']).status).toBe(0);
    const wrapped = pgwarden(['lint', '-f', 'json', '--assume-in-transaction', 'alone/cic.sql']);
    expect(wrapped.status).toBe(1);
    expect(json(wrapped).findings.map((f) => f.rule)).toEqual(['ban-concurrent-index-creation-in-transaction']);
    const both = pgwarden(['lint', '--assume-in-transaction', '--assume-autocommit', 'alone/cic.sql']);
    expect(both.status).toBe(2);
    expectOneCleanLine(both.stderr);
  });
});

describe('pgwarden lint: warnings, suppression, configuration', () => {
  it('an ignore naming an unknown rule is a warning, which --max-warnings counts', () => {
    const r = pgwarden(['lint', '-f', 'json', 'unknown-ignore.sql']);
    expect(r.status).toBe(0);
    expect(json(r).findings).toMatchObject([{ rule: 'unknown-ignore-rule', severity: 'warning', line: 1, column: 1 }]);
    expect(json(r).findings[0].message).toContain('no-such-rule');
    expect(pgwarden(['lint', '--max-warnings', '1', 'unknown-ignore.sql']).status).toBe(0);
    const over = pgwarden(['lint', '--max-warnings', '0', 'unknown-ignore.sql']);
    expect(over.status).toBe(1);
    expect(over.stderr).toBe('pgwarden: too many warnings (1); the maximum allowed is 0\n');
  });

  it('a suppression comment silences the finding', () => {
    const r = pgwarden(['lint', '-f', 'json', 'suppressed.sql']);
    expect(r.status).toBe(0);
    expect(json(r).findings.filter((f) => f.rule === 'ban-drop-table')).toEqual([]);
    expect(json(r).summary.errors).toBe(0);
  });

  it('an invalid configuration exits 2 with one line naming the key', async () => {
    await write('badconfig/pgwarden.config.json', JSON.stringify({ rules: { 'ban-drop-table': 'fatal' } }));
    const r = pgwarden(['lint', '--config', 'badconfig/pgwarden.config.json', 'clean.sql']);
    expect(r.status).toBe(2);
    expectOneCleanLine(r.stderr);
    expect(r.stderr).toBe(
      'pgwarden: invalid configuration in badconfig/pgwarden.config.json: rules.ban-drop-table: expected one of "off", "warning", "error"\n',
    );
    await write('badjson.json', '{"rules": ');
    const malformed = pgwarden(['lint', '--config', 'badjson.json', 'clean.sql']);
    expect(malformed.status).toBe(2);
    expectOneCleanLine(malformed.stderr);
    expect(malformed.stderr).toMatch(/^pgwarden: invalid JSON in badjson\.json: /);
  });

  it('the configuration found upwards sets severities, directories and globs', async () => {
    await write('project/pgwarden.config.json', JSON.stringify({ rules: { 'ban-drop-table': 'warning' }, migrationsDir: 'db', exclude: ['*_skip.sql'] }));
    await write('project/db/001_drop.sql', 'DROP TABLE users;\n');
    await write('project/db/002_skip.sql', 'DROP TABLE skipped;\n');
    const r = spawnSync(process.execPath, [bin, 'lint', '-f', 'json'], { cwd: join(dir, 'project'), encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toMatchObject({ files: 1, errors: 0 });
    const drops = report.findings.filter((f: { rule: string }) => f.rule === 'ban-drop-table');
    expect(drops).toMatchObject([{ file: 'db/001_drop.sql', severity: 'warning' }]);
  });

  it('--cache stores the result and a second run reports the same', async () => {
    const first = pgwarden(['lint', '--cache', '-f', 'json', 'drop.sql', 'unicode.sql']);
    const entries = await readdir(join(dir, '.pgwarden-cache'));
    expect(entries.filter((e) => e.startsWith('lint-'))).toHaveLength(1);
    const second = pgwarden(['lint', '--cache', '-f', 'json', 'drop.sql', 'unicode.sql']);
    expect(second.stdout).toBe(first.stdout);
    expect(second.status).toBe(1);
  });
});
