import { describe, expect, it } from 'vitest';
import { lintSources } from '../../src/lint/engine.js';
import { allRules } from '../../rules/index.js';
import { parseDirective } from '../../src/sql/directives.js';

async function lint(text: string) {
  const { findings } = await lintSources([{ path: 'm.sql', text }], allRules);
  return findings.filter((f) => !f.suppressed).map((f) => `${f.line}:${f.column} ${f.rule}`);
}

describe('ignore directives', () => {
  it('reads a block comment over several lines, with or without leading stars', () => {
    expect(parseDirective('/*\n * pgwarden-ignore ban-drop-table: legacy\n */')).toEqual({
      type: 'ignore', rules: ['ban-drop-table'], reason: 'legacy', alias: false,
    });
    expect(parseDirective('/* pgwarden-ignore-file ban-drop-table,\n   ban-drop-column */')).toMatchObject({
      type: 'ignore-file', rules: ['ban-drop-table', 'ban-drop-column'],
    });
  });

  it('takes the text after a second -- as the reason (ESLint convention), not as rule ids', () => {
    expect(parseDirective('-- pgwarden-ignore ban-drop-table -- reviewed by DBA')).toMatchObject({
      rules: ['ban-drop-table'], reason: 'reviewed by DBA',
    });
  });

  it('silences the next statement across blank lines and other comments', async () => {
    const found = await lint('-- pgwarden-ignore ban-drop-table: gone\n\n-- drop the old table\nDROP TABLE a;\nDROP TABLE b;\n');
    expect(found.filter((f) => f.endsWith('ban-drop-table'))).toEqual([
      '5:1 ban-drop-table',
    ]);
  });

  it('warns about an unknown rule named in an ignore inside a DO body', async () => {
    const sql = 'SET lock_timeout = 1000;\nDO $$\nBEGIN\n  -- pgwarden-ignore ban-drop-tabel\n  DROP TABLE a;\nEND $$;\n';
    expect(await lint(sql)).toEqual(['4:3 unknown-ignore-rule', '5:3 ban-drop-table']);
  });
});
