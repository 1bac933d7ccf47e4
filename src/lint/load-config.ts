import { lilconfig, type LilconfigResult } from 'lilconfig';
import { relative, resolve } from 'node:path';
import type { z } from 'zod';
import { configSchema, type Config } from './config.js';

/** Where configuration is looked for, in each directory from the working directory upwards. */
export const CONFIG_FILES = ['package.json', 'pgwarden.config.json', '.pgwardenrc.json'] as const;

/** A configuration the user must fix; the message is one line that names the file (and the key). */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

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
    return { config: configSchema.parse({}), filepath: found?.filepath };
  }
  return { config: validateConfig(found.config, display(found.filepath), options.knownRules), filepath: found.filepath };
}

/** Validates raw configuration; `source` names it in the message. */
export function validateConfig(raw: unknown, source: string, knownRules?: ReadonlySet<string>): Config {
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(`invalid configuration in ${source}: ${describeIssue(parsed.error.issues[0], [])}`);
  }
  if (knownRules) {
    const unknown = Object.keys(parsed.data.rules).find((id) => !knownRules.has(id));
    if (unknown !== undefined) {
      throw new ConfigError(`invalid configuration in ${source}: rules.${unknown}: unknown rule "${unknown}" (run \`pgwarden rules\` for the list)`);
    }
  }
  return parsed.data;
}

type Issue = z.core.$ZodIssue;

/** `path: what was expected`, digging into the union branch that matches what the user wrote. */
function describeIssue(issue: Issue, prefix: PropertyKey[]): string {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // The branch the user meant got furthest into the value: a deeper path, or more than a type mismatch.
    const score = (branch: Issue[]): number =>
      branch[0] ? branch[0].path.length * 2 + (branch[0].code === 'invalid_type' ? 0 : 1) : -1;
    const branch = issue.errors.reduce((best, b) => (score(b) > score(best) ? b : best));
    if (branch[0]) return describeIssue(branch[0], path);
  }
  let what: string;
  switch (issue.code) {
    case 'invalid_value':
      what = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
      break;
    case 'unrecognized_keys':
      return `${formatPath([...path, issue.keys[0]])}: unknown key`;
    default:
      what = issue.message.replace(/^Invalid input: /, '').replace(/^Invalid option: /, '');
  }
  return path.length > 0 ? `${formatPath(path)}: ${what}` : what;
}

function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out === '' ? String(key) : `${out}.${String(key)}`;
  }, '');
}
