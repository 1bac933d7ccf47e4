import { nodeAs, stringList } from '../src/sql/ast.js';
export const banDropSchema = {
    meta: {
        id: 'ban-drop-schema',
        category: 'destructive',
        defaultSeverity: 'error',
        summary: 'Dropping a schema deletes every object in it (with CASCADE) or fails (without).',
        why: 'DROP SCHEMA … CASCADE removes every table, view, function and type in the schema with all their data in one statement. Without CASCADE it fails as soon as the schema holds anything, which aborts the migration. Either way, code that uses the schema breaks.',
        safeAlternative: [
            'Move or drop the objects one by one in reviewed migrations, after application code stops using them, and only then drop the empty schema without CASCADE:',
            '```sql',
            '-- after the tables have been dropped one by one in earlier releases',
            '-- pgwarden-ignore ban-drop-schema: empty since release 42',
            'DROP SCHEMA reporting;',
            '```',
        ].join('\n'),
        help: 'Empty the schema through reviewed, separate migrations first; never drop it with CASCADE.',
        limits: 'Reported for every DROP SCHEMA of a schema the file did not create; what the schema holds is not listed (objects created outside the replayed history are unknown).',
    },
    visits: ['DropStmt'],
    check({ statement, previous, schema, report }) {
        const drop = nodeAs(statement.node, 'DropStmt');
        if (drop?.removeType !== 'OBJECT_SCHEMA')
            return;
        for (const object of drop.objects ?? []) {
            const name = stringList([object]).join('.');
            // a schema this file created holds nothing anyone relies on yet; CREATE SCHEMA IF NOT EXISTS
            // creates nothing when an earlier migration already put objects in it
            const older = [...schema.tables.values(), ...schema.views.values()].some((o) => o.key.startsWith(`${name}.`) && !schema.isNew(o.origin));
            const createdHere = previous.some((s) => {
                const create = nodeAs(s.node, 'CreateSchemaStmt');
                return create?.schemaname === name && !(create.if_not_exists && older);
            });
            if (createdHere)
                continue;
            const cascade = drop.behavior === 'DROP_CASCADE';
            report({
                message: cascade
                    ? `Dropping schema ${name} with CASCADE deletes every object in it and all their data.`
                    : `Dropping schema ${name} breaks code that uses it (and fails if anything is still in it).`,
            });
        }
    },
};
