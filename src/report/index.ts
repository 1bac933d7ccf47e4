import type { Reporter } from './types.js';
import { prettyReporter } from './pretty.js';
import { jsonReporter } from './json.js';
import { githubReporter } from './github.js';
import { sarifReporter } from './sarif.js';
import { gitlabReporter } from './gitlab.js';
import { markdownReporter } from './markdown.js';

export type { Reporter, ReportInput } from './types.js';
export { ruleCatalog } from './builtin-rules.js';
export { repositoryRoot } from './paths.js';

const reporters = {
  pretty: prettyReporter,
  json: jsonReporter,
  github: githubReporter,
  sarif: sarifReporter,
  gitlab: gitlabReporter,
  markdown: markdownReporter,
} satisfies Record<string, Reporter>;

export type FormatName = keyof typeof reporters;
export const FORMATS = Object.keys(reporters) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(reporters, name);
}

/** The reporter for a `--format` name. */
export function reporterFor(name: FormatName): Reporter {
  return reporters[name];
}
