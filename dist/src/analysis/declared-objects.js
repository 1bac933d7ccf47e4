import { parseSource } from '../sql/parser.js';
import { SourceFile } from '../sql/source.js';
import { nodeAs, stringList } from '../sql/ast.js';
import { tableKey } from './schema.js';
import { expressionVolatility, VOLATILITY_RANK } from './volatility.js';
/** Folds CREATE / ALTER / DROP DOMAIN and FUNCTION into the maps; other statements change nothing. */
export function replayDeclaredObjects(domains, functions, node) {
    foldDomain(domains, node);
    foldFunction(functions, node);
}
function foldDomain(domains, node) {
    const create = nodeAs(node, 'CreateDomainStmt');
    if (create) {
        const names = (create.constraints ?? []).map((n) => nodeAs(n, 'Constraint')).flatMap((c, i) => c?.contype === 'CONSTR_CHECK' ? [c.conname ?? `#check${i}`] : c?.contype === 'CONSTR_NOTNULL' ? ['#notnull'] : []);
        domains.set(tableKey(stringList(create.domainname).join('.')), new Set(names));
        return;
    }
    const alter = nodeAs(node, 'AlterDomainStmt');
    if (alter) {
        const key = tableKey(stringList(alter.typeName).join('.'));
        const set = domains.get(key) ?? new Set();
        const c = nodeAs(alter.def, 'Constraint');
        if (alter.subtype === 'C' && c?.contype === 'CONSTR_CHECK')
            set.add(c.conname ?? `#check${set.size}`);
        if (alter.subtype === 'O')
            set.add('#notnull');
        if (alter.subtype === 'N')
            set.delete('#notnull');
        if (alter.subtype === 'X' && alter.name)
            set.delete(alter.name);
        domains.set(key, set);
        return;
    }
    const drop = nodeAs(node, 'DropStmt');
    if (drop?.removeType === 'OBJECT_DOMAIN') {
        for (const o of drop.objects ?? [])
            domains.delete(tableKey(stringList(nodeAs(o, 'TypeName')?.names).join('.')));
    }
}
/**
 * The volatility of a SQL function PostgreSQL inlines into the calling expression (inline_function):
 * LANGUAGE sql, not SECURITY DEFINER, no SET, not SETOF, a body that is one `SELECT expr` or `RETURN expr`.
 */
function inlinedVolatility(create, functions) {
    const options = (create.options ?? []).map((o) => nodeAs(o, 'DefElem'));
    const option = (name) => options.find((d) => d?.defname === name);
    if (nodeAs(option('language')?.arg, 'String')?.sval !== 'sql' || create.returnType?.setof || option('set'))
        return undefined;
    if (nodeAs(option('security')?.arg, 'Boolean')?.boolval)
        return undefined;
    let body = nodeAs(create.sql_body, 'ReturnStmt')?.returnval;
    const as = nodeAs(option('as')?.arg, 'List')?.items ?? [];
    const text = as.length === 1 ? nodeAs(as[0], 'String')?.sval : undefined;
    if (!body && text !== undefined) {
        const parsed = parseSource(new SourceFile('function body', text));
        const select = parsed.statements.length === 1 ? nodeAs(parsed.statements[0].node, 'SelectStmt') : undefined;
        const plain = select && (select.targetList ?? []).length === 1 && !select.fromClause && !select.whereClause && !select.groupClause && !select.havingClause && !select.sortClause && !select.limitCount && (select.op ?? 'SETOP_NONE') === 'SETOP_NONE';
        if (plain && !parsed.syntaxError)
            body = nodeAs(select.targetList?.[0], 'ResTarget')?.val;
    }
    if (!body)
        return undefined;
    // a body more volatile than the label is not inlined (the label counts); a less volatile one is
    const declared = volatility(create.options) ?? 'volatile';
    const inlined = expressionVolatility(body, functions).volatility;
    return VOLATILITY_RANK[inlined] < VOLATILITY_RANK[declared] ? inlined : declared;
}
function volatility(options) {
    const v = (options ?? []).map((o) => nodeAs(o, 'DefElem')).find((d) => d?.defname === 'volatility');
    return nodeAs(v?.arg, 'String')?.sval;
}
function foldFunction(functions, node) {
    const set = (names, v) => {
        functions.set(names[names.length - 1], v);
        if (names.length > 1)
            functions.set(names.join('.'), v);
    };
    const create = nodeAs(node, 'CreateFunctionStmt');
    if (create && !create.is_procedure) {
        // a function declared without a volatility is VOLATILE; PostgreSQL inlines a plain SQL one, and then
        // its body decides
        set(stringList(create.funcname), inlinedVolatility(create, functions) ?? volatility(create.options) ?? 'volatile');
        return;
    }
    const alter = nodeAs(node, 'AlterFunctionStmt');
    const changed = volatility(alter?.actions);
    if (alter && changed) {
        set(stringList(alter.func?.objname), changed);
        return;
    }
    const drop = nodeAs(node, 'DropStmt');
    if (drop?.removeType === 'OBJECT_FUNCTION') {
        for (const o of drop.objects ?? []) {
            const names = stringList(nodeAs(o, 'ObjectWithArgs')?.objname);
            functions.delete(names.join('.'));
            functions.delete(names[names.length - 1] ?? '');
        }
    }
}
