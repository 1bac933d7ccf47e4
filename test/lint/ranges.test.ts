import { describe, expect, it } from 'vitest';
import { lintSources } from '../../src/lint/engine.js';
import { allRules } from '../../rules/index.js';

describe('finding ranges', () => {
  it('a finding about one column or subcommand ends where that element ends, not at the end of the statement', async () => {
    const sql =
      'CREATE TABLE "users" (\n\t"id" serial PRIMARY KEY NOT NULL,\n\t"email" varchar(256) NOT NULL,\n\t"created_at" timestamp DEFAULT now() NOT NULL\n);\n' +
      'ALTER TABLE users ADD COLUMN a varchar(10), ADD COLUMN b timestamp(3);\n';
    const { findings } = await lintSources([{ path: 'a.sql', text: sql }], allRules);
    const at = (rule: string, line: number) => findings.find((f) => f.rule === rule && f.line === line);
    expect(at('prefer-identity', 2)).toMatchObject({ column: 7, endLine: 2, endColumn: 34 });
    expect(at('prefer-text-field', 3)).toMatchObject({ column: 10, endLine: 3, endColumn: 31 });
    expect(at('prefer-timestamptz', 4)).toMatchObject({ column: 15, endLine: 4, endColumn: 47 });
    expect(at('prefer-text-field', 6)).toMatchObject({ column: 32, endLine: 6, endColumn: 43 });
    expect(findings.find((f) => f.rule === 'prefer-timestamptz' && f.line === 6)).toMatchObject({ column: 58, endColumn: 70 });
  });
});
