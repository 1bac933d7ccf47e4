import type { ParsedFile, Statement } from '../sql/parser.js';
import type { Finding } from './types.js';
import type { Located } from './engine.js';
export declare const UNKNOWN_IGNORE_RULE = "unknown-ignore-rule";
/**
 * Marks findings silenced by `-- pgwarden-ignore` (next statement) and `-- pgwarden-ignore-file`
 * directives, and warns about directives naming rules that do not exist. A directive without rule ids
 * silences every rule, as squawk's bare `-- squawk-ignore` does.
 */
export declare function applySuppressions(findings: Located[], parsed: ParsedFile, knownRules: ReadonlySet<string>, bodyStatements?: readonly Statement[]): Finding[];
