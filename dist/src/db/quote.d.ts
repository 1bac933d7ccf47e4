/** SQL identifier quoting: always quoted, so reserved words and mixed case survive. */
export declare function quoteIdent(name: string): string;
/** A qualified name `schema.table` (or bare `table`) with each part quoted. */
export declare function quoteQualified(name: string): string;
/** SQL string literal; E'' form when a backslash is present so that the text means the same under any setting. */
export declare function quoteLiteral(value: string): string;
