import { cannotRunInTransaction } from '../src/analysis/transactions.js';
import { toolName } from '../src/analysis/transaction-policy.js';
export const banConcurrentIndexCreationInTransaction = {
    meta: {
        id: 'ban-concurrent-index-creation-in-transaction',
        category: 'transactions',
        defaultSeverity: 'error',
        summary: 'CREATE INDEX CONCURRENTLY (and the other CONCURRENTLY forms) fail inside a transaction block.',
        why: [
            'PostgreSQL refuses CREATE INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY, REINDEX … CONCURRENTLY and DETACH PARTITION … CONCURRENTLY',
            'inside a transaction block ("cannot run inside a transaction block"), and inside a DO block or function. The migration fails at',
            'deploy time, after earlier statements may already have run. Whether a file runs in a transaction block is decided by the tool',
            'that runs it, not by the SQL, so the rule follows the tool of the file\'s layout: pgwarden\'s runner runs a file holding such a',
            'statement outside a transaction by itself; golang-migrate and Prisma send the whole file as one multi-statement query, which',
            'PostgreSQL runs as one implicit transaction as soon as the file holds a second statement (a `SET lock_timeout` before the index',
            'is enough, checked on PostgreSQL 15); Flyway, goose, dbmate, Rails, Knex and Ory popx run each migration in a transaction unless',
            'their own opt-out marker says otherwise (Flyway also leaves a script out of one when it holds CREATE/DROP INDEX CONCURRENTLY or',
            'VACUUM, but not for REINDEX … CONCURRENTLY or DETACH … CONCURRENTLY); dbmate\'s `transaction:false` still sends the section as one',
            'query. The finding says which rule applied and how that tool takes the statement out of the transaction.',
        ].join(' '),
        safeAlternative: [
            'Put the concurrent statement in a migration of its own, without BEGIN/COMMIT, and use your tool\'s way to run it outside a transaction:',
            '```sql',
            '-- pgwarden:no-transaction',
            "SET lock_timeout = '2s';",
            'CREATE INDEX CONCURRENTLY IF NOT EXISTS events_created_at_idx ON events (created_at);',
            '```',
            'golang-migrate and Prisma: the CONCURRENTLY statement alone in its file (no SET before it). Flyway: `executeInTransaction=false` in `V…__name.sql.conf` where Flyway does not detect it. goose: `-- +goose NO TRANSACTION`. dbmate: `-- migrate:up transaction:false` with the statement alone in the section. Rails: `disable_ddl_transaction!`. Knex: `exports.config = { transaction: false }`. Ory popx: a `….autocommit.up.sql` file.',
        ].join('\n'),
        help: 'Move the CONCURRENTLY statement to its own migration that your tool runs outside a transaction (-- pgwarden:no-transaction for pgwarden\'s runner).',
        limits: 'Which transaction a file runs in follows the tool detected from the layout (and the `transaction` setting or --assume-… flags): plain *.sql directories are assumed to run under pgwarden\'s runner unless their files carry dbmate or goose markers; Rails and Knex SQL is recognised only when the configuration names the tool. A Flyway `flyway.mixed` or group setting, and golang-migrate\'s x-multi-statement URL option, are not read: use --assume-autocommit for the latter. Prisma Migrate from 7.4 (prisma-engines #5767, February 2026) splits a migration holding CREATE INDEX CONCURRENTLY into single statements when its parser reads them all, so there such a file runs; pgwarden models the one-query behaviour of earlier versions (which DROP INDEX CONCURRENTLY still gets): with a newer Prisma, suppress the finding with that reason. squawk reports it only with --assume-in-transaction, for every file alike.',
    },
    check(ctx) {
        const what = cannotRunInTransaction(ctx.statement, ctx.pgVersion);
        if (!what || !what.includes('CONCURRENTLY'))
            return;
        if (ctx.statement.parent) {
            ctx.report({ message: `${what} inside a DO block fails: PostgreSQL cannot run it from a function or transaction block.` });
            return;
        }
        if (!ctx.transaction.inTransaction)
            return;
        const { mode, reason, escape, tool, policy } = ctx.transactions;
        // a tool other than pgwarden's runner does not read the runner's directive
        const ignored = tool !== undefined && tool !== 'pgwarden' && ctx.parsed.directives.some((d) => d.directive.type === 'no-transaction' && d.directive.by === 'pgwarden')
            ? ` (-- pgwarden:no-transaction is read by pgwarden's runner, not by ${toolName(tool)})`
            : '';
        if (mode === 'explicit' && policy !== 'query') {
            ctx.report({ message: `${what} inside the BEGIN … COMMIT of this file fails: PostgreSQL cannot run it inside a transaction block.`, help: escape });
            return;
        }
        ctx.report({
            message: `${what} cannot run inside a transaction block, and here it runs in one: ${reason}${ignored}.`,
            help: escape,
        });
    },
};
