import type { Finding } from '../lint/types.js';
import type { Reporter } from './types.js';
/** GitLab Code Quality report (CodeClimate subset): what the merge request widget shows. */
export declare const gitlabReporter: Reporter;
/** The text of the finding's range (lines and columns count characters), whitespace collapsed. */
export declare function reportedText(text: string | undefined, f: Finding): string;
