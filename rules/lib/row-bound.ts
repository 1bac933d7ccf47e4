import type { Node } from '@pgsql/types';
import type { SchemaModel } from '../../src/analysis/schema.js';
import { nodeAs, stringList } from '../../src/sql/ast.js';

/**
 * True when a WHERE clause pins a unique key to constants (`id = 7`, `key = 'site_name'`,
 * `id IN (1, 2, 3)`, ANDed with anything, or ORs of such), so the statement touches a handful of rows:
 * a data fix, not a backfill. Unique keys come from the replayed model; for a table it does not know,
 * a column named `id` counts as its key.
 */
export function pinsUniqueKey(where: Node | undefined, table: string, schema: SchemaModel): boolean {
  if (!where) return false;
  const keys = uniqueKeys(table, schema);
  return bounded(where, keys);
}

function uniqueKeys(table: string, schema: SchemaModel): string[][] {
  const model = schema.table(table);
  if (!model) return [['id']];
  const keys: string[][] = [];
  for (const index of model.indexes) if (index.unique && !index.partial && index.columns.every((c) => !c.startsWith('('))) keys.push(index.columns);
  for (const c of model.constraints) if ((c.type === 'primary' || c.type === 'unique') && c.columns.length > 0) keys.push(c.columns);
  return keys;
}

function bounded(expr: Node, keys: string[][]): boolean {
  const bool = nodeAs(expr, 'BoolExpr');
  if (bool?.boolop === 'OR_EXPR') return (bool.args ?? []).every((a) => bounded(a, keys));
  const pinned = new Set<string>();
  collectPinned(expr, pinned);
  return keys.some((key) => key.length > 0 && key.every((c) => pinned.has(c)));
}

function collectPinned(expr: Node, pinned: Set<string>): void {
  const bool = nodeAs(expr, 'BoolExpr');
  if (bool?.boolop === 'AND_EXPR') {
    for (const a of bool.args ?? []) collectPinned(a, pinned);
    return;
  }
  const op = nodeAs(expr, 'A_Expr');
  if (!op) return;
  const name = stringList(op.name).join('');
  if (op.kind === 'AEXPR_OP' && name === '=') {
    const column = columnOf(op.lexpr) ?? columnOf(op.rexpr);
    const other = columnOf(op.lexpr) ? op.rexpr : op.lexpr;
    if (column && isConstant(other)) pinned.add(column);
  } else if (op.kind === 'AEXPR_IN' && name === '=') {
    const column = columnOf(op.lexpr);
    const list = nodeAs(op.rexpr, 'List')?.items ?? [];
    if (column && list.length > 0 && list.every(isConstant)) pinned.add(column);
  }
}

function columnOf(node: Node | undefined): string | undefined {
  const ref = nodeAs(node, 'ColumnRef');
  return ref ? stringList(ref.fields).pop() : undefined;
}

function isConstant(node: Node | undefined): boolean {
  if (!node) return false;
  if (nodeAs(node, 'A_Const') || nodeAs(node, 'ParamRef')) return true;
  const cast = nodeAs(node, 'TypeCast');
  return cast !== undefined && isConstant(cast.arg);
}
