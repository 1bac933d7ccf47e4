import { countFindings } from './types.js';
/** DESIGN.md's JSON contract, one object on one line. */
export const jsonReporter = ({ findings, files }) => {
    const { errors, warnings } = countFindings(findings);
    return (JSON.stringify({
        findings: findings.map((f) => ({
            rule: f.rule,
            severity: f.severity,
            file: f.file,
            line: f.line,
            column: f.column,
            endLine: f.endLine,
            endColumn: f.endColumn,
            message: f.message,
            help: f.help ?? null,
        })),
        summary: { files: files.length, errors, warnings },
    }) + '\n');
};
