import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY, UNSAFE, gitRepo, headCommit, must, packTarball, preCommitBin, readmeSnippet, repoRoot, run, scratch, writeFiles as write } from './setup.js';

// The hook repository (.pre-commit-hooks.yaml) installed and run by the real pre-commit, both ways
// pre-commit has installed `language: node` hooks: 4.x (`npm install -g git+file://<clone>`) and the
// releases before (`npm install` in the clone, then `npm pack`, whose stdout must be only the
// tarball's name, then `npm install -g <tarball>`). Neither may need a build.

describe('pre-commit hook', () => {
  const tmp = scratch('pre-commit');
  let preCommit: string;
  const env = () => ({ PRE_COMMIT_HOME: join(tmp.dir, 'pre-commit-home'), HOME: tmp.dir });

  beforeAll(() => {
    preCommit = preCommitBin();
    expect(must(run(preCommit, ['--version'], tmp.dir), 'pre-commit --version').stdout).toMatch(/^pre-commit 4\.6\./);
  });
  afterAll(() => tmp.remove());

  function consumer(name: string, config: string): { dir: string; git: (...args: string[]) => string } {
    const dir = join(tmp.dir, name);
    const git = gitRepo(dir);
    write(dir, { ...HISTORY, '.pre-commit-config.yaml': config });
    git('add', '-A');
    git('commit', '--quiet', '-m', 'history');
    return { dir, git };
  }

  it("README's snippet with pre-commit 4.6: install, block an unsafe commit, let a safe one through", () => {
    // the README's snippet, pointed at this repository's commit instead of GitHub
    const config = readmeSnippet('pre-commit').replace('https://github.com/pgwarden/pgwarden', repoRoot).replace(/rev: \S+/, `rev: ${headCommit()}`);
    const { dir, git } = consumer('v4', config);
    const installed = run(preCommit, ['install', '--install-hooks'], dir, env());
    expect(installed.status, installed.stdout + installed.stderr).toBe(0);

    write(dir, UNSAFE);
    git('add', '-A');
    const blocked = run('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.com', 'commit', '-m', 'drop orders'], dir, env());
    // git runs the hook with its output on stderr
    const output = blocked.stdout + blocked.stderr;
    expect(blocked.status).toBe(1);
    expect(output).toContain('pgwarden (PostgreSQL migrations)');
    expect(output).toContain('migrations/003_drop.sql:1:1  error');
    expect(output).toContain('ban-drop-table');
    // only the staged file is reported; the history it builds on is replayed
    expect(output).not.toContain('001_accounts.sql:');

    write(dir, { 'migrations/003_drop.sql': 'CREATE TABLE notes (id bigint PRIMARY KEY, body text);\n' });
    git('add', '-A');
    const passed = run('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.com', 'commit', '-m', 'notes'], dir, env());
    expect(passed.status, passed.stdout + passed.stderr).toBe(0);
    expect(passed.stdout + passed.stderr).toMatch(/pgwarden \(PostgreSQL migrations\)\.+Passed/);
  });

  it('the route of pre-commit before 4: npm install in the clone, npm pack (stdout: the tarball only), npm install -g', () => {
    const clone = join(tmp.dir, 'hook-clone');
    must(run('git', ['clone', '--quiet', repoRoot, clone], tmp.dir), 'git clone');
    must(run('git', ['checkout', '--quiet', headCommit()], clone), 'git checkout');
    const prefix = join(tmp.dir, 'node_env');
    const npmEnv = { NPM_CONFIG_PREFIX: prefix, npm_config_prefix: prefix };
    // pre-commit 3.x, languages/node.py install_environment, command for command
    must(run('npm', ['install', '--include=dev', '--include=prod', '--ignore-prepublish', '--no-progress', '--no-save'], clone, npmEnv), 'npm install in the clone');
    const pack = must(run('npm', ['pack'], clone, npmEnv), 'npm pack');
    const tarball = join(clone, pack.stdout.trim());
    expect(pack.stdout.trim()).toBe('pgwarden-0.1.0.tgz');
    expect(existsSync(tarball)).toBe(true);
    must(run('npm', ['install', '-g', tarball], clone, npmEnv), 'npm install -g');

    const { dir } = consumer('v3', '');
    write(dir, UNSAFE);
    const hook = readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8');
    expect(hook).toContain('entry: pgwarden lint');
    const r = run(join(prefix, 'bin', 'pgwarden'), ['lint', 'migrations/003_drop.sql'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('migrations/003_drop.sql:1:1  error');
  });

  it("README's local hook (what pgwarden init prints) runs the project's own install", () => {
    const pack = scratch('pack');
    try {
      const { dir, git } = consumer('local', readmeSnippet('pre-commit-local'));
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
      must(run('npm', ['install', '--save-dev', '--omit=optional', packTarball(pack.dir)], dir), 'npm install the tarball');
      writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
      write(dir, UNSAFE);
      git('add', '-A');
      const blocked = run(preCommit, ['run'], dir, env());
      expect(blocked.status).toBe(1);
      expect(blocked.stdout).toContain('migrations/003_drop.sql:1:1  error');
      git('rm', '--cached', '--quiet', 'migrations/003_drop.sql');
      const clean = run(preCommit, ['run'], dir, env());
      expect(clean.status, clean.stdout).toBe(0);
    } finally {
      pack.remove();
    }
  });
});
