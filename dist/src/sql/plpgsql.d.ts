import { type ParsedFile, type Statement } from './parser.js';
/**
 * Statements that a DO block executes when the migration runs, parsed from its PL/pgSQL body and
 * positioned inside the file. Static SQL, and EXECUTE of a string built from constants only (a literal,
 * `||` of literals, format() with literal arguments): a string built from variables cannot be known.
 * CREATE FUNCTION bodies are not DO blocks (they run later, not during the migration). A body that
 * PostgreSQL would reject yields no statements.
 */
export declare function doBlockStatements(parsed: ParsedFile, statement: Statement): Statement[];
/**
 * The EXECUTEs of a DO block (and FOR … IN EXECUTE loops) whose SQL is built while the block runs, from
 * variables or queries: what they change cannot be known before they run. `start` and `end` are file
 * indexes of the expression.
 */
export declare function opaqueExecutes(parsed: ParsedFile, statement: Statement): Array<{
    text: string;
    start: number;
    end: number;
}>;
