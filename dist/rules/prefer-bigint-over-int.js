import { columnLabel, isArray, typedColumns } from './lib/column-types.js';
const SERIAL = new Set(['serial', 'serial4']);
const INT = new Set(['int4', 'int', 'integer']);
export const preferBigintOverInt = {
    meta: {
        id: 'prefer-bigint-over-int',
        category: 'types',
        defaultSeverity: 'warning',
        summary: 'Use bigint rather than integer/serial for ids and keys: 32-bit keys run out.',
        why: 'integer tops out at 2,147,483,647. Ids and foreign keys of a busy table reach that, and then every insert fails; widening the column afterwards rewrites the table under an ACCESS EXCLUSIVE lock, together with every referencing column. bigint costs 4 more bytes per row. Reported: `serial`/`serial4` columns, and integer columns that are keys (a single-column primary key, identity, foreign key, or named `id`/`…_id`/`…Id`; not a position such as line_no inside a composite key) in CREATE TABLE, ADD COLUMN and ALTER COLUMN TYPE, and arrays of them (`int[]`, `int4[]`; also `…_ids`/`…Ids` arrays). Plain integer quantities and columns of temporary tables are fine and are not reported unless the `allColumns` option is true (squawk\'s behaviour).',
        safeAlternative: [
            'Use bigint for keys from the start:',
            '```sql',
            'CREATE TABLE orders (',
            '  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,',
            '  customer_id bigint NOT NULL REFERENCES customers (id)',
            ');',
            '```',
        ].join('\n'),
        help: 'Declare ids and keys as bigint (bigint GENERATED … AS IDENTITY instead of serial).',
        limits: 'Only key-like columns are reported (primary key, identity, foreign key, `id`, `…_id`, `…Id`, and arrays of ids); squawk reports every integer column, which the `allColumns` option reproduces. A key whose referenced table uses integer too is still reported: widening both is the fix. Columns of temporary tables, and an ALTER COLUMN TYPE that restates the column\'s current type, are not reported.',
    },
    visits: ['CreateStmt', 'AlterTableStmt'],
    check({ statement, schema, options, report }) {
        for (const c of typedColumns(statement.node, schema)) {
            if (!c.builtin)
                continue;
            const serial = SERIAL.has(c.builtin);
            if (!serial && !(INT.has(c.builtin) && (c.keyLike || options.allColumns === true)))
                continue;
            // an array of ids runs out like the ids it holds
            const message = isArray(c.type)
                ? `${columnLabel(c)} is integer[] (32-bit elements); use bigint[] before the ids it holds run out.`
                : `${columnLabel(c)} is ${serial ? 'serial' : 'integer'} (32-bit); use bigint${serial ? ' (bigint GENERATED … AS IDENTITY)' : ''} before it runs out.`;
            report({ message, location: c.location });
        }
    },
};
