/** LSP DiagnosticSeverity: 1 error, 2 warning, 3 information. */
export function lspSeverity(f) {
    return f.severity === 'error' ? 1 : f.severity === 'warning' ? 2 : 3;
}
/** A finding's 1-based line and code-point column as an LSP position in `text`. */
export function lspPosition(text, line, column) {
    const lines = text.split('\n');
    const lineText = lines[line - 1] ?? '';
    let units = 0;
    let points = 0;
    for (const ch of lineText) {
        if (points >= column - 1)
            break;
        units += ch.length;
        points++;
    }
    return { line: Math.max(0, line - 1), character: units };
}
export function toDiagnostic(text, f) {
    return {
        range: { start: lspPosition(text, f.line, f.column), end: lspPosition(text, f.endLine, f.endColumn) },
        severity: lspSeverity(f),
        code: f.rule,
        source: 'pgwarden',
        message: f.help ? `${f.message}\n${f.help}` : f.message,
    };
}
