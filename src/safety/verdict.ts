import type { CatalogObject } from './catalog.js';
import { keyAndAncestors, nameParts } from './names.js';
import type { Measurement } from './measure.js';

/**
 * Stage 4 of the safety net: from what the server measured, the losses the migration did not declare.
 * Rows: tuples the server counted as deleted (a same-count replace deletes as many as it inserts),
 * fewer rows (TRUNCATE), a dropped table or materialized view with rows, a view dropped by CASCADE.
 * Values: a column dropped while it held values, non-null values that fell (SET NULL, ON DELETE SET
 * NULL), a type change whose new values do not cast back to the old ones. Backfills, widening type
 * changes and inserts lose nothing and pass. Rows and values changed that no statement targets are
 * judged in content.ts (it needs the statements' command tags and a few queries).
 */
export interface Loss {
  table: string;
  column?: string;
  /** Table key or `table.column`: what an allow-data-loss directive must name. */
  declare: string;
  /** `5000 rows before, 4460 rows after`, `1200 non-null values before, 0 after`… */
  figures: string;
  kind: 'rows' | 'values' | 'object';
  /** Who did it, when no statement did it directly (replaces the statement the report would name). */
  by?: string;
  /** A partition's partitioned ancestors, nearest first: a statement naming one of them did it. */
  within?: readonly string[];
}

/** What `-- pgwarden:allow-data-loss` declares: tables, and columns as `table.column` or `schema.table.column`. */
export class Declarations {
  private readonly entries: string[][];
  constructor(
    entries: readonly string[],
    /** Partitions' partitioned ancestors: declaring a partitioned table declares its partitions. */
    private readonly ancestors: ReadonlyMap<string, readonly string[]> = new Map(),
  ) {
    this.entries = entries.map((e) => nameParts(e));
  }

  /** The same declarations, knowing which tables are partitions of which (Measurement.ancestors). */
  throughPartitions(ancestors: ReadonlyMap<string, readonly string[]>): Declarations {
    return new Declarations(this.entries.map((p) => p.join('.')), ancestors);
  }

  coversTable(key: string): boolean {
    return keyAndAncestors(key, this.ancestors).some((k) => this.namesTable(k));
  }

  /** A table-level declaration covers its columns. `users.legacy_name` names a column of `users` in any schema. */
  coversColumn(key: string, column: string): boolean {
    return this.coversTable(key) || keyAndAncestors(key, this.ancestors).some((k) => this.namesColumn(k, column));
  }

  private namesTable(key: string): boolean {
    const [schema, table] = splitKey(key);
    return this.entries.some((p) => (p.length === 2 && p[0] === schema && p[1] === table) || (p.length === 1 && p[0] === table && schema === 'public'));
  }

  private namesColumn(key: string, column: string): boolean {
    const [schema, table] = splitKey(key);
    return this.entries.some((p) => (p.length === 3 && p[0] === schema && p[1] === table && p[2] === column) || (p.length === 2 && p[0] === table && p[1] === column));
  }
}

