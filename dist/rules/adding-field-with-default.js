import { nodeAs, relationName, typeNameToString } from '../src/sql/ast.js';
import { expressionVolatility, isSerialType } from '../src/analysis/volatility.js';
import { pgHas, pgSince } from '../src/analysis/pg-features.js';
export const addingFieldWithDefault = {
    meta: {
        id: 'adding-field-with-default',
        category: 'locking',
        defaultSeverity: 'error',
        summary: 'Adding a column with a volatile default rewrites the whole table under an ACCESS EXCLUSIVE lock.',
        why: [
            `Since PostgreSQL ${pgSince('constantDefaultWithoutRewrite')}, ADD COLUMN … DEFAULT stores a non-volatile default (a constant, \`now()\`, \`current_timestamp\`) in the catalog and returns at once.`,
            'A volatile default (`gen_random_uuid()`, `random()`, `clock_timestamp()`, `nextval()` of a serial or identity column) must be computed for every existing row,',
            'so PostgreSQL rewrites the table while holding ACCESS EXCLUSIVE: every read and write of the table waits until the rewrite ends.',
            `Before PostgreSQL ${pgSince('constantDefaultWithoutRewrite')} any non-NULL default rewrites the table. A function created by the migrations counts as declared (VOLATILE unless it says IMMUTABLE or STABLE); any other function pgwarden does not know is reported too, saying it could not tell.`,
            'A column whose type is a domain with CHECK or NOT NULL constraints rewrites the table too, with or without a default: PostgreSQL checks the domain on every row.',
        ].join(' '),
        safeAlternative: [
            'Add the column without a default (or with a constant one), set the default for new rows, then backfill existing rows in batches outside the DDL transaction:',
            '```sql',
            'ALTER TABLE users ADD COLUMN token uuid;',
            'ALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid();',
            '-- later, in batches (each its own transaction):',
            'UPDATE users SET token = gen_random_uuid() WHERE token IS NULL AND id BETWEEN 1 AND 10000;',
            '```',
        ].join('\n'),
        help: 'Add the column without the volatile default, SET DEFAULT for new rows, and backfill existing rows in batches.',
        limits: 'Only volatile defaults (and any non-NULL default before PostgreSQL 11), serial and identity columns, and domains with constraints are reported; squawk also reports constant defaults and stored generated columns (adding-stored-generated-column here), which PostgreSQL 11+ adds without a rewrite. Tables created earlier in the same file (or in an earlier part of the same migration, for layouts that split one migration into parts) count as new and empty and are not reported. A function the history does not declare is reported as of unknown volatility.',
        lockClaim: {
            setup: 'CREATE TABLE items (id bigint PRIMARY KEY); INSERT INTO items VALUES (1), (2);',
            statement: 'ALTER TABLE items ADD COLUMN token uuid DEFAULT gen_random_uuid()',
            table: 'items',
            mode: 'AccessExclusiveLock',
            rewrite: true,
        },
    },
    visits: ['AlterTableStmt'],
    check(ctx) {
        const { statement, schema, pgVersion, report } = ctx;
        const alter = nodeAs(statement.node, 'AlterTableStmt');
        if (!alter?.relation || alter.objtype !== 'OBJECT_TABLE')
            return;
        // An empty table created earlier in this file is rewritten in no time.
        if (schema.createdInCurrentFile(alter.relation))
            return;
        const table = relationName(alter.relation);
        for (const c of alter.cmds ?? []) {
            const cmd = nodeAs(c, 'AlterTableCmd');
            const column = nodeAs(cmd?.def, 'ColumnDef');
            if (cmd?.subtype !== 'AT_AddColumn' || !column?.colname)
                continue;
            const where = column.location;
            const type = typeNameToString(column.typeName);
            if (isSerialType(type)) {
                report({ message: `Adding ${type} column ${column.colname} fills every row of ${table} from a sequence (nextval is volatile): the table is rewritten under ACCESS EXCLUSIVE.`, location: where });
                continue;
            }
            if (schema.isConstrainedDomain(type)) {
                report({ message: `Column ${column.colname} has domain type ${type}, which has constraints: PostgreSQL checks them on every existing row of ${table} by rewriting it under ACCESS EXCLUSIVE.`, location: where });
                continue;
            }
            for (const k of column.constraints ?? []) {
                const constraint = nodeAs(k, 'Constraint');
                if (constraint?.contype === 'CONSTR_IDENTITY') {
                    report({ message: `Adding identity column ${column.colname} numbers every existing row of ${table}: the table is rewritten under ACCESS EXCLUSIVE.`, location: where });
                }
                if (constraint?.contype !== 'CONSTR_DEFAULT')
                    continue;
                if (nodeAs(constraint.raw_expr, 'A_Const')?.isnull)
                    continue;
                const verdict = expressionVolatility(constraint.raw_expr, schema.functions);
                if (!pgHas('constantDefaultWithoutRewrite', pgVersion)) {
                    report({ message: `Before PostgreSQL ${pgSince('constantDefaultWithoutRewrite')}, adding column ${column.colname} with a default rewrites ${table} under ACCESS EXCLUSIVE.`, location: where });
                }
                else if (verdict.volatility === 'volatile') {
                    report({ message: `Default ${verdict.function ?? 'expression'}() of column ${column.colname} is volatile: PostgreSQL rewrites ${table} under ACCESS EXCLUSIVE to fill every row.`, location: where });
                }
                else if (verdict.volatility === 'unknown') {
                    report({ message: `Could not tell whether the default of column ${column.colname} (${verdict.function ?? 'an expression'}) is volatile; if it is, adding it rewrites ${table} under ACCESS EXCLUSIVE.`, location: where });
                }
            }
        }
    },
};
