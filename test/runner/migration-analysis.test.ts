import { describe, expect, it } from 'vitest';
import { analyzeMigrations } from '../../src/analysis/migration-analysis.js';

const m = (name: string, text: string) => ({ name, path: `migrations/${name}.sql`, text });

describe('analyzeMigrations', () => {
  it('decides each migration\'s transaction mode and says why', async () => {
    const result = await analyzeMigrations([
      m('0001', 'CREATE TABLE a (id int);'),
      m('0002', 'CREATE INDEX CONCURRENTLY a_id ON a (id);'),
      m('0003', '-- pgwarden:no-transaction\nALTER TABLE a ADD COLUMN b int;'),
      m('0004', 'BEGIN;\nALTER TABLE a ADD COLUMN c int;\nCOMMIT;'),
    ]);
    expect(result.map((r) => [r.transaction, r.transactionReason])).toEqual([
      ['runner', 'runs in one transaction'],
      ['none', 'CREATE INDEX CONCURRENTLY cannot run inside a transaction'],
      ['none', '-- pgwarden:no-transaction'],
      ['explicit', 'manages its own BEGIN/COMMIT'],
    ]);
    expect(result[3].statements.map((s) => s.kind)).toEqual(['TransactionStmt', 'AlterTableStmt', 'TransactionStmt']);
  });

  it('replays earlier migrations: a table created in the same file is not at risk, an existing one is', async () => {
    const result = await analyzeMigrations([
      m('0001', 'CREATE TABLE users (id int, email text);'),
      m('0002', 'CREATE TABLE tmp (id int);\nDELETE FROM tmp;\nDELETE FROM users WHERE id = 1;\nALTER TABLE users DROP COLUMN email;'),
      m('0003', '-- pgwarden:allow-data-loss users, audit.events\nTRUNCATE users;\nDROP TABLE audit.events;'),
    ]);
    expect(result[0].tablesAtRisk).toEqual([]);
    expect(result[1].tablesAtRisk).toEqual([{ table: 'public.users', reasons: ['DELETE', 'DROP COLUMN'] }]);
    expect(result[1].risks.map((r) => [r.table, r.reason, r.line, r.statement])).toEqual([
      ['public.users', 'DELETE', 3, 'DELETE FROM users WHERE id = 1'],
      ['public.users', 'DROP COLUMN', 4, 'ALTER TABLE users DROP COLUMN email'],
    ]);
    expect(result[2].tablesAtRisk.map((t) => t.table)).toEqual(['public.users', 'audit.events']);
    expect(result[2].allowDataLoss).toEqual(['public.users', 'audit.events']);
  });

  it('sees statements inside DO blocks and reports a syntax error without throwing', async () => {
    const result = await analyzeMigrations([
      m('0001', 'CREATE TABLE t (id int);'),
      m('0002', "DO $$ BEGIN DELETE FROM t; END $$;"),
      m('0003', 'ALTER TABLE t ADD COLUMN;'),
    ]);
    expect(result[1].tablesAtRisk).toEqual([{ table: 'public.t', reasons: ['DELETE'] }]);
    expect(result[1].statements).toHaveLength(1);
    expect(result[2].syntaxError?.message).toMatch(/syntax error/);
  });
});
