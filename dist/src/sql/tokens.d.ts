/** A token of PostgreSQL's lexer: UTF-8 byte offsets into the scanned text. */
export interface Token {
    start: number;
    end: number;
    text: string;
    /** The lexer's token kind: `IDENT`, `SCONST`, a keyword's name… */
    tokenName: string;
}
/** The tokens of `text`, or undefined when the lexer fails on it (callers then fall back to coarser ranges). */
export declare function scanTokens(text: string): Token[] | undefined;
/** An identifier token as PostgreSQL folds it: a quoted one as written (`""` unescaped), others lower-cased. */
export declare function identifierText(token: Token): string;
