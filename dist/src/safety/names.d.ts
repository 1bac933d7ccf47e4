export { quoteIdent, quoteLiteral } from '../db/quote.js';
/** A table named as `schema.name`, the key the analysis uses (src/analysis/schema.ts tableKey). */
export interface TableName {
    schema: string;
    name: string;
}
export declare function qualified(table: TableName): string;
/** A relation as a statement names it (a RangeVar: schema optional), quoted for SQL: the session's search_path resolves it. */
export declare function relationSql(relation: {
    schemaname?: string;
    relname: string;
}): string;
/** A table key and, for a partition, its partitioned ancestors' keys (Measurement.ancestors): what stands for it. */
export declare function keyAndAncestors(key: string, ancestors: ReadonlyMap<string, readonly string[]>): string[];
export declare function tableKeyOf(table: TableName): string;
/**
 * Reads `name`, `schema.name` or `"Quoted".name` the way the analysis and the allow-data-loss
 * directive write them: unquoted parts fold to lower case, a missing schema means `public`.
 */
export declare function parseTableName(text: string): TableName;
/** `a.b."C"` → [`a`, `b`, `C`]: unquoted parts fold to lower case. */
export declare function nameParts(text: string): string[];
/** A key as tableKeyOf writes it (raw names, no quoting): the schema ends at the first dot. */
export declare function tableFromKey(key: string): TableName;
