/**
 * Length (in UTF-16 units) of the list element that `text` starts with: up to the first comma or closing
 * parenthesis at its own nesting depth, or the whole text. A finding about one column of a CREATE TABLE,
 * or one subcommand of an ALTER TABLE, ends where that element ends, not at the end of the statement.
 *
 * Every located finding asks this, so it is answered by a small scan in JavaScript: PostgreSQL's own
 * lexer over WebAssembly cost a call and a JSON hand-over of every token to the end of the statement,
 * about a sixth of a large history's lint. Comments count as tokens, as that lexer returns them. Where that scan is not sure of PostgreSQL's reading (a `$`
 * that may open a dollar quote or be a parameter, an unterminated quote or comment) the real lexer decides.
 */
export declare function elementLength(text: string): number;
/** The same answer from PostgreSQL's lexer (the reference `quickElementLength` is checked against). */
export declare function scannedElementLength(text: string): number;
/**
 * The element's length, or undefined where only PostgreSQL's lexer can tell. Tokens are everything but
 * white space (comments included); the element ends after the last token before its delimiter.
 */
export declare function quickElementLength(text: string): number | undefined;
