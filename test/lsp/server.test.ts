import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** `pgwarden lsp` driven by a scripted client over stdio, as an editor would. */
const bin = resolve(import.meta.dirname, '../../bin/pgwarden.js');

interface Diagnostic { range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity: number; code: string; message: string }
interface Published { uri: string; version?: number; diagnostics: Diagnostic[] }
interface TextEdit { range: Diagnostic['range']; newText: string }
interface CodeAction { title: string; kind: string; edit: { documentChanges: Array<{ textDocument?: { uri: string }; edits?: TextEdit[]; kind?: string; uri?: string }> } }

let dir: string;
let child: ChildProcess;
let client: MessageConnection;
const published: Published[] = [];
let waiters: Array<() => void> = [];

function nextDiagnostics(uri: string, version: number): Promise<Published> {
  return new Promise((done) => {
    const check = () => {
      const found = published.find((p) => p.uri === uri && p.version === version);
      if (found) done(found);
      else waiters.push(check);
    };
    check();
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pgwarden-lsp-'));
  await writeFile(join(dir, '001_init.sql'), 'CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);\n');
  await writeFile(join(dir, '002_index.sql'), '');
  child = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
  client = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  client.onNotification('textDocument/publishDiagnostics', (p: Published) => {
    published.push(p);
    const pending = waiters;
    waiters = [];
    for (const w of pending) w();
  });
  client.listen();
  const init = await client.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } } });
  expect(init).toMatchObject({ capabilities: { codeActionProvider: { codeActionKinds: ['quickfix'] } }, serverInfo: { name: 'pgwarden' } });
  await client.sendNotification('initialized', {});
}, 30_000);

afterAll(async () => {
  if (client) {
    await client.sendRequest('shutdown').catch(() => undefined);
    await client.sendNotification('exit').catch(() => undefined);
    client.dispose();
  }
  await new Promise((done) => (child?.exitCode !== null ? done(undefined) : child.once('exit', done)));
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('pgwarden lsp', () => {
  const uri = () => pathToFileURL(join(dir, '002_index.sql')).href;
  const unsafe = 'CREATE INDEX orders_user_id_idx ON orders (user_id);\n';

  it('publishes diagnostics on open, against the migrations before the file, from the unsaved text', async () => {
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(), languageId: 'sql', version: 1, text: unsafe } });
    const { diagnostics } = await nextDiagnostics(uri(), 1);
    const index = diagnostics.find((d) => d.code === 'require-concurrent-index-creation');
    expect(index).toMatchObject({ severity: 1, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 51 } } });
    expect(index!.message).toMatch(/^Creating index orders_user_id_idx on orders without CONCURRENTLY/);
  });

  it('offers the fix as a quick fix; applied and sent back as a change, the finding is gone', async () => {
    const { diagnostics } = await nextDiagnostics(uri(), 1);
    const actions = await client.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri() }, range: diagnostics[0].range, context: { diagnostics } });
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ kind: 'quickfix' });
    expect(actions[0].title).toMatch(/^pgwarden: fix this migration \(.*CREATE INDEX CONCURRENTLY/);
    const change = actions[0].edit.documentChanges.find((c) => c.textDocument?.uri === uri());
    const fixed = change!.edits![0].newText;
    expect(fixed).toContain('CREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);');
    await client.sendNotification('textDocument/didChange', { textDocument: { uri: uri(), version: 2 }, contentChanges: [{ text: fixed }] });
    const after = await nextDiagnostics(uri(), 2);
    expect(after.diagnostics.map((d) => d.code)).toEqual([]);
  });
});
