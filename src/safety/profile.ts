import type { PgClient } from '../db/pg-types.js';
import { qualified, quoteIdent, quoteLiteral, type TableName } from './names.js';

/**
 * What a table holds, reduced to figures that show lost values: its rows, and per column how many
 * values are not NULL and (at level `values`) an order-independent checksum of their text. Taken in the
 * migration's snapshot before and after it, so the application's concurrent writes move neither.
 */
export interface TableProfile {
  table: TableName;
  rows: number;
  /** false: the table is above verifyMaxRows and `rows` is the planner's estimate; no column figures. */
  exact: boolean;
  columns: ColumnProfile[];
}

export interface ColumnProfile {
  name: string;
  /** format_type of the column. */
  type: string;
  nonNull: number;
  /** Sum of hashtext(value::text); present at level `values`. */
  checksum?: string;
}

/** `counts`: rows and non-null values per column; `values`: also a checksum of every column. */
export type ProfileLevel = 'counts' | 'values';

interface ColumnInfo {
  name: string;
  type: string;
}

export async function columnsOf(client: PgClient, table: TableName): Promise<ColumnInfo[] | null> {
  const r = await client.query<{ oid: string | null }>(`SELECT to_regclass(${quoteLiteral(qualified(table))})::oid::text AS oid`);
  if (r.rows[0].oid === null) return null;
  const c = await client.query<ColumnInfo>(
    `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
      WHERE attrelid = $1::oid AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
    [r.rows[0].oid],
  );
  return c.rows;
}

/** One scan of the table, whatever its width. null when the table does not exist. */
export async function profileTable(client: PgClient, table: TableName, level: ProfileLevel, maxRows: number): Promise<TableProfile | null> {
  const columns = await columnsOf(client, table);
  if (!columns) return null;
  const estimate = await client.query<{ n: string }>(`SELECT greatest(reltuples, 0)::bigint::text AS n FROM pg_class WHERE oid = ${quoteLiteral(qualified(table))}::regclass`);
  if (Number(estimate.rows[0].n) > maxRows) return { table, rows: Number(estimate.rows[0].n), exact: false, columns: [] };
  const parts = ['count(*)::text AS "rows"'];
  columns.forEach((c, i) => {
    parts.push(`count(${quoteIdent(c.name)})::text AS "n${i}"`);
    if (level === 'values') parts.push(`${checksumOf(quoteIdent(c.name))} AS "h${i}"`);
  });
  const r = await client.query<Record<string, string>>(`SELECT ${parts.join(', ')} FROM ${qualified(table)}`);
  const row = r.rows[0];
  return {
    table,
    rows: Number(row.rows),
    exact: true,
    columns: columns.map((c, i) => ({ name: c.name, type: c.type, nonNull: Number(row[`n${i}`]), ...(level === 'values' ? { checksum: row[`h${i}`] } : {}) })),
  };
}

function checksumOf(expression: string): string {
  return `coalesce(sum(hashtext((${expression})::text)), 0)::text`;
}

/**
 * Whether a column whose type changed still holds the values it held: each new value cast back to the
 * old type must give the old value's text. A widening (int → bigint, varchar(n) → text) passes; a
 * rounding or truncating USING does not. Returns the checksum of the values cast back, or the error
 * of the cast (some new value has no old counterpart at all), inside a savepoint so the caller's
 * transaction survives.
 */
export async function castBackChecksum(client: PgClient, table: TableName, column: string, oldType: string): Promise<{ checksum: string } | { error: string }> {
  await client.query('SAVEPOINT pgwarden_cast_back');
  try {
    const r = await client.query<{ h: string }>(`SELECT ${checksumOf(`${quoteIdent(column)}::${oldType}`)} AS h FROM ${qualified(table)}`);
    await client.query('RELEASE SAVEPOINT pgwarden_cast_back');
    return { checksum: r.rows[0].h };
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT pgwarden_cast_back');
    await client.query('RELEASE SAVEPOINT pgwarden_cast_back');
    return { error: (error as Error).message };
  }
}

/** Exact rows now (one count), for a table whose loss is reported with its figures. */
export async function exactRows(client: PgClient, table: TableName): Promise<number | null> {
  const exists = await client.query<{ oid: string | null }>(`SELECT to_regclass(${quoteLiteral(qualified(table))})::oid::text AS oid`);
  if (exists.rows[0].oid === null) return null;
  const r = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${qualified(table)}`);
  return Number(r.rows[0].n);
}
