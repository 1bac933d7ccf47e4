import { parsePlPgSQLSync, parseSync } from 'libpg-query';
import { makeStatement } from './parser.js';
import { parseDirective } from './directives.js';
import { SourceFile } from './source.js';
import { nodeAs } from './ast.js';
/**
 * Statements that a DO block executes when the migration runs, parsed from its PL/pgSQL body and
 * positioned inside the file. Static SQL, and EXECUTE of a string built from constants only (a literal,
 * `||` of literals, format() with literal arguments): a string built from variables cannot be known.
 * CREATE FUNCTION bodies are not DO blocks (they run later, not during the migration). A body that
 * PostgreSQL would reject yields no statements.
 */
export function doBlockStatements(parsed, statement) {
    const read = readDoBlock(parsed, statement);
    if (!read)
        return [];
    const { body, queries } = read;
    const file = parsed.file;
    const out = [];
    let cursor = 0;
    for (const query of queries) {
        const at = locate(body.text, query.text, cursor);
        if (at === undefined)
            continue;
        const directives = bodyDirectives(body, cursor, at);
        cursor = at + query.text.length;
        if (query.opaque)
            continue;
        const fileIndex = (queryIndex) => body.fileIndex(at + queryIndex);
        if (query.sql === undefined) {
            const node = parseOne(query.text);
            if (!node)
                continue;
            const queryFile = new SourceFile('', query.text);
            const end = query.text.trimEnd().length;
            out.push(makeStatement(file, node, fileIndex(0), fileIndex(end), 0, (loc) => fileIndex(queryFile.indexOfByte(loc)), directives, statement));
            continue;
        }
        // EXECUTE of a constant: a plain literal maps character by character, anything built maps to the expression
        const sqlFile = new SourceFile('', query.sql);
        const verbatim = query.text === `'${query.sql}'` && !query.sql.includes("'");
        const position = (sqlIndex) => (verbatim ? fileIndex(1 + sqlIndex) : fileIndex(0));
        for (const raw of parseAll(query.sql)) {
            const node = raw.stmt;
            const startByte = raw.stmt_location ?? 0;
            const endByte = raw.stmt_len ? startByte + raw.stmt_len : Buffer.byteLength(query.sql, 'utf8');
            let first = sqlFile.indexOfByte(startByte);
            while (/\s/.test(query.sql[first] ?? ''))
                first++; // a statement's location starts at the blank after the previous ';'
            const start = position(first);
            const end = verbatim ? position(sqlFile.indexOfByte(endByte)) : fileIndex(query.text.length);
            out.push(makeStatement(file, node, start, end, 0, (loc) => position(sqlFile.indexOfByte(loc)), directives, statement));
        }
    }
    return out;
}
/** A PL/pgSQL DO block's body and the statements it runs, read once per statement. */
const doBlocks = new WeakMap();
function readDoBlock(parsed, statement) {
    const cached = doBlocks.get(statement);
    if (cached !== undefined)
        return cached ?? undefined;
    let read = null;
    const block = nodeAs(statement.node, 'DoStmt');
    let language = 'plpgsql';
    let bodyLocation;
    for (const arg of block?.args ?? []) {
        const def = nodeAs(arg, 'DefElem');
        if (def?.defname === 'language')
            language = (nodeAs(def.arg, 'String')?.sval ?? '').toLowerCase();
        if (def?.defname === 'as')
            bodyLocation = def.location;
    }
    if (block && language === 'plpgsql' && bodyLocation !== undefined) {
        const body = bodyText(parsed.file.text, statement.sourceOfLocation(statement.locationBase + bodyLocation));
        if (body)
            read = { body, queries: executedQueries(body.text) };
    }
    doBlocks.set(statement, read);
    return read ?? undefined;
}
/**
 * The EXECUTEs of a DO block (and FOR … IN EXECUTE loops) whose SQL is built while the block runs, from
 * variables or queries: what they change cannot be known before they run. `start` and `end` are file
 * indexes of the expression.
 */
