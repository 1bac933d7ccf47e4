import type { Reporter } from './types.js';
export type { Reporter, ReportInput } from './types.js';
export { ruleCatalog } from './builtin-rules.js';
export { repositoryRoot } from './paths.js';
declare const reporters: {
    pretty: Reporter;
    json: Reporter;
    github: Reporter;
    sarif: Reporter;
    gitlab: Reporter;
    markdown: Reporter;
};
export type FormatName = keyof typeof reporters;
export declare const FORMATS: FormatName[];
export declare function isFormatName(name: string): name is FormatName;
/** The reporter for a `--format` name. */
export declare function reporterFor(name: FormatName): Reporter;
