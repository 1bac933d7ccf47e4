/**
 * A finding's file relative to the repository root, with forward slashes: what GitHub annotations,
 * SARIF and GitLab expect, also when pgwarden ran in a subdirectory of a monorepo. `file` is as the
 * finding names it (relative to `cwd`, or absolute); `root` defaults to `cwd`.
 */
export declare function repositoryPath(file: string, cwd: string, root?: string): string;
/** The top of the git repository holding `dir` (a `.git` directory or file), else undefined. */
export declare function repositoryRoot(dir: string): string | undefined;
