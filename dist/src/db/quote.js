/** SQL identifier quoting: always quoted, so reserved words and mixed case survive. */
export function quoteIdent(name) {
    return `"${name.replace(/"/g, '""')}"`;
}
/** A qualified name `schema.table` (or bare `table`) with each part quoted. */
export function quoteQualified(name) {
    return name.split('.').map(quoteIdent).join('.');
}
/** SQL string literal; E'' form when a backslash is present so that the text means the same under any setting. */
export function quoteLiteral(value) {
    const body = value.replace(/'/g, "''");
    return value.includes('\\') ? `E'${body.replace(/\\/g, '\\\\')}'` : `'${body}'`;
}
