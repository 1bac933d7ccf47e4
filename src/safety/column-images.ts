import type { PgClient } from '../db/pg-types.js';
import { nodeAs } from '../sql/ast.js';
import type { Statement } from '../sql/parser.js';
import { qualified, quoteIdent, quoteLiteral, relationSql, tableKeyOf, type TableName } from './names.js';
import { SNAPSHOT_SCHEMA } from './snapshot.js';

/**
 * Images of the columns a no-transaction migration drops (`ALTER TABLE … DROP COLUMN`): the archive
 * holds no entry for a column alone, so before the statement runs, in its transaction, the column's
 * definition is read from the catalog and its values are copied, keyed by primary key (or replica
 * identity), into pgwarden_backup — only (key, column), not the table. A restore adds the column back
 * (at the end of the table: PostgreSQL has no other place) and puts each row's value back by key.
 */
export interface ColumnDefinition {
  name: string;
  /** format_type, with the typmod. */
  type: string;
  /** Qualified collation, when not the type's default. */
  collation: string | null;
  default: string | null;
  notNull: boolean;
  /** Expression of a stored generated column. */
  generated: string | null;
  /**
   * The sequence it owns (serial, identity), which went with it: the archive re-creates it, with the
   * serial's DEFAULT or the identity (pg_dump writes both as entries of their own); `lastValue` (at the
   * DROP) keeps it from going back to where it was at the backup.
   */
  sequence: { name: string; identity: boolean; lastValue: string | null } | null;
  /** CHECK constraints on it that pg_dump writes inside CREATE TABLE (no archive entry of their own). */
  checks: Array<{ name: string; definition: string }>;
  /** The table's columns before it: re-created at the end, it keeps its place only when exactly these precede it. */
  preceding: string[];
}

export interface ColumnImage {
  table: TableName;
  column: ColumnDefinition;
  /** Key columns of the copy; empty: the whole table was copied (declared whole-table-restore). */
  key: string[];
  copy: TableName;
  /** Why the restore cannot add it back (its values stay in the copy). */
  unsupported?: string;
}

/** The tables and columns a statement drops by name. */
export function droppedColumns(statement: Statement): Array<{ relation: string; column: string }> {
  const alter = nodeAs(statement.node, 'AlterTableStmt');
  if (!alter?.relation?.relname || alter.objtype !== 'OBJECT_TABLE') return [];
  const relation = relationSql({ schemaname: alter.relation.schemaname, relname: alter.relation.relname });
  const out: Array<{ relation: string; column: string }> = [];
  for (const c of alter.cmds ?? []) {
    const cmd = nodeAs(c, 'AlterTableCmd');
    if (cmd?.subtype === 'AT_DropColumn' && cmd.name) out.push({ relation, column: cmd.name });
  }
  return out;
}

/** Generated columns of the table computed from the column: a DROP … CASCADE takes them along. */
export async function generatedFrom(client: PgClient, table: TableName, column: string): Promise<string[]> {
  const r = await client.query<{ name: string }>(
    // the generation expression (pg_attrdef) depends on the column; before PostgreSQL 15 the generated
    // column itself does (a column-to-column entry of the same table)
    `SELECT g.attname AS name FROM pg_attribute a JOIN pg_depend d ON d.refclassid = 'pg_class'::regclass AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum
       JOIN pg_attribute g ON g.attrelid = a.attrelid
        AND ((d.classid = 'pg_attrdef'::regclass AND (g.attrelid, g.attnum) IN (SELECT ad.adrelid, ad.adnum FROM pg_attrdef ad WHERE ad.oid = d.objid))
          OR (d.classid = 'pg_class'::regclass AND d.objid = a.attrelid AND d.objsubid = g.attnum AND g.attnum <> a.attnum))
      WHERE a.attrelid = $1::regclass AND a.attname = $2 AND g.attgenerated <> '' AND NOT g.attisdropped
      GROUP BY g.attname, g.attnum ORDER BY g.attnum`,
    [qualified(table), column],
  );
  return r.rows.map((x) => x.name);
}

