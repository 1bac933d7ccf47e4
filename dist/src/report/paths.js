import { isAbsolute, relative } from 'node:path';
/** A finding's file as a relative path with forward slashes (what SARIF and GitLab expect). */
export function repositoryPath(file, cwd) {
    const rel = isAbsolute(file) ? relative(cwd, file) : file;
    return rel.replace(/\\/g, '/').replace(/^\.\//, '');
}
