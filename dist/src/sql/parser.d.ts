import type { Node } from '@pgsql/types';
import { SourceFile, type Range } from './source.js';
import { type Comment, type LocatedDirective } from './directives.js';
/**
 * Loads the WebAssembly parser once per process (at the first parse, never at start-up); every other
 * function here needs it first. V8 compiles it with its baseline compiler only: the optimising tier
 * recompiles the 1.7 MB grammar on background threads while a lint of a few hundred files is already
 * over, which on two cores cost more CPU than it saved (a Prisma history of 823 files: 1.2 s → 0.9 s
 * of CPU, 145 → 123 MB peak RSS; bench/speed.mjs).
 */
export declare function loadParser(): Promise<void>;
export interface Statement {
    /** The parsed statement, e.g. `{ AlterTableStmt: {...} }`. */
    node: Node;
    /** Its tag, e.g. `AlterTableStmt`. */
    kind: string;
    /** Position in the file: UTF-16 indexes of the statement's first and last character (exclusive). */
    start: number;
    end: number;
    /** UTF-8 byte offset that node `location` fields are relative to (the file or the DO body's query). */
    locationBase: number;
    /** `locationBase` in the file's UTF-8 bytes is only right for top-level statements; nested ones map here. */
    sourceOfLocation: (location: number) => number;
    range: Range;
    text: string;
    /** Directives in the comments just before this statement. */
    directives: LocatedDirective[];
    /** Set for a statement found inside a DO block's PL/pgSQL body. */
    parent?: Statement;
}
export interface SyntaxProblem {
    message: string;
    /** UTF-16 index in the file. */
    index: number;
    range: Range;
}
export interface ParsedFile {
    file: SourceFile;
    statements: Statement[];
    comments: Comment[];
    /** Directives of the whole file (every directive comment, wherever it stands). */
    directives: LocatedDirective[];
    syntaxError?: SyntaxProblem;
}
/** Parses a file; a syntax error never throws: the statements before it are kept and the error reported. */
export declare function parseSource(file: SourceFile): ParsedFile;
export declare function makeStatement(file: SourceFile, node: Node, start: number, end: number, locationBase: number, sourceOfLocation: (location: number) => number, directives: LocatedDirective[], parent?: Statement): Statement;
