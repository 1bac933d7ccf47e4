import { createInterface } from 'node:readline';
import { firstLine } from './pg-tools.js';
import { spawnTool } from './spawn.js';
/**
 * COPY … FROM STDIN on a node-postgres client, fed from an async source of COPY text lines. pg has
 * no COPY API of its own; this is the "submittable" protocol its query queue understands.
 */
class CopyIn {
    text;
    lines;
    error;
    rowCount = 0;
    done;
    settle;
    constructor(text, lines) {
        this.text = text;
        this.lines = lines;
        this.done = new Promise((resolve, reject) => {
            this.settle = (error) => (error ? reject(error) : resolve(this.rowCount));
        });
    }
    submit(connection) {
        connection.query(this.text);
    }
    handleCopyInResponse(connection) {
        void this.send(connection);
    }
    async send(connection) {
        try {
            let batch = [];
            let size = 0;
            for await (const line of this.lines) {
                if (line === '\\.')
                    break;
                batch.push(line, '\n');
                size += line.length + 1;
                if (size > 1 << 16) {
                    connection.sendCopyFromChunk(Buffer.from(batch.join(''), 'utf8'));
                    batch = [];
                    size = 0;
                }
            }
            if (batch.length > 0)
                connection.sendCopyFromChunk(Buffer.from(batch.join(''), 'utf8'));
            connection.endCopyFrom();
        }
        catch (error) {
            connection.sendCopyFail(error instanceof Error ? error.message : String(error));
        }
    }
    handleCommandComplete(message) {
        const n = /COPY (\d+)/.exec(message.text ?? '');
        if (n)
            this.rowCount = Number(n[1]);
    }
    handleError(error) {
        this.error = error;
    }
    handleReadyForQuery() {
        this.settle(this.error);
    }
    handleEmptyQuery() { }
    handleRowDescription() { }
    handleDataRow() { }
    handlePortalSuspended() { }
    handleCopyData() { }
}
/**
 * Loads one table's rows from a pg_dump archive into the (empty) table, on the caller's connection
 * and so inside the caller's transaction. pg_restore turns the archive entry into COPY text; the
 * COPY header it prints names the columns, so generated columns are left to the server.
 */
export async function copyTableFromArchive(client, tools, file, table) {
    const child = spawnTool(tools.pgRestore, ['--data-only', `--schema=${table.schema}`, `--table=${table.name}`, '--file=-', file]);
    const stderr = [];
    child.stderr.on('data', (b) => stderr.push(b));
    const exited = new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', resolve);
    });
    const lines = createInterface({ input: child.stdout, crlfDelay: Infinity })[Symbol.asyncIterator]();
    let rows = 0;
    for (;;) {
        const next = await lines.next();
        if (next.done)
            break;
        if (!next.value.startsWith('COPY '))
            continue;
        const copy = new CopyIn(next.value.replace(/;\s*$/, ''), {
            // without return(): ending the COPY must not close pg_restore's output under the outer loop
            [Symbol.asyncIterator]: () => ({ next: () => lines.next() }),
        });
        client.query(copy);
        rows += await copy.done;
    }
    const code = await exited;
    if (code !== 0)
        throw new Error(`pg_restore failed: ${firstLine(Buffer.concat(stderr).toString('utf8')) || `exit code ${code}`}`);
    return rows;
}
