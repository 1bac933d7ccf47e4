import { prettyReporter } from './pretty.js';
import { jsonReporter } from './json.js';
import { githubReporter } from './github.js';
import { sarifReporter } from './sarif.js';
import { gitlabReporter } from './gitlab.js';
import { markdownReporter } from './markdown.js';
export { ruleCatalog } from './builtin-rules.js';
export { repositoryRoot } from './paths.js';
const reporters = {
    pretty: prettyReporter,
    json: jsonReporter,
    github: githubReporter,
    sarif: sarifReporter,
    gitlab: gitlabReporter,
    markdown: markdownReporter,
};
export const FORMATS = Object.keys(reporters);
export function isFormatName(name) {
    return Object.hasOwn(reporters, name);
}
/** The reporter for a `--format` name. */
export function reporterFor(name) {
    return reporters[name];
}
