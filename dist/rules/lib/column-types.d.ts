import type { Node, RangeVar, TypeName } from '@pgsql/types';
import type { SchemaModel } from '../../src/analysis/schema.js';
/** A column whose type a statement sets: CREATE TABLE, ALTER TABLE ADD COLUMN, ALTER COLUMN TYPE. */
export interface TypedColumn {
    relation: RangeVar;
    /** `schema.table` as written. */
    table: string;
    column: string;
    type: TypeName;
    /** The built-in type's name (`int4`, `varchar`, `serial`…), or undefined for a type in another schema. */
    builtin: string | undefined;
    /** The type as written, normalised (`varchar(255)`). */
    typeText: string;
    /** Byte location of the type in the statement, for a precise finding. */
    location: number | undefined;
    how: 'create' | 'add' | 'alter-type';
    /** Identifies rows: single-column primary key, identity, foreign key, or named `id` / `*_id` / `*Id` (where 32-bit runs out). */
    keyLike: boolean;
}
/**
 * Every column a statement gives a type to, with the facts the type rules need. With the schema, an
 * ALTER COLUMN TYPE that restates the column's current type (Sequelize's changeColumn does) is left out:
 * the advice was given when the column got that type.
 */
export declare function typedColumns(node: Node, schema?: SchemaModel): TypedColumn[];
/** `column` or `table.column` phrasing for messages. */
export declare function columnLabel(c: TypedColumn): string;
/** True for `int[]`-style array types. */
export declare function isArray(type: TypeName): boolean;
