import { countFindings } from './types.js';
import { repositoryPath } from './paths.js';
/** Where each rule's page lives: absolute, so a link in a pull request comment or job summary works. */
const RULE_DOCS = 'https://github.com/pgwarden/pgwarden/blob/main/docs/rules';
const BUILTIN = new Set(['syntax-error', 'unknown-ignore-rule', 'file-too-large', 'internal-error']);
/** Markdown table cell text: no line breaks, no column separators, no accidental HTML. */
function cell(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
/**
 * A pull request comment or GitHub job summary: a headline with the counts, then one table row per
 * finding (file:line relative to the repository root, severity, rule linked to its page, message and help).
 */
export const markdownReporter = ({ findings, files, cwd, root }) => {
    const fileCount = `${files.length} ${files.length === 1 ? 'file' : 'files'}`;
    if (findings.length === 0)
        return `### pgwarden: no problems in ${fileCount}\n`;
    const { errors, warnings } = countFindings(findings);
    const out = [
        `### pgwarden: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} in ${fileCount}`,
        '',
        '| Severity | Location | Rule | Finding |',
        '|---|---|---|---|',
    ];
    for (const f of findings) {
        const rule = BUILTIN.has(f.rule) ? `\`${f.rule}\`` : `[\`${f.rule}\`](${RULE_DOCS}/${f.rule}.md)`;
        const text = f.help ? `${cell(f.message)}<br>*${cell(f.help)}*` : cell(f.message);
        out.push(`| ${f.severity} | \`${cell(repositoryPath(f.file, cwd, root))}:${f.line}:${f.column}\` | ${rule} | ${text} |`);
    }
    return out.join('\n') + '\n';
};
