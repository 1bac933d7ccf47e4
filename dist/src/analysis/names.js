import { nodeAs, stringList } from '../sql/ast.js';
/** PostgreSQL's identifier limit: NAMEDATALEN - 1 bytes. */
const MAX_IDENTIFIER_BYTES = 63;
function utf8Clip(s, bytes) {
    let out = '';
    let used = 0;
    for (const ch of s) {
        const size = Buffer.byteLength(ch);
        if (used + size > bytes)
            break;
        out += ch;
        used += size;
    }
    return out;
}
/** PostgreSQL's makeObjectName: `name1_name2_label`, shortening the longer part until it fits. */
export function makeObjectName(name1, name2, label) {
    let n1 = Buffer.byteLength(name1);
    let n2 = name2 ? Buffer.byteLength(name2) : 0;
    const overhead = (label ? Buffer.byteLength(label) + 1 : 0) + (name2 ? 1 : 0);
    const avail = MAX_IDENTIFIER_BYTES - overhead;
    while (n1 + n2 > avail) {
        if (n1 > n2)
            n1--;
        else
            n2--;
    }
    let out = utf8Clip(name1, n1);
    if (name2)
        out += `_${utf8Clip(name2, n2)}`;
    if (label)
        out += `_${label}`;
    return out;
}
/** PostgreSQL's ChooseRelationName: the first of `makeObjectName(…, label)`, `…label1`, `…label2`… not taken. */
export function chooseName(name1, name2, label, taken) {
    let candidate = makeObjectName(name1, name2, label);
    for (let pass = 1; taken(candidate); pass++)
        candidate = makeObjectName(name1, name2, `${label}${pass}`);
    return candidate;
}
/** The column name PostgreSQL derives for an index key (FigureIndexColname): `lower(email)` → `lower`. */
export function indexColumnName(elem) {
    if (elem.name)
        return elem.name;
    return figureName(elem.expr) ?? 'expr';
}
function figureName(expr) {
    const ref = nodeAs(expr, 'ColumnRef');
    if (ref)
        return stringList(ref.fields).pop();
    const call = nodeAs(expr, 'FuncCall');
    if (call)
        return stringList(call.funcname).pop();
    const cast = nodeAs(expr, 'TypeCast');
    if (cast)
        return figureName(cast.arg) ?? stringList(cast.typeName?.names).pop();
    if (nodeAs(expr, 'CoalesceExpr'))
        return 'coalesce';
    if (nodeAs(expr, 'CaseExpr'))
        return 'case';
    return undefined;
}
/** PostgreSQL's ChooseIndexColumnNames + ChooseIndexNameAddition: `a_b`, `lower_lower1`. */
export function indexNameAddition(names) {
    const used = [];
    for (const original of names) {
        let name = original;
        for (let i = 1; used.includes(name); i++)
            name = `${original}${i}`;
        used.push(name);
    }
    let out = '';
    for (const name of used) {
        out = out ? `${out}_${name}` : name;
        if (Buffer.byteLength(out) >= MAX_IDENTIFIER_BYTES + 1)
            break;
    }
    return out;
}
/** Stable text of an expression for comparisons: the AST without source positions. */
export function canonicalExpression(expr) {
    return JSON.stringify(expr ?? null, (key, value) => (key === 'location' ? undefined : value));
}
/** Columns an expression mentions (`lower(email)` → `email`). */
export function referencedColumns(expr) {
    const out = new Set();
    const visit = (value) => {
        if (Array.isArray(value))
            return value.forEach(visit);
        if (!value || typeof value !== 'object')
            return;
        const ref = nodeAs(value, 'ColumnRef');
        if (ref) {
            const name = stringList(ref.fields).pop();
            if (name)
                out.add(name);
            return;
        }
        Object.values(value).forEach(visit);
    };
    visit(expr);
    return [...out];
}
