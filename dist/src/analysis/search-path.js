import { nodeAs, stringList } from '../sql/ast.js';
const pathOf = new WeakMap();
const following = new WeakMap();
/** Names whose schema the file did not write (qualified here), and DROP name lists likewise. */
const qualifiedHere = new WeakSet();
/** True when the schema of this RangeVar (or DROP name list) came from search_path, not from the file. */
export function schemaFromSearchPath(name) {
    return qualifiedHere.has(name);
}
export function recordSearchPaths(statements, initialPath = ['public']) {
    let path = initialPath.length > 0 ? [...initialPath] : ['public'];
    const sessionPath = path;
    let localPath;
    let temporary = new Set();
    statements.forEach((statement, i) => {
        if (i > 0)
            following.set(statements[i - 1], statement);
        const next = searchPathSetBy(statement);
        if (next) {
            // RESET returns to the connection's own path (its startup options), which is `sessionPath`
            if (next.local)
                localPath = next.path ?? sessionPath;
            else {
                path = next.path ?? sessionPath;
                localPath = undefined;
            }
            return;
        }
        if (isTransactionEnd(statement))
            localPath = undefined;
        const current = localPath ?? path;
        if (!(current.length === 0 || (current.length === 1 && current[0] === 'public'))) {
            pathOf.set(statement, { path: current, temporary });
        }
        const temp = temporaryCreated(statement.node);
        if (temp)
            temporary = new Set([...temporary, temp]);
    });
}
/** Qualifies the names of the statement after `replayed`, if a search_path applies to it. */
export function resolveNamesAfter(replayed, knows) {
    const statement = following.get(replayed);
    if (statement)
        resolveNames(statement, knows);
}
/**
 * Qualifies the statement's names, if a search_path applies to it and they were not resolved yet: for
 * the first statement of a file under a connection's path, which follows no statement of its file.
 */
