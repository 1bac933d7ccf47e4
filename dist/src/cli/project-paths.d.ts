/**
 * A relative path from the configuration (`migrationsDir`, the default backup directory) as a path from
 * the working directory. Such paths belong to the project root — the directory of the configuration
 * file — so pgwarden finds the same directories from any subdirectory; without a file they are taken
 * from the working directory.
 */
export declare function fromConfigDir(path: string, configFile: string | undefined, cwd?: string): string;
/** The configuration file pgwarden would use from the working directory (none when it is missing or invalid). */
export declare function projectConfigFile(): Promise<string | undefined>;
