import type { Rule } from '../src/lint/types.js';
import { cannotRunInTransaction } from '../src/analysis/transactions.js';

export const banConcurrentIndexCreationInTransaction: Rule = {
  meta: {
    id: 'ban-concurrent-index-creation-in-transaction',
    category: 'transactions',
    defaultSeverity: 'error',
    summary: 'CREATE INDEX CONCURRENTLY (and the other CONCURRENTLY forms) fail inside a transaction block.',
    why: 'PostgreSQL refuses CREATE INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY, REINDEX … CONCURRENTLY and DETACH PARTITION … CONCURRENTLY inside a transaction block ("cannot run inside a transaction block"), and inside a DO block or function. The migration fails at deploy time, after earlier statements may already have run. pgwarden\'s runner runs a file containing such a statement outside a transaction by itself, so the rule fires when the file wraps the statement in its own BEGIN … COMMIT, or when the statement sits in a DO block.',
    safeAlternative: [
      'Put the concurrent statement in a migration of its own, without BEGIN/COMMIT, and mark it so every runner leaves it outside a transaction:',
      '```sql',
      '-- pgwarden:no-transaction',
      "SET lock_timeout = '2s';",
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS events_created_at_idx ON events (created_at);',
      '```',
      'Other runners have their own switch: golang-migrate runs each file as sent (no BEGIN), Flyway needs `executeInTransaction=false` in a script config, Rails `disable_ddl_transaction!`.',
    ].join('\n'),
    help: 'Move the CONCURRENTLY statement to its own migration without BEGIN/COMMIT (-- pgwarden:no-transaction).',
  },
  check(ctx) {
    const what = cannotRunInTransaction(ctx.statement, ctx.pgVersion);
    if (!what || !what.includes('CONCURRENTLY')) return;
    if (ctx.statement.parent) {
      ctx.report({ message: `${what} inside a DO block fails: PostgreSQL cannot run it from a function or transaction block.` });
      return;
    }
    if (!ctx.transaction.inTransaction) return;
    const how = ctx.transactions.mode === 'explicit' ? 'the BEGIN … COMMIT of this file' : 'the transaction this file runs in';
    ctx.report({ message: `${what} inside ${how} fails: PostgreSQL cannot run it inside a transaction block.` });
  },
};
