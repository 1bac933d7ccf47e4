import { describe, expect, it } from 'vitest';
import { lintSources } from '../../src/lint/engine.js';
import type { Finding, Rule } from '../../src/lint/types.js';
import type { LintOptions } from '../../src/lint/config.js';

export interface ValidCase {
  sql: string;
  /** Earlier migrations replayed into the schema model first (their findings are not counted). */
  history?: string[];
  pgVersion?: number;
  transaction?: LintOptions['transaction'];
  options?: Record<string, unknown>;
  /** File name of the linted migration (some rules look at names). */
  name?: string;
  /** Why this case is valid, shown as the test name. */
  why?: string;
}

export interface ExpectedFinding {
  message?: string | RegExp;
  /** The finding's help (the rule's default help when the report gives none). */
  help?: string | RegExp;
  line?: number;
  column?: number;
}

export interface InvalidCase extends ValidCase {
  /** The findings expected, in order (or just how many). */
  errors: number | ExpectedFinding[];
}

export interface RuleTests {
  valid: Array<string | ValidCase>;
  invalid: InvalidCase[];
}

/** Lints one case with only `rule` enabled and returns the findings of the last file. */
export async function runRule(rule: Rule, c: ValidCase): Promise<Finding[]> {
  const history = c.history ?? [];
  const inputs = [
    ...history.map((text, i) => ({ path: `history_${String(i).padStart(3, '0')}.sql`, text })),
    { path: c.name ?? 'migration.sql', text: c.sql },
  ];
  const result = await lintSources(inputs, [rule], {
    pgVersion: c.pgVersion ?? 15,
    transaction: c.transaction ?? 'per-file',
    rules: { [rule.meta.id]: { severity: rule.meta.defaultSeverity === 'off' ? 'warning' : rule.meta.defaultSeverity, options: c.options ?? {} } },
  });
  const last = inputs[inputs.length - 1].path;
  return result.findings.filter((f) => f.file === last && f.rule === rule.meta.id && !f.suppressed);
}

/** ESLint RuleTester-style table: every valid case yields no finding, every invalid one the expected ones. */
export function ruleTester(rule: Rule, tests: RuleTests): void {
  describe(rule.meta.id, () => {
    it('has complete metadata', () => {
      expect(rule.meta.id).toMatch(/^[a-z0-9-]+$/);
      for (const key of ['summary', 'why', 'safeAlternative', 'help', 'limits'] as const) {
        expect(rule.meta[key]?.length ?? 0, key).toBeGreaterThan(10);
      }
    });
    tests.valid.forEach((v, i) => {
      const c = typeof v === 'string' ? { sql: v } : v;
      it(`valid #${i + 1}: ${c.why ?? c.sql.replace(/\s+/g, ' ').slice(0, 70)}`, async () => {
        const findings = await runRule(rule, c);
        expect(findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([]);
      });
    });
    tests.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}: ${c.why ?? c.sql.replace(/\s+/g, ' ').slice(0, 70)}`, async () => {
        const findings = await runRule(rule, c);
        if (typeof c.errors === 'number') {
          expect(findings, findings.map((f) => f.message).join('\n')).toHaveLength(c.errors);
          return;
        }
        expect(findings.length, findings.map((f) => `${f.line}:${f.column} ${f.message}`).join('\n')).toBe(c.errors.length);
        c.errors.forEach((e, k) => {
          const f = findings[k];
          if (e.line !== undefined) expect(f.line).toBe(e.line);
          if (e.column !== undefined) expect(f.column).toBe(e.column);
          if (typeof e.message === 'string') expect(f.message).toBe(e.message);
          else if (e.message) expect(f.message).toMatch(e.message);
          if (typeof e.help === 'string') expect(f.help).toBe(e.help);
          else if (e.help) expect(f.help).toMatch(e.help);
        });
      });
    });
  });
}
