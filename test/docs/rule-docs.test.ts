import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { pgFeaturesTable, ruleDocPage, rulesCatalog } from '../../src/cli/commands/rules.js';

const docs = join(import.meta.dirname, '../../docs');
const regenerate = 'docs are generated from the rules: run `npm run docs:rules`';

describe('generated rule docs agree with the rules\' metadata', () => {
  it.each(allRules.map((rule) => [rule.meta.id, rule] as const))('docs/rules/%s.md', (id, rule) => {
    let page: string;
    try {
      page = readFileSync(join(docs, 'rules', `${id}.md`), 'utf8');
    } catch {
      throw new Error(`docs/rules/${id}.md is missing; ${regenerate}`);
    }
    expect(page, regenerate).toBe(ruleDocPage(rule));
  });

  it('has no page for a rule that does not exist', () => {
    const ids = new Set(allRules.map((r) => r.meta.id));
    const pages = readdirSync(join(docs, 'rules')).filter((n) => n.endsWith('.md'));
    expect(pages.filter((n) => !ids.has(n.replace(/\.md$/, ''))), regenerate).toEqual([]);
  });

  it('docs/rules-catalog.md lists every rule', () => {
    expect(readFileSync(join(docs, 'rules-catalog.md'), 'utf8'), regenerate).toBe(rulesCatalog(allRules));
  });

  it("docs/pg-versions.md's table is src/analysis/pg-features.ts", () => {
    const page = readFileSync(join(docs, 'pg-versions.md'), 'utf8');
    const start = '<!-- pg-features:start -->\n';
    expect(page.slice(page.indexOf(start) + start.length, page.indexOf('<!-- pg-features:end -->')), regenerate).toBe(pgFeaturesTable(allRules));
  });

  it("README.md's rule table is the catalog", () => {
    const readme = readFileSync(join(docs, '..', 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('<!-- rules:start -->\n') + '<!-- rules:start -->\n'.length, readme.indexOf('<!-- rules:end -->'));
    expect(table, regenerate).toBe(rulesCatalog(allRules).replace(/^<!--.*-->\n/, ''));
    for (const rule of allRules) expect(table).toContain(`[\`${rule.meta.id}\`]`);
  });
});

describe('rule metadata', () => {
  it('ids are unique kebab-case and match their file names', () => {
    const ids = allRules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });

  it('every safe alternative shows SQL and every summary is one line', () => {
    for (const { meta } of allRules) {
      expect(meta.safeAlternative, meta.id).toContain('```sql');
      expect(meta.summary, meta.id).not.toContain('\n');
      expect(meta.help, meta.id).not.toContain('\n');
    }
  });

  it('a page carries the rule\'s summary, why, safe alternative and limits verbatim', () => {
    const [rule] = allRules;
    const page = ruleDocPage(rule);
    for (const part of [rule.meta.summary, rule.meta.why, rule.meta.safeAlternative, rule.meta.limits ?? '']) expect(page).toContain(part);
  });

  it('every rule states its limits', () => {
    for (const { meta } of allRules) {
      expect(meta.limits?.length ?? 0, meta.id).toBeGreaterThan(40);
      expect(ruleDocPage(allRules.find((r) => r.meta.id === meta.id)!), meta.id).toContain(`## Limits\n\n${meta.limits}`);
    }
  });
});
