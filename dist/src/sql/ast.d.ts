import type { Node, RangeVar, TypeName } from '@pgsql/types';
export type { Node } from '@pgsql/types';
/** The tag of an AST node: `{ DropStmt: {...} }` → `'DropStmt'`. */
export declare function nodeKind(node: Node): string;
/** The payload of a node if it has the given tag. */
export declare function nodeAs<K extends string>(node: Node | undefined, kind: K): NodeOf<K> | undefined;
type NodeUnionMember<K extends string> = Extract<Node, Record<K, unknown>>;
export type NodeOf<K extends string> = NodeUnionMember<K> extends Record<K, infer V> ? V : never;
/** The string values of a list of `String` nodes (qualified names, column lists). */
export declare function stringList(nodes: Node[] | undefined): string[];
/** `schema.table` as written (unquoted identifiers are already folded to lower case by the parser). */
export declare function relationName(rel: RangeVar | undefined): string;
/** The last component of a name, without a `public.` or other schema. */
export declare function unqualified(name: string): string;
/** A readable type name: `int4`, `varchar(255)`, `timestamp`, `numeric(10,2)`, `text[]`. */
export declare function typeNameToString(type: TypeName | undefined): string;
/** Depth-first walk over every object in an AST, calling `visit(kind, payload)` for each tagged node. */
export declare function walk(node: unknown, visit: (kind: string, payload: Record<string, unknown>) => void | false): void;
/**
 * True when a parenthesised option list (`REINDEX (CONCURRENTLY false)`, `VACUUM (FULL, ANALYZE)`) turns
 * `name` on: present without a value, or with a value PostgreSQL reads as true (`true`, `on`, `1`…).
 * `false`, `off` and `0` turn it off, as PostgreSQL's defGetBoolean reads them.
 */
export declare function optionIsOn(options: Node[] | undefined, name: string): boolean;
