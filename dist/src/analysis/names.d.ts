import type { Node } from '@pgsql/types';
/** PostgreSQL's makeObjectName: `name1_name2_label`, shortening the longer part until it fits. */
export declare function makeObjectName(name1: string, name2: string | undefined, label: string | undefined): string;
/** PostgreSQL's ChooseRelationName: the first of `makeObjectName(…, label)`, `…label1`, `…label2`… not taken. */
export declare function chooseName(name1: string, name2: string | undefined, label: string, taken: (name: string) => boolean): string;
/** The column name PostgreSQL derives for an index key (FigureIndexColname): `lower(email)` → `lower`. */
export declare function indexColumnName(elem: {
    name?: string;
    expr?: Node;
}): string;
/** PostgreSQL's ChooseIndexColumnNames + ChooseIndexNameAddition: `a_b`, `lower_lower1`. */
export declare function indexNameAddition(names: string[]): string;
/** Stable text of an expression for comparisons: the AST without source positions. */
export declare function canonicalExpression(expr: Node | undefined): string;
/** Columns an expression mentions (`lower(email)` → `email`). */
export declare function referencedColumns(expr: Node | undefined): string[];
