import { commandRange } from './lib/command-range.js';
import { expandStep, fileFacts } from './lib/expansions.js';
import { nodeAs, stringList, typeNameToString } from '../src/sql/ast.js';
import { tableKey } from '../src/analysis/schema.js';
import { isBinaryCoercibleChange } from '../src/analysis/coercion.js';
/**
 * A type change running code notices: not a binary-coercible widening (varchar(50) → text keeps every value
 * and every query working). Unknown old types are not guessed at.
 */
function changesMeaning(cmd, oldType, schema) {
    const def = nodeAs(cmd.def, 'ColumnDef');
    if (!def?.typeName || oldType === undefined)
        return false;
    // an enum swap keeping every old label (TypeORM's way to add a value) reads and writes as before; one that
    // drops labels is renaming-enum-value's, not reported twice here
    const element = (type) => tableKey(type.replace(/(\[\])+$/, ''));
    const [from, to] = [schema.enums.get(element(oldType)), schema.enums.get(element(typeNameToString(def.typeName)))];
    if (from && to)
        return false;
    const using = def.raw_default;
    if (using && stringList(nodeAs(using, 'ColumnRef')?.fields).join('.') !== cmd.name)
        return true;
    return !isBinaryCoercibleChange(oldType, typeNameToString(def.typeName));
}
export const expandContractInOneMigration = {
    meta: {
        id: 'expand-contract-in-one-migration',
        category: 'breaking',
        defaultSeverity: 'error',
        summary: 'One migration both adds the replacement and changes the type of the original in place while running code still uses it.',
        why: [
            'During a deploy, the code that ran before the migration keeps running for a while (old pods, workers, a rollback).',
            'A schema change that replaces something therefore needs three steps across deploys: expand (add the new column, keep the',
            'old), migrate the code and the data, contract (drop, rename or retype the old) once no running code uses it. A migration that',
            'adds a column or backfills a table and, in the same file, changes the type of an existing column of that table in place',
            'squeezes the three steps into one, and the old code fails the moment it commits. The other contract steps have one owner',
            'each, so that one hazard gives one finding: a DROP COLUMN is ban-drop-column\'s, a column rename renaming-column\'s and a',
            'table rename renaming-table\'s, and those findings name the expand step of the same file. A lone type change is left to',
            'changing-column-type (the lock) and is not reported here. An UPDATE pinned to a few rows by their key (`WHERE id = 7`) is a',
            'data fix, not a backfill, and does not count as an expand step. A binary-coercible widening (varchar(50) → text) breaks no',
            'code and is not reported; retyping an enum column to a new enum (the rename-and-recreate swap ORMs write) is left to',
            'renaming-enum-value, which reports it when the new type lacks an old label.',
        ].join(' '),
        safeAlternative: [
            'Split the change across deploys:',
            '```sql',
            '-- migration 1 (expand), deployed with code that writes both columns:',
            'ALTER TABLE accounts ADD COLUMN full_name text;',
            '```',
            '```sql',
            '-- migration 2: backfill in batches',
            '-- pgwarden:no-transaction',
            'UPDATE accounts SET full_name = display_name WHERE full_name IS NULL AND id BETWEEN 1 AND 10000;',
            '```',
            '```sql',
            '-- deploy code that reads only full_name; then, in a later release, migration 3 (contract):',
            'ALTER TABLE accounts DROP COLUMN display_name;',
            '```',
            'To rename a table, leave a view with the old name until old code is gone:',
            '```sql',
            'ALTER TABLE customers RENAME TO clients;',
            'CREATE VIEW customers AS SELECT * FROM clients;',
            '```',
        ].join('\n'),
        help: 'Expand (add + backfill) in one release, switch the code, and contract (drop/rename) in a later migration.',
        limits: 'Only in-place type changes of a column of a table the same file expands (adds a column to, or backfills) are reported here; DROP COLUMN and renames in such a file are ban-drop-column\'s, renaming-column\'s and renaming-table\'s findings, which name the expand step. Expand and contract spread over two migrations of the same release are not seen (pgwarden does not know release boundaries).',
    },
    visits: ['AlterTableStmt'],
    check(ctx) {
        const { statement, schema, report } = ctx;
        const alter = nodeAs(statement.node, 'AlterTableStmt');
        if (!alter?.relation || schema.createdInCurrentFile(alter.relation))
            return;
        const relation = alter.relation;
        const key = tableKey(relation);
        const expand = expandStep(ctx, relation);
        if (!expand)
            return;
        const { expansions } = fileFacts(ctx.parsed);
        // a column this file adds is not used by running code, even on a table the model does not know
        const existing = (column) => !schema.columnCreatedInCurrentFile(relation, column) && !expansions.some((e) => e.table === key && e.column === column);
        // DROP COLUMN and renames are ban-drop-column's, renaming-column's and renaming-table's findings,
        // which name the expand step: one hazard, one finding
        for (const c of alter.cmds ?? []) {
            const cmd = nodeAs(c, 'AlterTableCmd');
            if (cmd?.subtype !== 'AT_AlterColumnType' || !cmd.name || !existing(cmd.name))
                continue;
            if (!changesMeaning(cmd, schema.column(relation, cmd.name)?.type, schema))
                continue;
            report({
                message: `This migration ${expand} and changes the type of ${cmd.name} in place: code deployed before it still uses the old shape. Expand, migrate the code, then contract in a later migration.`,
                range: commandRange(ctx, ['alter'], cmd.name),
            });
        }
    },
};
