import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npxShim, pgwarden, repoRoot, runScript, tempProject, type Shim } from './cli.js';
import { createTempRepo } from './git-repo.js';
import { parseYamlSubset, type YamlValue } from './yaml-subset.js';

type Mapping = { [key: string]: YamlValue };
const asMap = (v: YamlValue | undefined): Mapping => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error(`expected a mapping, got ${JSON.stringify(v)}`);
  return v;
};
const asList = (v: YamlValue | undefined): YamlValue[] => {
  if (!Array.isArray(v)) throw new Error(`expected a sequence, got ${JSON.stringify(v)}`);
  return v;
};
const asText = (v: YamlValue | undefined): string => {
  if (typeof v !== 'string') throw new Error(`expected a string, got ${JSON.stringify(v)}`);
  return v;
};
const readYaml = (path: string): YamlValue => parseYamlSubset(readFileSync(join(repoRoot, path), 'utf8'));

const SAFE = {
  'migrations/001_accounts.sql':
    'CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL);\nCREATE TABLE orders (id bigint PRIMARY KEY);\n',
};
/** A later migration that drops a table the history created: an error in every layout. */
const DROP_ORDERS = 'DROP TABLE orders;\n';
const UNSAFE = { ...SAFE, 'migrations/002_drop.sql': 'DROP TABLE accounts;\n' };

