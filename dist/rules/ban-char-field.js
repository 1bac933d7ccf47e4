import { columnLabel, typedColumns } from './lib/column-types.js';
export const banCharField = {
    meta: {
        id: 'ban-char-field',
        category: 'types',
        defaultSeverity: 'warning',
        summary: 'Use text rather than char(n)/character: it pads with spaces and is no faster.',
        why: 'char(n) (also written character or bpchar) pads values with spaces to n characters, ignores trailing spaces in comparisons but not in every function (LIKE, regular expressions, concatenation), and wastes storage. It is never faster than text in PostgreSQL, and its length is as hard to change as varchar(n)\'s. The internal one-byte type `"char"` (quoted) is a different type and is not reported.',
        safeAlternative: [
            'Use text, with a CHECK constraint if the length is fixed:',
            '```sql',
            'CREATE TABLE countries (',
            '  code text NOT NULL CHECK (char_length(code) = 2)',
            ');',
            '```',
        ].join('\n'),
        help: 'Use text (with a CHECK constraint on the length if needed).',
        limits: 'Reported where char(n)/character/bpchar is written; the internal type "char" is not. Columns that must hold fixed-width codes (ISO codes) are reported too: suppress with a reason.',
    },
    visits: ['CreateStmt', 'AlterTableStmt'],
    check({ statement, schema, report }) {
        for (const c of typedColumns(statement.node, schema)) {
            if (c.builtin !== 'bpchar')
                continue;
            const shown = c.typeText.replace(/^bpchar/, 'char');
            report({ message: `${columnLabel(c)} is ${shown}; use text (with a CHECK constraint if the length matters).`, location: c.location });
        }
    },
};
