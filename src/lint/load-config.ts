import { lilconfig, type LilconfigResult } from 'lilconfig';
import { relative, resolve } from 'node:path';
import { ConfigError, defaultConfig, type Config } from './config.js';

export { ConfigError } from './config.js';

/** Where configuration is looked for, in each directory from the working directory upwards. */
export const CONFIG_FILES = ['package.json', 'pgwarden.config.json', '.pgwardenrc.json'] as const;

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
export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const cwd = options.cwd ?? process.cwd();
  const display = (path: string): string => relative(cwd, path) || path;
  const json = (filepath: string, content: string): unknown => {
    try {
      return JSON.parse(content.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new ConfigError(`invalid JSON in ${display(filepath)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const explorer = lilconfig('pgwarden', {
    searchPlaces: [...CONFIG_FILES],
    loaders: { '.json': json, noExt: json },
    cache: false,
  });

  let found: LilconfigResult;
  if (options.configPath !== undefined) {
    const path = resolve(cwd, options.configPath);
    try {
      found = await explorer.load(path);
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'no such file or directory' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
      throw new ConfigError(`cannot read configuration ${options.configPath}: ${reason}`);
    }
  } else {
    found = await explorer.search(cwd);
  }
  if (!found || found.isEmpty || found.config === undefined) {
    return { config: defaultConfig(), filepath: found?.filepath };
  }
  const { validateConfig } = await import('./config-schema.js');
  return { config: validateConfig(found.config, display(found.filepath), options.knownRules), filepath: found.filepath };
}
