import { parsePlPgSQLSync, parseSync } from 'libpg-query';
import type { Node } from '@pgsql/types';
import { makeStatement, type ParsedFile, type Statement } from './parser.js';
import { SourceFile } from './source.js';
import { nodeAs } from './ast.js';

/**
 * Statements that a DO block executes when the migration runs, parsed from its PL/pgSQL body and
 * positioned inside the file. Static SQL only: EXECUTE of a dynamic string cannot be known, and
 * CREATE FUNCTION bodies are not DO blocks (they run later, not during the migration). A body that
 * PostgreSQL would reject yields no statements.
 */
export function doBlockStatements(parsed: ParsedFile, statement: Statement): Statement[] {
  const block = nodeAs(statement.node, 'DoStmt');
  if (!block) return [];
  let language = 'plpgsql';
  let bodyLocation: number | undefined;
  for (const arg of block.args ?? []) {
    const def = nodeAs(arg, 'DefElem');
    if (def?.defname === 'language') language = (nodeAs(def.arg, 'String')?.sval ?? '').toLowerCase();
    if (def?.defname === 'as') bodyLocation = def.location;
  }
  if (language !== 'plpgsql' || bodyLocation === undefined) return [];

  const file = parsed.file;
  const body = bodyText(file.text, statement.sourceOfLocation(statement.locationBase + bodyLocation));
  if (!body) return [];

  const queries = executedQueries(body.text);
  const out: Statement[] = [];
  let cursor = 0;
  for (const query of queries) {
    const at = locate(body.text, query, cursor);
    if (at === undefined) continue;
    cursor = at + query.length;
    const node = parseOne(query);
    if (!node) continue;
    const queryFile = new SourceFile('', query);
    const fileIndex = (queryIndex: number): number => body.fileIndex(at + queryIndex);
    const end = query.trimEnd().length;
    out.push(
      makeStatement(file, node, fileIndex(0), fileIndex(end), 0, (loc) => fileIndex(queryFile.indexOfByte(loc)), [], statement),
    );
  }
  return out;
}

interface Body {
  /** The body as PL/pgSQL sees it (quotes of a '…' literal unescaped). */
  text: string;
  /** File index of a body index (the body's length maps to its closing delimiter). */
  fileIndex(bodyIndex: number): number;
}

/** The string literal at `index` of the file: a dollar-quoted body is verbatim; '…' doubles its quotes. */
function bodyText(text: string, index: number): Body | undefined {
  const dollar = /^\$([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/.exec(text.slice(index, index + 200));
  if (dollar) {
    const start = index + dollar[0].length;
    const close = text.indexOf(dollar[0], start);
    if (close === -1) return undefined;
    return { text: text.slice(start, close), fileIndex: (i) => start + i };
  }
  if (text[index] !== "'") return undefined; // E'…' and U&'…' bodies are too rare to map escape by escape
  const map: number[] = [];
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

type Json = Record<string, unknown>;

/** The SQL text of each statement the body runs, in source order. */
function executedQueries(body: string): string[] {
  let tree: unknown;
  try {
    // A DO body is parsed as the function PL/pgSQL compiles for it; a unique tag keeps $$ in it intact.
    tree = parsePlPgSQLSync(`DO $pgwarden_body$${body}$pgwarden_body$`);
  } catch {
    return [];
  }
  const funcs = ((tree as Json)?.plpgsql_funcs ?? []) as Json[];
  const out: string[] = [];
  for (const f of funcs) visitStatement(((f.PLpgSQL_function as Json | undefined)?.action ?? {}) as Json, out);
  return out;
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? (value as Json[]) : [];
}

function exprQuery(value: unknown): string | undefined {
  const q = ((value as Json | undefined)?.PLpgSQL_expr as Json | undefined)?.query;
  return typeof q === 'string' ? q : undefined;
}

/** Walks one PL/pgSQL statement node (`{ PLpgSQL_stmt_x: {...} }`) collecting static SQL in order. */
function visitStatement(node: Json, out: string[]): void {
  const [kind] = Object.keys(node);
  const s = (node[kind] ?? {}) as Json;
  const visitAll = (v: unknown): void => list(v).forEach((n) => visitStatement(n, out));
  switch (kind) {
    case 'PLpgSQL_stmt_execsql': {
      const q = exprQuery(s.sqlstmt);
      if (q) out.push(q);
      return;
    }
    case 'PLpgSQL_stmt_block':
      visitAll(s.body);
      for (const handler of list(((s.exceptions as Json | undefined)?.PLpgSQL_exception_block as Json | undefined)?.exc_list)) {
        visitAll((handler.PLpgSQL_exception as Json | undefined)?.action);
      }
      return;
    case 'PLpgSQL_stmt_if':
      visitAll(s.then_body);
      for (const e of list(s.elsif_list)) visitAll((e.PLpgSQL_if_elsif as Json | undefined)?.stmts);
      visitAll(s.else_body);
      return;
    case 'PLpgSQL_stmt_case':
      for (const w of list(s.case_when_list)) visitAll((w.PLpgSQL_case_when as Json | undefined)?.stmts);
      visitAll(s.else_stmts);
      return;
    case 'PLpgSQL_stmt_fors': {
      // FOR r IN <query> LOOP: the query comes first in the text
      const q = exprQuery(s.query);
      if (q) out.push(q);
      visitAll(s.body);
      return;
    }
    case 'PLpgSQL_stmt_loop':
    case 'PLpgSQL_stmt_while':
    case 'PLpgSQL_stmt_fori':
    case 'PLpgSQL_stmt_forc':
    case 'PLpgSQL_stmt_foreach_a':
    case 'PLpgSQL_stmt_dynfors':
      visitAll(s.body);
      return;
    default:
      // EXECUTE, PERFORM, RAISE, assignments: nothing static to lint as a statement
      return;
  }
}

/**
 * Where `query` starts in `body` at or after `from`. PL/pgSQL keeps the statement's text verbatim,
 * except that `INTO target` is blanked out with spaces, so a blank in the query may stand for anything.
 */
function locate(body: string, query: string, from: number): number | undefined {
  const exact = body.indexOf(query, from);
  if (exact !== -1) return exact;
  const head = /^\S+/.exec(query)?.[0];
  if (!head) return undefined;
  for (let at = body.indexOf(head, from); at !== -1; at = body.indexOf(head, at + 1)) {
    let ok = at + query.length <= body.length;
    for (let i = 0; ok && i < query.length; i++) {
      if (query[i] !== body[at + i] && !/\s/.test(query[i])) ok = false;
    }
    if (ok) return at;
  }
  return undefined;
}

function parseOne(query: string): Node | undefined {
  try {
    return (parseSync(query).stmts ?? [])[0]?.stmt as Node | undefined;
  } catch {
    return undefined;
  }
}