function splitKey(key: string): [string, string] {
  const dot = key.indexOf('.');
  return [key.slice(0, dot), key.slice(dot + 1)];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export interface VerdictInput {
  measurement: Measurement;
  declared: Declarations;
  /** Relations the migration's own DROP statements name: dropping those is what it says it does. */
  namedDrops: Set<string>;
  /**
   * The profiles were read at READ COMMITTED: they count the application's inserts and deletes too.
   * Fewer rows then mean a loss only where the table was truncated or rewritten (the migration's own
   * deletes are in the accounting), and non-null values that went with rows the table lost are not values lost.
   */
  concurrent?: boolean;
}

export function judge({ measurement: m, declared, namedDrops, concurrent = false }: VerdictInput): Loss[] {
  const losses: Loss[] = [];
  const droppedTables = new Set(m.catalog.missing.filter((o) => o.kind === 'table').map(keyOf));
  for (const key of droppedTables) {
    if (declared.coversTable(key)) continue;
    const before = m.before.get(key);
    const rows = before?.exact ? before.rows : m.estimates.get(key);
    if (rows === 0) continue;
    const figures = rows === undefined ? 'table dropped (its rows were not counted before)' : `${before?.exact ? '' : '~'}${plural(rows, 'row')} before, table dropped after`;
    losses.push({ table: key, declare: key, figures, kind: 'rows' });
  }
  for (const o of m.catalog.missing) {
    if (o.kind !== 'view' && o.kind !== 'materialized view') continue;
    const key = keyOf(o);
    if (declared.coversTable(key) || (o.kind === 'view' && namedDrops.has(key))) continue;
    const how = namedDrops.has(key) ? 'dropped' : 'dropped through CASCADE by a statement that does not name it';
    losses.push({ table: key, declare: key, figures: `${o.kind} ${how}`, kind: 'object' });
  }
  const rowLoss = new Set<string>();
  for (const a of m.accounting) {
    const key = `${a.schema}.${a.table}`;
    if (a.deleted === 0 || droppedTables.has(key) || declared.coversTable(key) || !m.estimates.has(key)) continue;
    rowLoss.add(key);
    const after = m.after.get(key)?.rows ?? m.rowsAfter.get(key);
    // a delete shows in the counts; a replace (as many rows inserted as deleted) only in the accounting
    const replaced = a.inserted > 0 ? ` (${a.deleted} deleted and ${a.inserted} inserted: rows replaced, not kept)` : '';
    const figures =
      after === undefined || after === null
        ? `${plural(a.deleted, 'row')} deleted${replaced}`
        : `${plural(after + a.deleted - a.inserted, 'row')} before, ${plural(after, 'row')} after${replaced}`;
    losses.push({ table: key, declare: key, figures, kind: 'rows' });
  }
  for (const [key, before] of m.before) {
    const after = m.after.get(key);
    if (!after || droppedTables.has(key)) continue;
    if (!declared.coversTable(key) && !rowLoss.has(key) && before.exact && after.exact && after.rows < before.rows && (!concurrent || m.rewritten.includes(key))) {
      rowLoss.add(key);
      losses.push({ table: key, declare: key, figures: `${plural(before.rows, 'row')} before, ${plural(after.rows, 'row')} after`, kind: 'rows' });
    }
    for (const col of before.columns) {
      const now = after.columns.find((c) => c.name === col.name);
      if (!now || declared.coversColumn(key, col.name) || now.nonNull >= col.nonNull) continue;
      // rows that went away take their values with them: only values lost from rows that stayed count here
      const lostWithRows = Math.max(0, before.rows - after.rows);
      if (col.nonNull - now.nonNull <= lostWithRows && (rowLoss.has(key) || concurrent)) continue;
      losses.push({ table: key, column: col.name, declare: `${key}.${col.name}`, figures: `column ${col.name}: ${col.nonNull} non-null values before, ${now.nonNull} after`, kind: 'values' });
    }
  }
  for (const key of m.rewritten) {
    if (m.before.has(key) || rowLoss.has(key) || declared.coversTable(key)) continue;
    const after = m.rowsAfter.get(key);
    const estimate = m.estimates.get(key) ?? 0;
    if (after === 0 && estimate > 0) losses.push({ table: key, declare: key, figures: `~${plural(estimate, 'row')} before (planner estimate), 0 rows after`, kind: 'rows' });
  }
  for (const o of m.catalog.missing) {
    if (o.kind !== 'column') continue;
    const key = keyOf(o);
    if (droppedTables.has(key) || declared.coversColumn(key, o.name)) continue;
    const before = m.before.get(key)?.columns.find((c) => c.name === o.name);
    if (before && before.nonNull === 0) continue;
    const figures = before ? `column ${o.name} dropped with ${plural(before.nonNull, 'non-null value')}` : `column ${o.name} dropped (its values were not counted before)`;
    losses.push({ table: key, column: o.name, declare: `${key}.${o.name}`, figures, kind: 'values' });
  }
  for (const [where, result] of m.castBack) {
    if (result.ok) continue;
    const column = m.catalog.changed.find((o) => `${keyOf(o)}.${o.name}` === where);
    if (!column) continue;
    const key = keyOf(column);
    if (declared.coversColumn(key, column.name)) continue;
    const now = m.after.get(key)?.columns.find((c) => c.name === column.name);
    losses.push({ table: key, column: column.name, declare: `${key}.${column.name}`, figures: `column ${column.name} changed from ${column.detail} to ${now?.type ?? 'another type'}: ${result.detail}`, kind: 'values' });
  }
  return losses;
}

/** `schema.table` of a relation, or of the table a column belongs to. */
function keyOf(o: CatalogObject): string {
  return o.kind === 'column' || o.kind === 'index' || o.kind === 'constraint' || o.kind === 'trigger' ? `${o.schema}.${o.table}` : `${o.schema}.${o.name}`;
}
