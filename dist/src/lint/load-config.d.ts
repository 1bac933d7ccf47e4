import { type Config } from './config.js';
export { ConfigError } from './config.js';
/** Where configuration is looked for, in each directory from the working directory upwards. */
export declare const CONFIG_FILES: readonly ["package.json", "pgwarden.config.json", ".pgwardenrc.json"];
export interface LoadConfigOptions {
    /** Directory the search starts from (and relative file names are shown from). */
    cwd?: string;
    /** An explicit file (`--config`): no search. */
    configPath?: string;
    /** Rule ids that `rules` may name; anything else is an error. */
    knownRules?: ReadonlySet<string>;
}
export interface LoadedConfig {
    config: Config;
    /** The file it came from; undefined when none was found (defaults). */
    filepath?: string;
}
/** Finds, parses and validates the configuration. Throws ConfigError for anything the user wrote wrong. */
export declare function loadConfig(options?: LoadConfigOptions): Promise<LoadedConfig>;
