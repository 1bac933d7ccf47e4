import { nodeAs } from '../sql/ast.js';
import { pgHas } from './pg-features.js';
export const TRANSACTION_ASSUMPTIONS = ['auto', 'per-file', 'per-statement', 'in-transaction'];
const TOOL_NAMES = {
    pgwarden: "pgwarden's runner",
    'golang-migrate': 'golang-migrate',
    prisma: 'Prisma Migrate',
    flyway: 'Flyway',
    dbmate: 'dbmate',
    goose: 'goose',
    sqitch: 'sqitch (through psql)',
    popx: 'Ory popx',
    rails: 'Rails',
    knex: 'Knex',
};
const PGWARDEN_ESCAPE = 'Move the statement to a migration of its own without BEGIN/COMMIT, marked -- pgwarden:no-transaction.';
/** What each tool does with a file that carries no opt-out marker, and how its users opt out. */
const TOOL_POLICIES = {
    'golang-migrate': {
        kind: 'query',
        escape: 'Put the statement alone in a migration file of its own: golang-migrate sends a one-statement file without a transaction block (-- pgwarden:no-transaction does not change how golang-migrate runs a file).',
    },
    prisma: {
        kind: 'query',
        escape: 'Put the statement alone in a migration of its own (prisma migrate dev --create-only, then edit migration.sql): Prisma sends a one-statement migration without a transaction block.',
    },
    flyway: {
        kind: 'wrap',
        escape: 'Flyway runs a script outside a transaction by itself only for CREATE/DROP INDEX CONCURRENTLY, VACUUM and a few more; for this statement add a script config V…__name.sql.conf with executeInTransaction=false.',
    },
    dbmate: {
        kind: 'wrap',
        marker: 'dbmate',
        escape: 'Put the statement alone in a migration with -- migrate:up transaction:false: dbmate sends the whole section as one query, which is still an implicit transaction when it holds two statements.',
    },
    goose: { kind: 'wrap', marker: 'goose', escape: 'Mark the migration -- +goose NO TRANSACTION (goose then runs its statements one by one).' },
    sqitch: { kind: 'autocommit', escape: 'Run the statement outside the script\'s BEGIN … COMMIT (psql runs each statement on its own otherwise).' },
    popx: { kind: 'wrap', escape: 'Move the statement to a migration file named <version>_<name>.autocommit.up.sql, which popx runs without a transaction.' },
    rails: { kind: 'wrap', marker: 'rails', escape: 'Add disable_ddl_transaction! to the migration (and write -- disable_ddl_transaction! in the SQL linted for it).' },
    knex: { kind: 'wrap', marker: 'knex', escape: 'Export config = { transaction: false } from the migration (and write it in a comment of the SQL linted for it).' },
};
/**
 * Flyway's own list of statements it runs outside a transaction (PostgreSQLParser.detectCanExecuteInTransaction):
 * one of them makes Flyway run the whole script statement by statement. REINDEX … CONCURRENTLY and
 * DETACH PARTITION … CONCURRENTLY are not on it.
 */
function flywayRunsOutsideTransaction(statement, pgVersion) {
    const node = statement.node;
    if (nodeAs(node, 'IndexStmt')?.concurrent || nodeAs(node, 'DropStmt')?.concurrent)
        return true;
    const reindex = nodeAs(node, 'ReindexStmt');
    if (reindex && ['REINDEX_OBJECT_SCHEMA', 'REINDEX_OBJECT_DATABASE', 'REINDEX_OBJECT_SYSTEM'].includes(reindex.kind ?? ''))
        return true;
    if (nodeAs(node, 'VacuumStmt')?.is_vacuumcmd || nodeAs(node, 'AlterSystemStmt') || nodeAs(node, 'DiscardStmt')?.target === 'DISCARD_ALL')
        return true;
    for (const kind of ['CreatedbStmt', 'DropdbStmt', 'CreateTableSpaceStmt', 'DropTableSpaceStmt', 'CreateSubscriptionStmt', 'DropSubscriptionStmt']) {
        if (nodeAs(node, kind))
            return true;
    }
    return !pgHas('enumAddValueInTransaction', pgVersion) && nodeAs(node, 'AlterEnumStmt') !== undefined && !nodeAs(node, 'AlterEnumStmt')?.oldVal;
}
/** The tool a file is run by: the layout's, or for plain `*.sql` files the one whose section markers it carries. */
export function toolOf(runner, directives) {
    const tool = runner?.tool ?? 'pgwarden';
    if (tool !== 'pgwarden')
        return tool;
    for (const { directive } of directives) {
        if (directive.type === 'tool')
            return directive.tool;
        if (directive.type === 'no-transaction' && (directive.by === 'dbmate' || directive.by === 'goose'))
            return directive.by;
    }
    return tool;
}
/**
 * The policy a file runs under. `topLevel` are its top-level statements (DO bodies excluded) and
 * `refused` the first of them PostgreSQL refuses inside a transaction block, for pgwarden's runner.
 */
/** A tool's name as messages spell it. */
export function toolName(tool) {
    return TOOL_NAMES[tool];
}
export function filePolicy(assumption, runner, directives, topLevel, refused, pgVersion) {
    if (assumption === 'per-statement')
        return { kind: 'autocommit', reason: 'each statement autocommits (--assume-autocommit)', escape: PGWARDEN_ESCAPE };
    if (assumption === 'in-transaction')
        return { kind: 'wrap', reason: 'this file runs in one transaction (--assume-in-transaction)', escape: 'Move the statement to a migration that your tool runs outside a transaction.' };
    const markedBy = (who) => directives.some((d) => d.directive.type === 'no-transaction' && d.directive.by === who);
    const tool = assumption === 'per-file' ? 'pgwarden' : toolOf(runner, directives);
    if (tool === 'pgwarden') {
        const runnerPolicy = (kind, reason) => ({ kind, reason, escape: PGWARDEN_ESCAPE, tool });
        // the runner honours its own directive and dbmate's section marker, as it runs dbmate files too
        if (markedBy('pgwarden'))
            return runnerPolicy('autocommit', '-- pgwarden:no-transaction');
        if (markedBy('dbmate'))
            return runnerPolicy('autocommit', '-- migrate:up transaction:false');
        if (refused)
            return runnerPolicy('autocommit', `${refused} cannot run inside a transaction`);
        return runnerPolicy('runner', 'runs in one transaction');
    }
    const name = TOOL_NAMES[tool];
    const policy = TOOL_POLICIES[tool];
    const of = (kind, reason) => ({ kind, reason, escape: policy.escape, tool });
    if (runner?.autocommit)
        return of('autocommit', `${name} runs it without a transaction: ${runner.autocommit}`);
    if (policy.marker && markedBy(policy.marker)) {
        // dbmate's transaction:false only drops its BEGIN: the section is still one multi-statement query
        if (tool === 'dbmate')
            return of('query', 'dbmate sends this transaction:false section as one multi-statement query, which PostgreSQL runs as one implicit transaction');
        return of('autocommit', `${name} runs it without a transaction (its opt-out marker)`);
    }
    if (tool === 'flyway' && topLevel.some((s) => flywayRunsOutsideTransaction(s, pgVersion))) {
        return of('autocommit', 'Flyway runs a script holding a non-transactional statement outside a transaction');
    }
    if (policy.kind === 'query')
        return of('query', `${name} sends this file as one multi-statement query, which PostgreSQL runs as one implicit transaction`);
    if (policy.kind === 'autocommit')
        return of('autocommit', `${name} runs each statement on its own`);
    return of('wrap', `${name} runs this migration in one transaction`);
}
