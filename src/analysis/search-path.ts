import type { Node } from '@pgsql/types';
import type { Statement } from '../sql/parser.js';
import { nodeAs, stringList } from '../sql/ast.js';

/**
 * Unqualified relation names after `SET search_path TO billing` mean `billing.…`. The model and the rules
 * key relations by `schema.name` and read unqualified names as public, so such names are qualified in the
 * AST, in place, the way PostgreSQL resolves them: a created relation lands in the first schema of the
 * path; a referenced one is the first `schema.name` along the path that the replayed model knows, else
 * the first schema. Without it, a table created as `refunds` under that path and indexed as
 * `billing.refunds` looked like two tables, and the new one like an existing one.
 *
 * Two steps, because resolving needs the model as it stands just before the statement:
 * `recordSearchPaths` (once per file, before linting it) notes the path in force at each statement, and
 * the model calls `resolveNamesAfter` each time it has replayed a statement, for the one that follows.
 * The path starts at PostgreSQL's default (`"$user", public`, i.e. public) in every file, or at the path
 * the runner sets on its connection (a schema-per-tenant target: `tenant_007, public`); the first statement
 * of a file under such a path is resolved by `resolveNames` before anything reads it. Temporary tables,
 * CTE names and system catalogs are left alone.
 */
interface PendingPath {
  path: string[];
  /** Names of temporary tables the file created before the statement (they live in pg_temp). */
  temporary: ReadonlySet<string>;
}

const pathOf = new WeakMap<Statement, PendingPath>();
const following = new WeakMap<Statement, Statement>();
/** Names whose schema the file did not write (qualified here), and DROP name lists likewise. */
const qualifiedHere = new WeakSet<object>();

/** True when the schema of this RangeVar (or DROP name list) came from search_path, not from the file. */
export function schemaFromSearchPath(name: object): boolean {
  return qualifiedHere.has(name);
}

export function recordSearchPaths(statements: readonly Statement[], initialPath: readonly string[] = ['public']): void {
  let path: string[] = initialPath.length > 0 ? [...initialPath] : ['public'];
  const sessionPath = path;
  let localPath: string[] | undefined;
  let temporary = new Set<string>();
  statements.forEach((statement, i) => {
    if (i > 0) following.set(statements[i - 1], statement);
    const next = searchPathSetBy(statement);
    if (next) {
      // RESET returns to the connection's own path (its startup options), which is `sessionPath`
      if (next.local) localPath = next.path ?? sessionPath;
      else {
        path = next.path ?? sessionPath;
        localPath = undefined;
      }
      return;
    }
    if (isTransactionEnd(statement)) localPath = undefined;
    const current = localPath ?? path;
    if (!(current.length === 0 || (current.length === 1 && current[0] === 'public'))) {
      pathOf.set(statement, { path: current, temporary });
    }
    const temp = temporaryCreated(statement.node);
    if (temp) temporary = new Set([...temporary, temp]);
  });
}

/** Qualifies the names of the statement after `replayed`, if a search_path applies to it. */
export function resolveNamesAfter(replayed: Statement, knows: (key: string) => boolean): void {
  const statement = following.get(replayed);
  if (statement) resolveNames(statement, knows);
}

/**
 * Qualifies the statement's names, if a search_path applies to it and they were not resolved yet: for
 * the first statement of a file under a connection's path, which follows no statement of its file.
 */
export function resolveNames(statement: Statement, knows: (key: string) => boolean): void {
  const pending = pathOf.get(statement);
  if (!pending) return;
  pathOf.delete(statement); // once: a second replay of the same statements must not re-resolve
  const { path, temporary } = pending;
  const ctes = cteNames(statement.node);
  const created = creationTarget(statement.node);
  const resolve = (name: string): string => path.find((schema) => knows(`${schema}.${name}`)) ?? path[0];
  visitRangeVars(statement.node, (rv) => {
    if (rv.schemaname || !rv.relname || rv.relpersistence === 't') return;
    if (temporary.has(rv.relname) || ctes.has(rv.relname) || isSystemName(rv.relname)) return;
    const schema = rv === created ? path[0] : resolve(rv.relname);
    // public is what an unqualified name already means to the model: keep the name as written
    if (schema !== 'public') {
      rv.schemaname = schema;
      qualifiedHere.add(rv);
    }
  });
  qualifyDropObjects(statement.node, temporary, resolve);
}

interface PathChange {
  /** undefined: RESET / SET … TO DEFAULT. */
  path: string[] | undefined;
  local: boolean;
}

