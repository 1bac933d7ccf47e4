import type { Node } from '@pgsql/types';
import type { SchemaModel } from '../../src/analysis/schema.js';
/**
 * True when a WHERE clause pins a unique key to constants (`id = 7`, `key = 'site_name'`,
 * `id IN (1, 2, 3)`, ANDed with anything, or ORs of such), so the statement touches a handful of rows:
 * a data fix, not a backfill. Unique keys come from the replayed model; for a table it does not know,
 * a column named `id` counts as its key.
 */
export declare function pinsUniqueKey(where: Node | undefined, table: string, schema: SchemaModel): boolean;
type Truth = boolean | undefined;
/**
 * The truth value of a WHERE clause made of constants (`true`, `1 = 1`, `'a' = 'a' AND NOT false`,
 * `x > 0 OR true`), as PostgreSQL evaluates it for every row; undefined when it depends on the row. A
 * constant-true WHERE is no condition at all: the statement touches every row.
 */
export declare function constantTruth(expr: Node | undefined): Truth;
/** A WHERE clause written back for a message (`1 = 1`, `'a' = 'a' AND true`); parts it cannot spell are `…`. */
export declare function predicateText(expr: Node | undefined, nested?: boolean): string;
export {};
