/** The tag of an AST node: `{ DropStmt: {...} }` → `'DropStmt'`. */
export function nodeKind(node) {
    // the first key without the array Object.keys would build: called for every node the rules look at
    for (const key in node)
        return key;
    return '';
}
/** The payload of a node if it has the given tag. */
export function nodeAs(node, kind) {
    if (!node || typeof node !== 'object')
        return undefined;
    return node[kind];
}
/** The string values of a list of `String` nodes (qualified names, column lists). */
export function stringList(nodes) {
    const out = [];
    for (const n of nodes ?? []) {
        const s = nodeAs(n, 'String');
        if (s && s.sval !== undefined)
            out.push(s.sval);
    }
    return out;
}
/** `schema.table` as written (unquoted identifiers are already folded to lower case by the parser). */
export function relationName(rel) {
    if (!rel)
        return '';
    return rel.schemaname ? `${rel.schemaname}.${rel.relname ?? ''}` : (rel.relname ?? '');
}
/** The last component of a name, without a `public.` or other schema. */
export function unqualified(name) {
    const dot = name.lastIndexOf('.');
    return dot === -1 ? name : name.slice(dot + 1);
}
/** A readable type name: `int4`, `varchar(255)`, `timestamp`, `numeric(10,2)`, `text[]`. */
export function typeNameToString(type) {
    if (!type)
        return '';
    const names = stringList(type.names).filter((n, i, all) => !(n === 'pg_catalog' && all.length > 1));
    let out = names.join('.');
    const mods = (type.typmods ?? [])
        .map((m) => {
        const c = nodeAs(m, 'A_Const');
        if (c?.ival)
            return String(c.ival.ival ?? 0);
        if (c?.sval)
            return c.sval.sval ?? '';
        return '?';
    })
        .join(',');
    if (mods)
        out += `(${mods})`;
    if (type.arrayBounds && type.arrayBounds.length > 0)
        out += '[]'.repeat(type.arrayBounds.length);
    return out;
}
/** Depth-first walk over every object in an AST, calling `visit(kind, payload)` for each tagged node. */
export function walk(node, visit) {
    if (Array.isArray(node)) {
        for (const item of node)
            walk(item, visit);
        return;
    }
    if (!node || typeof node !== 'object')
        return;
    const record = node;
    for (const key in record) {
        const value = record[key];
        if (!value || typeof value !== 'object')
            continue;
        // node tags start with an upper-case letter (A–Z); field names do not
        const first = key.charCodeAt(0);
        if (first >= 65 && first <= 90 && !Array.isArray(value)) {
            if (visit(key, value) === false)
                continue;
        }
        walk(value, visit);
    }
}
/**
 * True when a parenthesised option list (`REINDEX (CONCURRENTLY false)`, `VACUUM (FULL, ANALYZE)`) turns
 * `name` on: present without a value, or with a value PostgreSQL reads as true (`true`, `on`, `1`…).
 * `false`, `off` and `0` turn it off, as PostgreSQL's defGetBoolean reads them.
 */
export function optionIsOn(options, name) {
    for (const option of options ?? []) {
        const def = nodeAs(option, 'DefElem');
        if (def?.defname !== name)
            continue;
        if (!def.arg)
            return true;
        const bool = nodeAs(def.arg, 'Boolean');
        if (bool)
            return bool.boolval === true;
        const int = nodeAs(def.arg, 'Integer');
        if (int)
            return (int.ival ?? 0) !== 0;
        const text = (nodeAs(def.arg, 'String')?.sval ?? nodeAs(def.arg, 'A_Const')?.sval?.sval ?? '').toLowerCase();
        return !['false', 'off', 'no', 'f', 'n', '0'].includes(text);
    }
    return false;
}
