import { beforeAll, describe, expect, it } from 'vitest';
import { SourceFile } from '../../src/sql/source.js';
import { loadParser } from '../../src/sql/parser.js';
import { analyzeFile } from '../../src/lint/engine.js';
import { analyzeTransactions, type FileRunner, type TransactionAssumption } from '../../src/analysis/transactions.js';

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

describe('transaction model per migration tool', () => {
  const run = (sql: string, tool: FileRunner['tool'], extra: Partial<FileRunner> = {}, assumption: TransactionAssumption = 'auto') => {
    const { parsed, statements } = analyzeFile(new SourceFile('m.sql', sql));
    return analyzeTransactions(statements, parsed.directives, assumption, 15, { tool, ...extra });
  };
  const setThenIndex = "SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY i ON t (a);\n";

  it('golang-migrate and Prisma send a file as one query: an implicit transaction once it holds two statements', () => {
    for (const tool of ['golang-migrate', 'prisma'] as const) {
      const t = run(`-- pgwarden:no-transaction\n${setThenIndex}`, tool);
      expect(t.states.map((s) => s.inTransaction)).toEqual([true, true]);
      expect(t.reason).toMatch(/one multi-statement query/);
      expect(run('CREATE INDEX CONCURRENTLY i ON t (a);\n', tool).states[0].inTransaction).toBe(false);
    }
  });

  it('golang-migrate: the statements after an explicit COMMIT form the next implicit transaction', () => {
    const t = run("BEGIN;\nSET LOCAL lock_timeout = '1s';\nCOMMIT;\nCREATE INDEX CONCURRENTLY i ON t (a);\n", 'golang-migrate');
    expect(t.states[3].inTransaction).toBe(true);
    expect(t.states[3].id).not.toBe(t.states[1].id);
  });

  it('Flyway runs a script outside a transaction when it holds a statement Flyway knows cannot run in one', () => {
    expect(run(setThenIndex, 'flyway').states.map((s) => s.inTransaction)).toEqual([false, false]);
    expect(run("SET lock_timeout = '2s';\nREINDEX INDEX CONCURRENTLY i;\n", 'flyway').states[1].inTransaction).toBe(true);
    expect(run("SET lock_timeout = '2s';\nREINDEX INDEX CONCURRENTLY i;\n", 'flyway', { autocommit: 'V3__x.sql.conf says executeInTransaction=false' }).states[1].inTransaction).toBe(false);
    expect(run(`-- pgwarden:no-transaction\nALTER TABLE t ADD COLUMN a int;\nUPDATE t SET a = 1;\n`, 'flyway').states[1].inTransaction).toBe(true);
  });

  it('goose, dbmate, Rails and popx wrap each migration unless their own marker says otherwise', () => {
    expect(run(setThenIndex, 'goose').states[1].inTransaction).toBe(true);
    expect(run(`-- +goose NO TRANSACTION\n-- +goose Up\n${setThenIndex}`, 'goose').states.map((s) => s.inTransaction)).toEqual([false, false]);
    expect(run(`-- migrate:up\n${setThenIndex}`, 'dbmate').states[1].inTransaction).toBe(true);
    // dbmate sends a transaction:false section as one query: still an implicit transaction
    expect(run(`-- migrate:up transaction:false\n${setThenIndex}`, 'dbmate').states[1].inTransaction).toBe(true);
    expect(run('-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON t (a);\n', 'dbmate').states[0].inTransaction).toBe(false);
    expect(run(setThenIndex, 'rails').states[1].inTransaction).toBe(true);
    expect(run(`-- disable_ddl_transaction!\n${setThenIndex}`, 'rails').states[1].inTransaction).toBe(false);
    expect(run(setThenIndex, 'popx').states[1].inTransaction).toBe(true);
    expect(run(setThenIndex, 'popx', { autocommit: 'the file name says .autocommit.' }).states[1].inTransaction).toBe(false);
  });

  it('sqitch runs scripts through psql: each statement autocommits unless the script opens a block', () => {
    expect(run('ALTER TABLE t ADD COLUMN a int;\nUPDATE t SET a = 1;\n', 'sqitch').states.map((s) => s.inTransaction)).toEqual([false, false]);
  });

  it('--assume-in-transaction and --assume-autocommit override the tool', () => {
    const inTx = run('-- pgwarden:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);\n', 'pgwarden', {}, 'in-transaction');
    expect(inTx.states[0].inTransaction).toBe(true);
    expect(run(setThenIndex, 'golang-migrate', {}, 'per-statement').states.map((s) => s.inTransaction)).toEqual([false, false]);
  });

  it('REINDEX (CONCURRENTLY false) and VACUUM (FULL false) are what they say', () => {
    expect(model('REINDEX (CONCURRENTLY false) TABLE t;\nALTER TABLE t ADD COLUMN a int;\n').mode).toBe('runner');
    expect(model('REINDEX (CONCURRENTLY) TABLE t;\n').mode).toBe('none');
  });
});
