import type { Reporter } from './types.js';
/** GitLab Code Quality report (CodeClimate subset): what the merge request widget shows. */
export declare const gitlabReporter: Reporter;
