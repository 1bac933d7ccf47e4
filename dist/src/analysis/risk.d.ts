import type { Statement } from '../sql/parser.js';
import { type SchemaModel } from './schema.js';
export interface TableRisk {
    /** Table key (`schema.name`). */
    table: string;
    /** What may destroy rows there: `DROP TABLE`, `TRUNCATE`, `DELETE`, `UPDATE`, `DROP COLUMN`, `ALTER COLUMN TYPE`. */
    reason: string;
    statement: Statement;
}
/**
 * Tables whose rows (or column values) a statement may destroy. Tables created earlier in the same
 * file are not at risk: nothing outside the migration can have written to them yet.
 */
export declare function tablesAtRisk(statement: Statement, schema: SchemaModel): TableRisk[];
