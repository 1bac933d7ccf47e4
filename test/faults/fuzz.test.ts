import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintSources } from '../../src/lint/engine.js';
import { SourceFile } from '../../src/sql/source.js';
import { allRules } from '../../rules/index.js';

/**
 * Seeded mutations of PostgreSQL's regression scripts: the lint engine never throws, no rule crashes,
 * and every finding points inside its file. A failure names its seed and case; rerun it with
 * PGWARDEN_FUZZ_SEED=<seed>.
 */
const root = resolve(import.meta.dirname, '../..');
const corpus =
  [process.env.PGWARDEN_CORPUS, resolve(root, '../shared/corpus/postgres-regress'), '/work/shared/corpus/postgres-regress'].find(
    (dir): dir is string => dir !== undefined && existsSync(dir),
  ) ?? resolve(root, '../shared/corpus/postgres-regress');

const SEED = Number(process.env.PGWARDEN_FUZZ_SEED ?? 20261128);
const CASES = 200;
/** Cases start from a window of a file, so that 200 of them lint in a few seconds on a small machine. */
const WINDOW = 20_000;

/** mulberry32: small, fast, and the same sequence on every platform for a seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOISE = ["'", '"', '$$', '$body$', ';', ';;', '--', '/*', '*/', 'E\'\\', '\\', '(', ')', 'é', '☃', '😀', '\u{10FFFF}', '\r\n', '\t', 'BEGIN;', 'COMMIT;', '\u00a0', '\ufeff'];

interface Case {
  id: number;
  source: string;
  text: string;
  steps: string[];
}

function makeCases(files: Array<{ name: string; text: string }>): Case[] {
  const random = prng(SEED);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  const cases: Case[] = [];
  for (let id = 0; id < CASES; id++) {
    const file = pick(files);
    const from = file.text.lastIndexOf('\n', int(file.text.length)) + 1;
    let text = file.text.slice(from, from + WINDOW);
    const steps: string[] = [];
    const mutations = 1 + int(3);
    for (let m = 0; m < mutations; m++) {
      const at = int(text.length + 1);
      switch (int(4)) {
        case 0:
          steps.push(`truncate@${at}`);
          text = text.slice(0, at);
          break;
        case 1: {
          // a statement-sized piece of another file, cut at its `;` boundaries (or not: they are guesses)
          const other = pick(files).text;
          const start = other.indexOf(';', int(other.length)) + 1;
          const end = other.indexOf(';', start + 1 + int(400));
          const piece = other.slice(start, end === -1 ? undefined : end + 1);
          steps.push(`splice@${at}+${piece.length}`);
          text = text.slice(0, at) + piece + text.slice(at);
          break;
        }
        case 2: {
          const count = 1 + int(20);
          steps.push(`delete×${count}`);
          for (let k = 0; k < count && text.length > 0; k++) {
            const i = int(text.length);
            text = text.slice(0, i) + text.slice(i + 1);
          }
          break;
        }
        default: {
          const count = 1 + int(6);
          steps.push(`noise×${count}`);
          for (let k = 0; k < count; k++) {
            const i = int(text.length + 1);
            text = text.slice(0, i) + pick(NOISE) + text.slice(i);
          }
        }
      }
    }
    cases.push({ id, source: file.name, text, steps });
  }
  return cases;
}

let files: Array<{ name: string; text: string }>;

beforeAll(async () => {
  const names = (await readdir(corpus)).filter((n) => n.endsWith('.sql')).sort();
  // psql meta-commands (\set, \d…) are syntax errors that would stop every case at its first lines
  const withoutMeta = (text: string) => text.split('\n').filter((l) => !l.startsWith('\\')).join('\n');
  files = await Promise.all(names.map(async (name) => ({ name, text: withoutMeta(await readFile(join(corpus, name), 'utf8')) })));
});

describe('lint fuzzing over the postgres-regress corpus', () => {
  it(`seed ${SEED}: ${CASES} mutated files lint without throwing, and every finding lies inside its file`, { timeout: 60_000 }, async () => {
    expect(files.length).toBeGreaterThan(100);
    const problems: string[] = [];
    let findings = 0;
    let ruleFindings = 0;
    for (const c of makeCases(files)) {
      const label = `seed ${SEED} case ${c.id} (${c.source}: ${c.steps.join(', ')})`;
      const path = `fuzz-${c.id}.sql`;
      let result;
      try {
        result = await lintSources([{ path, text: c.text }], allRules);
      } catch (error) {
        problems.push(`${label}: threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        continue;
      }
      const file = new SourceFile(path, c.text);
      const lines = file.text.split('\n');
      const width = (line: number) => Array.from(lines[line - 1].replace(/\r$/, '')).length;
      const inside = (line: number, column: number) => Number.isInteger(line) && line >= 1 && line <= lines.length && Number.isInteger(column) && column >= 1 && column <= width(line) + 1;
      for (const f of result.findings) {
        findings++;
        if (f.rule !== 'syntax-error') ruleFindings++;
        if (f.rule === 'internal-error') problems.push(`${label}: ${f.message}`);
        if (!inside(f.line, f.column) || !inside(f.endLine, f.endColumn)) problems.push(`${label}: ${f.rule} at ${f.line}:${f.column}-${f.endLine}:${f.endColumn} is outside the file`);
        else if (f.endLine < f.line || (f.endLine === f.line && f.endColumn < f.column)) problems.push(`${label}: ${f.rule} ends before it starts`);
      }
    }
    expect(problems).toEqual([]);
    // the mutations produce plenty to report on (syntax errors at the least)
    expect(findings).toBeGreaterThan(CASES);
    // and the cases reach past their syntax errors into the rules
    expect(ruleFindings).toBeGreaterThan(CASES / 4);
  });
});
