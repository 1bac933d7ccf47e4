import { nodeAs } from '../src/sql/ast.js';
export const banDropDatabase = {
    meta: {
        id: 'ban-drop-database',
        category: 'destructive',
        defaultSeverity: 'error',
        summary: 'Dropping a database deletes all of its data and has no place in a migration.',
        why: 'DROP DATABASE deletes an entire database, every schema and row in it, and cannot be rolled back (it cannot even run inside a transaction). A migration file is replayed on every environment, production included, so a DROP DATABASE meant for a test setup destroys production data.',
        safeAlternative: [
            'Manage databases outside the migration history, with an explicit, reviewed operational step and a backup:',
            '```sql',
            '-- run by hand by an operator, not as a migration',
            'DROP DATABASE analytics_old;',
            '```',
        ].join('\n'),
        help: 'Remove DROP DATABASE from the migration; drop databases by hand after a backup.',
        limits: 'Every DROP DATABASE is reported; there is no exception for test setups, because a migration runs on every environment.',
    },
    visits: ['DropdbStmt'],
    check({ statement, report }) {
        const drop = nodeAs(statement.node, 'DropdbStmt');
        if (!drop)
            return;
        report({ message: `Dropping database ${drop.dbname ?? ''} deletes all of its data and cannot be rolled back.` });
    },
};
