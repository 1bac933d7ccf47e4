import { beforeAll, describe, expect, it } from 'vitest';
import { SourceFile } from '../../src/sql/source.js';
import { loadParser } from '../../src/sql/parser.js';
import { analyzeFile } from '../../src/lint/engine.js';
import { analyzeTransactions } from '../../src/analysis/transactions.js';

beforeAll(loadParser);

function model(sql: string, assumption: 'per-file' | 'per-statement' = 'per-file') {
  const { parsed, statements } = analyzeFile(new SourceFile('m.sql', sql));
  return analyzeTransactions(statements, parsed.directives, assumption);
}

describe('transaction model', () => {
  it('keeps a block open after COMMIT AND CHAIN, in a new transaction', () => {
    const t = model('BEGIN;\nALTER TABLE t ADD COLUMN a int;\nCOMMIT AND CHAIN;\nUPDATE t SET a = 1 WHERE a IS NULL;\nCOMMIT;\nSELECT 1;\n');
    expect(t.mode).toBe('explicit');
    const [begin, alter, chain, update, commit, after] = t.states;
    expect(begin.inTransaction && alter.inTransaction && update.inTransaction && commit.inTransaction).toBe(true);
    expect(alter.id).toBe(chain.id);
    expect(update.id).not.toBe(alter.id);
    expect(update.id).toBe(commit.id);
    expect(after.inTransaction).toBe(false);
  });

  it('treats ROLLBACK AND CHAIN like COMMIT AND CHAIN', () => {
    const t = model('BEGIN;\nALTER TABLE t ADD COLUMN a int;\nROLLBACK AND CHAIN;\nCREATE INDEX CONCURRENTLY i ON t (a);\nCOMMIT;\n');
    expect(t.states[3].inTransaction).toBe(true);
    expect(t.states[3].id).not.toBe(t.states[1].id);
  });

  it('SAVEPOINT and ROLLBACK TO stay in the same transaction', () => {
    const t = model('BEGIN;\nALTER TABLE t ADD COLUMN a int;\nSAVEPOINT s;\nUPDATE t SET a = 1;\nROLLBACK TO SAVEPOINT s;\nCOMMIT;\n');
    expect(new Set(t.states.slice(1, 5).map((s) => s.id)).size).toBe(1);
  });

  it('COMMIT PREPARED does not make a file manage its own transactions, and cannot run in one', () => {
    const t = model("COMMIT PREPARED 'tx1';\n");
    expect(t.mode).toBe('none');
    expect(t.reason).toMatch(/PREPARED cannot run inside a transaction/);
  });

  it('per-statement: each statement autocommits; an explicit block still groups its statements', () => {
    expect(model('ALTER TABLE t ADD COLUMN a int;\nUPDATE t SET a = 1;\n', 'per-statement').states.map((s) => s.inTransaction)).toEqual([false, false]);
    const t = model('BEGIN;\nALTER TABLE t ADD COLUMN a int;\nUPDATE t SET a = 1;\nCOMMIT;\n', 'per-statement');
    expect(t.states[1].id).toBe(t.states[2].id);
    expect(t.states[2].inTransaction).toBe(true);
  });
});
