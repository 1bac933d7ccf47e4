import { nodeAs, relationName, typeNameToString } from '../src/sql/ast.js';
import { isSerialType } from '../src/analysis/volatility.js';
import { commandRange } from './lib/command-range.js';
import { pgSince } from '../src/analysis/pg-features.js';
export const addingRequiredField = {
    meta: {
        id: 'adding-required-field',
        category: 'breaking',
        defaultSeverity: 'error',
        summary: 'Adding a NOT NULL column without a default fails on a table with rows and breaks inserts of running code.',
        why: [
            'ALTER TABLE … ADD COLUMN … NOT NULL with no default gives existing rows NULL, so PostgreSQL refuses it as soon as the table has a row.',
            'Even on an empty table, application code deployed before the migration does not set the new column, and each of its INSERTs now fails.',
            'The same holds when the file adds the column nullable (or with a default) and then, in the same file, makes it required: SET NOT NULL',
            'after a backfill, or DROP DEFAULT after adding it NOT NULL DEFAULT … (what Django writes for a new field). That statement is reported.',
            'Enforcing NOT NULL in a later migration, after the code that writes the column is deployed, is not.',
        ].join(' '),
        safeAlternative: [
            'Give the column a default that stays (a constant is stored in the catalog on PostgreSQL ' + pgSince('constantDefaultWithoutRewrite') + '+, no rewrite), so old code\'s INSERTs keep working:',
            '```sql',
            "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';",
            '```',
            'Or, for a value without a constant default (here `region`), expand, migrate, then enforce, one migration each:',
            '```sql',
            '-- migration 1 (expand), deployed with code that writes region:',
            'ALTER TABLE users ADD COLUMN region text;',
            '```',
            '```sql',
            '-- migration 2: backfill in batches',
            '-- pgwarden:no-transaction',
            "UPDATE users SET region = 'eu' WHERE region IS NULL AND id BETWEEN 1 AND 10000;",
            '```',
            '```sql',
            '-- migration 3 (contract), once no running code inserts without region:',
            'ALTER TABLE users ADD CONSTRAINT users_region_not_null CHECK (region IS NOT NULL) NOT VALID;',
            '```',
            '```sql',
            '-- migration 4 (its own transaction, so the scan holds no ACCESS EXCLUSIVE lock):',
            'ALTER TABLE users VALIDATE CONSTRAINT users_region_not_null;',
            '```',
        ].join('\n'),
        help: 'Add a default, or add the column nullable, backfill it, and enforce NOT NULL afterwards.',
        limits: 'Whether deployed code inserts without the column is not known: the finding assumes it does. Tables created earlier in the same file (or in an earlier part of the same migration, for layouts that split one migration into parts) count as new and empty and are not reported. A column made required in a later migration is not reported: the history cannot tell when the code that writes it was deployed.',
    },
    visits: ['AlterTableStmt'],
    check(ctx) {
        const { statement, schema, report } = ctx;
        const alter = nodeAs(statement.node, 'AlterTableStmt');
        if (!alter?.relation || alter.objtype !== 'OBJECT_TABLE')
            return;
        if (schema.createdInCurrentFile(alter.relation))
            return;
        const cmds = (alter.cmds ?? []).flatMap((c) => nodeAs(c, 'AlterTableCmd') ?? []);
        for (const cmd of cmds) {
            // a column this file added to an existing table becomes required here: old code never sets it
            if ((cmd.subtype === 'AT_SetNotNull' || (cmd.subtype === 'AT_ColumnDefault' && !cmd.def)) && cmd.name) {
                const modelled = schema.column(alter.relation, cmd.name);
                if (!modelled || modelled.generated || !schema.columnCreatedInCurrentFile(alter.relation, cmd.name))
                    continue;
                const here = cmds.filter((k) => k.name === cmd.name);
                const required = cmd.subtype === 'AT_SetNotNull'
                    ? !modelled.notNull && !modelled.hasDefault && !here.some((k) => k.subtype === 'AT_ColumnDefault' && k.def)
                    : modelled.hasDefault && (modelled.notNull || here.some((k) => k.subtype === 'AT_SetNotNull'));
                if (!required)
                    continue;
                const how = cmd.subtype === 'AT_SetNotNull' ? 'is made NOT NULL' : 'loses its default while NOT NULL';
                report({
                    message: `Column ${cmd.name}, added to ${relationName(alter.relation)} in this migration, ${how} here: inserts from code deployed before it, which does not set ${cmd.name}, fail.`,
                    range: commandRange(ctx, ['alter'], cmd.name),
                });
                continue;
            }
            const column = nodeAs(cmd.def, 'ColumnDef');
            if (cmd.subtype !== 'AT_AddColumn' || !column?.colname)
                continue;
            if (isSerialType(typeNameToString(column.typeName)))
                continue;
            const kinds = (column.constraints ?? []).map((k) => nodeAs(k, 'Constraint')?.contype);
            const required = kinds.includes('CONSTR_NOTNULL') || kinds.includes('CONSTR_PRIMARY');
            const filled = kinds.includes('CONSTR_DEFAULT') || kinds.includes('CONSTR_IDENTITY') || kinds.includes('CONSTR_GENERATED');
            if (!required || filled)
                continue;
            report({
                message: `Column ${column.colname} is added to ${relationName(alter.relation)} as NOT NULL without a default: it fails if the table has rows, and inserts from code that does not set it fail.`,
                location: column.location,
            });
        }
    },
};