/** A statement that only drops columns changes no row: its table needs no row-level before-image. */
export function onlyDropsColumns(statement: Statement): boolean {
  const alter = nodeAs(statement.node, 'AlterTableStmt');
  return (alter?.cmds ?? []).length > 0 && (alter?.cmds ?? []).every((c) => nodeAs(c, 'AlterTableCmd')?.subtype === 'AT_DropColumn');
}

/** The table a statement names, as the session resolves it (search_path); null when it does not exist. */
export async function resolveTable(client: PgClient, relation: string): Promise<TableName | null> {
  const r = await client.query<TableName>(
    `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass($1)`,
    [relation],
  );
  return r.rows[0] ?? null;
}

/**
 * DDL does not wait for a REPEATABLE READ snapshot: what a DROP COLUMN drops is the latest committed
 * value, not the one the statement's snapshot sees. Taking the statement's own lock before the first
 * query of its transaction fixes the snapshot after every write to the table: the copy then holds
 * exactly what the DROP destroys.
 */
export async function lockForColumnImages(client: PgClient, statement: Statement): Promise<void> {
  for (const relation of new Set(droppedColumns(statement).map((d) => d.relation))) {
    // any SELECT (to_regclass included) would fix the snapshot first; a missing table (ALTER TABLE IF
    // EXISTS) fails the LOCK inside a savepoint instead, which leaves the snapshot unset
    await client.query('SAVEPOINT pgwarden_lock');
    try {
      await client.query(`LOCK TABLE ${relation} IN ACCESS EXCLUSIVE MODE`);
      await client.query('RELEASE SAVEPOINT pgwarden_lock');
    } catch (error) {
      await client.query('ROLLBACK TO SAVEPOINT pgwarden_lock');
      if ((error as { code?: string }).code !== '42P01') throw error;
    }
  }
}

let sequence = 0;

