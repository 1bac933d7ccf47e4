import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
const run = promisify(execFile);
/** git could not answer (unknown ref, not a repository, git missing): one line a user can act on. */
export class GitError extends Error {
    constructor(message) {
        super(message);
        this.name = 'GitError';
    }
}
/** diff names relative to the top level even if the user set diff.relative (a flag only git >= 2.28 knows). */
const TOP_LEVEL_NAMES = ['-c', 'diff.relative=false'];
const isSqlFile = (path) => path.toLowerCase().endsWith('.sql');
/**
 * Migration files added, modified or renamed on this branch since it forked from `ref` (merge-base
 * semantics, like a pull request's diff: commits that landed on `ref` afterwards do not count), plus,
 * by default, uncommitted ones. Returns absolute paths (resolved against `cwd`), so a caller can test
 * `changed.has(resolve(file))`. Deleted files are left out: there is nothing left to lint.
 */
export async function changedMigrationFiles(ref, options = {}) {
    const cwd = options.cwd ?? process.cwd();
    const isMigration = options.isMigration ?? isSqlFile;
    const root = await repositoryRoot(cwd);
    if (ref.startsWith('-'))
        throw new GitError(`--changed-since: '${ref}' is not a git ref`);
    await git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], () => `--changed-since: unknown git ref '${ref}' (in CI, fetch the branch history, e.g. actions/checkout with fetch-depth: 0)`);
    const base = (await git(cwd, ['merge-base', ref, 'HEAD'], () => `--changed-since: '${ref}' and HEAD have no common ancestor (in CI, fetch the full history, e.g. fetch-depth: 0)`)).trim();
    const names = new Set();
    // `git diff <base>` (no second commit) compares base with the working tree, index included;
    // `<base> HEAD` when uncommitted work must not count.
    const range = options.includeWorkingTree === false ? [base, 'HEAD'] : [base];
    for (const n of splitNul(await git(cwd, [...TOP_LEVEL_NAMES, 'diff', '--name-only', '-z', '-M', '--diff-filter=AMR', ...range, '--']))) {
        names.add(n);
    }
    if (options.includeWorkingTree !== false) {
        // Untracked files (a migration just created, not yet `git add`ed), minus what .gitignore hides.
        const untracked = await git(cwd, ['ls-files', '--others', '--exclude-standard', '-z', '--full-name', '--', ':/']);
        for (const n of splitNul(untracked))
            names.add(n);
    }
    return toPaths(root, names, isMigration);
}
/**
 * Migration files staged for the next commit (added, modified or renamed), as absolute paths: what a
 * pre-commit hook lints.
 */
export async function stagedMigrationFiles(options = {}) {
    const cwd = options.cwd ?? process.cwd();
    const root = await repositoryRoot(cwd);
    const staged = await git(cwd, [...TOP_LEVEL_NAMES, 'diff', '--cached', '--name-only', '-z', '-M', '--diff-filter=AMR', '--']);
    return toPaths(root, new Set(splitNul(staged)), options.isMigration ?? isSqlFile);
}
/** The repository's top level, expressed from `cwd` (keeps the caller's spelling of symlinked paths). */
async function repositoryRoot(cwd) {
    // Other failures (e.g. git's "dubious ownership" refusal in CI containers) keep git's own words.
    const cdup = await git(cwd, ['rev-parse', '--show-cdup'], (stderr) => /not a git repository/i.test(stderr) || stderr === '' ? `not a git repository: ${cwd}` : `git: ${stderr}`);
    return resolve(cwd, cdup.trim());
}
function toPaths(root, names, isMigration) {
    const out = new Set();
    for (const n of names)
        if (isMigration(n))
            out.add(resolve(root, n));
    return out;
}
function splitNul(output) {
    return output.split('\0').filter((s) => s.length > 0);
}
/**
 * Runs git with an argument array (never a shell); a failure becomes a one-line GitError, worded by
 * `describeFailure` (given git's first stderr line) or else git's own message.
 */
async function git(cwd, args, describeFailure) {
    try {
        const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
        return stdout;
    }
    catch (error) {
        const e = error;
        if (e.code === 'ENOENT') {
            // spawn fails with ENOENT both when git is missing and when cwd does not exist
            throw new GitError(existsSync(cwd) ? 'git is not installed or not on PATH' : `no such directory: ${cwd}`);
        }
        const stderr = (e.stderr ?? '').trim().split('\n')[0] ?? '';
        if (describeFailure)
            throw new GitError(describeFailure(stderr));
        const command = args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '-c');
        throw new GitError(`git ${command ?? ''} failed: ${stderr || e.message}`);
    }
}
