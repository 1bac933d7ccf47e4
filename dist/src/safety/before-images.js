import { qualified, quoteIdent, quoteLiteral, tableKeyOf } from './names.js';
import { SNAPSHOT_SCHEMA } from './snapshot.js';
import { writtenByThisTransaction } from './tables.js';
/** The columns identifying a row: the primary key, else a replica-identity index; null when neither. */
export async function rowKeyOf(client, table) {
    const r = await client.query(`SELECT a.attname AS name FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = ${quoteLiteral(qualified(table))}::regclass AND (i.indisprimary OR i.indisreplident)
      ORDER BY i.indisprimary DESC, array_position(i.indkey::int2[], a.attnum)`);
    return r.rows.length > 0 ? [...new Set(r.rows.map((x) => x.name))] : null;
}
let sequence = 0;
/**
 * Copies the table, or with `rows` (a query of the rows the statement will change, see image-rows.ts)
 * only those; a selection the server refuses falls back to the whole table.
 */
export async function takeImage(client, id, table, key, rows) {
    const copy = { schema: SNAPSHOT_SCHEMA, name: `${id}_img${++sequence}` };
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(SNAPSHOT_SCHEMA)}`);
    let partial = false;
    if (rows && key.length > 0) {
        await client.query('SAVEPOINT pgwarden_image');
        try {
            await client.query(`CREATE TABLE ${qualified(copy)} AS ${rows}`);
            await client.query('RELEASE SAVEPOINT pgwarden_image');
            partial = true;
        }
        catch {
            await client.query('ROLLBACK TO SAVEPOINT pgwarden_image');
        }
    }
    if (!partial)
        await client.query(`CREATE TABLE ${qualified(copy)} AS SELECT * FROM ${qualified(table)}`);
    await client.query(`COMMENT ON TABLE ${qualified(copy)} IS ${quoteLiteral(`pgwarden before-image of ${tableKeyOf(table)}`)}`);
    return { table, key, copy, partial };
}
const rowHash = (alias) => `md5(${alias}::text)`;
/**
 * After the statement, in its transaction: keeps in the copy only the rows it changed or deleted, and
 * records the keys it inserted and how it left each row. A table it did not touch loses its image.
 */
export async function settleImage(client, pending, touched) {
    const { table, key, copy, partial } = pending;
    if (!touched) {
        await client.query(`DROP TABLE ${qualified(copy)}`);
        return null;
    }
    const on = key.map((k) => `i.${quoteIdent(k)} = t.${quoteIdent(k)}`).join(' AND ');
    const after = { schema: copy.schema, name: `${copy.name}_after` };
    // In the statement's REPEATABLE READ snapshot the application's rows are invisible: a row of the
    // table that the full copy lacks was inserted by the statement; a partial copy lacks the rows the
    // statement did not match too, so there the row must also have been written by this transaction.
    await client.query(`CREATE TABLE ${qualified(after)} AS
       SELECT ${key.map((k) => `t.${quoteIdent(k)}`).join(', ')}, ${rowHash('t')} AS hash, true AS inserted FROM ${qualified(table)} t
        WHERE NOT EXISTS (SELECT 1 FROM ${qualified(copy)} i WHERE ${on})${partial ? ` AND ${writtenByThisTransaction('t')}` : ''}`);
    await client.query(`INSERT INTO ${qualified(after)}
       SELECT ${key.map((k) => `i.${quoteIdent(k)}`).join(', ')}, (SELECT ${rowHash('t')} FROM ${qualified(table)} t WHERE ${on}), false FROM ${qualified(copy)} i
        WHERE NOT EXISTS (SELECT 1 FROM ${qualified(table)} t WHERE ${on} AND ${rowHash('i')} = ${rowHash('t')})`);
    // unchanged rows are no business of the restore
    await client.query(`DELETE FROM ${qualified(copy)} i USING ${qualified(table)} t WHERE ${on} AND ${rowHash('i')} = ${rowHash('t')}`);
    const counts = await client.query(`SELECT count(*) FILTER (WHERE NOT inserted)::text AS changed, count(*) FILTER (WHERE inserted)::text AS inserted FROM ${qualified(after)}`);
    return { table, key, before: copy, after, changed: Number(counts.rows[0].changed), inserted: Number(counts.rows[0].inserted) };
}
/**
 * The rows a statement only inserted into a table it put at no other risk (no copy was taken before):
 * in its REPEATABLE READ snapshot, a visible row whose xmin is not older than the transaction's own
 * xid was written by it (other sessions' later transactions are invisible to the snapshot).
 */
export async function insertedImage(client, id, table, key) {
    const before = { schema: SNAPSHOT_SCHEMA, name: `${id}_img${++sequence}` };
    const after = { schema: before.schema, name: `${before.name}_after` };
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(SNAPSHOT_SCHEMA)}`);
    await client.query(`CREATE TABLE ${qualified(before)} AS SELECT * FROM ${qualified(table)} WHERE false`);
    const r = await client.query(`CREATE TABLE ${qualified(after)} AS
       SELECT ${key.map((k) => `t.${quoteIdent(k)}`).join(', ')}, ${rowHash('t')} AS hash, true AS inserted FROM ${qualified(table)} t
        WHERE ${writtenByThisTransaction('t')}`);
    void r;
    const n = await client.query(`SELECT count(*)::text AS n FROM ${qualified(after)}`);
    return { table, key, before, after, changed: 0, inserted: Number(n.rows[0].n) };
}
