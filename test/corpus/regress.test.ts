import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeFile, lintSources, type LintInput } from '../../src/lint/engine.js';
import { loadParser } from '../../src/sql/parser.js';
import { SourceFile } from '../../src/sql/source.js';
import { allRules } from '../../rules/index.js';
import type { Finding, LintResult } from '../../src/lint/types.js';

/**
 * PostgreSQL's own regression scripts (217 files, with psql meta-commands that are syntax errors to the
 * parser): every file is linted, nothing crashes, and every position points where it says.
 */
const root = resolve(import.meta.dirname, '../..');
// Beside the checkout here; CI may clone elsewhere, so the shared copy is the fallback.
const corpus =
  [process.env.PGWARDEN_CORPUS, resolve(root, '../shared/corpus/postgres-regress'), '/work/shared/corpus/postgres-regress'].find(
    (dir): dir is string => dir !== undefined && existsSync(dir),
  ) ?? resolve(root, '../shared/corpus/postgres-regress');

let inputs: LintInput[];
let result: LintResult;

/** UTF-16 index of a 1-based line and character column. */
function indexOf(text: string, line: number, column: number): number {
  let index = 0;
  for (let l = 1; l < line; l++) index = text.indexOf('\n', index) + 1;
  for (let c = 1; c < column; c++) {
    const code = text.charCodeAt(index);
    index += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
  }
  return index;
}

function lineLength(text: string, line: number): number {
  return Array.from(text.split('\n')[line - 1].replace(/\r$/, '')).length;
}

beforeAll(async () => {
  const names = (await readdir(corpus)).filter((n) => n.endsWith('.sql')).sort();
  inputs = await Promise.all(names.map(async (n) => ({ path: join(corpus, n), text: await readFile(join(corpus, n), 'utf8') })));
  result = await lintSources(inputs, allRules);
});

describe('postgres-regress corpus', () => {
  it('lints all 217 files without an internal error', () => {
    expect(inputs).toHaveLength(217);
    expect(result.files).toEqual(inputs.map((i) => i.path));
    expect(result.findings.filter((f) => f.rule === 'internal-error').map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([]);
    expect(result.findings.length).toBeGreaterThan(0);
  });

  it('puts every finding inside its file, with complete fields', () => {
    const texts = new Map(inputs.map((i) => [i.path, new SourceFile(i.path, i.text).text]));
    const bad: string[] = [];
    for (const f of result.findings) {
      const text = texts.get(f.file);
      const where = `${relative(corpus, f.file)}:${f.line}:${f.column} ${f.rule}`;
      if (!text || !f.rule || !f.severity || !f.message) {
        bad.push(`${where}: incomplete`);
        continue;
      }
      const lines = text.split('\n').length;
      const inside = (line: number, column: number) =>
        Number.isInteger(line) && Number.isInteger(column) && line >= 1 && line <= lines && column >= 1 && column <= lineLength(text, line) + 1;
      if (!inside(f.line, f.column) || !inside(f.endLine, f.endColumn)) bad.push(`${where}: outside the file`);
      else if (f.endLine < f.line || (f.endLine === f.line && f.endColumn < f.column)) bad.push(`${where}: ends before it starts`);
    }
    expect(bad).toEqual([]);
  });

  it('points rule findings at the statement they name (or a node inside it)', async () => {
    await loadParser();
    const bad: string[] = [];
    let exact = 0;
    for (const input of inputs) {
      const findings = result.findings.filter((f: Finding) => f.file === input.path && f.rule !== 'syntax-error' && f.rule !== 'unknown-ignore-rule');
      if (findings.length === 0) continue;
      const file = new SourceFile(input.path, input.text);
      const { statements } = analyzeFile(file);
      const starts = new Set(statements.map((s) => s.start));
      for (const f of findings) {
        const index = indexOf(file.text, f.line, f.column);
        const where = `${relative(corpus, f.file)}:${f.line}:${f.column} ${f.rule}`;
        if (starts.has(index)) exact++;
        else if (!statements.some((s) => s.start <= index && index < s.end)) bad.push(`${where}: not inside any statement`);
        // ban-drop-table reports the whole statement: the text there must be the DROP itself.
        if (f.rule === 'ban-drop-table' && !/^drop\s+table/i.test(file.text.slice(index))) {
          bad.push(`${where}: text there is ${JSON.stringify(file.text.slice(index, index + 30))}`);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(exact).toBeGreaterThan(0);
  });

  it('points syntax errors at the token PostgreSQL names', () => {
    const texts = new Map(inputs.map((i) => [i.path, new SourceFile(i.path, i.text).text]));
    const syntax = result.findings.filter((f) => f.rule === 'syntax-error');
    // psql meta-commands (\set, \d …) are not SQL: most files have one.
    expect(syntax.length).toBeGreaterThan(50);
    expect(new Set(syntax.map((f) => f.file)).size).toBe(syntax.length);
    const bad: string[] = [];
    let checked = 0;
    for (const f of syntax) {
      const near = /at or near "(.+)"$/.exec(f.message)?.[1];
      if (!near) continue;
      const text = texts.get(f.file)!;
      const at = text.slice(indexOf(text, f.line, f.column));
      if (!at.startsWith(near)) bad.push(`${relative(corpus, f.file)}:${f.line}:${f.column}: expected ${JSON.stringify(near)}, found ${JSON.stringify(at.slice(0, 20))}`);
      checked++;
    }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });

  it('the CLI reports all 217 files as JSON, exits 0 or 1 and prints no stack trace', () => {
    const r = spawnSync(process.execPath, ['bin/pgwarden.js', 'lint', '--format', 'json', corpus], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, GITHUB_ACTIONS: '' },
    });
    expect([0, 1]).toContain(r.status);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).not.toMatch(/Error:/);
    const report = JSON.parse(r.stdout);
    expect(report.summary.files).toBe(217);
    expect(report.summary.errors + report.summary.warnings).toBe(report.findings.length);
    for (const f of report.findings) {
      for (const key of ['rule', 'severity', 'file', 'message']) expect(typeof f[key], key).toBe('string');
      for (const key of ['line', 'column', 'endLine', 'endColumn']) expect(Number.isInteger(f[key]), key).toBe(true);
    }
  });
});
