import type { Rule } from '../src/lint/types.js';
import type { ParsedFile, Statement } from '../src/sql/parser.js';
import type { AlterTableCmd, Node } from '@pgsql/types';
import { pinsUniqueKey } from './lib/row-bound.js';
import { commandRange } from './lib/command-range.js';
import type { Range } from '../src/sql/source.js';
import { nodeAs, relationName, stringList, typeNameToString } from '../src/sql/ast.js';
import { tableKey, type SchemaModel } from '../src/analysis/schema.js';
import { isBinaryCoercibleChange } from '../src/analysis/coercion.js';

/** An expand step of the file: a column added to, or rows rewritten in, a table. */
interface Expansion {
  table: string;
  /** The column an ADD COLUMN adds. */
  column?: string;
  what: string;
  statement: Statement;
  /** The WHERE clause of an UPDATE. */
  where?: Node;
}

interface FileFacts {
  expansions: Expansion[];
  /** Views the file creates (compatibility views for renamed tables). */
  views: Set<string>;
}

const facts = new WeakMap<ParsedFile, FileFacts>();

function factsOf(parsed: ParsedFile): FileFacts {
  let known = facts.get(parsed);
  if (known) return known;
  known = { expansions: [], views: new Set() };
  for (const statement of parsed.statements) {
    const alter = nodeAs(statement.node, 'AlterTableStmt');
    if (alter?.relation) {
      for (const c of alter.cmds ?? []) {
        const cmd = nodeAs(c, 'AlterTableCmd');
        const column = nodeAs(cmd?.def, 'ColumnDef');
        if (cmd?.subtype === 'AT_AddColumn' && column?.colname) {
          known.expansions.push({ table: tableKey(alter.relation), column: column.colname, what: `adds column ${column.colname} to ${relationName(alter.relation)}`, statement });
        }
      }
    }
    const update = nodeAs(statement.node, 'UpdateStmt');
    if (update?.relation) {
      known.expansions.push({ table: tableKey(update.relation), what: `backfills ${relationName(update.relation)} (UPDATE)`, statement, where: update.whereClause });
    }
    const view = nodeAs(statement.node, 'ViewStmt');
    if (view?.view) known.views.add(tableKey(view.view));
  }
  facts.set(parsed, known);
  return known;
}

/**
 * A type change running code notices: not a binary-coercible widening (varchar(50) → text keeps every value
 * and every query working). Unknown old types are not guessed at.
 */
function changesMeaning(cmd: AlterTableCmd, oldType: string | undefined, schema: SchemaModel): boolean {
  const def = nodeAs(cmd.def, 'ColumnDef');
  if (!def?.typeName || oldType === undefined) return false;
  // an enum swap keeping every old label (TypeORM's way to add a value) reads and writes as before; one that
  // drops labels is renaming-enum-value's, not reported twice here
  const [from, to] = [schema.enums.get(tableKey(oldType)), schema.enums.get(tableKey(typeNameToString(def.typeName)))];
  if (from && to) return false;
  const using = def.raw_default;
  if (using && stringList(nodeAs(using, 'ColumnRef')?.fields).join('.') !== cmd.name) return true;
  return !isBinaryCoercibleChange(oldType, typeNameToString(def.typeName));
}

export const expandContractInOneMigration: Rule = {
  meta: {
    id: 'expand-contract-in-one-migration',
    category: 'breaking',
    defaultSeverity: 'error',
    summary: 'One migration both adds the replacement and removes or renames the original that running code still uses.',
    why: [
      'During a deploy, the code that ran before the migration keeps running for a while (old pods, workers, a rollback).',
      'A schema change that replaces something therefore needs three steps across deploys: expand (add the new column, keep the',
      'old), migrate the code and the data, contract (drop or rename the old) once no running code uses it. A migration that adds',
      'a column or backfills a table and, in the same file, drops, renames or retypes an existing column of that table (or renames',
      'the table without leaving a compatibility view of the old name) squeezes the three steps into one, and the old code fails',
      'the moment it commits. The rule fires on the contract step only when the same file also expands that table: a lone',
      'DROP COLUMN, rename or type change is already reported by ban-drop-column, renaming-column, renaming-table and',
      'changing-column-type, and is not reported twice here. An UPDATE pinned to a few rows by their key (`WHERE id = 7`) is a',
      'data fix, not a backfill, and does not count as an expand step. Retyping an enum column to a new enum (the rename-and-recreate',
      'swap ORMs write) is left to renaming-enum-value, which reports it when the new type lacks an old label.',
    ].join(' '),
    safeAlternative: [
      'Split the change across deploys:',
      '```sql',
      '-- migration 1 (expand), deployed with code that writes both columns:',
      'ALTER TABLE accounts ADD COLUMN full_name text;',
      '-- migration 2 (-- pgwarden:no-transaction): backfill in batches',
      'UPDATE accounts SET full_name = display_name WHERE full_name IS NULL AND id BETWEEN 1 AND 10000;',
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
  },
  check(ctx) {
    const { parsed, statement, schema, report } = ctx;
    const alter = nodeAs(statement.node, 'AlterTableStmt');
    const rename = nodeAs(statement.node, 'RenameStmt');
    const relation = alter?.relation ?? rename?.relation;
    if (!relation || schema.createdInCurrentFile(relation)) return;
    const key = tableKey(relation);
    const { expansions, views } = factsOf(parsed);
    // an UPDATE pinned to a few rows by their key is a data fix, not a backfill of a replacement
    const expansion = expansions.find((e) => e.table === key && !(e.where && pinsUniqueKey(e.where, key, schema)));
    if (!expansion) return;
    const table = relationName(relation);
    const expand = `${expansion.what}${expansion.statement === statement ? ' in the same statement' : ` at line ${expansion.statement.range.start.line}`}`;
    // a column this file adds is not used by running code, even on a table the model does not know
    const existing = (column: string) =>
      !schema.columnCreatedInCurrentFile(relation, column) && !expansions.some((e) => e.table === key && e.column === column);
    // each contract on the line of its own subcommand, where ban-drop-column reports the same DROP
    const contracts: Array<{ what: string; range?: Range }> = [];
    for (const c of alter?.cmds ?? []) {
      const cmd = nodeAs(c, 'AlterTableCmd');
      if (!cmd?.name || !existing(cmd.name)) continue;
      if (cmd.subtype === 'AT_DropColumn') contracts.push({ what: `drops ${cmd.name}`, range: commandRange(ctx, ['drop'], cmd.name) });
      if (cmd.subtype === 'AT_AlterColumnType' && changesMeaning(cmd, schema.column(relation, cmd.name)?.type, schema)) {
        contracts.push({ what: `changes the type of ${cmd.name} in place`, range: commandRange(ctx, ['alter'], cmd.name) });
      }
    }
    if (rename?.renameType === 'OBJECT_COLUMN' && rename.subname && existing(rename.subname)) {
      contracts.push({ what: `renames ${rename.subname} to ${rename.newname ?? '?'}` });
    }
    if (rename?.renameType === 'OBJECT_TABLE' && !views.has(key)) {
      contracts.push({ what: `renames the table to ${rename.newname ?? '?'} without a compatibility view named ${table}` });
    }
    for (const { what, range } of contracts) {
      report({
        message: `This migration ${expand} and ${what}: code deployed before it still uses the old shape. Expand, migrate the code, then contract in a later migration.`,
        range,
      });
    }
  },
};
