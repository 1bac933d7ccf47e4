import { columnLabel, isArray, typedColumns } from './lib/column-types.js';
const SERIAL = new Set(['smallserial', 'serial2']);
const SMALLINT = new Set(['int2', 'smallint']);
export const preferBigintOverSmallint = {
    meta: {
        id: 'prefer-bigint-over-smallint',
        category: 'types',
        defaultSeverity: 'warning',
        summary: 'Use bigint rather than smallint/smallserial for ids and keys: 16-bit keys run out fast.',
        why: 'smallint tops out at 32,767: a lookup table\'s id or a key that seemed small reaches it, and then every insert fails. Widening it later rewrites the table (and every referencing table) under an ACCESS EXCLUSIVE lock. Reported: `smallserial`/`serial2` columns, and smallint columns that are keys (a single-column primary key, identity, foreign key, or named `id`/`…_id`/`…Id`; not a position such as line_no inside a composite key), and arrays of them (`smallint[]`, `int2[]`; also `…_ids`/`…Ids` arrays). Plain smallint quantities and columns of temporary tables are not reported unless the `allColumns` option is true (squawk\'s behaviour).',
        safeAlternative: [
            'Use bigint (or at least integer) for keys:',
            '```sql',
            'CREATE TABLE countries (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code text NOT NULL);',
            '```',
        ].join('\n'),
        help: 'Declare ids and keys as bigint (bigint GENERATED … AS IDENTITY instead of smallserial).',
        limits: 'As for prefer-bigint-over-int: key-like columns (and arrays of ids) only, unless `allColumns` is true (squawk\'s behaviour); temporary tables and restated types are not reported.',
    },
    visits: ['CreateStmt', 'AlterTableStmt'],
    check({ statement, schema, options, report }) {
        for (const c of typedColumns(statement.node, schema)) {
            if (!c.builtin)
                continue;
            const serial = SERIAL.has(c.builtin);
            if (!serial && !(SMALLINT.has(c.builtin) && (c.keyLike || options.allColumns === true)))
                continue;
            const message = isArray(c.type)
                ? `${columnLabel(c)} is smallint[] (16-bit elements, at most 32767); use bigint[].`
                : `${columnLabel(c)} is ${serial ? 'smallserial' : 'smallint'} (16-bit, at most 32767); use bigint.`;
            report({ message, location: c.location });
        }
    },
};
