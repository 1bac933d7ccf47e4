import type { RangeVar } from '@pgsql/types';
import type { RuleContext } from '../../src/lint/types.js';
/**
 * True when the column (or its whole table) was created earlier in the same file: nothing deployed
 * reads it yet, so removing or changing it breaks no running code. Looks at the schema model and, for
 * ADD COLUMN, at the file's earlier statements.
 */
export declare function columnIsNewInFile(ctx: RuleContext, relation: RangeVar | string, column: string): boolean;
