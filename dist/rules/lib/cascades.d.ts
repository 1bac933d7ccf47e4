import type { RangeVar } from '@pgsql/types';
import { type SchemaModel } from '../../src/analysis/schema.js';
/** What deleting rows of a table does to the tables whose foreign keys reference it, as the model knows them. */
export interface Cascade {
    /** Tables that lose rows (ON DELETE CASCADE, followed recursively), in the order the keys lead to them. */
    deleted: string[];
    /** Columns set to NULL or to their default (ON DELETE SET NULL / SET DEFAULT) in the tables reached. */
    changed: Array<{
        table: string;
        columns: string[];
        to: 'NULL' | 'default';
    }>;
}
declare const display: (key: string) => string;
/**
 * The tables a DELETE on `table` reaches through ON DELETE CASCADE / SET NULL / SET DEFAULT foreign
 * keys. Tables created earlier in the file are empty and left out. NO ACTION and RESTRICT make the
 * DELETE fail instead, which is not a loss.
 */
export declare function deleteCascade(schema: SchemaModel, table: RangeVar | string): Cascade;
/** Every table that references one of `tables`, directly or through each other (what TRUNCATE … CASCADE empties). */
export declare function referencingTables(schema: SchemaModel, tables: string[]): string[];
/** `, and with them every row of orders (ON DELETE CASCADE) and every notes.user_id (set to NULL)`, or ''. */
export declare function cascadeTail(schema: SchemaModel, table: RangeVar): string;
export { display as displayTable };
