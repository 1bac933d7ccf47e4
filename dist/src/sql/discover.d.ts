export type Layout = 'plain' | 'up-down' | 'flyway' | 'prisma' | 'sqitch';
/**
 * The tool that runs a layout's files, which decides whether a file runs in a transaction (DESIGN.md,
 * "Transaction assumption"). dbmate and goose keep plain `*.sql` files and are told apart by the markers
 * in each file; Rails and Knex keep their migrations in Ruby or JavaScript and are named in the
 * configuration when their SQL is linted.
 */
export type MigrationTool = 'pgwarden' | 'golang-migrate' | 'prisma' | 'flyway' | 'dbmate' | 'goose' | 'sqitch' | 'popx' | 'rails' | 'knex';
export declare const MIGRATION_TOOLS: readonly MigrationTool[];
export interface MigrationFile {
    /** Name stored in the runner's history: the file name without `.sql`/`.up.sql` (Prisma: the folder). */
    name: string;
    /** The forward migration. */
    path: string;
    /** The matching down/undo/revert file, when the layout has one and it exists. */
    downPath?: string;
    /** Why the tool runs this file outside a transaction, when something beside the SQL says so (a file name, a script config). */
    autocommit?: string;
    /** Files with the same batch are parts of one migration that always deploy together (Ory popx's sub-versions). */
    batch?: string;
}
export interface MigrationSet {
    layout: Layout;
    /** The tool whose transaction rule applies to the files. */
    tool: MigrationTool;
    migrations: MigrationFile[];
    /** Problems found while discovering (duplicate names, a down file without its up file…). */
    problems: string[];
}
/**
 * Compares names the way people number migrations: runs of digits by value (`2_x` < `10_x`), the rest
 * by code unit, so the order does not depend on a locale.
 */
export declare function compareNatural(a: string, b: string): number;
/** The migrations of one directory in the order their tool runs them. */
export declare function findMigrations(dir: string): Promise<MigrationSet>;
/**
 * Changes of a sqitch.plan in deploy order. A change planned again after a tag ("reworked") keeps its
 * earlier script as `name@tag.sql`; the latest one is `name.sql`.
 */
export declare function sqitchPlanChanges(plan: string): Array<{
    name: string;
    file: string;
}>;
/** How a file of a layout is run: by which tool, and what beside its SQL says about its transaction. */
export interface FileRunner {
    tool: MigrationTool;
    autocommit?: string;
    batch?: string;
}
export declare function runnerOf(set: MigrationSet, migration: MigrationFile): FileRunner;
export interface LintTargets {
    /** Files to lint, in order: each directory's migrations in their tool's order, files as given. */
    files: string[];
    /** The tool that runs each file found in a directory (files named explicitly have none). */
    runners: Map<string, FileRunner>;
    problems: string[];
}
/**
 * What `lint` reads for the given paths: a directory contributes its forward migrations (down files are
 * rollback paths, not replayed); a file named explicitly is linted whatever it is. `keep` filters both
 * (the configuration's include/exclude globs).
 */
export declare function findLintTargets(paths: string[], keep?: (path: string) => boolean): Promise<LintTargets>;
/** Files to lint for the given paths (files as given, directories through findMigrations), in order. */
export declare function discoverMigrations(paths: string[]): Promise<string[]>;
export declare function migrationNameOf(path: string): string;
