import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedMigrationFiles, GitError, stagedMigrationFiles } from '../../src/lint/changed.js';
import { createTempRepo, type TempRepo } from './git-repo.js';

const table = (name: string): string => `CREATE TABLE ${name} (id bigint PRIMARY KEY, note text, created_at timestamptz);\n`;

describe('changed migration files in a git repository', () => {
  let repo: TempRepo;
  const abs = (...names: string[]): string[] => names.map((n) => join(repo.dir, n)).sort();
  const sorted = (s: Set<string>): string[] => [...s].sort();

  beforeAll(() => {
    repo = createTempRepo();
    repo.write('README.md', 'demo\n');
    repo.write('.gitignore', 'migrations/scratch.sql\n');
    repo.write('migrations/001_accounts.sql', table('accounts'));
    repo.write('migrations/002_orders.sql', table('orders'));
    repo.write('migrations/003_invoices.sql', table('invoices'));
    repo.write('migrations/004_old.sql', table('old'));
    repo.commitAll('history');

    repo.git('checkout', '--quiet', '-b', 'feature');
    repo.write('migrations/002_orders.sql', table('orders') + 'CREATE INDEX orders_note ON orders (note);\n');
    repo.write('migrations/005_payments.sql', table('payments'));
    repo.git('mv', 'migrations/003_invoices.sql', 'migrations/003_billing_invoices.sql');
    repo.git('rm', '--quiet', 'migrations/004_old.sql');
    repo.write('docs/notes.txt', 'not a migration\n');
    repo.commitAll('feature work');

    // main moves on after the fork: a PR's diff must not include this
    repo.git('checkout', '--quiet', 'main');
    repo.write('migrations/006_main_only.sql', table('main_only'));
    repo.commitAll('landed on main meanwhile');
    repo.git('checkout', '--quiet', 'feature');

    // uncommitted work on the branch
    repo.write('migrations/007_staged.sql', table('staged'));
    repo.git('add', 'migrations/007_staged.sql');
    repo.write('migrations/001_accounts.sql', table('accounts') + 'ALTER TABLE accounts ADD COLUMN email text;\n');
    repo.write('migrations/008_untracked.sql', table('untracked'));
    repo.write('migrations/scratch.sql', 'SELECT 1;\n');
  });

  afterAll(() => repo.remove());

  it('lists added, modified and renamed migrations since the merge base, plus uncommitted ones', async () => {
    const changed = await changedMigrationFiles('main', { cwd: repo.dir });
    expect(sorted(changed)).toEqual(
      abs(
        'migrations/001_accounts.sql',
        'migrations/002_orders.sql',
        'migrations/003_billing_invoices.sql',
        'migrations/005_payments.sql',
        'migrations/007_staged.sql',
        'migrations/008_untracked.sql',
      ),
    );
  });

  it('leaves uncommitted work out when asked (what CI sees)', async () => {
    const changed = await changedMigrationFiles('main', { cwd: repo.dir, includeWorkingTree: false });
    expect(sorted(changed)).toEqual(
      abs('migrations/002_orders.sql', 'migrations/003_billing_invoices.sql', 'migrations/005_payments.sql'),
    );
  });

  it('accepts any commit-ish, such as a commit hash', async () => {
    const mainHead = repo.git('rev-parse', 'main').trim();
    const changed = await changedMigrationFiles(mainHead, { cwd: repo.dir, includeWorkingTree: false });
    expect(sorted(changed)).toEqual(
      abs('migrations/002_orders.sql', 'migrations/003_billing_invoices.sql', 'migrations/005_payments.sql'),
    );
  });

  it('resolves paths the same way from a subdirectory', async () => {
    const changed = await changedMigrationFiles('main', { cwd: join(repo.dir, 'migrations'), includeWorkingTree: false });
    expect(sorted(changed)).toEqual(
      abs('migrations/002_orders.sql', 'migrations/003_billing_invoices.sql', 'migrations/005_payments.sql'),
    );
  });

  it('is not misled by a user who set diff.relative', async () => {
    repo.git('config', 'diff.relative', 'true');
    try {
      const changed = await changedMigrationFiles('main', { cwd: join(repo.dir, 'migrations'), includeWorkingTree: false });
      expect(sorted(changed)).toEqual(
        abs('migrations/002_orders.sql', 'migrations/003_billing_invoices.sql', 'migrations/005_payments.sql'),
      );
      expect(sorted(await stagedMigrationFiles({ cwd: join(repo.dir, 'migrations') }))).toEqual(abs('migrations/007_staged.sql'));
    } finally {
      repo.git('config', '--unset', 'diff.relative');
    }
  });

  it('lets the caller decide what counts as a migration', async () => {
    const changed = await changedMigrationFiles('main', {
      cwd: repo.dir,
      includeWorkingTree: false,
      isMigration: (p) => p.endsWith('.txt'),
    });
    expect(sorted(changed)).toEqual(abs('docs/notes.txt'));
  });

  it('lists only the staged migrations for a pre-commit hook', async () => {
    expect(sorted(await stagedMigrationFiles({ cwd: repo.dir }))).toEqual(abs('migrations/007_staged.sql'));
  });

  it('reports an unknown ref as one line', async () => {
    const error = await changedMigrationFiles('no-such-branch', { cwd: repo.dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).message).toMatch(/^--changed-since: unknown git ref 'no-such-branch'/);
    expect((error as GitError).message).not.toContain('\n');
  });

  it('refuses a ref that git would read as an option', async () => {
    const error = await changedMigrationFiles('--output=/tmp/x', { cwd: repo.dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).message).toContain('is not a git ref');
  });

  it('reports unrelated histories as one line', async () => {
    repo.git('checkout', '--quiet', '--orphan', 'unrelated');
    repo.git('commit', '--quiet', '-m', 'fresh start');
    repo.git('checkout', '--quiet', 'feature');
    const error = await changedMigrationFiles('unrelated', { cwd: repo.dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).message).toContain('no common ancestor');
  });

  it('reports a missing directory as one line', async () => {
    const error = await changedMigrationFiles('main', { cwd: join(repo.dir, 'no-such-dir') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).message).toBe(`no such directory: ${join(repo.dir, 'no-such-dir')}`);
  });

  it('reports a directory outside any repository as one line', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'pgwarden-nogit-'));
    try {
      // GIT_CEILING_DIRECTORIES keeps git from finding a repository above the temp dir
      const previous = process.env.GIT_CEILING_DIRECTORIES;
      process.env.GIT_CEILING_DIRECTORIES = tmpdir();
      try {
        const error = await changedMigrationFiles('main', { cwd: outside }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(GitError);
        expect((error as GitError).message).toBe(`not a git repository: ${outside}`);
        const staged = await stagedMigrationFiles({ cwd: outside }).catch((e: unknown) => e);
        expect(staged).toBeInstanceOf(GitError);
      } finally {
        if (previous === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
        else process.env.GIT_CEILING_DIRECTORIES = previous;
      }
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
