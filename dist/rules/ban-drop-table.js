import { nodeAs, stringList } from '../src/sql/ast.js';
export const banDropTable = {
    meta: {
        id: 'ban-drop-table',
        category: 'destructive',
        defaultSeverity: 'error',
        summary: 'Dropping a table deletes its data and breaks code that still reads it.',
        why: 'DROP TABLE removes the table and every row in it at once. Application code deployed before the migration still queries the table and fails, and the data is gone unless it is restored from a backup. A table created earlier in the same file holds nothing anyone relies on yet, so dropping it is not reported.',
        safeAlternative: [
            'Stop using the table in application code first and deploy that. Then, in a later migration, rename it out of the way so that a forgotten reader fails loudly but the data survives:',
            '```sql',
            'ALTER TABLE old_events RENAME TO old_events_deprecated_20261128;',
            '```',
            'Drop it only once nothing has used it for a release, and after a backup:',
            '```sql',
            '-- pgwarden-ignore ban-drop-table: unused since v42, backed up',
            'DROP TABLE old_events_deprecated_20261128;',
            '```',
        ].join('\n'),
        help: 'Remove all readers first, then drop in a later release after a backup; suppress with a reason once that is done.',
        limits: 'Reported for every table the file did not create itself, including tables of unknown size created outside the replayed history. Not reported: temporary tables and tables created earlier in the same file, and the down sections of dbmate and goose files (squawk lints the whole file, so it reports the DROP TABLE of a down section; pgwarden lints the forward migration only, and down files when named on the command line). Whether the table is still read by deployed code is not known: the finding assumes it is.',
    },
    visits: ['DropStmt'],
    check({ statement, schema, report }) {
        const drop = nodeAs(statement.node, 'DropStmt');
        if (drop?.removeType !== 'OBJECT_TABLE')
            return;
        for (const object of drop.objects ?? []) {
            const name = stringList(nodeAs(object, 'List')?.items).join('.');
            // a table this file created holds no rows that anyone relies on yet
            if (schema.createdInCurrentFile(name))
                continue;
            report({ message: `Dropping table ${name} deletes all of its rows and breaks code that still uses it.` });
        }
    },
};
