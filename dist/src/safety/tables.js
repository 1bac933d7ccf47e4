import { qualified, quoteLiteral } from './names.js';
export async function tableExists(client, table) {
    const r = await client.query(`SELECT to_regclass(${quoteLiteral(qualified(table))})::oid::text AS oid`);
    return r.rows[0].oid !== null;
}
/**
 * The tables that hold the rows of `table`: itself, or for a partitioned table its leaf partitions (at
 * any depth). A partitioned table has no rows of its own: pg_dump writes no data for it, and a restore
 * that reloaded it would find none to put back.
 */
export async function tablesHoldingRows(client, table) {
    const r = await client.query(`SELECT n.nspname AS schema, c.relname AS name
       FROM pg_partition_tree(${quoteLiteral(qualified(table))}::regclass) t
       JOIN pg_class c ON c.oid = t.relid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE t.isleaf AND c.relkind = 'r' ORDER BY 1, 2`);
    return r.rows.length > 0 ? r.rows : [table];
}
/**
 * SQL: the row (of `alias`, or of the only table queried) was written by this transaction or one of its
 * subtransactions — its xmin is not older than the transaction's xid (age() counts across wraparound).
 * Other sessions' later rows never pass: the REPEATABLE READ snapshot does not see them.
 */
export const writtenByThisTransaction = (alias) => `age(${alias ? `${alias}.` : ''}xmin) <= 0`;
/**
 * Counts a table's rows exactly, or by the planner's estimate when pg_class says it holds more than
 * `maxRows` (a count(*) of a huge table inside a migration would hold its snapshot for minutes).
 * `estimateOnly` keeps a table on estimates once it has been measured that way, so before and after
 * compare like with like.
 */
export async function countRows(client, table, maxRows, estimateOnly = false) {
    if (!(await tableExists(client, table)))
        return { rows: null, exact: true };
    const reltuples = await client.query(`SELECT reltuples::bigint::text AS n FROM pg_class WHERE oid = ${quoteLiteral(qualified(table))}::regclass`);
    if (estimateOnly || Number(reltuples.rows[0].n) > maxRows) {
        const plan = await client.query(`EXPLAIN (FORMAT JSON) SELECT 1 FROM ${qualified(table)}`);
        return { rows: plan.rows[0]['QUERY PLAN'][0].Plan['Plan Rows'], exact: false };
    }
    const r = await client.query(`SELECT count(*)::text AS n FROM ${qualified(table)}`);
    return { rows: Number(r.rows[0].n), exact: true };
}
/**
 * Row count and content checksum of a table. The checksum is the sum of a 64-bit slice of md5 over
 * each row's text form: independent of physical order (ctid) and of any key, so a table restored by
 * DELETE + COPY compares equal to the original, and it needs constant memory unlike string_agg.
 */
export async function tableFingerprint(client, table) {
    if (!(await tableExists(client, table)))
        return null;
    const r = await client.query(`SELECT count(*)::text AS rows,
            substr(md5(coalesce(sum(('x' || substr(md5(t::text), 1, 16))::bit(64)::bigint), 0)::text), 1, 16) AS checksum
       FROM ${qualified(table)} AS t`);
    return { rows: Number(r.rows[0].rows), checksum: r.rows[0].checksum };
}
export async function tableBytes(client, table) {
    const r = await client.query(`SELECT pg_total_relation_size(to_regclass(${quoteLiteral(qualified(table))}))::text AS n`);
    return Number(r.rows[0].n ?? 0);
}
/** Every ordinary and partitioned table outside pgwarden's own schemas (in `schemas` only, when given). */
export async function userTables(client, schemas) {
    const r = await client.query(`SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r','p') AND n.nspname NOT IN ('pg_catalog','information_schema','pgwarden','pgwarden_backup')
        AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'
        AND ($1::text[] IS NULL OR n.nspname = ANY($1)) ORDER BY 1, 2`, [schemas ?? null]);
    return r.rows;
}
export async function serverVersion(client) {
    const r = await client.query(`SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS text`);
    return { num: Number(r.rows[0].num), text: r.rows[0].text.split(' ')[0] };
}