/** The long flags a script hands to pgwarden: every `--flag` in it except npx's own `--yes`. */
function lintFlags(script: string): string[] {
  const code = script
    .split('\n')
    .filter((l) => !l.trim().startsWith('#'))
    .join('\n');
  return [...new Set([...code.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((m) => m[0]))].filter((f) => f !== '--yes');
}

/**
 * Makes `dir` a Node project whose devDependency is this checkout (`file:`, linked, as a local install of
 * a clone is), with its lockfile, so the GitLab job's `npm ci` installs it for real and quickly.
 */
function asNodeProject(dir: string): void {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, devDependencies: { pgwarden: `file:${repoRoot}` } }));
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm install in the consumer failed: ${r.stderr}`);
}

let shim: Shim;
let lintHelp: string;
beforeAll(() => {
  shim = npxShim();
  lintHelp = pgwarden(['lint', '--help'], repoRoot).stdout;
});
afterAll(() => shim.remove());

describe('action.yml (composite GitHub Action)', () => {
  const action = asMap(readYaml('action.yml'));
  const inputs = asMap(action.inputs);
  const runs = asMap(action.runs);
  const steps = asList(runs.steps).map(asMap);
  const gate = steps.find((s) => typeof s.run === 'string' && s.run.includes('--format github'));
  const install = steps.find((s) => typeof s.run === 'string' && s.run.includes('npm ci'));
  const summary = steps.find((s) => typeof s.run === 'string' && s.run.includes('--format markdown'));
  const sarif = steps.find((s) => s.id === 'sarif');
  const upload = steps.find((s) => typeof s.uses === 'string' && s.uses.startsWith('github/codeql-action/upload-sarif@'));

  /** What GitHub does to `${{ inputs.x }}` before the step runs. */
  const expand = (text: string, given: Record<string, string>): string =>
    text.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => {
      if (!(name in inputs)) throw new Error(`unknown input ${name}`);
      return given[name] ?? asText(asMap(inputs[name]).default);
    });

  // The runner sets GITHUB_ACTION_PATH to the action's checkout; here that is this repository (built by
  // npm test), so the install step is not run here (test/integrations/action.e2e.ts runs every step on
  // a fresh checkout of the commit).
  function runStep(step: Mapping, project: string, given: Record<string, string>, extraEnv: NodeJS.ProcessEnv = {}) {
    const env = Object.fromEntries(Object.entries(asMap(step.env ?? {})).map(([k, v]) => [k, expand(asText(v), given)]));
    const dir = join(project, expand(asText(step['working-directory'] ?? '.'), given));
    return runScript(asText(step.run), dir, { ...env, GITHUB_ACTION_PATH: repoRoot, ...extraEnv });
  }

  it('is a composite action on Node 20 with the gate, the SARIF report and its upload', () => {
    expect(runs.using).toBe('composite');
    const setup = steps.find((s) => typeof s.uses === 'string' && s.uses.startsWith('actions/setup-node@'));
    expect(asMap(setup?.with)['node-version']).toBe('20');
    expect(gate?.if).toBeUndefined();
    // the action's own code at the ref the workflow names, never a registry download
    expect(asText(install?.run)).toContain('cd "$GITHUB_ACTION_PATH"');
    expect(asText(install?.run)).toContain('npm ci --omit=dev --omit=optional');
    for (const step of steps) if (typeof step.run === 'string') expect(step.run).not.toMatch(/npx|pgwarden@/);
    expect(asText(summary?.if)).toContain('!cancelled()');
    expect(asText(sarif?.run)).toContain('--format sarif');
    expect(asText(upload?.if)).toContain('always()');
    expect(asMap(upload?.with).sarif_file).toBe('${{ steps.sarif.outputs.file }}');
    expect(Object.keys(inputs).sort()).toEqual(
      ['args', 'changed-since', 'job-summary', 'paths', 'sarif-file', 'upload-sarif', 'working-directory'].sort(),
    );
  });

  it('uses every input it declares and only those', () => {
    const text = readFileSync(join(repoRoot, 'action.yml'), 'utf8');
    const used = new Set([...text.matchAll(/\binputs\.([\w-]+)/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual(Object.keys(inputs).sort());
  });

  it('passes pgwarden lint only flags that `pgwarden lint --help` lists', () => {
    const flags = steps.flatMap((s) => (typeof s.run === 'string' && s.run.includes(' lint ') ? lintFlags(s.run) : []));
    expect(flags).toContain('--format');
    for (const flag of flags) expect(lintHelp, `${flag} in pgwarden lint --help`).toContain(flag);
  });

  it('gate: annotates an unsafe migration and fails; passes a safe one', () => {
    const unsafe = tempProject(UNSAFE);
    const safe = tempProject(SAFE);
    try {
      const failed = runStep(gate!, unsafe.dir, {});
      expect(failed.status).toBe(1);
      expect(failed.stdout).toMatch(/^::error file=migrations\/002_drop\.sql,line=1,.*title=ban-drop-table::/m);
      const passed = runStep(gate!, safe.dir, {});
      expect(passed.stderr).toBe('');
      expect(passed.status).toBe(0);
      expect(passed.stdout).not.toContain('::error');
    } finally {
      unsafe.remove();
      safe.remove();
    }
  });

  it('gate: honours paths, args and working-directory', () => {
    const project = tempProject({
      'services/api/db/migrations/001_accounts.sql': SAFE['migrations/001_accounts.sql'],
      'services/api/db/migrations/002_drop.sql': 'DROP TABLE accounts;\n',
      'services/api/ci/pgwarden.json': JSON.stringify({ rules: { 'ban-drop-table': 'off' } }),
    });
    try {
      const given = { 'working-directory': 'services/api', paths: 'db/migrations' };
      expect(runStep(gate!, project.dir, given).status).toBe(1);
      const relaxed = runStep(gate!, project.dir, { ...given, args: '--config ci/pgwarden.json' });
      expect(relaxed.stderr).toBe('');
      expect(relaxed.status).toBe(0);
    } finally {
      project.remove();
    }
  });

  it('gate: with changed-since, annotates only the migrations the branch adds', () => {
    const repo = createTempRepo();
    try {
      repo.write('migrations/001_accounts.sql', SAFE['migrations/001_accounts.sql']);
      repo.write('migrations/002_drop.sql', 'DROP TABLE accounts;\n');
      repo.commitAll('history with an old unsafe migration');
      repo.git('checkout', '--quiet', '-b', 'feature');
      repo.write('migrations/003_orders.sql', DROP_ORDERS);
      repo.commitAll('new migration');
      const result = runStep(gate!, repo.dir, { 'changed-since': 'main' });
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain('file=migrations/003_orders.sql');
      expect(result.stdout).not.toContain('002_drop.sql');
    } finally {
      repo.remove();
    }
  });

  it('summary step: appends a markdown table to the job summary and does not fail on findings', () => {
    const project = tempProject(UNSAFE);
    try {
      const file = join(project.dir, 'step-summary.md');
      writeFileSync(file, '');
      const result = runStep(summary!, project.dir, {}, { GITHUB_STEP_SUMMARY: file });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const text = readFileSync(file, 'utf8');
      expect(text).toMatch(/^### pgwarden: 1 error, \d+ warnings? in 2 files\n/);
      expect(text).toContain('| error | `migrations/002_drop.sql:1:1` | [`ban-drop-table`]');
    } finally {
      project.remove();
    }
  });

  it('SARIF step: writes the report, hands its path to the upload step, and does not fail on findings', () => {
    const project = tempProject(UNSAFE);
    try {
      const output = join(project.dir, 'github-output');
      writeFileSync(output, '');
      const result = runStep(sarif!, project.dir, {}, { GITHUB_OUTPUT: output });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const written = readFileSync(output, 'utf8');
      expect(written).toBe(`file=${join(project.dir, 'pgwarden.sarif')}\n`);
      const report = JSON.parse(readFileSync(join(project.dir, 'pgwarden.sarif'), 'utf8')) as {
        version: string;
        runs: Array<{ results: Array<{ ruleId: string }> }>;
      };
      expect(report.version).toBe('2.1.0');
      expect(report.runs[0].results.map((r) => r.ruleId)).toContain('ban-drop-table');
    } finally {
      project.remove();
    }
  });

  it('SARIF step: fails on a usage error and then hands nothing to the upload step', () => {
    const project = tempProject(SAFE);
    try {
      const output = join(project.dir, 'github-output');
      writeFileSync(output, '');
      const result = runStep(sarif!, project.dir, { args: '--no-such-flag' }, { GITHUB_OUTPUT: output });
      expect(result.status).toBe(2);
      expect(readFileSync(output, 'utf8')).toBe('');
    } finally {
      project.remove();
    }
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = asList(readYaml('.pre-commit-hooks.yaml')).map(asMap);
  const hook = hooks[0];
  // pre-commit matches `files`/`exclude` with Python's re.search; these patterns mean the same in JS.
  const selected = (path: string): boolean =>
    new RegExp(asText(hook.files)).test(path) && !new RegExp(asText(hook.exclude)).test(path);

  it('declares one node hook that gets the staged file names', () => {
    expect(hooks).toHaveLength(1);
    expect(hook).toMatchObject({ id: 'pgwarden', entry: 'pgwarden lint', language: 'node', pass_filenames: true });
  });

  it('selects forward migrations and skips down, undo, revert and verify scripts', () => {
    for (const path of ['migrations/001_init.sql', 'db/migration/V2__orders.sql', 'prisma/migrations/2024_x/migration.sql', '000001_a.up.sql', 'sqitch/deploy/widgets.sql']) {
      expect(selected(path), path).toBe(true);
    }
    for (const path of ['000001_a.down.sql', 'db/migration/U2__orders.sql', 'sqitch/revert/widgets.sql', 'verify/widgets.sql', 'README.md', 'schema.sql.bak']) {
      expect(selected(path), path).toBe(false);
    }
  });

  it('its entry is a real command: fails on an unsafe staged file, passes a safe one', () => {
    const project = tempProject(UNSAFE);
    try {
      const [command, ...args] = asText(hook.entry).split(' ');
      expect(command).toBe('pgwarden');
      const failed = pgwarden([...args, 'migrations/002_drop.sql'], project.dir);
      expect(failed.status).toBe(1);
      expect(failed.stdout).toContain('ban-drop-table');
      const passed = pgwarden([...args, 'migrations/001_accounts.sql'], project.dir);
      expect(passed.status).toBe(0);
    } finally {
      project.remove();
    }
  });
});

describe('ci/gitlab/pgwarden.gitlab-ci.yml', () => {
  const job = asMap(asMap(readYaml('ci/gitlab/pgwarden.gitlab-ci.yml')).pgwarden);
  const variables = Object.fromEntries(Object.entries(asMap(job.variables)).map(([k, v]) => [k, asText(v)]));
  const script = asList(job.script).map(asText).join('\n');
  const report = asText(asMap(asMap(job.artifacts).reports).codequality);

  it('publishes the Code Quality report the script writes, even when the job fails', () => {
    expect(job.image).toBe('node:20');
    expect(asMap(job.artifacts).when).toBe('always');
    expect(script).toContain(`--format gitlab`);
    expect(script).toContain(`> ${report}`);
  });

  it('passes pgwarden lint only flags that `pgwarden lint --help` lists', () => {
    const flags = lintFlags(script.split('\n').filter((l) => l.includes(' lint ')).join('\n'));
    expect(flags).toContain('--format');
    for (const flag of flags) expect(lintHelp, `${flag} in pgwarden lint --help`).toContain(flag);
  });

  it('runs the project\'s own pgwarden (npm ci), never a registry download', () => {
    expect(variables.PGWARDEN_PACKAGE).toBe('');
    expect(script).toContain('npm ci');
    expect(script).not.toMatch(/npx|pgwarden@/);
  });

  it('writes Code Quality JSON and fails the job on an unsafe migration', () => {
    const project = tempProject(UNSAFE);
    try {
      asNodeProject(project.dir);
      const result = runScript(script, project.dir, { ...variables });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(1);
      expect(result.stdout).toContain('ban-drop-table');
      const issues = JSON.parse(readFileSync(join(project.dir, report), 'utf8')) as Array<{
        check_name: string;
        location: { path: string };
      }>;
      expect(issues).toContainEqual(expect.objectContaining({ check_name: 'ban-drop-table', location: expect.objectContaining({ path: 'migrations/002_drop.sql' }) }));
    } finally {
      project.remove();
    }
  });

  it('passes a safe project, still writing the report', () => {
    const project = tempProject({ 'migrations/001_ids.sql': 'CREATE TABLE ids (id bigint PRIMARY KEY);\n' });
    try {
      asNodeProject(project.dir);
      const result = runScript(script, project.dir, { ...variables });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      // warnings may appear (they do not fail the job); errors may not
      const issues = JSON.parse(readFileSync(join(project.dir, report), 'utf8')) as Array<{ check_name: string }>;
      expect(Array.isArray(issues)).toBe(true);
      expect(issues.map((i) => i.check_name)).not.toContain('ban-drop-table');
    } finally {
      project.remove();
    }
  });

  it('stops with the usage error when pgwarden cannot run', () => {
    const project = tempProject(SAFE);
    try {
      asNodeProject(project.dir);
      const result = runScript(script, project.dir, { ...variables, PGWARDEN_ARGS: '--no-such-flag' });
      expect(result.status).toBe(2);
    } finally {
      project.remove();
    }
  });

  it('in a merge request pipeline, reports only what the merge request adds', () => {
    const repo = createTempRepo();
    try {
      repo.write('migrations/001_accounts.sql', SAFE['migrations/001_accounts.sql']);
      repo.write('migrations/002_drop.sql', 'DROP TABLE accounts;\n');
      repo.commitAll('history');
      const base = repo.git('rev-parse', 'HEAD').trim();
      repo.git('checkout', '--quiet', '-b', 'feature');
      repo.write('migrations/003_orders.sql', DROP_ORDERS);
      repo.commitAll('new migration');
      asNodeProject(repo.dir);
      const result = runScript(script, repo.dir, { ...variables, CI_MERGE_REQUEST_DIFF_BASE_SHA: base });
      expect(result.stderr).toBe('');
      const issues = JSON.parse(readFileSync(join(repo.dir, report), 'utf8')) as Array<{ location: { path: string } }>;
      expect(issues.map((i) => i.location.path)).toContain('migrations/003_orders.sql');
      expect(issues.map((i) => i.location.path)).not.toContain('migrations/002_drop.sql');
    } finally {
      repo.remove();
    }
  });
  it('without pgwarden in the project and no PGWARDEN_PACKAGE, says how to get it (exit 2)', () => {
    const project = tempProject(SAFE);
    try {
      writeFileSync(join(project.dir, 'package.json'), JSON.stringify({ name: 'bare', private: true }));
      spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project.dir });
      const result = runScript(script, project.dir, { ...variables });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('pgwarden is not a dependency of this project: npm install --save-dev git+https://github.com/pgwarden/pgwarden.git, or set PGWARDEN_PACKAGE');
    } finally {
      project.remove();
    }
  });
});

describe('husky snippet in docs/ecosystem.md', () => {
  const docs = readFileSync(join(repoRoot, 'docs/ecosystem.md'), 'utf8');
  // the first fenced block after the line naming .husky/pre-commit
  const hook = /`\.husky\/pre-commit`[^\n]*\n+```sh\n([\s\S]*?)```/.exec(docs)?.[1] ?? '';

  function repoWithHistory() {
    const repo = createTempRepo();
    // an old unsafe migration: linting everything (instead of the staged files) would fail on it
    repo.write('migrations/001_accounts.sql', SAFE['migrations/001_accounts.sql']);
    repo.write('migrations/002_drop.sql', 'DROP TABLE accounts;\n');
    repo.commitAll('history');
    return repo;
  }

  it('is in the docs', () => {
    expect(hook).toContain('npx pgwarden lint');
  });

  it('lints the staged migrations and stops the commit on an error', () => {
    const repo = repoWithHistory();
    try {
      repo.write('migrations/003_orders.sql', DROP_ORDERS);
      repo.git('add', 'migrations/003_orders.sql');
      const result = runScript(hook, repo.dir, { PATH: shim.path });
      expect(result.status).toBe(1);
      expect(result.stdout).toContain('migrations/003_orders.sql');
      expect(result.stdout).not.toContain('002_drop.sql');
    } finally {
      repo.remove();
    }
  });

  it('does nothing when no migration (or only a down file) is staged', () => {
    const repo = repoWithHistory();
    try {
      repo.write('README.md', 'docs\n');
      repo.write('migrations/003_orders.down.sql', 'DROP TABLE orders;\n');
      repo.git('add', 'README.md', 'migrations/003_orders.down.sql');
      const result = runScript(hook, repo.dir, { PATH: shim.path });
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe('');
      expect(result.status).toBe(0);
    } finally {
      repo.remove();
    }
  });
});

describe('example workflows in docs/examples', () => {
  const workflow = (file: string) => asMap(readYaml(join('docs/examples', file)));
  const stepsOf = (doc: Mapping, job: string) => asList(asMap(asMap(doc.jobs)[job]).steps).map(asMap);

  it('github-lint.yml: full history, the action, and changed-since the base branch', () => {
    const doc = workflow('github-lint.yml');
    expect(asMap(doc.permissions)['security-events']).toBe('write');
    const steps = stepsOf(doc, 'pgwarden');
    const checkout = steps.find((s) => asText(s.uses).startsWith('actions/checkout@'));
    expect(asMap(checkout?.with)['fetch-depth']).toBe('0');
    const action = steps.find((s) => asText(s.uses).startsWith('pgwarden/pgwarden@'));
    const inputs = asMap(action?.with);
    expect(inputs['changed-since']).toBe('origin/${{ github.base_ref }}');
    // only inputs the action declares
    const declared = Object.keys(asMap(asMap(readYaml('action.yml')).inputs));
    for (const name of Object.keys(inputs)) expect(declared).toContain(name);
  });

  it('github-migrate-dry-run.yml: a postgres:15 service and a real `migrate up --dry-run`', () => {
    const doc = workflow('github-migrate-dry-run.yml');
    const job = asMap(asMap(doc.jobs)['dry-run']);
    expect(asMap(asMap(job.services).postgres).image).toBe('postgres:15');
    expect(asText(asMap(job.env).DATABASE_URL)).toMatch(/^postgres:\/\/.*@localhost:5432\//);
    const run = stepsOf(doc, 'dry-run').map((s) => s.run).find((r) => typeof r === 'string' && r.includes('migrate up'));
    expect(run).toBe('npx --no-install pgwarden migrate up --dry-run');
    expect(pgwarden(['migrate', 'up', '--help'], repoRoot).stdout).toContain('--dry-run');
  });
});
