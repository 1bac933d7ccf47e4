import { createHash } from 'node:crypto';
import type { Finding } from '../lint/types.js';
import type { Reporter } from './types.js';
import { repositoryPath } from './paths.js';

/** GitLab Code Quality severities: info, minor, major, critical, blocker. */
const SEVERITY = { error: 'major', warning: 'minor', info: 'info' } as const;

/** GitLab Code Quality report (CodeClimate subset): what the merge request widget shows. */
export const gitlabReporter: Reporter = ({ findings, sources, cwd, root }) => {
  const seen = new Map<string, number>();
  const issues = findings.map((f) => {
    const path = repositoryPath(f.file, cwd, root);
    // GitLab tells new problems from old ones by fingerprint, so it must not move with the line: the
    // rule, the file, the message and the reported SQL itself (whitespace-insensitive), and which
    // occurrence of that same finding in the file this is.
    const identity = [f.rule, path, f.message, reportedText(sources.get(f.file), f)].join('\0');
    const occurrence = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, occurrence);
    return {
      description: f.message,
      check_name: f.rule,
      fingerprint: createHash('sha256').update(`${identity}\0${occurrence}`).digest('hex'),
      severity: SEVERITY[f.severity],
      location: { path, lines: { begin: f.line } },
    };
  });
  return JSON.stringify(issues, null, 2) + '\n';
};

/** The text of the finding's range (lines and columns count characters), whitespace collapsed. */
export function reportedText(text: string | undefined, f: Finding): string {
  if (text === undefined) return '';
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).slice(f.line - 1, f.endLine);
  if (lines.length === 0) return '';
  const chars = (s: string) => Array.from(s);
  const last = lines.length - 1;
  const cut = lines.map((line, i) => {
    const c = chars(line);
    const from = i === 0 ? f.column - 1 : 0;
    const to = i === last ? f.endColumn - 1 : c.length;
    return c.slice(from, to).join('');
  });
  return cut.join('\n').replace(/\s+/g, ' ').trim();
}
