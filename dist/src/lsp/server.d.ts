import { type Connection } from 'vscode-languageserver/node';
import type { LintOptions } from '../lint/config.js';
import type { Rule } from '../lint/types.js';
export interface ServerOptions {
    rules: readonly Rule[];
    lint: Partial<LintOptions>;
}
/**
 * The language server: lints a SQL document on open and on every change (after the migrations before
 * it on disk, as `pgwarden lint FILE` does, with the editor's unsaved text), publishes the findings as
 * diagnostics, and offers `pgwarden fix`'s rewrites of the file as a quick fix.
 */
export declare function startServer(options: ServerOptions, connection?: Connection): Connection;
