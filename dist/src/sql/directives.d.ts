/** `-- pgwarden…` comments: the contract is in DESIGN.md (Directives). */
export type Directive = {
    type: 'ignore';
    rules: string[];
    reason?: string;
    alias: boolean;
} | {
    type: 'ignore-file';
    rules: string[];
    reason?: string;
    alias: boolean;
}
/** A file that says it runs outside a transaction; `by` is whose marker it is (each tool honours its own). */
 | {
    type: 'no-transaction';
    by: TransactionMarker;
}
/** A section marker that tells which tool a plain `*.sql` file is written for. */
 | {
    type: 'tool';
    tool: 'dbmate' | 'goose';
}
/** Tables (`t`, `schema.t`) or columns (`t.col`, `schema.t.col`) whose loss verification accepts. */
 | {
    type: 'allow-data-loss';
    tables: string[];
}
/** Tables without a primary key or replica identity that a failed no-transaction migration may restore whole. */
 | {
    type: 'whole-table-restore';
    tables: string[];
};
/**
 * Opt-out markers: `-- pgwarden:no-transaction`, dbmate's `-- migrate:up transaction:false`, goose's
 * `-- +goose NO TRANSACTION`, and, for SQL taken from Rails and Knex migrations, their switches written
 * in a comment (`-- disable_ddl_transaction!`, `-- config = { transaction: false }`).
 */
export type TransactionMarker = 'pgwarden' | 'dbmate' | 'goose' | 'rails' | 'knex';
export interface Comment {
    text: string;
    /** UTF-16 index range in the file. */
    start: number;
    end: number;
}
export interface LocatedDirective {
    directive: Directive;
    comment: Comment;
}
/** Reads one comment; returns null when it is an ordinary comment. */
export declare function parseDirective(commentText: string): Directive | null;
/**
 * Whole-line `--` comments found without lexing, for the text after an unterminated quote (where the
 * comment lexer gives up) so that file-level directives there still count.
 */
export declare function lineComments(text: string): Comment[];
