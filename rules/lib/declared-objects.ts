import type { Node } from '@pgsql/types';
import type { RuleContext } from '../../src/lint/types.js';
import { parseSource, type Statement } from '../../src/sql/parser.js';
import { SourceFile } from '../../src/sql/source.js';
import { tableKey } from '../../src/analysis/schema.js';
import { expressionVolatility, type Volatility } from '../../src/analysis/volatility.js';
import { nodeAs, stringList } from '../../src/sql/ast.js';
import { qualifiedName } from './locking.js';

// Domains and functions the history declared (the schema model keeps neither). Adding a column whose
// type is a constrained domain makes PostgreSQL check every existing row by rewriting the table; a
// default calling a function of the history is as volatile as its declaration says.

export interface DeclaredObjects {
  /** Domain key (`public.email`) → names of its CHECK / NOT NULL constraints. */
  domains: Map<string, Set<string>>;
  /** Function name, bare and qualified (`default_tenant`, `app.default_tenant`) → declared volatility. */
  functions: Map<string, Volatility>;
}

const declaredStates = new WeakMap<object, { upTo: Statement | undefined; objects: DeclaredObjects }>();

/**
 * The domains and functions declared by the statements of this lint run up to the current one. Call it
 * for every statement (the engine calls rules in order, across files, with one SchemaModel), so the
 * state folds one statement per call.
 */
export function declaredObjects(ctx: RuleContext): DeclaredObjects {
  let state = declaredStates.get(ctx.schema);
  if (!state) declaredStates.set(ctx.schema, (state = { upTo: undefined, objects: { domains: new Map(), functions: new Map() } }));
  if (state.upTo !== ctx.statement) {
    foldDomain(state.objects.domains, ctx.statement.node);
    foldFunction(state.objects.functions, ctx.statement.node);
    state.upTo = ctx.statement;
  }
  return state.objects;
}

function foldDomain(domains: Map<string, Set<string>>, node: Node): void {
  const create = nodeAs(node, 'CreateDomainStmt');
  if (create) {
    const names = (create.constraints ?? []).map((n) => nodeAs(n, 'Constraint')).flatMap((c, i) =>
      c?.contype === 'CONSTR_CHECK' ? [c.conname ?? `#check${i}`] : c?.contype === 'CONSTR_NOTNULL' ? ['#notnull'] : [],
    );
    domains.set(tableKey(qualifiedName(create.domainname)), new Set(names));
    return;
  }
  const alter = nodeAs(node, 'AlterDomainStmt');
  if (alter) {
    const key = tableKey(qualifiedName(alter.typeName));
    const set = domains.get(key) ?? new Set<string>();
    const c = nodeAs(alter.def, 'Constraint');
    if (alter.subtype === 'C' && c?.contype === 'CONSTR_CHECK') set.add(c.conname ?? `#check${set.size}`);
    if (alter.subtype === 'O') set.add('#notnull');
    if (alter.subtype === 'N') set.delete('#notnull');
    if (alter.subtype === 'X' && alter.name) set.delete(alter.name);
    domains.set(key, set);
    return;
  }
  const drop = nodeAs(node, 'DropStmt');
  if (drop?.removeType === 'OBJECT_DOMAIN') {
    for (const o of drop.objects ?? []) domains.delete(tableKey(stringList(nodeAs(o, 'TypeName')?.names).join('.')));
  }
}

/**
 * The volatility of a SQL function PostgreSQL inlines into the calling expression (inline_function):
 * LANGUAGE sql, not SECURITY DEFINER, no SET, not SETOF, a body that is one `SELECT expr` or `RETURN expr`.
 */
function inlinedVolatility(create: NonNullable<ReturnType<typeof nodeAs<'CreateFunctionStmt'>>>, functions: Map<string, Volatility>): Volatility | undefined {
  const options = (create.options ?? []).map((o) => nodeAs(o, 'DefElem'));
  const option = (name: string) => options.find((d) => d?.defname === name);
  if (nodeAs(option('language')?.arg, 'String')?.sval !== 'sql' || create.returnType?.setof || option('set')) return undefined;
  if (nodeAs(option('security')?.arg, 'Boolean')?.boolval) return undefined;
  let body = nodeAs(create.sql_body, 'ReturnStmt')?.returnval;
  const as = nodeAs(option('as')?.arg, 'List')?.items ?? [];
  const text = as.length === 1 ? nodeAs(as[0], 'String')?.sval : undefined;
  if (!body && text !== undefined) {
    const parsed = parseSource(new SourceFile('function body', text));
    const select = parsed.statements.length === 1 ? nodeAs(parsed.statements[0].node, 'SelectStmt') : undefined;
    const plain = select && (select.targetList ?? []).length === 1 && !select.fromClause && !select.whereClause && !select.groupClause && !select.havingClause && !select.sortClause && !select.limitCount && (select.op ?? 'SETOP_NONE') === 'SETOP_NONE';
    if (plain && !parsed.syntaxError) body = nodeAs(select.targetList?.[0], 'ResTarget')?.val;
  }
  if (!body) return undefined;
  // a body more volatile than the label is not inlined (the label counts); a less volatile one is
  const declared = volatility(create.options) ?? 'volatile';
  const inlined = expressionVolatility(body, functions).volatility;
  return VOLATILITY_RANK[inlined] < VOLATILITY_RANK[declared] ? inlined : declared;
}

const VOLATILITY_RANK: Record<Volatility, number> = { immutable: 0, stable: 1, unknown: 2, volatile: 3 };

function volatility(options: Node[] | undefined): Volatility | undefined {
  const v = (options ?? []).map((o) => nodeAs(o, 'DefElem')).find((d) => d?.defname === 'volatility');
  return nodeAs(v?.arg, 'String')?.sval as Volatility | undefined;
}

function foldFunction(functions: Map<string, Volatility>, node: Node): void {
  const set = (names: string[], v: Volatility) => {
    functions.set(names[names.length - 1], v);
    if (names.length > 1) functions.set(names.join('.'), v);
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
