import type { Comment } from './directives.js';
/** What the comment lexer found in a text; every index is a UTF-16 index. */
export interface LexedText {
    /** `--` and `/* … *\/` comments, in order (a `--` comment ends before its line break). */
    comments: Comment[];
    /** Index just after each `;` that stands outside strings, quoted identifiers and comments. */
    semicolons: number[];
    /**
     * Where an unterminated string, quoted identifier or block comment starts (PostgreSQL rejects the
     * text there); nothing after it was lexed.
     */
    unterminatedAt?: number;
}
/**
 * Finds comments and statement-ending semicolons with PostgreSQL's lexical rules for the places a
 * comment marker does not start a comment: '…' strings ('' escapes), E'…' strings (backslash escapes
 * too), dollar quotes ($$…$$, $tag$…$tag$), "…" identifiers ("" escapes) and nested block comments.
 * It replaces a full scan with libpg-query, which costs a WebAssembly round trip and a token list
 * per file just to learn where the comments are.
 */
export declare function lexComments(text: string): LexedText;