export function opaqueExecutes(parsed, statement) {
    const read = readDoBlock(parsed, statement);
    if (!read)
        return [];
    const out = [];
    let cursor = 0;
    for (const query of read.queries) {
        const at = locate(read.body.text, query.text, cursor);
        if (at === undefined)
            continue;
        cursor = at + query.text.length;
        if (query.opaque)
            out.push({ text: query.text.trim(), start: read.body.fileIndex(at), end: read.body.fileIndex(cursor) });
    }
    return out;
}
/**
 * Directive comments in the body between `from` and `to` (before one of its statements): the file's lexer
 * sees the body as one string, so a `-- pgwarden-ignore` written above a statement inside it is read here.
 */
function bodyDirectives(body, from, to) {
    const out = [];
    for (const m of body.text.slice(from, to).matchAll(/--[^\n]*|\/\*[\s\S]*?\*\//g)) {
        const text = m[0].replace(/\r$/, '');
        const directive = parseDirective(text);
        const start = from + m.index;
        if (directive)
            out.push({ directive, comment: { text, start: body.fileIndex(start), end: body.fileIndex(start + text.length) } });
    }
    return out;
}
/** The string literal at `index` of the file: a dollar-quoted body is verbatim; '…' doubles its quotes. */
function bodyText(text, index) {
    const dollar = /^\$([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/.exec(text.slice(index, index + 200));
    if (dollar) {
        const start = index + dollar[0].length;
        const close = text.indexOf(dollar[0], start);
        if (close === -1)
            return undefined;
        return { text: text.slice(start, close), fileIndex: (i) => start + i };
    }
    if (text[index] !== "'")
        return undefined; // E'…' and U&'…' bodies are too rare to map escape by escape
    const map = [];
    let out = '';
    for (let i = index + 1; i < text.length; i++) {
        if (text[i] === "'") {
            if (text[i + 1] !== "'") {
                map.push(i);
                return { text: out, fileIndex: (b) => map[Math.min(b, map.length - 1)] };
            }
            map.push(i);
            out += "'";
            i++;
            continue;
        }
        map.push(i);
        out += text[i];
    }
    return undefined;
}
/** Each statement the body runs, in source order. */
function executedQueries(body) {
    let tree;
    try {
        // A DO body is parsed as the function PL/pgSQL compiles for it; a unique tag keeps $$ in it intact.
        tree = parsePlPgSQLSync(`DO $pgwarden_body$${body}$pgwarden_body$`);
    }
    catch {
        return [];
    }
    const funcs = (tree?.plpgsql_funcs ?? []);
    const out = [];
    for (const f of funcs)
        visitStatement((f.PLpgSQL_function?.action ?? {}), out);
    return out;
}
function list(value) {
    return Array.isArray(value) ? value : [];
}
function exprQuery(value) {
    const q = value?.PLpgSQL_expr?.query;
    return typeof q === 'string' ? q : undefined;
}
/** Walks one PL/pgSQL statement node (`{ PLpgSQL_stmt_x: {...} }`) collecting static SQL in order. */
function visitStatement(node, out) {
    const [kind] = Object.keys(node);
    const s = (node[kind] ?? {});
    const visitAll = (v) => list(v).forEach((n) => visitStatement(n, out));
    switch (kind) {
        case 'PLpgSQL_stmt_execsql': {
            const q = exprQuery(s.sqlstmt);
            if (q)
                out.push({ text: q });
            return;
        }
        case 'PLpgSQL_stmt_dynexecute': {
            const q = exprQuery(s.query);
            const sql = q === undefined ? undefined : constantText(q);
            if (q && sql !== undefined)
                out.push({ text: q, sql });
            else if (q)
                out.push({ text: q, opaque: true });
            return;
        }
        case 'PLpgSQL_stmt_block':
            visitAll(s.body);
            for (const handler of list(s.exceptions?.PLpgSQL_exception_block?.exc_list)) {
                visitAll(handler.PLpgSQL_exception?.action);
            }
            return;
        case 'PLpgSQL_stmt_if':
            visitAll(s.then_body);
            for (const e of list(s.elsif_list))
                visitAll(e.PLpgSQL_if_elsif?.stmts);
            visitAll(s.else_body);
            return;
        case 'PLpgSQL_stmt_case':
            for (const w of list(s.case_when_list))
                visitAll(w.PLpgSQL_case_when?.stmts);
            visitAll(s.else_stmts);
            return;
        case 'PLpgSQL_stmt_fors': {
            // FOR r IN <query> LOOP: the query comes first in the text
            const q = exprQuery(s.query);
            if (q)
                out.push({ text: q });
            visitAll(s.body);
            return;
        }
        case 'PLpgSQL_stmt_dynfors': {
            // FOR r IN EXECUTE <expression> LOOP: the query is built at run time
            const q = exprQuery(s.query);
            if (q && constantText(q) === undefined)
                out.push({ text: q, opaque: true });
            visitAll(s.body);
            return;
        }
        case 'PLpgSQL_stmt_loop':
        case 'PLpgSQL_stmt_while':
        case 'PLpgSQL_stmt_fori':
        case 'PLpgSQL_stmt_forc':
        case 'PLpgSQL_stmt_foreach_a':
            visitAll(s.body);
            return;
        default:
            // EXECUTE of a variable, PERFORM, RAISE, assignments: nothing known to lint as a statement
            return;
    }
}
/**
 * Where `query` starts in `body` at or after `from`. PL/pgSQL keeps the statement's text verbatim,
 * except that `INTO target` is blanked out with spaces, so a blank in the query may stand for anything.
 */
function locate(body, query, from) {
    const exact = body.indexOf(query, from);
    if (exact !== -1)
        return exact;
    const head = /^\S+/.exec(query)?.[0];
    if (!head)
        return undefined;
    for (let at = body.indexOf(head, from); at !== -1; at = body.indexOf(head, at + 1)) {
        let ok = at + query.length <= body.length;
        for (let i = 0; ok && i < query.length; i++) {
            if (query[i] !== body[at + i] && !/\s/.test(query[i]))
                ok = false;
        }
        if (ok)
            return at;
    }
    return undefined;
}
/** The string a PL/pgSQL expression of constants evaluates to, or undefined when it depends on anything else. */
function constantText(expression) {
    const [select] = parseAll(`SELECT ${expression}`);
    const target = nodeAs(nodeAs(select?.stmt, 'SelectStmt')?.targetList?.[0], 'ResTarget');
    return evaluate(target?.val);
}
function evaluate(node) {
    const constant = nodeAs(node, 'A_Const');
    if (constant)
        return constant.sval?.sval;
    const cast = nodeAs(node, 'TypeCast');
    if (cast)
        return evaluate(cast.arg);
    const op = nodeAs(node, 'A_Expr');
    if (op?.kind === 'AEXPR_OP' && (op.name ?? []).length === 1 && nodeAs(op.name?.[0], 'String')?.sval === '||') {
        const [left, right] = [evaluate(op.lexpr), evaluate(op.rexpr)];
        return left === undefined || right === undefined ? undefined : left + right;
    }
    const call = nodeAs(node, 'FuncCall');
    const name = (call?.funcname ?? []).map((n) => nodeAs(n, 'String')?.sval).join('.');
    if (call && (name === 'format' || name === 'pg_catalog.format')) {
        const args = (call.args ?? []).map((a) => evaluate(a));
        if (args.some((a) => a === undefined))
            return undefined;
        return format(args);
    }
    return undefined;
}
/** PostgreSQL's format() for %s, %I, %L and %% (positional and width forms are left unknown). */
function format([pattern, ...args]) {
    if (pattern === undefined)
        return undefined;
    let next = 0;
    let failed = false;
    const text = pattern.replace(/%(.)/g, (_, spec) => {
        if (spec === '%')
            return '%';
        const arg = args[next++];
        if (arg === undefined || !'sIL'.includes(spec))
            failed = true;
        if (failed)
            return '';
        if (spec === 'I')
            return /^[a-z_][a-z0-9_$]*$/.test(arg) ? arg : `"${arg.replace(/"/g, '""')}"`;
        return spec === 'L' ? `'${arg.replace(/'/g, "''")}'` : arg;
    });
    return failed ? undefined : text;
}
function parseAll(query) {
    try {
        return (parseSync(query).stmts ?? []);
    }
    catch {
        return [];
    }
}
function parseOne(query) {
    try {
        return (parseSync(query).stmts ?? [])[0]?.stmt;
    }
    catch {
        return undefined;
    }
}
