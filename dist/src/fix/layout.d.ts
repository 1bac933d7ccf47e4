import type { MigrationTool } from '../sql/discover.js';
/** How a file's tool is told to run it outside a transaction: the edited text, or undefined when it cannot be. */
export declare function withoutTransaction(text: string, tool: MigrationTool): string | undefined;
/**
 * The file that runs right after `path` in its layout, for statements that must follow in a later
 * transaction; undefined when the layout has no name between this migration and the next.
 */
export declare function followingMigration(path: string, tool: MigrationTool): Promise<{
    path: string;
    header: string;
} | undefined>;
