import type { PgClient } from '../db/pg-types.js';
import { qualified, quoteIdent, quoteLiteral, tableKeyOf, type TableName } from './names.js';

/** The schema holding in-database copies of tables at risk (`--backup snapshot`). */
export const SNAPSHOT_SCHEMA = 'pgwarden_backup';

export function snapshotTableName(id: string, index: number): TableName {
  return { schema: SNAPSHOT_SCHEMA, name: `${id}_${index}` };
}

/**
 * Copies each table at risk into pgwarden_backup, all in one REPEATABLE READ transaction so the
 * copies are consistent with each other. Needs no client binaries, only room in the database.
 */
export async function takeSnapshot(client: PgClient, id: string, tables: TableName[]): Promise<Map<string, TableName>> {
  const copies = new Map<string, TableName>();
  await ensureSnapshotSchema(client);
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
  try {
    for (const [i, table] of tables.entries()) {
      const copy = snapshotTableName(id, i + 1);
      await client.query(`CREATE TABLE ${qualified(copy)} AS TABLE ${qualified(table)}`);
      await client.query(`COMMENT ON TABLE ${qualified(copy)} IS ${quoteLiteral(`pgwarden backup ${id} of ${tableKeyOf(table)}`)}`);
      copies.set(tableKeyOf(table), copy);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return copies;
}

/**
 * CREATE SCHEMA IF NOT EXISTS loses a race with a concurrent one (tenants of one database backing up at
 * once) with a unique violation: the schema is there then, which is all that is asked.
 */
async function ensureSnapshotSchema(client: PgClient): Promise<void> {
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(SNAPSHOT_SCHEMA)}`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== '23505' && code !== '42P06') throw error;
  }
}

/** Columns a restore may write: generated columns are computed by the server. */
async function writableColumns(client: PgClient, table: TableName): Promise<string[]> {
  const r = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute WHERE attrelid = ${quoteLiteral(qualified(table))}::regclass
        AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
  );
  return r.rows.map((c) => c.name);
}

/** Puts a snapshot's rows into the (emptied) table, on the caller's transaction. */
export async function copyTableFromSnapshot(client: PgClient, copy: TableName, table: TableName): Promise<number> {
  const target = new Set(await writableColumns(client, table));
  const columns = (await writableColumns(client, copy)).filter((c) => target.has(c)).map(quoteIdent).join(', ');
  const r = await client.query(`INSERT INTO ${qualified(table)} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM ${qualified(copy)}`);
  return r.rowCount ?? 0;
}

/** Re-creates a table the run dropped, with its columns only (the snapshot holds no indexes or keys). */
export async function recreateFromSnapshot(client: PgClient, copy: TableName, table: TableName): Promise<void> {
  await client.query(`CREATE TABLE ${qualified(table)} (LIKE ${qualified(copy)})`);
}

export async function dropSnapshot(client: PgClient, copies: TableName[]): Promise<void> {
  for (const copy of copies) await client.query(`DROP TABLE IF EXISTS ${qualified(copy)}`);
}
