export const UNKNOWN_IGNORE_RULE = 'unknown-ignore-rule';
/**
 * Marks findings silenced by `-- pgwarden-ignore` (next statement) and `-- pgwarden-ignore-file`
 * directives, and warns about directives naming rules that do not exist. A directive without rule ids
 * silences every rule, as squawk's bare `-- squawk-ignore` does.
 */
export function applySuppressions(findings, parsed, knownRules, bodyStatements = []) {
    const out = [];
    const fileIgnores = parsed.directives.flatMap((d) => (d.directive.type === 'ignore-file' ? [d.directive] : []));
    // ignores inside DO bodies are not among the file's comments (the lexer sees one string there)
    const inBodies = bodyStatements.flatMap((s) => (s.parent ? s.directives : []));
    for (const located of [...parsed.directives, ...new Set(inBodies)]) {
        const d = located.directive;
        if (d.type !== 'ignore' && d.type !== 'ignore-file')
            continue;
        for (const id of d.rules) {
            if (knownRules.has(id) || id === 'syntax-error' || d.alias)
                continue;
            const start = parsed.file.positionAt(located.comment.start);
            const end = parsed.file.positionAt(located.comment.end);
            out.push({
                rule: UNKNOWN_IGNORE_RULE,
                severity: 'warning',
                file: parsed.file.path,
                line: start.line,
                column: start.column,
                endLine: end.line,
                endColumn: end.column,
                message: `'${id}' is not a pgwarden rule, so this ignore silences nothing`,
                help: 'Run `pgwarden rules` for the list of rule ids.',
            });
        }
    }
    for (const { finding, statement } of findings) {
        // a finding inside a DO body is silenced by the ignore above the DO, or above it in the body
        const own = [...(statement?.directives ?? []), ...(statement?.parent?.directives ?? [])];
        const local = own.flatMap((d) => (d.directive.type === 'ignore' ? [d.directive] : []));
        const match = [...local, ...fileIgnores].find((d) => d.rules.length === 0 || d.rules.includes(finding.rule));
        out.push(match ? { ...finding, suppressed: { reason: match.reason } } : finding);
    }
    return out;
}
