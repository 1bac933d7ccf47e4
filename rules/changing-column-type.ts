import type { Rule } from '../src/lint/types.js';
import { nodeAs, relationName, typeNameToString } from '../src/sql/ast.js';
import { isBinaryCoercibleChange, usingKeepsColumn } from '../src/analysis/coercion.js';

export const changingColumnType: Rule = {
  meta: {
    id: 'changing-column-type',
    category: 'locking',
    defaultSeverity: 'error',
    summary: 'Changing a column type that is not binary coercible rewrites the table and its indexes under ACCESS EXCLUSIVE.',
    why: [
      'ALTER COLUMN … TYPE holds ACCESS EXCLUSIVE on the table. When the old values cannot be reused as they are stored,',
      'PostgreSQL rewrites every row and rebuilds every index, so reads and writes wait for minutes on a large table.',
      'pgwarden knows the old type from the migration history and stays quiet for changes PostgreSQL makes without a rewrite:',
      'varchar(n) → text or a longer varchar, text → varchar without a length, numeric precision increases with the same scale,',
      'unconstrained numeric, longer bit varying, more timestamp precision, cidr → inet. timestamp → timestamptz is flagged: it',
      'only skips the rewrite when the session TimeZone is UTC, which a migration cannot count on. When the old type is unknown',
      '(the table was created outside the migrations) the change is flagged and the message says so.',
    ].join(' '),
    safeAlternative: [
      'Add a new column with the new type, write both from the application, backfill in batches, switch reads, then drop the old column in a later release:',
      '```sql',
      'ALTER TABLE orders ADD COLUMN total_cents bigint;',
      '-- deploy code that writes both columns; then, in batches:',
      'UPDATE orders SET total_cents = total::bigint WHERE total_cents IS NULL AND id BETWEEN 1 AND 10000;',
      '-- deploy code that reads total_cents; in a later migration:',
      'ALTER TABLE orders DROP COLUMN total;',
      '```',
      'To lengthen a varchar, change it to a longer varchar or to text: no rewrite.',
    ].join('\n'),
    help: 'Add a column of the new type, backfill in batches, switch the code, and drop the old column later.',
    lockClaim: {
      setup: 'CREATE TABLE items (id bigint PRIMARY KEY, qty int); INSERT INTO items VALUES (1, 5);',
      statement: 'ALTER TABLE items ALTER COLUMN qty TYPE bigint',
      table: 'items',
      mode: 'AccessExclusiveLock',
      rewrite: true,
    },
  },
  check({ statement, schema, report }) {
    const alter = nodeAs(statement.node, 'AlterTableStmt');
    if (!alter?.relation || alter.objtype !== 'OBJECT_TABLE') return;
    if (schema.createdInCurrentFile(alter.relation)) return;
    const table = relationName(alter.relation);
    for (const c of alter.cmds ?? []) {
      const cmd = nodeAs(c, 'AlterTableCmd');
      const def = nodeAs(cmd?.def, 'ColumnDef');
      if (cmd?.subtype !== 'AT_AlterColumnType' || !cmd.name || !def?.typeName) continue;
      const newType = typeNameToString(def.typeName);
      const using = def.raw_default;
      const trivialUsing = usingKeepsColumn(using, cmd.name, def.typeName);
      const column = schema.column(alter.relation, cmd.name);
      if (!column) {
        report({
          message: `The old type of ${table}.${cmd.name} is unknown (not created by these migrations): changing it to ${newType} rewrites the table under ACCESS EXCLUSIVE unless the change is binary coercible.`,
          location: def.typeName.location,
        });
        continue;
      }
      if (trivialUsing && isBinaryCoercibleChange(column.type, newType)) continue;
      const how = trivialUsing ? `${column.type} → ${newType}` : `${column.type} → ${newType} with a USING expression`;
      report({
        message: `Changing ${table}.${cmd.name} (${how}) rewrites the table and its indexes under ACCESS EXCLUSIVE.`,
        location: def.typeName.location,
      });
    }
  },
};
