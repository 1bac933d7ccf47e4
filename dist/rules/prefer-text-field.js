import { columnLabel, typedColumns } from './lib/column-types.js';
export const preferTextField = {
    meta: {
        id: 'prefer-text-field',
        category: 'types',
        defaultSeverity: 'warning',
        summary: 'Use text (with a CHECK constraint if a limit is needed) rather than varchar(n).',
        why: 'varchar(n) is no faster than text in PostgreSQL, and its limit is hard to change: shrinking it, or changing the type of a column whose limit other objects depend on, rewrites or re-checks the table under an ACCESS EXCLUSIVE lock. A CHECK constraint expresses the same limit and can be replaced without blocking: add the new one NOT VALID, validate it, drop the old one. Reported for varchar(n)/character varying(n) in CREATE TABLE, ADD COLUMN and ALTER COLUMN TYPE; varchar without a length is text by another name and is not reported.',
        safeAlternative: [
            '```sql',
            'CREATE TABLE users (',
            '  email text NOT NULL,',
            '  CONSTRAINT users_email_length CHECK (char_length(email) <= 320)',
            ');',
            '```',
            'Changing the limit later does not block anyone:',
            '```sql',
            'ALTER TABLE users ADD CONSTRAINT users_email_length_v2 CHECK (char_length(email) <= 512) NOT VALID;',
            'ALTER TABLE users VALIDATE CONSTRAINT users_email_length_v2;',
            'ALTER TABLE users DROP CONSTRAINT users_email_length;',
            '```',
        ].join('\n'),
        help: 'Use text, with a CHECK (char_length(col) <= n) constraint if the length must be limited.',
        limits: 'Reported where a varchar(n) type is written (CREATE TABLE, ADD COLUMN, ALTER COLUMN TYPE); an ALTER COLUMN TYPE that restates the column\'s current type (Sequelize\'s changeColumn does) is not reported again (squawk reports it). Domains over varchar(n) are not followed.',
    },
    visits: ['CreateStmt', 'AlterTableStmt'],
    check({ statement, schema, report }) {
        for (const c of typedColumns(statement.node, schema)) {
            if (c.builtin !== 'varchar' || (c.type.typmods ?? []).length === 0)
                continue;
            report({ message: `${columnLabel(c)} is ${c.typeText}; use text with a CHECK constraint on its length instead.`, location: c.location });
        }
    },
};
