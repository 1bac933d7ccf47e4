import type { Rule } from '../src/lint/types.js';
import { nodeAs, stringList } from '../src/sql/ast.js';

export const renamingEnumValue: Rule = {
  meta: {
    id: 'renaming-enum-value',
    category: 'breaking',
    defaultSeverity: 'error',
    summary: 'Renaming an enum value breaks code that still reads or writes the old label.',
    why: 'ALTER TYPE … RENAME VALUE changes the label in place, immediately. Deployed application code that inserts the old label gets "invalid input value for enum", and code that compares with it silently stops matching. An enum created earlier in the same file is not reported.',
    safeAlternative: [
      'Add the new label, move data and code to it, and stop using the old one (PostgreSQL cannot drop an enum value; leave it unused or migrate to a new type later):',
      '```sql',
      "ALTER TYPE order_status ADD VALUE 'cancelled' AFTER 'canceled';",
      '-- next migration (a new value cannot be used in the transaction that added it):',
      "UPDATE orders SET status = 'cancelled' WHERE status = 'canceled';",
      '```',
    ].join('\n'),
    help: 'Add the new label, migrate data and code to it, and leave the old label unused.',
    minPgVersion: 10,
  },
  check({ statement, schema, report }) {
    const alter = nodeAs(statement.node, 'AlterEnumStmt');
    if (!alter?.oldVal) return;
    const name = stringList(alter.typeName).join('.');
    // the model resolves public."Status" and a type renamed into place (Prisma's Status_new → Status)
    if (schema.enumType(name)?.origin.file === schema.origin.file) return;
    report({ message: `Renaming value '${alter.oldVal}' of enum ${name} to '${alter.newVal ?? ''}' breaks code that still uses '${alter.oldVal}'.` });
  },
};
