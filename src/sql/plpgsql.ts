import type { ParsedFile, Statement } from './parser.js';

/**
 * Statements that a DO block executes when the migration runs, parsed from its PL/pgSQL body and
 * positioned inside the file. (Being implemented: returns none yet.)
 */
export function doBlockStatements(_parsed: ParsedFile, _statement: Statement): Statement[] {
  return [];
}
