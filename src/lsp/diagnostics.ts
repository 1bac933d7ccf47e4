import type { Finding } from '../lint/types.js';

/** An LSP position: 0-based line, UTF-16 code units (the protocol's default encoding). */
export interface LspPosition {
  line: number;
  character: number;
}

/** LSP DiagnosticSeverity: 1 error, 2 warning, 3 information. */
export function lspSeverity(f: Finding): 1 | 2 | 3 {
  return f.severity === 'error' ? 1 : f.severity === 'warning' ? 2 : 3;
}

/** A finding's 1-based line and code-point column as an LSP position in `text`. */
export function lspPosition(text: string, line: number, column: number): LspPosition {
  const lines = text.split('\n');
  const lineText = lines[line - 1] ?? '';
  let units = 0;
  let points = 0;
  for (const ch of lineText) {
    if (points >= column - 1) break;
    units += ch.length;
    points++;
  }
  return { line: Math.max(0, line - 1), character: units };
}

export interface LspDiagnostic {
  range: { start: LspPosition; end: LspPosition };
  severity: 1 | 2 | 3;
  code: string;
  source: 'pgwarden';
  message: string;
}

export function toDiagnostic(text: string, f: Finding): LspDiagnostic {
  return {
    range: { start: lspPosition(text, f.line, f.column), end: lspPosition(text, f.endLine, f.endColumn) },
    severity: lspSeverity(f),
    code: f.rule,
    source: 'pgwarden',
    message: f.help ? `${f.message}\n${f.help}` : f.message,
  };
}
