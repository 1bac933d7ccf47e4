import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { testServerMajor } from '../helpers/server.js';
import { allRules } from '../../rules/index.js';
import { RULE_EXAMPLES, sqlBlocks } from '../../rules/lib/examples.js';
import { appliesTo, lintSources } from '../../src/lint/engine.js';
import { loadParser, parseSource } from '../../src/sql/parser.js';
import { SourceFile } from '../../src/sql/source.js';
import { nodeAs } from '../../src/sql/ast.js';
import { cannotRunInTransaction } from '../../src/analysis/transactions.js';
import type { Rule } from '../../src/lint/types.js';
import { pgHas, pgSince } from '../../src/analysis/pg-features.js';

/**
 * Each rule's docs example and safe alternative, linted for the test server's major and run on it
 * (`npm run test:pg-matrix` does it on every supported major): the rule reports the example and not the
 * safe alternative, and the server accepts the safe alternative wherever the rule applies — below a
 * rule's version gate the advice does not even run, which is what proves the gate.
 */
const major = testServerMajor();

let db: TestDatabase;
let client: pg.Client;
let counter = 0;

beforeAll(async () => {
  await loadParser();
  db = await createTestDatabase('pgwarden_rule_examples');
  client = await db.client();
  // hundreds of tiny DDL transactions: nothing here needs to survive a crash, so do not wait for WAL flushes
  await client.query('SET synchronous_commit = off');
});
afterAll(async () => {
  await db?.drop();
});

interface Migration {
  name: string;
  sql: string;
}

/** Findings of `rule` (enabled whatever its default) in the given files, after replaying `setup`. */
async function reported(rule: Rule, setup: string, files: Migration[]): Promise<string[]> {
  const inputs = [{ path: '0001_setup.sql', text: setup }, ...files.map((f) => ({ path: f.name, text: f.sql }))];
  const result = await lintSources(inputs, [rule], { pgVersion: major, rules: { [rule.meta.id]: 'error' } });
  return result.findings.filter((f) => f.rule === rule.meta.id && f.file !== '0001_setup.sql' && !f.suppressed).map((f) => `${f.file}:${f.line} ${f.message}`);
}

/** Runs a migration file as pgwarden's runner does: one transaction, unless it cannot run in one. */
async function runMigration(sql: string): Promise<void> {
  const statements = parseSource(new SourceFile('example.sql', sql)).statements.filter((s) => !s.parent);
  const ownTransaction = statements.some((s) => nodeAs(s.node, 'TransactionStmt'));
  const outside = /--\s*pgwarden:no-transaction/.test(sql) || ownTransaction || statements.some((s) => cannotRunInTransaction(s, major));
  if (outside) {
    for (const s of statements) await client.query(s.text);
    return;
  }
  await client.query('BEGIN');
  for (const s of statements) await client.query(s.text);
  await client.query('COMMIT');
}

/** Runs `setup` then `migrations` in a schema of their own; resolves with the first error, if any. */
async function onServer(setup: string, migrations: string[], cleanup?: string): Promise<Error | undefined> {
  const schema = `rule_example_${++counter}`;
  await client.query(`CREATE SCHEMA ${schema}; SET search_path = ${schema}, public`);
  try {
    // one round trip, unless a statement cannot run in the implicit transaction of a multi-statement query
    const statements = parseSource(new SourceFile('setup.sql', setup)).statements.filter((x) => !x.parent);
    if (statements.some((x) => cannotRunInTransaction(x, major))) for (const x of statements) await client.query(x.text);
    else if (statements.length > 0) await client.query(setup);
    for (const sql of migrations) await runMigration(sql);
    return undefined;
  } catch (error) {
    return error as Error;
  } finally {
    await client.query('ROLLBACK').catch(() => undefined); // a migration that failed (or never committed) inside its transaction
    await client.query(`SET search_path = public; DROP SCHEMA ${schema} CASCADE`);
    if (cleanup) await client.query(cleanup);
  }
}

describe(`rule docs examples on PostgreSQL ${major}`, () => {
  it('every rule has an example', () => {
    expect(allRules.map((r) => r.meta.id).filter((id) => !RULE_EXAMPLES[id])).toEqual([]);
  });

  for (const rule of allRules) {
    const example = RULE_EXAMPLES[rule.meta.id];
    if (!example) continue;
    const applies = appliesTo(rule, major);
    const blocks = sqlBlocks(rule.meta.safeAlternative);
    const names = example.files?.safe ?? blocks.map((_, i) => `000${i + 2}_safe_${i + 1}.sql`);

    it(`${rule.meta.id}: the example ${applies ? 'is reported' : 'is not reported (the rule starts later)'} and ${example.serverRefuses ? 'fails on the server' : 'runs'}`, async () => {
      const findings = await reported(rule, example.setup, [{ name: example.files?.unsafe ?? '0002_unsafe.sql', sql: example.unsafe }]);
      expect(findings.length > 0, findings.join('\n')).toBe(applies);
      const error = await onServer(example.setup, [example.unsafe], example.cleanup);
      if (example.serverRefuses) expect(error?.message).toContain(example.serverRefuses);
      else expect(error?.message).toBeUndefined();
    });

    it(`${rule.meta.id}: the safe alternative ${applies ? 'is quiet and runs' : 'does not run (why the rule starts later)'}`, async () => {
      expect(blocks.length).toBeGreaterThan(0);
      const advice = await reported(rule, example.setup, blocks.map((sql, i) => ({ name: names[i], sql })));
      if (example.adviceReported) expect(advice.length, example.adviceReported).toBeGreaterThan(0);
      else if (!example.byHand) expect(advice).toEqual([]);
      const error = await onServer(example.setup, blocks, example.cleanup);
      if (applies) expect(error?.message).toBeUndefined();
      else expect(error, 'the advice runs on a major the rule leaves out: lower its minPgVersion').toBeInstanceOf(Error);
    });

    const newer = rule.meta.newerAdvice;
    if (newer) {
      const has = pgHas(newer.feature, major);
      it(`${rule.meta.id}: the advice for PostgreSQL ${pgSince(newer.feature)}+ ${has ? 'is quiet and runs' : 'does not run here (the feature is newer)'}`, async () => {
        const newerBlocks = sqlBlocks(newer.safeAlternative);
        expect(newerBlocks.length).toBeGreaterThan(0);
        if (has) expect(await reported(rule, example.setup, newerBlocks.map((sql, i) => ({ name: `000${i + 2}_newer_${i + 1}.sql`, sql })))).toEqual([]);
        const error = await onServer(example.setup, newerBlocks, example.cleanup);
        if (has) expect(error?.message).toBeUndefined();
        else expect(error, `the advice runs before PostgreSQL ${pgSince(newer.feature)}: the feature's first major is wrong`).toBeInstanceOf(Error);
      });
    }
  }
});
