import type { PgClient } from '../db/pg-types.js';
import type { Statement } from '../sql/parser.js';
import type { Measurement } from './measure.js';
import type { Declarations, Loss } from './verdict.js';
/**
 * Issue 12, values and not only rows: content that changed in rows no statement of the migration
 * targets. Two checks, both against the server's own accounting (pg_stat_xact_user_tables):
 *
 * 1. A table a statement updates directly (UPDATE, MERGE, INSERT … ON CONFLICT DO UPDATE): the rows
 *    that statement updated are what the server reports in its command tag (`UPDATE 1`), which counts
 *    the statement's own rows only — not those a trigger, rule or function it fires updates, and not
 *    those a BEFORE trigger skips. More updated tuples in the accounting than the tags add up to means
 *    rows no statement targets were changed. A row updated twice (an AFTER trigger updating the row
 *    the statement just updated) counts twice there, so before reporting, the rows this transaction
 *    wrote are counted (one scan, only then): what it updated is at most that, less what it inserted.
 * 2. A table no statement names, which the accounting shows as updated (by a trigger on another
 *    table, a function, dynamic SQL): a column whose checksum changed while its non-null count did not
 *    rise had values replaced, not filled. A column a BEFORE UPDATE trigger of that table assigns
 *    (`NEW.updated_at := now()`) is the schema's own bookkeeping and is not compared.
 */
/** What the server answered for one top-level statement: its command tag's verb and row count. */
export interface StatementResult {
    command: string | null;
    rowCount: number | null;
}
export interface ContentInput {
    measurement: Measurement;
    declared: Declarations;
    /** The unit's top-level statements, in the order they ran. */
    statements: readonly Statement[];
    /** The server's answer to each of them; absent when the caller ran the SQL without keeping them. */
    results?: readonly StatementResult[];
    /** Losses already found (a column whose non-null count fell is not reported twice). */
    found: readonly Loss[];
    maxRows: number;
    /** The unit's transaction isolation (`current_setting('transaction_isolation')`), read once by the caller. */
    isolation: string;
}
export interface ContentVerdict {
    losses: Loss[];
    /** Why a check could not be made (logged as a warning). */
    skipped: string[];
}
export declare function judgeContent(client: PgClient, input: ContentInput): Promise<ContentVerdict>;
