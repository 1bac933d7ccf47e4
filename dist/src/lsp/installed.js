// The language server's packages are optional dependencies (1.4 MB that only `pgwarden lsp` uses): an
// install with --omit=optional leaves them out, and `pgwarden lsp` then says so in one line.
/** The one line shown when they were not installed. */
export const MISSING_LANGUAGE_SERVER = 'the language server (pgwarden lsp) needs the optional packages vscode-languageserver and vscode-languageserver-textdocument, which this install left out: run `npm install vscode-languageserver@10 vscode-languageserver-textdocument@1` beside pgwarden, or install without --omit=optional';
/** Whether both resolve from pgwarden's own location (as the server's imports will). */
export function languageServerInstalled() {
    try {
        import.meta.resolve('vscode-languageserver/node');
        import.meta.resolve('vscode-languageserver-textdocument');
        return true;
    }
    catch {
        return false;
    }
}
