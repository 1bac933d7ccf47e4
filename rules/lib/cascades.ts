import type { RangeVar } from '@pgsql/types';
import { splitKey, tableKey, type SchemaModel } from '../../src/analysis/schema.js';

/** What deleting rows of a table does to the tables whose foreign keys reference it, as the model knows them. */
export interface Cascade {
  /** Tables that lose rows (ON DELETE CASCADE, followed recursively), in the order the keys lead to them. */
  deleted: string[];
  /** Columns set to NULL or to their default (ON DELETE SET NULL / SET DEFAULT) in the tables reached. */
  changed: Array<{ table: string; columns: string[]; to: 'NULL' | 'default' }>;
}

const display = (key: string) => (splitKey(key)[0] === 'public' ? splitKey(key)[1] : key);

/**
 * The tables a DELETE on `table` reaches through ON DELETE CASCADE / SET NULL / SET DEFAULT foreign
 * keys. Tables created earlier in the file are empty and left out. NO ACTION and RESTRICT make the
 * DELETE fail instead, which is not a loss.
 */
export function deleteCascade(schema: SchemaModel, table: RangeVar | string): Cascade {
  const out: Cascade = { deleted: [], changed: [] };
  const seen = new Set<string>([tableKey(table)]);
  const visit = (parent: string): void => {
    for (const { table: child, constraint } of schema.foreignKeys()) {
      if (constraint.references?.table !== parent || schema.createdInCurrentFile(child)) continue;
      if (constraint.onDelete === 'cascade' && !seen.has(child)) {
        seen.add(child);
        out.deleted.push(child);
        visit(child);
      } else if (constraint.onDelete === 'set null' || constraint.onDelete === 'set default') {
        out.changed.push({ table: child, columns: constraint.columns, to: constraint.onDelete === 'set null' ? 'NULL' : 'default' });
      }
    }
  };
  visit(tableKey(table));
  return out;
}

/** Every table that references one of `tables`, directly or through each other (what TRUNCATE … CASCADE empties). */
export function referencingTables(schema: SchemaModel, tables: string[]): string[] {
  const out: string[] = [];
  const seen = new Set(tables);
  const visit = (parent: string): void => {
    for (const { table: child, constraint } of schema.foreignKeys()) {
      if (constraint.references?.table !== parent || seen.has(child)) continue;
      seen.add(child);
      out.push(child);
      visit(child);
    }
  };
  tables.forEach(visit);
  return out;
}

/** `, and with them every row of orders (ON DELETE CASCADE) and every notes.user_id (set to NULL)`, or ''. */
export function cascadeTail(schema: SchemaModel, table: RangeVar): string {
  const { deleted, changed } = deleteCascade(schema, table);
  const parts = [
    ...(deleted.length > 0 ? [`every row of ${deleted.map(display).join(', ')} (ON DELETE CASCADE)`] : []),
    ...changed.map((c) => `every ${c.columns.map((col) => `${display(c.table)}.${col}`).join(', ')} (set to ${c.to === 'NULL' ? 'NULL' : 'its default'})`),
  ];
  return parts.length === 0 ? '' : `, and with them ${parts.join(' and ')}`;
}

export { display as displayTable };
