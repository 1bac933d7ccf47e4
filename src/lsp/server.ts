import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CodeActionKind, createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type Connection, type CodeAction, type WorkspaceEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LintInputs } from '../api/lint.js';
import { lintSources, type LintInput } from '../lint/engine.js';
import type { LintOptions } from '../lint/config.js';
import type { Rule } from '../lint/types.js';
import { fixFile, FIXABLE_RULES } from '../fix/fix-file.js';
import { NotFixable } from '../fix/statements.js';
import { toDiagnostic } from './diagnostics.js';

export interface ServerOptions {
  rules: readonly Rule[];
  lint: Partial<LintOptions>;
}

/**
 * The language server: lints a SQL document on open and on every change (after the migrations before
 * it on disk, as `pgwarden lint FILE` does, with the editor's unsaved text), publishes the findings as
 * diagnostics, and offers `pgwarden fix`'s rewrites of the file as a quick fix.
 */
export function startServer(options: ServerOptions, connection: Connection = createConnection(ProposedFeatures.all)): Connection {
  const documents = new TextDocuments(TextDocument);
  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: 'pgwarden' },
  }));

  // a change supersedes the lint of the text before it: publish only the newest version's findings
  const latest = new Map<string, number>();
  const lintDocument = async (document: TextDocument) => {
    latest.set(document.uri, document.version);
    try {
      const { inputs, target } = await inputsFor(document);
      const result = await lintSources(inputs, options.rules, options.lint);
      if (latest.get(document.uri) !== document.version) return;
      const text = document.getText();
      const diagnostics = result.findings.filter((f) => f.file === target.path && !f.suppressed).map((f) => toDiagnostic(text, f));
      await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
    } catch (error) {
      connection.console.error(`pgwarden: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  documents.onDidOpen((e) => void lintDocument(e.document));
  documents.onDidChangeContent((e) => void lintDocument(e.document));
  documents.onDidClose((e) => {
    latest.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCodeAction(async (params): Promise<CodeAction[]> => {
    const document = documents.get(params.textDocument.uri);
    const fixable = params.context.diagnostics.filter((d) => d.source === 'pgwarden' && (FIXABLE_RULES as readonly string[]).includes(String(d.code)));
    if (!document || fixable.length === 0 || !document.uri.startsWith('file:')) return [];
    const path = fileURLToPath(document.uri);
    let outcome;
    try {
      outcome = await fixFile(path, { rules: options.rules, lint: options.lint, text: document.getText() });
    } catch (error) {
      if (error instanceof NotFixable) return [];
      connection.console.error(`pgwarden fix: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
    if (outcome.changes.length === 0) return [];
    const edit: WorkspaceEdit = { documentChanges: [] };
    for (const change of outcome.changes) {
      const uri = pathToFileURL(change.path).href;
      if (change.before === null) {
        edit.documentChanges!.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
        edit.documentChanges!.push({ textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: change.after }] });
      } else {
        const whole = { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
        edit.documentChanges!.push({ textDocument: { uri, version: document.version }, edits: [{ range: whole, newText: change.after }] });
      }
    }
    const what = outcome.fixed.map((f) => f.message).filter((m, i, all) => all.indexOf(m) === i).join('; ');
    return [{ title: `pgwarden: fix this migration (${what})`, kind: CodeActionKind.QuickFix, diagnostics: fixable, edit, isPreferred: true }];
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

/** The document after its layout's earlier migrations on disk; alone when it is not a file there. */
async function inputsFor(document: TextDocument): Promise<{ inputs: LintInput[]; target: LintInput }> {
  const text = document.getText();
  if (document.uri.startsWith('file:')) {
    const path = fileURLToPath(document.uri);
    if (existsSync(path)) {
      const collector = new LintInputs();
      await collector.add(path);
      const target = collector.inputs.find((i) => !i.context);
      if (target) {
        target.text = text;
        return { inputs: collector.inputs, target };
      }
    }
    const target = { path: relative(process.cwd(), path), text };
    return { inputs: [target], target };
  }
  const target = { path: document.uri, text };
  return { inputs: [target], target };
}
