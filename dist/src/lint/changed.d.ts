/** git could not answer (unknown ref, not a repository, git missing): one line a user can act on. */
export declare class GitError extends Error {
    constructor(message: string);
}
export interface ChangedFilesOptions {
    /** Directory inside the repository; paths come back resolved against it. Default: process.cwd(). */
    cwd?: string;
    /**
     * Also count uncommitted work (staged, unstaged and untracked files). Default true: on a developer's
     * machine "what this branch changes" includes what is not committed yet; in CI the tree is clean.
     */
    includeWorkingTree?: boolean;
    /** Which paths count as migrations. Default: names ending in `.sql`. */
    isMigration?: (path: string) => boolean;
}
/**
 * Migration files added, modified or renamed on this branch since it forked from `ref` (merge-base
 * semantics, like a pull request's diff: commits that landed on `ref` afterwards do not count), plus,
 * by default, uncommitted ones. Returns absolute paths (resolved against `cwd`), so a caller can test
 * `changed.has(resolve(file))`. Deleted files are left out: there is nothing left to lint.
 */
export declare function changedMigrationFiles(ref: string, options?: ChangedFilesOptions): Promise<Set<string>>;
/**
 * Migration files staged for the next commit (added, modified or renamed), as absolute paths: what a
 * pre-commit hook lints.
 */
export declare function stagedMigrationFiles(options?: Omit<ChangedFilesOptions, 'includeWorkingTree'>): Promise<Set<string>>;
