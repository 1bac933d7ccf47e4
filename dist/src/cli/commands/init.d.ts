import type { Command } from 'commander';
import type { TransactionAssumption } from '../../analysis/transactions.js';
import { type Layout } from '../../sql/discover.js';
export declare const CONFIG_FILE = "pgwarden.config.json";
/** Where the action, the pre-commit hook and the GitLab template live (snippets point there). */
export declare const PROJECT_REPOSITORY = "pgwarden/pgwarden";
export interface DetectedSetup {
    layout: Layout;
    /** What the user would call it: "Prisma", "Flyway", "golang-migrate"… */
    tool: string;
    /** Relative to the project directory, with forward slashes. */
    migrationsDir: string;
    migrationCount: number;
    transaction: TransactionAssumption;
}
/** Finds the migrations directory in use and its layout; an empty project gets plain `migrations/`. */
export declare function detectSetup(projectDir: string): Promise<DetectedSetup>;
/** The configuration file's content; `"//…"` keys are its comments (the schema lets extra keys through). */
export declare function buildConfig(setup: DetectedSetup): Record<string, unknown>;
/**
 * Short pre-commit and CI snippets for the detected setup; `repoPrefix` is the project's path inside its
 * git repository. They run the project's own pgwarden (the devDependency init was run from), so they work
 * without a registry release and at the version in the lockfile.
 */
export declare function setupSnippets(setup: DetectedSetup, repoPrefix: string): string;
export declare function registerInit(program: Command): void;
