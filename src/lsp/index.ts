// `pgwarden/lsp`: the language server as a library. Not in the main entry: it loads the optional
// packages vscode-languageserver and vscode-languageserver-textdocument, and its declarations name their types.
export { startServer as startLanguageServer, type ServerOptions as LanguageServerOptions } from './server.js';
