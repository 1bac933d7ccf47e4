/**
 * The directories below `root` that hold migrations of a known layout (prisma/migrations,
 * db/migrations, src/main/resources/db/migration…), nearest first: what `pgwarden lint` lints when it
 * is pointed at a repository root that has no migrations of its own. A directory with migrations is
 * not searched further (its subdirectories are its layout's, e.g. Prisma's one folder per migration).
 */
export declare function nestedMigrationDirs(root: string): Promise<string[]>;
