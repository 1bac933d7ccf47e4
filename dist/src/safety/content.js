import { nodeAs, walk } from '../sql/ast.js';
import { quoteIdent, quoteLiteral, relationSql } from './names.js';
import { writtenByThisTransaction } from './tables.js';
/** A top-level statement's direct update target, and the tables it writes elsewhere (CTEs, subqueries). */
function targetsOf(statement, index) {
    const line = statement.range.start.line;
    let direct;
    const update = nodeAs(statement.node, 'UpdateStmt');
    const merge = nodeAs(statement.node, 'MergeStmt');
    const insert = nodeAs(statement.node, 'InsertStmt');
    if (update?.relation)
        direct = { relation: update.relation, kind: 'UPDATE', command: 'UPDATE', line, index };
    else if (merge?.relation)
        direct = { relation: merge.relation, kind: 'MERGE', command: 'MERGE', line, index };
    else if (insert?.relation && insert.onConflictClause?.action === 'ONCONFLICT_UPDATE') {
        direct = { relation: insert.relation, kind: 'INSERT … ON CONFLICT DO UPDATE', command: 'INSERT', line, index };
    }
    const nested = [];
    // the statement's own node is visited first; every write found after it is nested in it
    let own = true;
    walk(statement.node, (kind, payload) => {
        if (own) {
            own = false;
            return;
        }
        if ((kind === 'UpdateStmt' || kind === 'MergeStmt' || kind === 'InsertStmt') && payload.relation)
            nested.push(payload.relation);
    });
    return { direct, nested };
}
/** One catalog query per distinct relation a unit names (a data fix may repeat one table in many statements). */
function resolver(client) {
    const seen = new Map();
    return (relation) => {
        const key = JSON.stringify([relation.schemaname ?? null, relation.relname ?? null]);
        if (!seen.has(key))
            seen.set(key, resolve(client, relation));
        return seen.get(key);
    };
}
async function resolve(client, relation) {
    if (!relation.relname)
        return null;
    const name = relationSql({ schemaname: relation.schemaname, relname: relation.relname });
    const r = await client.query(`WITH RECURSIVE target AS (SELECT to_regclass(${quoteLiteral(name)}) AS oid),
     -- partitions and inheritance children hold a parent's rows; a view's base tables hold its rows
     edge(parent, child) AS (SELECT inhparent, inhrelid FROM pg_inherits
                             UNION ALL SELECT w.ev_class, d.refobjid FROM pg_rewrite w JOIN pg_class v ON v.oid = w.ev_class AND v.relkind = 'v'
                               JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = w.oid AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> w.ev_class),
     tree(oid) AS (SELECT oid FROM target WHERE oid IS NOT NULL UNION SELECT edge.child FROM edge JOIN tree ON edge.parent = tree.oid)
     SELECT n.nspname AS schema, c.relname AS name, c.relkind::text AS relkind, c.oid = (SELECT oid FROM target) AS first
       FROM tree JOIN pg_class c ON c.oid = tree.oid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'f', 'm') ORDER BY first DESC, 1, 2`);
    if (r.rows.length === 0)
        return null;
    const tree = r.rows.map((x) => ({ key: `${x.schema}.${x.name}`, table: { schema: x.schema, name: x.name }, relkind: x.relkind }));
    return { key: tree[0].key, kind: tree[0].relkind, tree };
}
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
export async function judgeContent(client, input) {
    const { measurement: m, declared } = input;
    const losses = [];
    const skipped = [];
    const updated = new Map(m.accounting.map((a) => [`${a.schema}.${a.table}`, a]));
    if (![...updated.values()].some((a) => a.updated > 0))
        return { losses, skipped };
    // tables the migration's own text writes to, where no tag says how many rows: neither check applies
    const resolveOnce = resolver(client);
    const named = new Set();
    const directs = [];
    input.statements.forEach((s, i) => {
        const t = targetsOf(s, i);
        if (t.direct)
            directs.push(t.direct);
        for (const r of t.nested)
            named.add(JSON.stringify({ schemaname: r.schemaname, relname: r.relname }));
    });
    const namedKeys = new Set();
    for (const text of named)
        for (const x of (await resolveOnce(JSON.parse(text)))?.tree ?? [])
            namedKeys.add(x.key);
    for (const s of input.statements)
        if (s.kind === 'DoStmt')
            for (const key of updated.keys())
                if (namesTable(s.text, key))
                    namedKeys.add(key);
    const aligned = input.results !== undefined &&
        input.results.length === input.statements.length &&
        directs.every((d) => input.results[d.index].command === d.command && input.results[d.index].rowCount !== null);
    if (directs.length > 0 && !aligned) {
        skipped.push('the server did not report how many rows each statement updated, so rows updated beyond them were not checked');
    }
    // a table the migration's own code also writes where no tag counts it (a CTE, a DO block) is not bounded
    const unboundedKeys = new Set(namedKeys);
    // check 1: per table updated directly (with its descendants), the statements' rows against the server's
    const groups = [];
    for (const d of directs) {
        const target = await resolveOnce(d.relation);
        if (!target)
            continue;
        const keys = new Set(target.tree.map((x) => x.key));
        if (!aligned || target.kind === 'v') {
            for (const k of keys)
                namedKeys.add(k);
            continue;
        }
        const rows = input.results[d.index].rowCount;
        const same = groups.find((g) => [...keys].some((k) => g.keys.has(k)));
        if (same) {
            same.statements.push({ ...d, rows });
            for (const x of target.tree)
                if (!same.keys.has(x.key))
                    same.tables.push(x);
            for (const k of keys)
                same.keys.add(k);
        }
        else
            groups.push({ target, statements: [{ ...d, rows }], keys, tables: [...target.tree] });
    }
    for (const g of groups) {
        for (const k of g.keys)
            namedKeys.add(k);
        const tagged = g.statements.reduce((n, s) => n + s.rows, 0);
        const counts = [...g.keys].map((k) => updated.get(k)).filter((a) => a !== undefined);
        const server = counts.reduce((n, a) => n + a.updated, 0);
        if (server <= tagged || [...g.keys].some((k) => declared.coversTable(k) || unboundedKeys.has(k)))
            continue;
        // a row updated twice counts twice: how many rows this transaction left written, less its inserts
        let rows;
        const leaves = g.tables.filter((x) => x.relkind === 'r' && (m.estimates.get(x.key) ?? 0) <= input.maxRows);
        if (leaves.length === g.tables.filter((x) => x.relkind === 'r').length) {
            let written = 0;
            for (const leaf of leaves) {
                const r = await client.query(`SELECT count(*)::text AS n FROM ${quoteIdent(leaf.table.schema)}.${quoteIdent(leaf.table.name)} WHERE ${writtenByThisTransaction()}`);
                written += Number(r.rows[0].n);
            }
            rows = Math.max(0, written - counts.reduce((n, a) => n + a.inserted, 0));
        }
        const excess = Math.min(server, rows ?? server) - tagged;
        if (excess <= 0)
            continue;
        const by = g.statements.map((s) => `${s.kind} at line ${s.line} updated ${plural(s.rows, 'row')}`).join(', ');
        const seen = rows !== undefined && rows < server ? `${server} updates of ${plural(rows, 'row')}` : `${server} updated`;
        losses.push({
            table: g.target.key,
            declare: g.target.key,
            figures: `${plural(excess, 'row')} updated that no statement targets (${by}, the server counts ${seen})`,
            kind: 'values',
            by: ' (a trigger, rule, function or ON UPDATE CASCADE changed them)',
        });
    }
    // check 2: tables updated that no statement names, by their columns' checksums
    const candidates = [...updated.entries()].filter(([key, a]) => a.updated > 0 && !namedKeys.has(key) && m.before.get(key)?.columns.some((c) => c.checksum !== undefined));
    if (candidates.length === 0)
        return { losses, skipped };
    const { isolation } = input;
    if (isolation !== 'repeatable read' && isolation !== 'serializable') {
        skipped.push(`values of tables no statement names (${candidates.map(([k]) => k).join(', ')}) not compared: at ${isolation} the profiles see the application's writes`);
        return { losses, skipped };
    }
    for (const [key, a] of candidates) {
        const before = m.before.get(key);
        const after = m.after.get(key);
        if (!after?.exact || !before.exact)
            continue;
        const bookkeeping = await columnsAssignedByBeforeTriggers(client, before.table);
        for (const col of before.columns) {
            const now = after.columns.find((c) => c.name === col.name);
            if (col.checksum === undefined || now?.checksum === undefined || now.type !== col.type || now.checksum === col.checksum)
                continue;
            if (now.nonNull > col.nonNull || bookkeeping.has(col.name) || declared.coversColumn(key, col.name))
                continue;
            if (input.found.some((l) => l.table === key && (l.column === col.name || l.column === undefined)))
                continue;
            losses.push({
                table: key,
                column: col.name,
                declare: `${key}.${col.name}`,
                figures: `column ${col.name}: values replaced in rows no statement updates (${col.nonNull} non-null values before, ${now.nonNull} after, checksum changed; the server counts ${plural(a.updated, 'updated row')})`,
                kind: 'values',
                by: ' (no statement names it: a trigger, function or dynamic SQL did it)',
            });
        }
    }
    return { losses, skipped };
}
/** Whether code names a table (`schema.table` key) by its bare name: a generous bound, never a narrow one. */
function namesTable(text, key) {
    const name = key.slice(key.indexOf('.') + 1).toLowerCase();
    return new RegExp(`(^|[^a-z0-9_$])"?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?($|[^a-z0-9_$])`).test(text.toLowerCase());
}
/** Columns a BEFORE UPDATE row trigger of the table assigns to NEW (`NEW.updated_at := now()`). */
async function columnsAssignedByBeforeTriggers(client, table) {
    const r = await client.query(`SELECT p.prosrc AS body FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE t.tgrelid = to_regclass(${quoteLiteral(`${quoteIdent(table.schema)}.${quoteIdent(table.name)}`)}) AND NOT t.tgisinternal
        AND t.tgtype & 2 = 2 AND t.tgtype & 1 = 1 AND t.tgtype & 16 = 16`);
    const out = new Set();
    for (const { body } of r.rows) {
        for (const m of body.matchAll(/\bnew\s*\.\s*(?:"((?:[^"]|"")+)"|([a-z_][a-z0-9_$]*))\s*:?=/gi))
            out.add(m[1] !== undefined ? m[1].replaceAll('""', '"') : m[2].toLowerCase());
    }
    return out;
}
