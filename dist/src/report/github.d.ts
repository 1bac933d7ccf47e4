import type { Reporter } from './types.js';
/** GitHub's escaping of a workflow command's message. */
export declare function escapeData(value: string): string;
/** GitHub's escaping of a workflow command's property value (also `:` and `,`). */
export declare function escapeProperty(value: string): string;
/** Workflow commands that GitHub Actions shows as annotations on the pull request's diff. */
export declare const githubReporter: Reporter;
