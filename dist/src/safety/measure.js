import { accountingDelta, readAccounting } from './accounting.js';
import { diffCatalogs, readCatalog } from './catalog.js';
import { tableFromKey } from './names.js';
import { castBackChecksum, exactRows, profileTable } from './profile.js';
/** `withAncestors`: also each partition's ancestors (read once, at the start: the end compares storage only). */
async function readStorage(client, schemas, withAncestors) {
    const r = await client.query(`SELECT n.nspname || '.' || c.relname AS key, pg_relation_filenode(c.oid)::text AS filenode, greatest(c.reltuples, 0)::bigint::text AS estimate,
            CASE WHEN $2::boolean AND c.relispartition THEN (SELECT array_agg(an.nspname || '.' || ac.relname ORDER BY a.level)
                                               FROM pg_partition_ancestors(c.oid) WITH ORDINALITY AS a(relid, level)
                                               JOIN pg_class ac ON ac.oid = a.relid JOIN pg_namespace an ON an.oid = ac.relnamespace
                                              WHERE a.relid <> c.oid) END AS ancestors
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog','information_schema','pgwarden','pgwarden_backup') AND n.nspname NOT LIKE 'pg\\_%'
        AND ($1::text[] IS NULL OR n.nspname = ANY($1))`, [schemas ?? null, withAncestors]);
    return new Map(r.rows.map((x) => [x.key, { filenode: x.filenode, estimate: Number(x.estimate), ancestors: x.ancestors ?? [] }]));
}
export async function beginMeasurement(client, scope, maxRows, schemas) {
    // accounting first: everything read after it is this transaction's own reading, not the migration's
    const accounting = await readAccounting(client);
    const catalog = await readCatalog(client, schemas);
    const storage = await readStorage(client, schemas, true);
    const profiles = new Map();
    for (const [key, t] of scope.tables) {
        if (t.level === 'accounting')
            continue;
        const p = await profileTable(client, t.table, t.level, maxRows);
        if (p)
            profiles.set(key, p);
    }
    return { accounting, catalog, storage, profiles };
}
/**
 * `everyProfile`: profile again every table profiled before, touched or not (a live unit, whose accounting is partial).
 * `lossDeclared`: tables whose row loss the migration declared; their deletes are not counted again (a
 * count(*) only for the report's figures would cost a scan as long as the DELETE's own).
 */
export async function endMeasurement(client, start, maxRows, schemas, everyProfile = false, lossDeclared = () => false) {
    const accounting = accountingDelta(start.accounting, await readAccounting(client));
    const catalogNow = await readCatalog(client, schemas);
    const catalog = diffCatalogs(start.catalog, catalogNow);
    const storageNow = await readStorage(client, schemas, false);
    const rewritten = [...start.storage.entries()].filter(([key, s]) => storageNow.has(key) && storageNow.get(key).filenode !== s.filenode).map(([key]) => key);
    const touched = new Set([...accounting.map((a) => `${a.schema}.${a.table}`), ...rewritten, ...catalog.missing.concat(catalog.changed).map((o) => `${o.schema}.${o.kind === 'table' ? o.name : (o.table ?? '')}`)]);
    const after = new Map();
    const castBack = new Map();
    for (const [key, before] of start.profiles) {
        if (!touched.has(key) && !everyProfile)
            continue;
        // checksums again only where some rows were updated (content.ts compares them)
        const updated = accounting.some((a) => `${a.schema}.${a.table}` === key && a.updated > 0);
        const now = await profileTable(client, before.table, updated && before.columns.some((c) => c.checksum !== undefined) ? 'values' : 'counts', maxRows);
        after.set(key, now);
        if (!now)
            continue;
        for (const col of catalog.changed.filter((o) => `${o.schema}.${o.table}` === key)) {
            const old = before.columns.find((c) => c.name === col.name);
            if (!old?.checksum) {
                castBack.set(`${key}.${col.name}`, { ok: false, detail: 'its values were not checksummed before (the change was not foreseen)' });
                continue;
            }
            const back = await castBackChecksum(client, before.table, col.name, old.type);
            castBack.set(`${key}.${col.name}`, 'error' in back ? { ok: false, detail: `its new values do not cast back to ${old.type}: ${back.error}` } : { ok: back.checksum === old.checksum, ...(back.checksum === old.checksum ? {} : { detail: `its new values cast back to ${old.type} differ from the old ones` }) });
        }
    }
    // a retyped column of a table that was not profiled: nothing to compare with
    for (const col of catalog.changed) {
        const key = `${col.schema}.${col.table}`;
        if (!start.profiles.has(key) && !castBack.has(`${key}.${col.name}`))
            castBack.set(`${key}.${col.name}`, { ok: false, detail: 'its values were not checksummed before (the change was not foreseen)' });
    }
    const estimates = new Map([...start.storage.entries()].map(([k, s]) => [k, s.estimate]));
    const rowsAfter = new Map();
    for (const a of accounting) {
        const key = `${a.schema}.${a.table}`;
        if (a.deleted > 0 && !after.has(key) && !lossDeclared(key) && (estimates.get(key) ?? 0) <= maxRows)
            rowsAfter.set(key, await exactRows(client, tableFromKey(key)));
    }
    for (const key of rewritten)
        if (!start.profiles.has(key) && !rowsAfter.has(key))
            rowsAfter.set(key, await exactRows(client, tableFromKey(key)));
    const ancestors = new Map([...start.storage.entries()].filter(([, s]) => s.ancestors.length > 0).map(([k, s]) => [k, s.ancestors]));
    return { accounting, catalog, rewritten, before: start.profiles, after, castBack, estimates, rowsAfter, ancestors };
}
