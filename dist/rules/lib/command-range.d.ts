import type { Range } from '../../src/sql/source.js';
import type { RuleContext } from '../../src/lint/types.js';
/**
 * The range of an ALTER TABLE subcommand such as `DROP COLUMN "b"` or `ALTER COLUMN b DROP NOT NULL`
 * (its first word through the column name), when the statement has several subcommands or the
 * subcommand starts on a later line than its statement: AlterTableCmd has no location, and a finding
 * about `b` belongs on the action that names it. A statement of one action on one line is reported as
 * a whole. `words` are the keywords before the name, optional ones (COLUMN, IF EXISTS) may be missing;
 * without `column`, the range is the words themselves (`SET LOGGED`).
 */
export declare function commandRange(ctx: RuleContext, words: string[], column?: string): Range | undefined;
