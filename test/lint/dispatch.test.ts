import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LintInputs } from '../../src/api/lint.js';
import { lintSources, type LintInput } from '../../src/lint/engine.js';
import type { Rule } from '../../src/lint/types.js';
import { allRules } from '../../rules/index.js';

/**
 * The engine calls a rule's check only for the statement kinds it declares (`visits`). A declaration
 * that left out a kind the rule reports on would lose findings silently: every history the repository
 * has, and PostgreSQL's regression scripts (every kind of statement), lint the same when every rule
 * is called for every statement.
 */
const root = resolve(import.meta.dirname, '../..');
const corpus = [process.env.PGWARDEN_CORPUS, resolve(root, '../shared/corpus/postgres-regress'), '/work/shared/corpus/postgres-regress'].find(
  (dir): dir is string => dir !== undefined && existsSync(dir),
);
const everyStatement: Rule[] = allRules.map((rule) => ({ ...rule, visits: undefined }));

async function histories(): Promise<LintInput[][]> {
  const out: LintInput[][] = [];
  const casesDir = join(root, 'test/cases');
  for (const name of (await readdir(casesDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const collector = new LintInputs();
    await collector.add(join(casesDir, name));
    out.push(collector.inputs);
  }
  const example = new LintInputs();
  await example.add(join(root, 'migrations-example'));
  out.push(example.inputs);
  return out;
}

describe('dispatch by statement kind', () => {
  it('most rules declare the kinds they visit', () => {
    expect(allRules.filter((r) => r.visits).length).toBeGreaterThan(30);
    for (const rule of allRules) for (const kind of rule.visits ?? []) expect(kind, rule.meta.id).toMatch(/^[A-Z][A-Za-z]+Stmt$/);
  });

  it('finds the same on every history of the repository as calling every rule for every statement', async () => {
    for (const inputs of await histories()) {
      const options = { pgVersion: 15 };
      expect(await lintSources(inputs, allRules, options), inputs[0]?.path).toEqual(await lintSources(inputs, everyStatement, options));
    }
  }, 240_000);

  it.skipIf(corpus === undefined)('finds the same on PostgreSQL\'s regression scripts', async () => {
    const names = (await readdir(corpus!)).filter((n) => n.endsWith('.sql')).sort();
    const inputs = await Promise.all(names.map(async (n) => ({ path: join(corpus!, n), text: await readFile(join(corpus!, n), 'utf8') })));
    const dispatched = await lintSources(inputs, allRules);
    expect(dispatched.findings.length).toBeGreaterThan(300);
    expect(dispatched).toEqual(await lintSources(inputs, everyStatement));
  }, 240_000);
});