/** Reads the column's definition and copies its values; null when the table has no such column (DROP COLUMN IF EXISTS). */
export async function takeColumnImage(client: PgClient, id: string, table: TableName, name: string, rowKey: string[] | null, wholeTable: boolean): Promise<ColumnImage | null> {
  const rel = qualified(table);
  const def = await client.query<{ attnum: number; type: string; collation: string | null; default: string | null; notnull: boolean; generated: string | null; identity: string; sequence: string | null }>(
    `SELECT a.attnum, format_type(a.atttypid, a.atttypmod) AS type,
            CASE WHEN a.attcollation <> t.typcollation THEN (SELECT format('%I.%I', cn.nspname, co.collname) FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END AS collation,
            CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END AS default,
            a.attnotnull AS notnull,
            CASE WHEN a.attgenerated <> '' THEN pg_get_expr(d.adbin, d.adrelid) END AS generated,
            a.attidentity AS identity,
            (SELECT format('%I.%I', sn.nspname, s.relname) FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid JOIN pg_namespace sn ON sn.oid = s.relnamespace
              WHERE dep.classid = 'pg_class'::regclass AND dep.refobjid = a.attrelid AND dep.refobjsubid = a.attnum AND s.relkind = 'S' AND dep.deptype IN ('a', 'i') LIMIT 1) AS sequence
       FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attrelid = $1::regclass AND a.attname = $2 AND a.attnum > 0 AND NOT a.attisdropped`,
    [rel, name],
  );
  const d = def.rows[0];
  if (!d) return null;
  let owned: ColumnDefinition['sequence'] = null;
  if (d.sequence) {
    const v = await client.query<{ v: string | null }>(`SELECT CASE WHEN is_called THEN last_value::text END AS v FROM ${d.sequence}`);
    owned = { name: d.sequence, identity: d.identity !== '', lastValue: v.rows[0].v };
  }
  const checks = await client.query<{ name: string; definition: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
      WHERE conrelid = $1::regclass AND contype = 'c' AND convalidated AND $2 = ANY(conkey) ORDER BY conname`,
    [rel, d.attnum],
  );
  const preceding = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND attnum < $2 AND NOT attisdropped ORDER BY attnum`,
    [rel, d.attnum],
  );
  // a serial's DEFAULT names its sequence, which comes back from the archive after the column: so does the DEFAULT
  const column: ColumnDefinition = { name, type: d.type, collation: d.collation, default: owned ? null : d.default, notNull: d.notnull, generated: d.generated, sequence: owned, checks: checks.rows, preceding: preceding.rows.map((r) => r.name) };
  const keyed = rowKey !== null && !rowKey.includes(name);
  const unsupported = !keyed && !wholeTable ? `it is part of the primary key (or replica identity) that tells ${tableKeyOf(table)}'s rows apart; declare "-- pgwarden:whole-table-restore ${tableKeyOf(table)}" to have the table put back whole` : undefined;
  const copy: TableName = { schema: SNAPSHOT_SCHEMA, name: `${id}_col${++sequence}` };
  const key = keyed ? rowKey : [];
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(SNAPSHOT_SCHEMA)}`);
  // with no default, a NULL needs no copy: the column comes back NULL
  const select = keyed ? `${[...key, name].map(quoteIdent).join(', ')} FROM ${rel}${d.default === null && d.generated === null && !owned ? ` WHERE ${quoteIdent(name)} IS NOT NULL` : ''}` : `* FROM ${rel}`;
  await client.query(`CREATE TABLE ${qualified(copy)} AS SELECT ${select}`);
  await client.query(`COMMENT ON TABLE ${qualified(copy)} IS ${quoteLiteral(`pgwarden image of column ${name} of ${tableKeyOf(table)}: ${columnClause(column)}`)}`);
  return { table, column, key, copy, ...(unsupported ? { unsupported } : {}) };
}

/** The column as ADD COLUMN writes it (NOT NULL and CHECKs come after the values). */
function columnClause(c: ColumnDefinition): string {
  return [
    quoteIdent(c.name),
    c.type,
    ...(c.collation ? [`COLLATE ${c.collation}`] : []),
    ...(c.default !== null ? [`DEFAULT ${c.default}`] : []),
    ...(c.generated !== null ? [`GENERATED ALWAYS AS (${c.generated}) STORED`] : []),
  ].join(' ');
}

async function columnsOf(client: PgClient, relation: string): Promise<string[]> {
  const r = await client.query<{ name: string }>(`SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`, [relation]);
  return r.rows.map((c) => c.name);
}

const matchOn = (key: string[], a: string, b: string) => key.map((k) => `${a}.${quoteIdent(k)} = ${b}.${quoteIdent(k)}`).join(' AND ');

/**
 * For the restore's selection of earlier statements' rows: the simulated state of the table (a temp
 * copy) gets the column back with its values, as the rows were before the DROP.
 */
export async function addToState(client: PgClient, state: string, image: ColumnImage): Promise<void> {
  if (image.key.length === 0 || (await columnsOf(client, state)).includes(image.column.name)) return;
  const c = image.column;
  const col = quoteIdent(c.name);
  await client.query(`ALTER TABLE ${state} ADD COLUMN ${col} ${c.type}${c.collation ? ` COLLATE ${c.collation}` : ''}`);
  await client.query(`UPDATE ${state} s SET ${col} = i.${col} FROM ${qualified(image.copy)} i WHERE ${matchOn(image.key, 'i', 's')}`);
}

export interface ColumnOutcome {
  /** The report's line. */
  line?: string;
  /** What could not be put back: differences of the restore. */
  problems: string[];
  /** Constraints re-created here, not from the archive. */
  constraints: string[];
  /** The column's place differs from before. */
  reordered: boolean;
}

/**
 * Adds the column back with its definition and puts each row's value back by key; rows inserted since
 * the DROP get the default (or NULL). Inside the restore's transaction.
 */
export async function recreateColumn(client: PgClient, image: ColumnImage, where: string, step: (sql: string) => void): Promise<ColumnOutcome> {
  const { table, column: c } = image;
  const rel = qualified(table);
  const col = quoteIdent(c.name);
  const out: ColumnOutcome = { problems: [], constraints: [], reordered: false };
  const kept = `its values are kept in ${tableKeyOf(image.copy)}`;
  if (image.unsupported) {
    out.problems.push(`column ${c.name} of ${tableKeyOf(table)} dropped by ${where} not re-created: ${image.unsupported}; ${kept}`);
    return out;
  }
  const present = await columnsOf(client, rel);
  if (present.includes(c.name)) {
    out.problems.push(`column ${c.name} of ${tableKeyOf(table)} dropped by ${where} exists again: not re-created; ${kept}`);
    return out;
  }
  out.reordered = present.join('\u0000') !== c.preceding.join('\u0000');
  const add = `ALTER TABLE ${rel} ADD COLUMN ${columnClause(c)}`;
  step(add);
  await client.query(add);
  let put: number;
  if (image.key.length === 0) {
    // declared whole-table-restore: no key tells the rows apart, so the table goes back whole
    const have = new Set(await columnsOf(client, qualified(image.copy)));
    const writable = (await client.query<{ name: string }>(`SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`, [rel])).rows.map((r) => r.name).filter((n) => have.has(n)).map(quoteIdent).join(', ');
    const removed = (await client.query(`DELETE FROM ${rel}`)).rowCount ?? 0;
    put = (await client.query(`INSERT INTO ${rel} (${writable}) OVERRIDING SYSTEM VALUE SELECT ${writable} FROM ${qualified(image.copy)}`)).rowCount ?? 0;
    out.line = `column ${c.name} re-created at the end of ${tableKeyOf(table)}${out.reordered ? ' (column order differs from before)' : ''}, dropped by ${where}: table restored whole (declared whole-table-restore): removed ${removed}, put back ${put}`;
  } else {
    put =
      c.generated !== null
        ? 0
        : ((await client.query(`UPDATE ${rel} t SET ${col} = i.${col} FROM ${qualified(image.copy)} i WHERE ${matchOn(image.key, 'i', 't')} AND t.${col} IS DISTINCT FROM i.${col}`)).rowCount ?? 0);
    out.line = `column ${c.name} re-created at the end of ${tableKeyOf(table)}${out.reordered ? ' (column order differs from before)' : ''}, dropped by ${where}: ${c.generated !== null ? 'generated values computed again' : `${put} value(s) put back by key`}${c.sequence ? `, its sequence ${c.sequence.name}${c.sequence.identity ? ' (identity)' : ' and DEFAULT'} from the backup` : ''}`;
  }
  if (c.notNull) {
    const nulls = Number((await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${rel} WHERE ${col} IS NULL`)).rows[0].n);
    if (nulls > 0) out.problems.push(`column ${c.name} of ${tableKeyOf(table)} re-created without NOT NULL: ${nulls} row(s) inserted since its DROP have no value and it has no default`);
    else await client.query(`ALTER TABLE ${rel} ALTER COLUMN ${col} SET NOT NULL`);
  }
  for (const check of c.checks) {
    const sql = `ALTER TABLE ${rel} ADD CONSTRAINT ${quoteIdent(check.name)} ${check.definition}`;
    step(sql);
    await client.query('SAVEPOINT pgwarden_check');
    try {
      await client.query(sql);
      await client.query('RELEASE SAVEPOINT pgwarden_check');
      out.constraints.push(check.name);
    } catch (error) {
      await client.query('ROLLBACK TO SAVEPOINT pgwarden_check');
      out.problems.push(`constraint ${check.name} of ${tableKeyOf(table)} not re-created: ${(error as Error).message}`);
    }
  }
  return out;
}

/** After the archive brought a re-created column's sequence back: never behind where it was at the DROP. */
export async function sequenceForward(client: PgClient, image: ColumnImage): Promise<void> {
  const seq = image.column.sequence;
  if (!seq?.lastValue) return;
  if ((await client.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [seq.name])).rows[0].t === null) return;
  await client.query(`SELECT setval($1::regclass, $2::bigint, true) FROM ${seq.name} WHERE NOT is_called OR last_value < $2::bigint`, [seq.name, seq.lastValue]);
}

/** Partitions and inheritance children: a column added to the table is added at their end too. */
export async function descendants(client: PgClient, table: TableName): Promise<TableName[]> {
  const r = await client.query<TableName>(
    `WITH RECURSIVE d(oid) AS (SELECT inhrelid FROM pg_inherits WHERE inhparent = $1::regclass UNION SELECT i.inhrelid FROM pg_inherits i JOIN d ON i.inhparent = d.oid)
     SELECT n.nspname AS schema, c.relname AS name FROM d JOIN pg_class c ON c.oid = d.oid JOIN pg_namespace n ON n.oid = c.relnamespace ORDER BY 1, 2`,
    [qualified(table)],
  );
  return r.rows;
}
