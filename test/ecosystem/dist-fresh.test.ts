import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './cli.js';

// dist/ is committed: the pre-commit hook and the GitHub Action install this repository straight from
// git, where no build step runs (npm installs git dependencies without their devDependencies). So the
// committed dist/ must be exactly what `npm run build` makes of the committed sources. Compared with the
// commit (HEAD), not with the working tree, which `npm test`'s own build has just rewritten.

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const git = (...args: string[]): string => {
  const r = spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

describe('committed dist/', () => {
  let out: string;
  let built: Map<string, string>;

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'pgwarden-dist-'));
    // the sources as committed, built the way `npm run build` builds them
    const sources = mkdtempSync(join(tmpdir(), 'pgwarden-src-'));
    try {
      const archive = spawnSync('sh', ['-c', `git archive HEAD package.json tsconfig.json src rules scripts | tar -x -C "${sources}"`], { cwd: repoRoot, encoding: 'utf8' });
      expect(archive.status, archive.stderr).toBe(0);
      // the build's tools and the dependencies' types come from this checkout's node_modules
      spawnSync('ln', ['-s', join(repoRoot, 'node_modules'), join(sources, 'node_modules')]);
      const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: sources, encoding: 'utf8' });
      expect(r.stdout + r.stderr, 'npm run build').toBe('');
      expect(r.status).toBe(0);
      cpSync(join(sources, 'dist'), out, { recursive: true });
    } finally {
      rmSync(sources, { recursive: true, force: true });
    }
    built = new Map(filesUnder(out).map((f) => [`dist/${relative(out, f)}`, readFileSync(f, 'utf8')]));
  }, 300_000);

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('is what `npm run build` makes of the committed sources (if not: npm run build, then commit dist/)', () => {
    const committed = git('ls-tree', '-r', '--name-only', 'HEAD', 'dist').split('\n').filter(Boolean).sort();
    expect(committed, 'files in dist/: run `npm run build` and commit dist/').toEqual([...built.keys()].sort());
    const stale = committed.filter((path) => git('show', `HEAD:${path}`) !== built.get(path));
    expect(stale, 'stale files in dist/: run `npm run build` and commit dist/').toEqual([]);
  });

  it('has no source maps', () => {
    expect([...built.keys()].filter((f) => f.endsWith('.map'))).toEqual([]);
  });
});
