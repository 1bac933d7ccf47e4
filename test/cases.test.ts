import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMigrations, runnerOf } from '../src/sql/discover.js';
import { lintSources } from '../src/lint/engine.js';
import { allRules } from '../rules/index.js';
import type { Finding } from '../src/lint/types.js';

/**
 * The labeled cases in test/cases/: migration histories in the layouts DESIGN.md names, each with an
 * expected.json written by a reviewer before the rules existed, linted under the transaction rule of the
 * tool that owns the layout. Every expected finding must be reported
 * on the right line; an unexpected error-severity finding is a false alarm and fails the case
 * (`exact` cases allow no finding at all).
 */
interface Expected {
  description: string;
  dir?: string;
  exact?: boolean;
  order?: string[];
  findings: Array<{ file: string; rule?: string; anyRule?: string[]; at?: string }>;
  optional?: Array<{ file: string; rule: string }>;
}

const casesDir = join(import.meta.dirname, 'cases');
const names = (await readdir(casesDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);

describe('labeled migration cases', () => {
  for (const name of names) {
    it(name, async () => {
      const caseDir = join(casesDir, name);
      const expected = JSON.parse(await readFile(join(caseDir, 'expected.json'), 'utf8')) as Expected;
      const set = await findMigrations(join(caseDir, expected.dir ?? '.'));
      const files = set.migrations.map((m) => relative(caseDir, m.path));
      if (expected.order) expect(files).toEqual(expected.order);
      const texts = new Map<string, string>();
      for (const f of files) texts.set(f, await readFile(join(caseDir, f), 'utf8'));
      // each file with the transaction rule of the tool its layout belongs to, as `pgwarden lint <dir>` does
      const result = await lintSources(
        set.migrations.map((m, i) => ({ path: files[i], text: texts.get(files[i])!, runner: runnerOf(set, m) })),
        allRules,
      );
      const findings = result.findings.filter((f) => !f.suppressed);
      const describeFinding = (f: Finding) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule}: ${f.message}`;
      const all = findings.map(describeFinding).join('\n');
      const matched = new Set<Finding>();

      for (const e of expected.findings) {
        const rules = e.anyRule ?? [e.rule!];
        const text = texts.get(e.file);
        expect(text, `${e.file} is not among the discovered migrations`).toBeDefined();
        let line: number | undefined;
        if (e.at) {
          const index = text!.split('\n').findIndex((l) => l.includes(e.at!));
          expect(index, `"${e.at}" not found in ${e.file}`).toBeGreaterThanOrEqual(0);
          line = index + 1;
        }
        const hit = findings.find(
          (f) => f.file === e.file && rules.includes(f.rule) && (line === undefined || (f.line <= line && line <= f.endLine)),
        );
        expect(hit, `expected ${rules.join('|')} in ${e.file}${line ? ` at line ${line}` : ''}; got:\n${all}`).toBeDefined();
        for (const f of findings) if (f.file === e.file && rules.includes(f.rule)) matched.add(f);
      }
      const optional = expected.optional ?? [];
      const unexpected = findings.filter(
        (f) =>
          !matched.has(f) &&
          !optional.some((o) => o.file === f.file && o.rule === f.rule) &&
          (expected.exact || f.severity === 'error' || f.rule === 'internal-error'),
      );
      expect(unexpected.map(describeFinding), `unexpected findings (false alarms) in ${name}`).toEqual([]);
    });
  }
});
