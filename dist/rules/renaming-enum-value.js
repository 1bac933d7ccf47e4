import { nodeAs, relationName, stringList, typeNameToString } from '../src/sql/ast.js';
import { columnIsNewInFile } from './lib/history.js';
import { commandRange } from './lib/command-range.js';
import { pgSince } from '../src/analysis/pg-features.js';
/** `status[]` → `status`. */
function elementType(type) {
    return type.replace(/(\[\])+$/, '');
}
export const renamingEnumValue = {
    meta: {
        id: 'renaming-enum-value',
        category: 'breaking',
        defaultSeverity: 'error',
        summary: 'Renaming or removing an enum value breaks code that still reads or writes the old label.',
        why: [
            'ALTER TYPE … RENAME VALUE changes the label in place, immediately. Deployed application code that inserts the old label gets',
            '"invalid input value for enum", and code that compares with it silently stops matching. Swapping a column to a new enum type',
            'that lacks some of the old labels (PostgreSQL cannot drop an enum value, so ORMs such as Prisma and TypeORM recreate the type and',
            'retype the column) removes those labels just the same: the statement is reported at its ALTER COLUMN … TYPE, for columns of',
            'the enum and of its array type (status[] to status_new[]). An enum, or a column, created earlier in the same file is not reported.',
        ].join(' '),
        safeAlternative: [
            'Expand, migrate, contract: add the new label, move data and code to it, and only then stop using the old one:',
            '```sql',
            '-- migration 1 (expand):',
            "ALTER TYPE order_status ADD VALUE 'cancelled' AFTER 'canceled';",
            '```',
            '```sql',
            '-- migration 2 (a new value cannot be used in the transaction that added it), in batches:',
            "UPDATE orders SET status = 'cancelled' WHERE status = 'canceled' AND id BETWEEN 1 AND 10000;",
            "-- deploy code that writes only 'cancelled'; leave 'canceled' unused, or in a later release (contract)",
            '-- swap to a type without it once no running code writes it.',
            '```',
        ].join('\n'),
        help: 'Add the new label, migrate data and code to it, and leave the old label unused (or drop it in a later release).',
        limits: 'Enum swaps are recognised when both the old and the new type are enums the model knows (created by the history or seeded from `--database-url`); a swap through text (`TYPE text`, then `TYPE new_enum`) in two migrations is not followed across them. Which labels deployed code still writes is not known: every removed label is named. Enums and columns created earlier in the same file are not reported.',
        minPgVersion: pgSince('renameEnumValue'),
    },
    visits: ['AlterEnumStmt', 'AlterTableStmt'],
    check(ctx) {
        const { statement, schema, report } = ctx;
        const alter = nodeAs(statement.node, 'AlterEnumStmt');
        const table = nodeAs(statement.node, 'AlterTableStmt');
        // an enum swap: the column's current enum loses labels in the type it is retyped to
        for (const c of table?.relation ? table.cmds ?? [] : []) {
            const cmd = nodeAs(c, 'AlterTableCmd');
            const def = nodeAs(cmd?.def, 'ColumnDef');
            if (cmd?.subtype !== 'AT_AlterColumnType' || !cmd.name || !def?.typeName || !table?.relation)
                continue;
            // a column of the enum's array type (status[]) loses the labels just the same
            const [fromType, toType] = [schema.column(table.relation, cmd.name)?.type ?? '', typeNameToString(def.typeName)];
            if (fromType.endsWith('[]') !== toType.endsWith('[]'))
                continue;
            const from = schema.enumType(elementType(fromType));
            const to = schema.enumType(elementType(toType));
            if (!from || !to || schema.isNew(from.origin) || columnIsNewInFile(ctx, table.relation, cmd.name))
                continue;
            const lost = from.values.filter((v) => !to.values.includes(v));
            if (lost.length === 0)
                continue;
            report({
                message: `Retyping ${relationName(table.relation)}.${cmd.name} to enum ${typeNameToString(def.typeName)} removes ${lost.map((v) => `'${v}'`).join(', ')}: code that still writes ${lost.length > 1 ? 'them' : 'it'} fails (and so does this cast if a row holds ${lost.length > 1 ? 'one' : 'it'}).`,
                range: commandRange(ctx, ['alter'], cmd.name),
            });
        }
        if (!alter?.oldVal)
            return;
        const name = stringList(alter.typeName).join('.');
        // the model resolves public."Status" and a type renamed into place (Prisma's Status_new → Status)
        const created = schema.enumType(name)?.origin;
        if (created && schema.isNew(created))
            return;
        report({ message: `Renaming value '${alter.oldVal}' of enum ${name} to '${alter.newVal ?? ''}' breaks code that still uses '${alter.oldVal}'.` });
    },
};
