import { lilconfig } from 'lilconfig';
import { relative, resolve } from 'node:path';
import { ConfigError, defaultConfig } from './config.js';
export { ConfigError } from './config.js';
/** Where configuration is looked for, in each directory from the working directory upwards. */
export const CONFIG_FILES = ['package.json', 'pgwarden.config.json', '.pgwardenrc.json'];
/** Finds, parses and validates the configuration. Throws ConfigError for anything the user wrote wrong. */
export async function loadConfig(options = {}) {
    const cwd = options.cwd ?? process.cwd();
    const display = (path) => relative(cwd, path) || path;
    const json = (filepath, content) => {
        try {
            return JSON.parse(content.replace(/^\uFEFF/, ''));
        }
        catch (error) {
            throw new ConfigError(`invalid JSON in ${display(filepath)}: ${error instanceof Error ? error.message : String(error)}`);
        }
    };
    const explorer = lilconfig('pgwarden', {
        searchPlaces: [...CONFIG_FILES],
        loaders: { '.json': json, noExt: json },
        cache: false,
    });
    let found;
    if (options.configPath !== undefined) {
        const path = resolve(cwd, options.configPath);
        try {
            found = await explorer.load(path);
        }
        catch (error) {
            if (error instanceof ConfigError)
                throw error;
            const code = error.code;
            const reason = code === 'ENOENT' ? 'no such file or directory' : code === 'EISDIR' ? 'is a directory' : error.message;
            throw new ConfigError(`cannot read configuration ${options.configPath}: ${reason}`);
        }
    }
    else {
        found = await explorer.search(cwd);
    }
    if (!found || found.isEmpty || found.config === undefined) {
        return { config: defaultConfig(), filepath: found?.filepath };
    }
    const { validateConfig } = await import('./config-schema.js');
    return { config: validateConfig(found.config, display(found.filepath), options.knownRules), filepath: found.filepath };
}
