import { aLock, blockedWork, scanUnderLock, settingActive } from './lib/locking.js';
export const requireStatementTimeout = {
    meta: {
        id: 'require-statement-timeout',
        category: 'robustness',
        defaultSeverity: 'warning',
        summary: 'A statement that scans or rewrites an existing table under a blocking lock should run with statement_timeout set.',
        why: [
            'An index build, a validating constraint, a rewriting ADD COLUMN, REINDEX, CLUSTER or VACUUM FULL reads or rewrites the whole table while holding a lock that blocks writes (or reads and writes). How long that takes depends on the production table\'s size, which the author of the migration rarely knows. `statement_timeout` puts an upper bound on the outage: the statement is cancelled and rolled back instead of blocking the table for an hour.',
            'The finding is reported once per file, at the first such statement with no statement_timeout set earlier in the file (`SET statement_timeout`, `SET LOCAL statement_timeout` in the same transaction, or `set_config(\'statement_timeout\', …)`). Tables created earlier in the same file are not counted. Statements that do not block traffic while they run (CREATE INDEX CONCURRENTLY, VALIDATE CONSTRAINT) are not counted either: cancelling them would only waste work. Type changes and SET NOT NULL are left to changing-column-type and adding-not-nullable-field, which know whether they scan. The default severity is warning: it is robustness advice, and the better fix is usually the non-blocking form of the statement.',
        ].join('\n\n'),
        safeAlternative: [
            'Prefer the non-blocking form of the statement (CONCURRENTLY, NOT VALID + VALIDATE). When a blocking scan is unavoidable, bound it:',
            '```sql',
            'SET lock_timeout = \'2s\';',
            'SET statement_timeout = \'5min\';',
            'ALTER TABLE orders ADD CONSTRAINT orders_code_key UNIQUE (code);',
            '```',
        ].join('\n'),
        help: "Set statement_timeout (e.g. SET statement_timeout = '5min';) before a statement that scans or rewrites a table under a blocking lock.",
        limits: 'Reported once per file, at the first statement that scans or rewrites an existing table under a lock that blocks writes; squawk reports every statement that takes a lock, including quick catalog changes and statements on new tables. Type changes and SET NOT NULL are left to their own rules, and a statement_timeout set outside the file (runner, role, database) is not seen.',
    },
    check(ctx) {
        // called for every statement so that the setting's state folds in order
        const { active, state } = settingActive(ctx, 'statement_timeout');
        if (active || state.reported)
            return;
        const scan = scanUnderLock(ctx);
        if (!scan)
            return;
        state.reported = true;
        ctx.report({
            message: `This statement ${scan.what} ${scan.table} while holding ${aLock(scan.mode)} lock, with no statement_timeout set: ${blockedWork(scan.mode)} of ${scan.table} are blocked for as long as it runs.`,
            location: scan.location,
        });
    },
};
