import type { Statement } from '../sql/parser.js';
/** True when the schema of this RangeVar (or DROP name list) came from search_path, not from the file. */
export declare function schemaFromSearchPath(name: object): boolean;
export declare function recordSearchPaths(statements: readonly Statement[], initialPath?: readonly string[]): void;
/** Qualifies the names of the statement after `replayed`, if a search_path applies to it. */
export declare function resolveNamesAfter(replayed: Statement, knows: (key: string) => boolean): void;
/**
 * Qualifies the statement's names, if a search_path applies to it and they were not resolved yet: for
 * the first statement of a file under a connection's path, which follows no statement of its file.
 */
export declare function resolveNames(statement: Statement, knows: (key: string) => boolean): void;
