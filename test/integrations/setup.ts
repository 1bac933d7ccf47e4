import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../ecosystem/cli.js';

// Shared by the end-to-end suites of `npm run test:integrations`: each integration is driven the way its
// runner drives it, from what a user gets (a tarball of the package, a checkout of the commit).

export { repoRoot };

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs a command; never throws on a non-zero exit (the tests look at it). */
export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  const base = { ...process.env };
  // a lint run inside these tests must not believe it runs under GitHub Actions or GitLab
  for (const name of ['GITHUB_ACTIONS', 'GITLAB_CI', 'FORCE_COLOR', 'NO_COLOR']) delete base[name];
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...base, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error ? String(r.error) : '') };
}

/** Runs a CI script as GitHub Actions (`bash -e {0}` with pipefail) and GitLab's bash shell do. */
export function bash(script: string, cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  return run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], cwd, env);
}

export function must(r: Run, what: string): Run {
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

export function scratch(label: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `pgwarden-e2e-${label}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `npm pack` of this checkout into `dir`: the tarball a user installs from a clone. */
export function packTarball(dir: string): string {
  const r = must(run('npm', ['pack', '--json', '--pack-destination', dir], repoRoot), 'npm pack');
  return join(dir, (JSON.parse(r.stdout) as Array<{ filename: string }>)[0].filename);
}

/** The files of the committed HEAD, as GitHub's runner downloads an action's repository at a ref. */
export function checkoutOfHead(dir: string): string {
  mkdirSync(dir, { recursive: true });
  must(run('sh', ['-c', `git archive HEAD | tar -x -C "${dir}"`], repoRoot), 'git archive');
  return dir;
}

export function headCommit(): string {
  return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
}

/** The fenced block after `<!-- snippet:name -->` in the README: the exact snippet users copy. */
export function readmeSnippet(name: string): string {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const m = new RegExp(`<!-- snippet:${name} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (!m) throw new Error(`README.md has no snippet ${name}`);
  return m[1];
}

export function yaml<T = Record<string, unknown>>(text: string): T {
  return parse(text) as T;
}

/**
 * The real pre-commit: PGWARDEN_PRE_COMMIT if set, else pre-commit 4.6 from PyPI in a virtualenv under
 * the system's temporary directory (made once, never inside the repository).
 */
export function preCommitBin(): string {
  if (process.env.PGWARDEN_PRE_COMMIT) return process.env.PGWARDEN_PRE_COMMIT;
  const venv = join(tmpdir(), 'pgwarden-pre-commit-4.6');
  const bin = join(venv, 'bin', 'pre-commit');
  if (!existsSync(bin)) {
    must(run('python3', ['-m', 'venv', venv], tmpdir()), 'python3 -m venv');
    must(run(join(venv, 'bin', 'pip'), ['install', '--quiet', 'pre-commit>=4.6,<4.7'], tmpdir()), 'pip install pre-commit');
  }
  return bin;
}

/** A git repository with one commit on main: a history of migrations, the first unsafe one only on a branch. */
export function gitRepo(dir: string): (...args: string[]) => string {
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=pgwarden e2e', '-c', 'user.email=e2e@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  mkdirSync(dir, { recursive: true });
  git('init', '--quiet', '--initial-branch=main');
  return git;
}

export const HISTORY = {
  'migrations/001_accounts.sql': 'CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL);\n',
  'migrations/002_orders.sql': 'CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint NOT NULL);\n',
};
export const UNSAFE = { 'migrations/003_drop.sql': 'DROP TABLE orders;\n' };

/** Writes files (path relative to `dir` → text), creating their directories. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}
