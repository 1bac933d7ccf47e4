import { nodeAs, stringList } from '../src/sql/ast.js';
import { schemaFromSearchPath } from '../src/analysis/search-path.js';
const DROPPED_RELATIONS = new Set(['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_SEQUENCE', 'OBJECT_FOREIGN_TABLE']);
export const requireTableSchema = {
    meta: {
        id: 'require-table-schema',
        category: 'robustness',
        defaultSeverity: 'off',
        summary: 'Qualify table names in DDL with their schema (app.users, not users).',
        why: 'An unqualified name is resolved through the session\'s search_path, which differs between a developer\'s shell, the migration runner, a pooler and a restored backup. The same migration can then create or alter a table in another schema than intended, or fail to find it. Teams with several schemas, or a non-default search_path, avoid the ambiguity by always writing the schema. Temporary tables are not reported. Off by default.',
        safeAlternative: [
            '```sql',
            'CREATE TABLE app.orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, created_at timestamptz NOT NULL);',
            'CREATE INDEX CONCURRENTLY orders_created_at_idx ON app.orders (created_at);',
            '```',
        ].join('\n'),
        help: 'Write the schema: app.orders instead of orders.',
        limits: 'Off by default. Only DDL names are checked; references inside queries, function bodies and dynamic SQL are not. Temporary tables are not reported.',
    },
    check({ statement, report }) {
        const node = statement.node;
        const relations = [];
        const add = (r) => {
            if (r && r.relpersistence !== 't')
                relations.push(r);
        };
        add(nodeAs(node, 'CreateStmt')?.relation);
        add(nodeAs(node, 'CreateTableAsStmt')?.into?.rel);
        add(nodeAs(node, 'ViewStmt')?.view);
        add(nodeAs(node, 'AlterTableStmt')?.relation);
        add(nodeAs(node, 'IndexStmt')?.relation);
        add(nodeAs(node, 'RenameStmt')?.relation);
        for (const r of nodeAs(node, 'TruncateStmt')?.relations ?? [])
            add(nodeAs(r, 'RangeVar'));
        for (const r of relations) {
            // a schema that search_path supplied is still not written in the file
            if (r.schemaname && !schemaFromSearchPath(r))
                continue;
            report({ message: `Table ${r.relname ?? ''} has no schema; write it as <schema>.${r.relname ?? ''}.`, location: r.location });
        }
        const drop = nodeAs(node, 'DropStmt');
        if (drop && DROPPED_RELATIONS.has(drop.removeType ?? '')) {
            for (const object of drop.objects ?? []) {
                const list = nodeAs(object, 'List');
                const names = stringList(list?.items);
                if (list && schemaFromSearchPath(list))
                    names.shift();
                if (names.length === 1)
                    report({ message: `Table ${names[0]} has no schema; write it as <schema>.${names[0]}.` });
            }
        }
    },
};
