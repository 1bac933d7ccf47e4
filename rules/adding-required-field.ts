import type { Rule } from '../src/lint/types.js';
import { nodeAs, relationName, typeNameToString } from '../src/sql/ast.js';
import { isSerialType } from '../src/analysis/volatility.js';

export const addingRequiredField: Rule = {
  meta: {
    id: 'adding-required-field',
    category: 'breaking',
    defaultSeverity: 'error',
    summary: 'Adding a NOT NULL column without a default fails on a table with rows and breaks inserts of running code.',
    why: [
      'ALTER TABLE … ADD COLUMN … NOT NULL with no default gives existing rows NULL, so PostgreSQL refuses it as soon as the table has a row.',
      'Even on an empty table, application code deployed before the migration does not set the new column, and each of its INSERTs now fails.',
    ].join(' '),
    safeAlternative: [
      'Give the column a default (a constant is stored in the catalog on PostgreSQL 11+, no rewrite), or add it nullable, backfill, then enforce NOT NULL:',
      '```sql',
      "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';",
      '-- or',
      'ALTER TABLE users ADD COLUMN plan text;',
      "UPDATE users SET plan = 'free' WHERE plan IS NULL; -- in batches",
      'ALTER TABLE users ADD CONSTRAINT users_plan_not_null CHECK (plan IS NOT NULL) NOT VALID;',
      'ALTER TABLE users VALIDATE CONSTRAINT users_plan_not_null;',
      '```',
    ].join('\n'),
    help: 'Add a default, or add the column nullable, backfill it, and enforce NOT NULL afterwards.',
  },
  check({ statement, schema, report }) {
    const alter = nodeAs(statement.node, 'AlterTableStmt');
    if (!alter?.relation || alter.objtype !== 'OBJECT_TABLE') return;
    if (schema.createdInCurrentFile(alter.relation)) return;
    for (const c of alter.cmds ?? []) {
      const cmd = nodeAs(c, 'AlterTableCmd');
      const column = nodeAs(cmd?.def, 'ColumnDef');
      if (cmd?.subtype !== 'AT_AddColumn' || !column?.colname) continue;
      if (isSerialType(typeNameToString(column.typeName))) continue;
      const kinds = (column.constraints ?? []).map((k) => nodeAs(k, 'Constraint')?.contype);
      const required = kinds.includes('CONSTR_NOTNULL') || kinds.includes('CONSTR_PRIMARY');
      const filled = kinds.includes('CONSTR_DEFAULT') || kinds.includes('CONSTR_IDENTITY') || kinds.includes('CONSTR_GENERATED');
      if (!required || filled) continue;
      report({
        message: `Column ${column.colname} is added to ${relationName(alter.relation)} as NOT NULL without a default: it fails if the table has rows, and inserts from code that does not set it fail.`,
        location: column.location,
      });
    }
  },
};
