import { nodeAs, stringList } from '../src/sql/ast.js';
import { pgSince } from '../src/analysis/pg-features.js';
export const requireEnumValueOrdering = {
    meta: {
        id: 'require-enum-value-ordering',
        category: 'breaking',
        defaultSeverity: 'warning',
        summary: 'ALTER TYPE … ADD VALUE without BEFORE or AFTER appends the value at the end of the enum\'s sort order.',
        why: 'Enum values sort in declaration order, not alphabetically: `<`, `>`, ORDER BY, min() and max() on the column all use that order. ADD VALUE without BEFORE/AFTER puts the new value last, which is often not where it belongs (a new intermediate status sorting after "done"), and queries such as `WHERE status < \'shipped\'` silently change meaning. Stating the position makes the choice explicit and reviewable (the same check as squawk\'s rule of this name). ADD VALUE into an enum created earlier in the same file is not reported. Note also that before PostgreSQL ' + pgSince('enumAddValueInTransaction') + ' ADD VALUE cannot run inside a transaction, and from ' + pgSince('enumAddValueInTransaction') + ' on the new value cannot be used in the transaction that added it.',
        safeAlternative: [
            'Say where the value goes:',
            '```sql',
            "ALTER TYPE order_status ADD VALUE 'packed' BEFORE 'shipped';",
            '```',
            'If last is really right, say so with AFTER the current last value:',
            '```sql',
            "ALTER TYPE order_status ADD VALUE 'archived' AFTER 'delivered';",
            '```',
        ].join('\n'),
        help: 'Add BEFORE or AFTER an existing value so the new value sorts where it belongs.',
        limits: 'Every ADD VALUE without BEFORE/AFTER into an enum not created in the same file is reported, even when appending at the end is the intended order; suppress with a reason then.',
    },
    visits: ['AlterEnumStmt'],
    check({ statement, schema, report }) {
        const alter = nodeAs(statement.node, 'AlterEnumStmt');
        if (!alter?.newVal || alter.oldVal || alter.newValNeighbor)
            return;
        const name = stringList(alter.typeName).join('.');
        // an enum this file created (or renamed into place) has no rows sorted by it yet
        const created = schema.enumType(name)?.origin;
        if (created && schema.isNew(created))
            return;
        report({ message: `Value '${alter.newVal}' is appended to the end of enum ${name}'s sort order; say BEFORE or AFTER which value it belongs.` });
    },
};
