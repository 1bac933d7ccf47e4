import { createHash } from 'node:crypto';
import { repositoryPath } from './paths.js';
/** GitLab Code Quality severities: info, minor, major, critical, blocker. */
const SEVERITY = { error: 'major', warning: 'minor' };
/** GitLab Code Quality report (CodeClimate subset): what the merge request widget shows. */
export const gitlabReporter = ({ findings, cwd }) => {
    const issues = findings.map((f) => {
        const path = repositoryPath(f.file, cwd);
        return {
            description: f.message,
            check_name: f.rule,
            // Stable across runs so that GitLab can tell new problems from old ones.
            fingerprint: createHash('sha256').update([f.rule, path, String(f.line), f.message].join('\0')).digest('hex'),
            severity: SEVERITY[f.severity],
            location: { path, lines: { begin: f.line } },
        };
    });
    return JSON.stringify(issues, null, 2) + '\n';
};
