import { nodeAs, relationName } from '../src/sql/ast.js';
import { existingTable } from './lib/locking.js';
export const requireConcurrentRefresh = {
    meta: {
        id: 'require-concurrent-refresh',
        category: 'locking',
        defaultSeverity: 'error',
        summary: 'REFRESH MATERIALIZED VIEW without CONCURRENTLY blocks every read of the view until the query finishes.',
        why: 'A plain REFRESH MATERIALIZED VIEW takes an ACCESS EXCLUSIVE lock on the view and holds it while it runs the view\'s whole query and writes the result into new storage, so every SELECT on the view waits for the refresh, and in a migration until the transaction commits. REFRESH … CONCURRENTLY computes the new contents beside the old ones and applies the difference under an EXCLUSIVE lock, which lets reads go on; it needs a unique index on the view (without a WHERE clause) and a view that has been populated once. It can run inside a transaction. Views created earlier in the same migration, and views created WITH NO DATA and never populated, are not reported.',
        safeAlternative: [
            'Give the view a unique index once, then refresh concurrently:',
            '```sql',
            'CREATE UNIQUE INDEX CONCURRENTLY monthly_sales_month_idx ON monthly_sales (month);',
            '',
            'REFRESH MATERIALIZED VIEW CONCURRENTLY monthly_sales;',
            '```',
            'Better still, refresh from a scheduled job rather than in a migration.',
        ].join('\n'),
        help: 'Use REFRESH MATERIALIZED VIEW CONCURRENTLY (the view needs a unique index), or refresh outside the migration.',
        limits: 'Materialized views created earlier in the same file, or created WITH NO DATA and never refreshed, are not reported. Whether the view has the unique index that CONCURRENTLY needs is not checked: REFRESH … CONCURRENTLY fails without one.',
        lockClaim: {
            setup: 'CREATE TABLE sales (sold_at timestamptz, amount numeric);\nCREATE MATERIALIZED VIEW monthly_sales AS SELECT date_trunc(\'month\', sold_at) AS month, sum(amount) AS total FROM sales GROUP BY 1;',
            statement: 'REFRESH MATERIALIZED VIEW monthly_sales;',
            table: 'monthly_sales',
            mode: 'AccessExclusiveLock',
            rewrite: true,
        },
    },
    visits: ['RefreshMatViewStmt'],
    check(ctx) {
        const refresh = nodeAs(ctx.statement.node, 'RefreshMatViewStmt');
        if (!refresh?.relation || refresh.concurrent)
            return;
        if (!existingTable(ctx, refresh.relation))
            return;
        // nobody can read a view that was never populated: its first refresh blocks no reader
        if (ctx.schema.view(refresh.relation)?.unpopulated)
            return;
        const name = relationName(refresh.relation);
        ctx.report({
            message: `Refreshing materialized view ${name} without CONCURRENTLY holds an ACCESS EXCLUSIVE lock on it while its query runs: every read of ${name} waits.`,
            location: refresh.relation.location,
        });
    },
};
