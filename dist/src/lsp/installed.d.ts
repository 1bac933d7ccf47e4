/** The one line shown when they were not installed. */
export declare const MISSING_LANGUAGE_SERVER = "the language server (pgwarden lsp) needs the optional packages vscode-languageserver and vscode-languageserver-textdocument, which this install left out: run `npm install vscode-languageserver@10 vscode-languageserver-textdocument@1` beside pgwarden, or install without --omit=optional";
/** Whether both resolve from pgwarden's own location (as the server's imports will). */
export declare function languageServerInstalled(): boolean;
