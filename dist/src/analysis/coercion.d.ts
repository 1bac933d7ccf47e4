/**
 * Which ALTER COLUMN … TYPE changes PostgreSQL performs without rewriting the table: the old and new
 * types are binary coercible and the new type modifier accepts every old value (PostgreSQL's
 * `ATColumnChangeRequiresRewrite` with the typmod support functions of varchar, numeric, varbit and
 * timestamp). Everything else rewrites the table under ACCESS EXCLUSIVE.
 */
import type { Node, TypeName } from '@pgsql/types';
export interface ParsedType {
    base: string;
    mods: number[];
    array: number;
}
/** Splits the model's type string (`varchar(255)`, `numeric(10,2)`, `text[]`). */
export declare function parseTypeString(type: string): ParsedType;
/**
 * True when a USING clause leaves the decision to the type change alone: none, the bare column, or the
 * column cast to the new type (Django writes `TYPE varchar(200) USING "title"::varchar(200)`), which
 * PostgreSQL simplifies to the same coercion as no USING at all.
 */
export declare function usingKeepsColumn(using: Node | undefined, column: string, newType: TypeName): boolean;
/**
 * True when changing a column from `oldType` to `newType` needs no table rewrite; false when it rewrites.
 * Both strings are in the model's normalised spelling (`varchar(20)`, `int4`, `numeric(12,2)`).
 */
export declare function isBinaryCoercibleChange(oldType: string, newType: string): boolean;
