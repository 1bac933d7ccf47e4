import { columnLabel, typedColumns } from './lib/column-types.js';
import { pgSince } from '../src/analysis/pg-features.js';
const SERIALS = new Map([
    ['serial', 'integer'],
    ['serial4', 'integer'],
    ['bigserial', 'bigint'],
    ['serial8', 'bigint'],
    ['smallserial', 'smallint'],
    ['serial2', 'smallint'],
]);
export const preferIdentity = {
    meta: {
        id: 'prefer-identity',
        category: 'types',
        defaultSeverity: 'warning',
        summary: 'Use GENERATED … AS IDENTITY instead of serial types.',
        why: `serial is a shorthand that creates a separately owned sequence with its own permissions: grants on the table do not cover it, copying the table definition (CREATE TABLE … LIKE) shares the sequence, dump/restore and ownership changes need extra care, and nothing stops code from inserting explicit ids that later collide with the sequence. Identity columns (SQL standard, PostgreSQL ${pgSince('identityColumns')}+) tie the sequence to the column and, with GENERATED ALWAYS, reject accidental explicit ids.`,
        safeAlternative: [
            '```sql',
            'CREATE TABLE orders (',
            '  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
            ');',
            '```',
        ].join('\n'),
        help: 'Write `bigint GENERATED ALWAYS AS IDENTITY` instead of serial/bigserial.',
        limits: 'serial, serial4, serial8, bigserial, smallserial and serial2 columns are reported where they are declared, in new tables too (temporary tables excepted); existing serial columns, and sequences created separately with nextval defaults, are not.',
        minPgVersion: pgSince('identityColumns'),
        adviceNeeds: 'identityColumns',
    },
    visits: ['CreateStmt', 'AlterTableStmt'],
    check({ statement, schema, report }) {
        for (const c of typedColumns(statement.node, schema)) {
            const base = c.builtin && SERIALS.get(c.builtin);
            if (!base)
                continue;
            report({
                message: `${columnLabel(c)} uses ${c.builtin}; use ${base === 'bigint' ? 'bigint' : `bigint (or ${base})`} GENERATED ALWAYS AS IDENTITY.`,
                location: c.location,
            });
        }
    },
};
