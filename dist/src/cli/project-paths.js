import { dirname, isAbsolute, relative, resolve } from 'node:path';
/**
 * A relative path from the configuration (`migrationsDir`, the default backup directory) as a path from
 * the working directory. Such paths belong to the project root — the directory of the configuration
 * file — so pgwarden finds the same directories from any subdirectory; without a file they are taken
 * from the working directory.
 */
export function fromConfigDir(path, configFile, cwd = process.cwd()) {
    if (configFile === undefined || isAbsolute(path))
        return path;
    return relative(cwd, resolve(dirname(resolve(cwd, configFile)), path)) || '.';
}
/** The configuration file pgwarden would use from the working directory (none when it is missing or invalid). */
export async function projectConfigFile() {
    const { loadConfig } = await import('../lint/load-config.js');
    try {
        return (await loadConfig()).filepath;
    }
    catch {
        // an invalid file is reported by the commands that read it; here it only anchors a default path
        return undefined;
    }
}