export function resolveNames(statement, knows) {
    const pending = pathOf.get(statement);
    if (!pending)
        return;
    pathOf.delete(statement); // once: a second replay of the same statements must not re-resolve
    const { path, temporary } = pending;
    const ctes = cteNames(statement.node);
    const created = creationTarget(statement.node);
    const resolve = (name) => path.find((schema) => knows(`${schema}.${name}`)) ?? path[0];
    visitRangeVars(statement.node, (rv) => {
        if (rv.schemaname || !rv.relname || rv.relpersistence === 't')
            return;
        if (temporary.has(rv.relname) || ctes.has(rv.relname) || isSystemName(rv.relname))
            return;
        const schema = rv === created ? path[0] : resolve(rv.relname);
        // public is what an unqualified name already means to the model: keep the name as written
        if (schema !== 'public') {
            rv.schemaname = schema;
            qualifiedHere.add(rv);
        }
    });
    qualifyDropObjects(statement.node, temporary, resolve);
}
/** The schemas a SET/RESET search_path or `set_config('search_path', …)` makes current. */
function searchPathSetBy(statement) {
    const set = nodeAs(statement.node, 'VariableSetStmt');
    if (set?.name === 'search_path') {
        if (set.kind === 'VAR_RESET' || set.kind === 'VAR_SET_DEFAULT')
            return { path: undefined, local: !!set.is_local };
        const names = (set.args ?? []).map((a) => nodeAs(a, 'A_Const')?.sval?.sval ?? stringList([a]).join(''));
        return { path: schemasOf(names), local: !!set.is_local };
    }
    const select = nodeAs(statement.node, 'SelectStmt');
    for (const target of select?.targetList ?? []) {
        const call = nodeAs(nodeAs(target, 'ResTarget')?.val, 'FuncCall');
        if (!call || stringList(call.funcname).pop() !== 'set_config')
            continue;
        const [setting, value, local] = (call.args ?? []).map((a) => nodeAs(a, 'A_Const'));
        if (setting?.sval?.sval !== 'search_path' || value?.sval?.sval === undefined)
            continue;
        return { path: schemasOf(value.sval.sval.split(',')), local: local?.boolval?.boolval === true };
    }
    return undefined;
}
/** `"$user", public` → [public]; a quoted name keeps its case, an unquoted one folds. */
function schemasOf(items) {
    const out = [];
    for (const raw of items) {
        const item = raw.trim();
        if (item === '')
            continue;
        const name = item.startsWith('"') && item.endsWith('"') ? item.slice(1, -1) : item.toLowerCase();
        // $user names a schema that rarely exists; pg_catalog and pg_temp are searched implicitly
        if (name === '$user' || name === 'pg_catalog' || name === 'pg_temp')
            continue;
        out.push(name);
    }
    return out;
}
function isTransactionEnd(statement) {
    const t = nodeAs(statement.node, 'TransactionStmt');
    return t !== undefined && t.kind !== 'TRANS_STMT_BEGIN' && t.kind !== 'TRANS_STMT_START' && t.kind !== 'TRANS_STMT_SAVEPOINT';
}
function isSystemName(name) {
    return name.startsWith('pg_') || name === 'information_schema';
}
function visitRangeVars(node, visit) {
    if (Array.isArray(node)) {
        for (const item of node)
            visitRangeVars(item, visit);
        return;
    }
    if (!node || typeof node !== 'object')
        return;
    // Fields such as CreateStmt.relation hold a bare RangeVar; lists hold `{ RangeVar: … }`.
    const rv = nodeAs(node, 'RangeVar') ?? (isBareRangeVar(node) ? node : undefined);
    if (rv) {
        visit(rv);
        return;
    }
    // Bodies of CREATE FUNCTION run later, under their own search_path: leave them alone.
    if (nodeAs(node, 'CreateFunctionStmt'))
        return;
    for (const value of Object.values(node))
        visitRangeVars(value, visit);
}
function isBareRangeVar(node) {
    return typeof node.relname === 'string' && 'relpersistence' in node;
}
function cteNames(node) {
    const names = new Set();
    const visit = (value) => {
        if (Array.isArray(value))
            return value.forEach(visit);
        if (!value || typeof value !== 'object')
            return;
        const cte = nodeAs(value, 'CommonTableExpr');
        if (cte?.ctename)
            names.add(cte.ctename);
        Object.values(value).forEach(visit);
    };
    visit(node);
    return names;
}
/** The relation a statement creates (it goes to the first schema of the path, existing or not). */
function creationTarget(node) {
    return (nodeAs(node, 'CreateStmt')?.relation ??
        nodeAs(node, 'CreateTableAsStmt')?.into?.rel ??
        nodeAs(node, 'ViewStmt')?.view ??
        nodeAs(node, 'CreateSeqStmt')?.sequence);
}
function temporaryCreated(node) {
    const target = nodeAs(node, 'CreateStmt')?.relation ?? nodeAs(node, 'CreateTableAsStmt')?.into?.rel;
    return target?.relname && target.relpersistence === 't' && !target.schemaname ? target.relname : undefined;
}
const QUALIFIABLE_DROPS = new Set(['OBJECT_TABLE', 'OBJECT_INDEX', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_SEQUENCE']);
/** DROP TABLE/INDEX/VIEW name lists are bare strings, not RangeVars. */
function qualifyDropObjects(node, temporary, resolve) {
    const drop = nodeAs(node, 'DropStmt');
    if (!drop || !QUALIFIABLE_DROPS.has(drop.removeType ?? ''))
        return;
    for (const object of drop.objects ?? []) {
        const list = nodeAs(object, 'List');
        if (!list?.items || list.items.length !== 1)
            continue;
        const name = stringList(list.items)[0];
        if (!name || temporary.has(name) || isSystemName(name))
            continue;
        const schema = resolve(name);
        if (schema !== 'public') {
            list.items.unshift({ String: { sval: schema } });
            qualifiedHere.add(list);
        }
    }
}
