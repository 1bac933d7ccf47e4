import type { Finding } from '../lint/types.js';
/** An LSP position: 0-based line, UTF-16 code units (the protocol's default encoding). */
export interface LspPosition {
    line: number;
    character: number;
}
/** LSP DiagnosticSeverity: 1 error, 2 warning, 3 information. */
export declare function lspSeverity(f: Finding): 1 | 2 | 3;
/** A finding's 1-based line and code-point column as an LSP position in `text`. */
export declare function lspPosition(text: string, line: number, column: number): LspPosition;
export interface LspDiagnostic {
    range: {
        start: LspPosition;
        end: LspPosition;
    };
    severity: 1 | 2 | 3;
    code: string;
    source: 'pgwarden';
    message: string;
}
export declare function toDiagnostic(text: string, f: Finding): LspDiagnostic;
