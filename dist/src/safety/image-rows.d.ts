import type { PgClient } from '../db/pg-types.js';
import type { Statement } from '../sql/parser.js';
import { type TableName } from './names.js';
/**
 * The rows a simple UPDATE or DELETE of `table` will change, as a query of its own: the rows of its
 * target that its WHERE matches, read in the statement's snapshot before it runs. A before-image of
 * those rows instead of the whole table is all a restore needs — provided nothing else can change other
 * rows of the table: no trigger or rule on it (or its partitions), no foreign key from it to itself, no
 * volatile function in the WHERE (a second reading could match other rows), no FROM, USING or WITH (their
 * rows would need a reading of their own), no `WHERE CURRENT OF`. Null: copy the whole table.
 */
export declare function rowsStatementChanges(client: PgClient, statement: Statement, table: TableName): Promise<string | null>;
/** The text of a statement's top-level WHERE condition (up to a top-level RETURNING); null when the lexer cannot tell. */
export declare function whereText(text: string): string | null;
