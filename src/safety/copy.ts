import { createInterface } from 'node:readline';
import type { PgClient } from '../db/pg-types.js';
import { firstLine, type PgTools } from './pg-tools.js';
import { spawnTool } from './spawn.js';
import type { TableName } from './names.js';

interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
}

/**
 * COPY … FROM STDIN on a node-postgres client, fed from an async source of COPY text lines. pg has
 * no COPY API of its own; this is the "submittable" protocol its query queue understands.
 */
class CopyIn {
  private error: Error | undefined;
  rowCount = 0;
  readonly done: Promise<number>;
  private settle!: (error?: Error) => void;

  constructor(
    readonly text: string,
    private readonly lines: AsyncIterable<string>,
  ) {
    this.done = new Promise<number>((resolve, reject) => {
      this.settle = (error) => (error ? reject(error) : resolve(this.rowCount));
    });
  }

  submit(connection: CopyConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    void this.send(connection);
  }

  private async send(connection: CopyConnection): Promise<void> {
    try {
      let batch: string[] = [];
      let size = 0;
      for await (const line of this.lines) {
        if (line === '\\.') break;
        batch.push(line, '\n');
        size += line.length + 1;
        if (size > 1 << 16) {
          connection.sendCopyFromChunk(Buffer.from(batch.join(''), 'utf8'));
          batch = [];
          size = 0;
        }
      }
      if (batch.length > 0) connection.sendCopyFromChunk(Buffer.from(batch.join(''), 'utf8'));
      connection.endCopyFrom();
    } catch (error) {
      connection.sendCopyFail(error instanceof Error ? error.message : String(error));
    }
  }

  handleCommandComplete(message: { text?: string }): void {
    const n = /COPY (\d+)/.exec(message.text ?? '');
    if (n) this.rowCount = Number(n[1]);
  }

  handleError(error: Error): void {
    this.error = error;
  }

  handleReadyForQuery(): void {
    this.settle(this.error);
  }

  handleEmptyQuery(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/**
 * Loads one table's rows from a pg_dump archive into the (empty) table, on the caller's connection
 * and so inside the caller's transaction. pg_restore turns the archive entry into COPY text; the
 * COPY header it prints names the columns, so generated columns are left to the server.
 */
export async function copyTableFromArchive(client: PgClient, tools: PgTools, file: string, table: TableName): Promise<number> {
  const child = spawnTool(tools.pgRestore, ['--data-only', `--schema=${table.schema}`, `--table=${table.name}`, '--file=-', file]);
  const stderr: Buffer[] = [];
  child.stderr.on('data', (b: Buffer) => stderr.push(b));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const lines = createInterface({ input: child.stdout, crlfDelay: Infinity })[Symbol.asyncIterator]();
  let rows = 0;
  for (;;) {
    const next = await lines.next();
    if (next.done) break;
    if (!next.value.startsWith('COPY ')) continue;
    const copy = new CopyIn(next.value.replace(/;\s*$/, ''), {
      // without return(): ending the COPY must not close pg_restore's output under the outer loop
      [Symbol.asyncIterator]: () => ({ next: () => lines.next() }),
    });
    client.query(copy as unknown as Parameters<PgClient['query']>[0]);
    rows += await copy.done;
  }
  const code = await exited;
  if (code !== 0) throw new Error(`pg_restore failed: ${firstLine(Buffer.concat(stderr).toString('utf8')) || `exit code ${code}`}`);
  return rows;
}
