import { type ChalkInstance } from 'chalk';
import type { Finding } from '../lint/types.js';
import type { Reporter } from './types.js';
/**
 * The human format: per finding `path:line:column  severity  message  rule-id`, a code frame with the
 * range underlined and the help, then a summary. Colours come from chalk, which turns them off when
 * standard output is not a terminal; NO_COLOR is checked here because chalk 5 ignores it.
 */
export declare function createPrettyReporter(given?: ChalkInstance): Reporter;
export declare const prettyReporter: Reporter;
/** The finding's first lines with a gutter and its range underlined (columns count characters). */
export declare function codeFrame(text: string, f: Finding, colors: ChalkInstance): string[];
