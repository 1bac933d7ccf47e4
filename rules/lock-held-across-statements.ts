import type { Rule } from '../src/lint/types.js';
import type { Statement } from '../src/sql/parser.js';
import { nodeAs } from '../src/sql/ast.js';
import { splitKey, tableKey, type SchemaModel } from '../src/analysis/schema.js';
import { pinsUniqueKey } from './lib/row-bound.js';
import { LockHistory } from '../src/analysis/held-locks.js';
import { lockTakenBy } from '../src/analysis/locks.js';
import { addedNotValidInThisTransaction, tableAlter } from './lib/locking.js';

const history = new LockHistory();

const display = (key: string) => (splitKey(key)[0] === 'public' ? splitKey(key)[1] : key);

/** Tables a DML statement writes in bulk (INSERT … VALUES, or a WHERE that pins a unique key, is not bulk). */
function bulkWriteTarget(statement: Statement, schema: SchemaModel): string | undefined {
  const dml = nodeAs(statement.node, 'UpdateStmt') ?? nodeAs(statement.node, 'DeleteStmt');
  if (dml?.relation) return pinsUniqueKey(dml.whereClause, tableKey(dml.relation), schema) ? undefined : tableKey(dml.relation);
  const insert = nodeAs(statement.node, 'InsertStmt');
  const select = nodeAs(insert?.selectStmt, 'SelectStmt');
  if (insert?.relation && select && !select.valuesLists) return tableKey(insert.relation);
  return undefined;
}

export const lockHeldAcrossStatements: Rule = {
  meta: {
    id: 'lock-held-across-statements',
    category: 'locking',
    defaultSeverity: 'warning',
    summary: 'A slow statement after an ACCESS EXCLUSIVE lock in the same transaction keeps that table blocked while it runs.',
    why: [
      'PostgreSQL releases locks only at the end of the transaction. Once a statement has taken ACCESS EXCLUSIVE on an existing',
      'table (ADD COLUMN, SET NOT NULL, RENAME…), nobody can read or write that table until the migration commits, so every',
      'later statement of the same transaction extends the outage. Fast catalog changes do not matter; slow ones do: index',
      'builds, constraint validation, table rewrites and scans, and bulk writes. pgwarden reports those, naming the table and',
      'where its lock was taken. A backfill of the locked table itself is left to backfill-in-ddl-transaction, and a slow',
      'statement that takes ACCESS EXCLUSIVE on that same table itself (SET NOT NULL, a rewriting ALTER) is left to its own rule:',
      'the table would be blocked while it runs anyway; so is a VALIDATE CONSTRAINT of a constraint added NOT VALID earlier in the',
      'same transaction (constraint-missing-not-valid reports that).',
    ].join(' '),
    safeAlternative: [
      'Put the quick ACCESS EXCLUSIVE change in its own migration (with a lock_timeout) and the slow work in the next one:',
      '```sql',
      '-- 001: quick, under lock_timeout',
      "SET lock_timeout = '2s';",
      'ALTER TABLE widgets ADD COLUMN is_admin boolean NOT NULL DEFAULT false;',
      '-- 002: -- pgwarden:no-transaction',
      'CREATE INDEX CONCURRENTLY widgets_owner_idx ON widgets (owner);',
      '```',
    ].join('\n'),
    help: 'Commit the ACCESS EXCLUSIVE change first; run slow statements in a later migration or transaction.',
  },
  check(ctx) {
    const { parsed, statement, schema, transaction, pgVersion, report } = ctx;
    const held = history.observe({ parsed, statement, schema, transaction, pgVersion });
    // a dropped table's own lock is the drop's problem (ban-drop-table), not a lock left hanging
    const claims = lockTakenBy(statement, schema, pgVersion);
    // a table this statement locks ACCESS EXCLUSIVE itself is blocked while it runs anyway: the earlier
    // lock adds nothing there (and the statement's own rule reports it)
    const ownExclusive = new Set(claims.filter((c) => c.mode === 'AccessExclusiveLock' && c.relationKind !== 'index').map((c) => c.relation));
    // validating a constraint added NOT VALID in this transaction is constraint-missing-not-valid's finding
    const alter = tableAlter(statement);
    const key = alter && tableKey(alter.relation);
    if (key && alter.cmds.some((c) => c.subtype === 'AT_ValidateConstraint' && c.name && addedNotValidInThisTransaction(ctx, key, c.name))) ownExclusive.add(key);
    const exclusive = held.filter(
      (h) => h.claim.mode === 'AccessExclusiveLock' && !h.onNewTable && h.statement !== statement && h.claim.reason !== 'DROP TABLE' && !ownExclusive.has(h.claim.relation),
    );
    if (exclusive.length === 0) return;
    const slow = new Set<string>();
    for (const claim of claims) {
      if ((claim.scan || claim.rewrite) && !schema.relationCreatedInCurrentFile(claim.relation)) slow.add(claim.reason);
    }
    const written = bulkWriteTarget(statement, schema);
    if (written && !schema.relationCreatedInCurrentFile(written) && !exclusive.some((h) => h.claim.relation === written)) slow.add('bulk write');
    if (slow.size === 0) return;
    // each table with the statement that locked it first: tables locked by different statements name their own
    const byTable = new Map<string, string>();
    for (const h of exclusive) {
      if (!byTable.has(h.claim.relation)) byTable.set(h.claim.relation, `${h.claim.reason} at line ${h.statement.range.start.line}`);
    }
    const takers = new Set(byTable.values());
    const tables =
      takers.size === 1
        ? `${[...byTable.keys()].map(display).join(', ')} ${byTable.size > 1 ? 'stay' : 'stays'} ACCESS EXCLUSIVE locked (taken by ${[...takers][0]})`
        : `${[...byTable].map(([t, by]) => `${display(t)} (${by})`).join(', ')} stay ACCESS EXCLUSIVE locked`;
    report({ message: `${[...slow].join(', ')} runs while ${tables} until the transaction commits.` });
  },
};
