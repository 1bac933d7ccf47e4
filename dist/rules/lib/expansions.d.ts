import type { Node, RangeVar } from '@pgsql/types';
import type { RuleContext } from '../../src/lint/types.js';
import type { ParsedFile, Statement } from '../../src/sql/parser.js';
/** An expand step of a file: a column added to, or rows rewritten in, a table. */
export interface Expansion {
    table: string;
    /** The column an ADD COLUMN adds. */
    column?: string;
    what: string;
    statement: Statement;
    /** The WHERE clause of an UPDATE. */
    where?: Node;
}
interface FileFacts {
    expansions: Expansion[];
    /** Views the file creates (compatibility views for renamed tables). */
    views: Set<string>;
}
/** The expand steps and views of a file, read once per file. */
export declare function fileFacts(parsed: ParsedFile): FileFacts;
/**
 * The first expand step of the current file on `relation` (an UPDATE pinned to a few rows by their key
 * is a data fix, not a backfill of a replacement), phrased for a message: `adds column full_name to
 * accounts at line 2`, or `… in the same statement`. Undefined when the file does not expand the table.
 */
export declare function expandStep(ctx: RuleContext, relation: RangeVar): string | undefined;
/**
 * The message tail a contract step (DROP COLUMN, a rename) carries when the same file also expands its
 * table: one finding then names both halves of the squeezed expand/contract.
 */
export declare function squeezedContract(ctx: RuleContext, relation: RangeVar): string;
export {};
