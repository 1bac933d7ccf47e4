import { repositoryPath } from './paths.js';
/** GitHub's escaping of a workflow command's message. */
export function escapeData(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** GitHub's escaping of a workflow command's property value (also `:` and `,`). */
export function escapeProperty(value) {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/** Workflow commands that GitHub Actions shows as annotations on the pull request's diff. */
export const githubReporter = ({ findings, cwd, root }) => findings
    .map((f) => {
    const properties = [
        `file=${escapeProperty(repositoryPath(f.file, cwd, root))}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(f.rule)}`,
    ].join(',');
    const message = f.help ? `${f.message}\nhelp: ${f.help}` : f.message;
    return `::${f.severity === 'info' ? 'notice' : f.severity} ${properties}::${escapeData(message)}\n`;
})
    .join('');
