import { nodeAs, stringList, walk } from '../sql/ast.js';
import { OWN_SCHEMAS } from './catalog.js';
import { tableFromKey, tableKeyOf } from './names.js';
const RANK = { accounting: 0, counts: 1, values: 2 };
/** The analysis' reasons (src/analysis/risk.ts) as a measurement level. */
export function levelOfReason(reason) {
    if (reason === 'ALTER COLUMN TYPE')
        return 'values';
    if (reason === 'DELETE')
        return 'accounting';
    return 'counts';
}
async function readGraph(client, schemas) {
    const scope = `n.nspname <> ALL($1) AND n.nspname NOT IN ('pg_catalog','information_schema') AND n.nspname NOT LIKE 'pg\\_%' AND ($2::text[] IS NULL OR n.nspname = ANY($2))`;
    const params = [OWN_SCHEMAS, schemas ?? null];
    const tables = await client.query(`SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r','p') AND ${scope} ORDER BY 1, 2`, params);
    const fks = await client.query(`SELECT pn.nspname || '.' || p.relname AS parent, n.nspname || '.' || c.relname AS child, k.confdeltype AS action
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace pn ON pn.oid = p.relnamespace
      WHERE k.contype = 'f' AND ${scope}`, params);
    const children = new Map();
    for (const f of fks.rows)
        children.set(f.parent, [...(children.get(f.parent) ?? []), { child: f.child, onDelete: f.action }]);
    const triggers = await client.query(`SELECT n.nspname || '.' || c.relname AS table, p.prosrc AS body
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE NOT t.tgisinternal AND ${scope}`, params);
    const triggerBodies = new Map();
    for (const t of triggers.rows)
        triggerBodies.set(t.table, [...(triggerBodies.get(t.table) ?? []), t.body]);
    const procs = await client.query(`SELECT p.proname AS name, p.prosrc AS body FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE ${scope}`, params);
    const functions = new Map();
    for (const p of procs.rows)
        functions.set(p.name.toLowerCase(), [...(functions.get(p.name.toLowerCase()) ?? []), p.body]);
    return { userTables: tables.rows, children, triggerBodies, functions };
}
const DYNAMIC = /\bexecute\b/i;
/** User tables a body of code names (a word match on the table's name): a generous bound, never a narrow one. */
function tablesNamedIn(body, tables) {
    const text = body.toLowerCase();
    return tables.filter((t) => new RegExp(`(^|[^a-z0-9_$])"?${t.name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?($|[^a-z0-9_$])`).test(text));
}
/** The user functions a statement calls, by unqualified name. */
function functionsCalled(statement) {
    const out = [];
    walk(statement.node, (kind, payload) => {
        if (kind === 'FuncCall') {
            const name = stringList(payload.funcname);
            if (name.length > 0)
                out.push(name[name.length - 1].toLowerCase());
        }
    });
    return out;
}
/** Schemas a statement drops (DROP SCHEMA). */
function droppedSchemas(statement) {
    const drop = nodeAs(statement.node, 'DropStmt');
    if (drop?.removeType !== 'OBJECT_SCHEMA')
        return [];
    return (drop.objects ?? []).map((o) => nodeAs(o, 'String')?.sval ?? '').filter(Boolean);
}
function truncateCascades(statement) {
    return nodeAs(statement.node, 'TruncateStmt')?.behavior === 'DROP_CASCADE';
}
/** Closes the analysis' tables at risk over the live catalog. */
export async function closeOverCatalog(client, input) {
    const graph = await readGraph(client, input.schemas);
    const tables = new Map();
    const known = new Set(graph.userTables.map(tableKeyOf));
    const add = (key, level, why) => {
        if (!known.has(key))
            return false;
        const seen = tables.get(key);
        if (seen && RANK[seen.level] >= RANK[level] && seen.why.includes(why))
            return false;
        tables.set(key, { table: tableFromKey(key), level: seen && RANK[seen.level] > RANK[level] ? seen.level : level, why: [...new Set([...(seen?.why ?? []), why])] });
        return true;
    };
    let unbounded;
    const bodies = [];
    const functionBodies = [];
    for (const s of input.seeds)
        add(s.table, levelOfReason(s.reason), s.reason);
    // what code the statements do not name may update, checksummed (content.ts): a value replaced there
    // shows in no count; a table a statement updates itself is bounded by the statement's row count instead
    const updatedDirectly = new Set(input.seeds.filter((s) => s.reason === 'UPDATE').map((s) => s.table));
    const indirect = (key) => (updatedDirectly.has(key) ? 'counts' : 'values');
    for (const statement of input.statements) {
        for (const schema of droppedSchemas(statement))
            for (const t of graph.userTables)
                if (t.schema === schema)
                    add(tableKeyOf(t), 'counts', `DROP SCHEMA ${schema}`);
        if (statement.kind === 'DoStmt') {
            if (DYNAMIC.test(statement.text))
                unbounded ??= `a DO block runs dynamic SQL (line ${statement.range.start.line})`;
            else
                bodies.push(statement.text);
        }
        for (const name of functionsCalled(statement)) {
            for (const body of graph.functions.get(name) ?? []) {
                if (DYNAMIC.test(body))
                    unbounded ??= `function ${name}() runs dynamic SQL`;
                else
                    functionBodies.push(body);
            }
        }
        if (truncateCascades(statement)) {
            const truncated = nodeAs(statement.node, 'TruncateStmt')?.relations ?? [];
            for (const r of truncated) {
                const rv = nodeAs(r, 'RangeVar');
                if (rv)
                    cascadeTruncate(`${rv.schemaname ?? input.schemas?.[0] ?? 'public'}.${rv.relname}`, graph, add);
            }
        }
    }
    if (unbounded) {
        for (const t of graph.userTables)
            add(tableKeyOf(t), indirect(tableKeyOf(t)), unbounded);
        return { tables, unbounded };
    }
    // Code bodies (DO blocks, called functions) may write any table they name.
    for (const body of bodies)
        for (const t of tablesNamedIn(body, graph.userTables))
            add(tableKeyOf(t), 'counts', 'named in code the migration runs');
    for (const body of functionBodies)
        for (const t of tablesNamedIn(body, graph.userTables))
            add(tableKeyOf(t), indirect(tableKeyOf(t)), 'named in code the migration runs');
    // Foreign keys and triggers, to a fixed point: each table reached may reach more.
    const queue = [...tables.keys()];
    while (queue.length > 0) {
        const key = queue.shift();
        for (const fk of graph.children.get(key) ?? []) {
            // a = no action, r = restrict: the parent's delete fails instead
            const reached = fk.onDelete === 'c' ? add(fk.child, 'accounting', `ON DELETE CASCADE from ${key}`) : fk.onDelete === 'n' || fk.onDelete === 'd' ? add(fk.child, 'counts', `ON DELETE SET ${fk.onDelete === 'n' ? 'NULL' : 'DEFAULT'} from ${key}`) : false;
            if (reached)
                queue.push(fk.child);
        }
        for (const body of graph.triggerBodies.get(key) ?? []) {
            if (DYNAMIC.test(body)) {
                for (const t of graph.userTables)
                    add(tableKeyOf(t), indirect(tableKeyOf(t)), `a trigger on ${key} runs dynamic SQL`);
                return { tables, unbounded: `a trigger on ${key} runs dynamic SQL` };
            }
            for (const t of tablesNamedIn(body, graph.userTables))
                if (add(tableKeyOf(t), indirect(tableKeyOf(t)), `written by a trigger on ${key}`))
                    queue.push(tableKeyOf(t));
        }
    }
    return { tables };
}
function cascadeTruncate(key, graph, add) {
    const queue = [key];
    while (queue.length > 0) {
        const parent = queue.shift();
        for (const fk of graph.children.get(parent) ?? [])
            if (add(fk.child, 'counts', `TRUNCATE … CASCADE from ${parent}`))
                queue.push(fk.child);
    }
}