/** The schemas a SET/RESET search_path or `set_config('search_path', …)` makes current. */
function searchPathSetBy(statement: Statement): PathChange | undefined {
  const set = nodeAs(statement.node, 'VariableSetStmt');
  if (set?.name === 'search_path') {
    if (set.kind === 'VAR_RESET' || set.kind === 'VAR_SET_DEFAULT') return { path: undefined, local: !!set.is_local };
    const names = (set.args ?? []).map((a) => nodeAs(a, 'A_Const')?.sval?.sval ?? stringList([a]).join(''));
    return { path: schemasOf(names), local: !!set.is_local };
  }
  const select = nodeAs(statement.node, 'SelectStmt');
  for (const target of select?.targetList ?? []) {
    const call = nodeAs(nodeAs(target, 'ResTarget')?.val, 'FuncCall');
    if (!call || stringList(call.funcname).pop() !== 'set_config') continue;
    const [setting, value, local] = (call.args ?? []).map((a) => nodeAs(a, 'A_Const'));
    if (setting?.sval?.sval !== 'search_path' || value?.sval?.sval === undefined) continue;
    return { path: schemasOf(value.sval.sval.split(',')), local: local?.boolval?.boolval === true };
  }
  return undefined;
}

/** `"$user", public` → [public]; a quoted name keeps its case, an unquoted one folds. */
function schemasOf(items: string[]): string[] {
  const out: string[] = [];
  for (const raw of items) {
    const item = raw.trim();
    if (item === '') continue;
    const name = item.startsWith('"') && item.endsWith('"') ? item.slice(1, -1) : item.toLowerCase();
    // $user names a schema that rarely exists; pg_catalog and pg_temp are searched implicitly
    if (name === '$user' || name === 'pg_catalog' || name === 'pg_temp') continue;
    out.push(name);
  }
  return out;
}

function isTransactionEnd(statement: Statement): boolean {
  const t = nodeAs(statement.node, 'TransactionStmt');
  return t !== undefined && t.kind !== 'TRANS_STMT_BEGIN' && t.kind !== 'TRANS_STMT_START' && t.kind !== 'TRANS_STMT_SAVEPOINT';
}

function isSystemName(name: string): boolean {
  return name.startsWith('pg_') || name === 'information_schema';
}

type RangeVarNode = NonNullable<ReturnType<typeof nodeAs<'RangeVar'>>>;

function visitRangeVars(node: unknown, visit: (rv: RangeVarNode) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visitRangeVars(item, visit);
    return;
  }
  if (!node || typeof node !== 'object') return;
  // Fields such as CreateStmt.relation hold a bare RangeVar; lists hold `{ RangeVar: … }`.
  const rv = nodeAs(node as Node, 'RangeVar') ?? (isBareRangeVar(node) ? (node as RangeVarNode) : undefined);
  if (rv) {
    visit(rv);
    return;
  }
  // Bodies of CREATE FUNCTION run later, under their own search_path: leave them alone.
  if (nodeAs(node as Node, 'CreateFunctionStmt')) return;
  for (const value of Object.values(node)) visitRangeVars(value, visit);
}

function isBareRangeVar(node: object): boolean {
  return typeof (node as { relname?: unknown }).relname === 'string' && 'relpersistence' in node;
}

function cteNames(node: unknown): Set<string> {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const cte = nodeAs(value as Node, 'CommonTableExpr');
    if (cte?.ctename) names.add(cte.ctename);
    Object.values(value).forEach(visit);
  };
  visit(node);
  return names;
}

/** The relation a statement creates (it goes to the first schema of the path, existing or not). */
function creationTarget(node: Node): RangeVarNode | undefined {
  return (
    nodeAs(node, 'CreateStmt')?.relation ??
    nodeAs(node, 'CreateTableAsStmt')?.into?.rel ??
    nodeAs(node, 'ViewStmt')?.view ??
    nodeAs(node, 'CreateSeqStmt')?.sequence
  );
}

function temporaryCreated(node: Node): string | undefined {
  const target = nodeAs(node, 'CreateStmt')?.relation ?? nodeAs(node, 'CreateTableAsStmt')?.into?.rel;
  return target?.relname && target.relpersistence === 't' && !target.schemaname ? target.relname : undefined;
}

const QUALIFIABLE_DROPS = new Set(['OBJECT_TABLE', 'OBJECT_INDEX', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_SEQUENCE']);

/** DROP TABLE/INDEX/VIEW name lists are bare strings, not RangeVars. */
function qualifyDropObjects(node: Node, temporary: ReadonlySet<string>, resolve: (name: string) => string): void {
  const drop = nodeAs(node, 'DropStmt');
  if (!drop || !QUALIFIABLE_DROPS.has(drop.removeType ?? '')) return;
  for (const object of drop.objects ?? []) {
    const list = nodeAs(object, 'List');
    if (!list?.items || list.items.length !== 1) continue;
    const name = stringList(list.items)[0];
    if (!name || temporary.has(name) || isSystemName(name)) continue;
    const schema = resolve(name);
    if (schema !== 'public') {
      list.items.unshift({ String: { sval: schema } } as Node);
      qualifiedHere.add(list);
    }
  }
}
