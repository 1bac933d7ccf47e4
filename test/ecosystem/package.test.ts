import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './cli.js';

// What `npm publish` would ship, and whether the main entry is what docs/api.md promises. dist/ is
// committed (test/ecosystem/dist-fresh.test.ts keeps it current), so nothing is built at pack time.

interface PackageJson {
  name: string;
  files: string[];
  bin: Record<string, string>;
  exports: { '.': { types: string; import: string }; './lsp': { types: string; import: string } };
}

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as PackageJson;

/** Prefixes of everything a user needs; anything else in the tarball is a mistake. */
const ALLOWED = [/^bin\/pgwarden\.js$/, /^dist\/src\//, /^dist\/rules\//, /^docs\//, /^ci\/gitlab\/pgwarden\.gitlab-ci\.yml$/, /^CHANGELOG\.md$/, /^migrations-example\//, /^demo\//, /^README\.md$/, /^LICENSE$/, /^package\.json$/];

describe('npm package', () => {
  let files: string[] = [];

  beforeAll(() => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const [packed] = JSON.parse(r.stdout) as Array<{ files: Array<{ path: string }> }>;
    files = packed.files.map((f) => f.path).sort();
  });

  it('ships only what users need', () => {
    expect(files.filter((f) => !ALLOWED.some((re) => re.test(f)))).toEqual([]);
    // no tests, no compiled tests, no CI files, no benchmarks, no TypeScript sources
    expect(files.filter((f) => /(^|\/)test\/|\.test\.(js|d\.ts)$|^dist\/test\/|^\.ci\/|^bench\/|^src\/|\.map$/.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.includes('README.md')).toBe(existsSync(join(repoRoot, 'README.md')));
  });

  it('ships the CLI, the library with types, the rule docs and the demo migrations', () => {
    for (const f of [
      'package.json',
      pkg.bin.pgwarden.replace(/^\.\//, ''),
      'dist/src/index.js',
      'dist/src/index.d.ts',
      'dist/src/cli/program.js',
      'dist/src/cli/commands/demo.js',
      'dist/src/demo/run.js',
      'dist/rules/index.js',
      'docs/rules/ban-drop-column.md',
      'migrations-example/0001_create_users.up.sql',
      'migrations-example/0013_drop_users_name.up.sql',
      'demo/0016_purge_test_accounts.up.sql',
      'demo/0017_normalize_task_titles.up.sql',
    ]) {
      expect(files, f).toContain(f);
    }
    expect(pkg.files).toEqual(expect.arrayContaining(['migrations-example/', 'demo/']));
  });

  it('points "exports" at the built entry and its declarations', () => {
    const entry = pkg.exports['.'];
    expect(entry.import).toBe('./dist/src/index.js');
    expect(entry.types).toBe('./dist/src/index.d.ts');
    expect(existsSync(join(repoRoot, entry.import))).toBe(true);
    expect(existsSync(join(repoRoot, entry.types))).toBe(true);
  });

  it('exports the language server from pgwarden/lsp, apart from the main entry (its packages are optional)', async () => {
    const entry = pkg.exports['./lsp'];
    expect(existsSync(join(repoRoot, entry.import))).toBe(true);
    expect(existsSync(join(repoRoot, entry.types))).toBe(true);
    const lsp = (await import(pathToFileURL(join(repoRoot, entry.import)).href)) as Record<string, unknown>;
    expect(typeof lsp.startLanguageServer).toBe('function');
    const main = (await import(pathToFileURL(join(repoRoot, pkg.exports['.'].import)).href)) as Record<string, unknown>;
    expect(main.startLanguageServer).toBeUndefined();
  });

  it('exports the documented API from the main entry', async () => {
    const api = (await import(pathToFileURL(join(repoRoot, pkg.exports['.'].import)).href)) as Record<string, unknown>;
    for (const name of ['lint', 'lintSources', 'createRunner', 'safetyHooks', 'reporterFor', 'GateRefusedError', 'MigrationFailedError']) {
      expect(typeof api[name], name).toBe('function');
    }
    expect(Array.isArray(api.allRules) && (api.allRules as unknown[]).length).toBeGreaterThan(40);

    // lint() finds, reads and lints a directory, naming files relative to cwd
    const lint = api.lint as (paths: string, options: { cwd: string }) => Promise<{ findings: Array<{ file: string; rule: string }>; files: string[]; sources: Map<string, string> }>;
    const report = await lint('migrations-example', { cwd: repoRoot });
    expect(report.files).toHaveLength(15);
    expect(report.files[0]).toBe('migrations-example/0001_create_users.up.sql');
    expect(report.sources.get('migrations-example/0013_drop_users_name.up.sql')).toContain('DROP COLUMN name');
    expect(report.findings.filter((f) => f.rule === 'ban-drop-column').map((f) => f.file)).toEqual(['migrations-example/0013_drop_users_name.up.sql']);

  });

  describe('docs/api.md examples', () => {
    let project: string;
    const examples = [...readFileSync(join(repoRoot, 'docs/api.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

    beforeAll(() => {
      // a consumer project: `pgwarden` resolved through node_modules and package.json "exports"
      project = mkdtempSync(join(tmpdir(), 'pgwarden-api-'));
      mkdirSync(join(project, 'node_modules'));
      symlinkSync(repoRoot, join(project, 'node_modules', pkg.name), 'dir');
      writeFileSync(join(project, 'package.json'), JSON.stringify({ type: 'module', private: true }));
      writeFileSync(
        join(project, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            strict: true,
            noEmit: true,
            skipLibCheck: true,
            types: ['node'],
            typeRoots: [join(repoRoot, 'node_modules/@types')],
          },
          include: ['*.ts'],
        }),
      );
      examples.forEach((code, i) => writeFileSync(join(project, `example-${i + 1}.ts`), code));
      // the types a library user names, beside the examples' own
      writeFileSync(
        join(project, 'types.ts'),
        `import type { Finding, LintReport, LintResult, LintOptions, Rule, RuleMeta, Runner, RunnerOptions, RunResult, MigrationHooks, SafetyOptions, RestoreReport } from 'pgwarden';\n` +
          `export type All = [Finding, LintReport, LintResult, LintOptions, Rule, RuleMeta, Runner, RunnerOptions, RunResult, MigrationHooks, SafetyOptions, RestoreReport];\n`,
      );
    });

    afterAll(() => {
      if (project) rmSync(project, { recursive: true, force: true });
    });

    it('type-check against the published declarations', () => {
      expect(examples.length).toBeGreaterThanOrEqual(5);
      const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
      const r = spawnSync(process.execPath, [tsc, '-p', project], { cwd: project, encoding: 'utf8' });
      expect(r.stdout + r.stderr).toBe('');
      expect(r.status).toBe(0);
    });
  });
});
