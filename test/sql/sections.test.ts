import { describe, expect, it } from 'vitest';
import { dbmateSections, forwardText } from '../../src/sql/sections.js';
import { lintSources } from '../../src/lint/engine.js';
import { analyzeMigrations } from '../../src/analysis/migration-analysis.js';
import { allRules } from '../../rules/index.js';

const DBMATE = [
  '-- migrate:up',
  'CREATE TABLE users (id bigint PRIMARY KEY, name text);',
  '',
  '-- migrate:down',
  'DROP TABLE users;',
  '',
].join('\n');

describe('dbmate sections', () => {
  it('cuts each direction out with the other blanked, lines and columns kept', () => {
    const sections = dbmateSections(DBMATE)!;
    expect(sections.up.text).toHaveLength(DBMATE.length);
    expect(sections.up.text.split('\n')[1]).toBe('CREATE TABLE users (id bigint PRIMARY KEY, name text);');
    expect(sections.up.text).not.toContain('DROP');
    expect(sections.down!.text.split('\n')[4]).toBe('DROP TABLE users;');
    expect(sections.down!.text).not.toContain('CREATE');
    expect(sections.up.noTransaction).toBe(false);
  });

  it('reads transaction:false per section and leaves other files alone', () => {
    const text = '-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON t (c);\n-- migrate:down\nDROP INDEX i;\n';
    const sections = dbmateSections(text)!;
    expect(sections.up.noTransaction).toBe(true);
    expect(sections.down!.noTransaction).toBe(false);
    expect(dbmateSections('CREATE TABLE t (id int);')).toBeUndefined();
    expect(forwardText('DROP TABLE t; -- migrate:down is only a comment here')).toBe('DROP TABLE t; -- migrate:down is only a comment here');
  });

  it('lints only the up section, and a transaction:false section as outside a transaction', async () => {
    const plain = await lintSources([{ path: '20240101_users.sql', text: DBMATE }], allRules);
    expect(plain.findings.filter((f) => !f.suppressed).map((f) => f.rule)).not.toContain('ban-drop-table');

    const index = '-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY users_name_idx ON users (name);\n\n-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY users_name_idx;\n';
    const result = await lintSources([{ path: '20240102_users_name_idx.sql', text: index }], allRules);
    const rules = result.findings.filter((f) => !f.suppressed).map((f) => f.rule);
    expect(rules).not.toContain('ban-concurrent-index-creation-in-transaction');
    expect(rules).not.toContain('require-concurrent-index-creation');
  });

  it('runs a transaction:false section outside a transaction, a plain one inside', async () => {
    const text = '-- migrate:up transaction:false\nUPDATE users SET name = name;\n-- migrate:down\nSELECT 1;\n';
    const [noTx, tx] = await analyzeMigrations([
      { name: 'a', path: 'a.sql', text },
      { name: 'b', path: 'b.sql', text: text.replace(' transaction:false', '') },
    ]);
    expect([noTx.transaction, tx.transaction]).toEqual(['none', 'runner']);
    expect(noTx.statements.map((s) => s.kind)).toEqual(['UpdateStmt']);
  });
});
