import { quoteIdent } from '../db/quote.js';

export { quoteIdent, quoteLiteral } from '../db/quote.js';

/** A table named as `schema.name`, the key the analysis uses (src/analysis/schema.ts tableKey). */
export interface TableName {
  schema: string;
  name: string;
}


export function qualified(table: TableName): string {
  return `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`;
}

/** A relation as a statement names it (a RangeVar: schema optional), quoted for SQL: the session's search_path resolves it. */
export function relationSql(relation: { schemaname?: string; relname: string }): string {
  return relation.schemaname ? `${quoteIdent(relation.schemaname)}.${quoteIdent(relation.relname)}` : quoteIdent(relation.relname);
}

/** A table key and, for a partition, its partitioned ancestors' keys (Measurement.ancestors): what stands for it. */
export function keyAndAncestors(key: string, ancestors: ReadonlyMap<string, readonly string[]>): string[] {
  return [key, ...(ancestors.get(key) ?? [])];
}

export function tableKeyOf(table: TableName): string {
  return `${table.schema}.${table.name}`;
}

/**
 * Reads `name`, `schema.name` or `"Quoted".name` the way the analysis and the allow-data-loss
 * directive write them: unquoted parts fold to lower case, a missing schema means `public`.
 */
export function parseTableName(text: string): TableName {
  const parts = nameParts(text);
  if (parts.length === 0) return { schema: 'public', name: text };
  if (parts.length === 1) return { schema: 'public', name: parts[0] };
  return { schema: parts[parts.length - 2], name: parts[parts.length - 1] };
}

/** `a.b."C"` → [`a`, `b`, `C`]: unquoted parts fold to lower case. */
export function nameParts(text: string): string[] {
  const parts: string[] = [];
  const re = /\s*(?:"((?:[^"]|"")*)"|([^."]+))\s*(?:\.|$)/gy;
  for (let m = re.exec(text); m && m[0] !== ''; m = re.exec(text)) {
    parts.push(m[1] !== undefined ? m[1].replaceAll('""', '"') : m[2].trim().toLowerCase());
  }
  return parts;
}

/** A key as tableKeyOf writes it (raw names, no quoting): the schema ends at the first dot. */
export function tableFromKey(key: string): TableName {
  const dot = key.indexOf('.');
  return dot < 0 ? { schema: 'public', name: key } : { schema: key.slice(0, dot), name: key.slice(dot + 1) };
}
