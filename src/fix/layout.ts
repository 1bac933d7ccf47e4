import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { MigrationTool } from '../sql/discover.js';

/** How a file's tool is told to run it outside a transaction: the edited text, or undefined when it cannot be. */
export function withoutTransaction(text: string, tool: MigrationTool): string | undefined {
  switch (tool) {
    case 'pgwarden':
      return /--\s*pgwarden:no-transaction/i.test(text) ? undefined : `-- pgwarden:no-transaction\n${text}`;
    case 'goose':
      return /--\s*\+goose\s+NO\s+TRANSACTION/i.test(text) ? undefined : `-- +goose NO TRANSACTION\n${text}`;
    case 'dbmate':
      return /--\s*migrate:up\b(?![^\n]*transaction:false)/.test(text) ? text.replace(/(--\s*migrate:up)\b/, '$1 transaction:false') : undefined;
    default:
      // golang-migrate and Prisma send the file as one query, Flyway already runs CONCURRENTLY outside one
      return undefined;
  }
}

/**
 * The file that runs right after `path` in its layout, for statements that must follow in a later
 * transaction; undefined when the layout has no name between this migration and the next.
 */
export async function followingMigration(path: string, tool: MigrationTool): Promise<{ path: string; header: string } | undefined> {
  const dir = dirname(path);
  const name = basename(path);
  const taken = new Set(await readdir(dir));
  const free = (candidate: string) => (taken.has(candidate) ? undefined : join(dir, candidate));
  if (tool === 'pgwarden') {
    // numeric-aware order: `0003_add_fk_validate` sorts right after `0003_add_fk`, before `0004_…`
    const m = /^(.*)\.sql$/.exec(name);
    const at = m && free(`${m[1]}_validate.sql`);
    return at ? { path: at, header: '' } : undefined;
  }
  if (tool === 'golang-migrate' || tool === 'goose' || tool === 'dbmate') {
    const m = tool === 'golang-migrate' ? /^(\d+)_(.*)\.up\.sql$/.exec(name) : /^(\d+)_(.*)\.sql$/.exec(name);
    if (!m) return undefined;
    const next = (BigInt(m[1]) + 1n).toString().padStart(m[1].length, '0');
    // versions are integers: the next one must not be taken by any migration already
    if ([...taken].some((f) => new RegExp(`^0*${next.replace(/^0+/, '')}_`).test(f))) return undefined;
    const file = tool === 'golang-migrate' ? `${next}_${m[2]}_validate.up.sql` : `${next}_${m[2]}_validate.sql`;
    const header = tool === 'goose' ? '-- +goose Up\n' : tool === 'dbmate' ? '-- migrate:up\n' : '';
    const at = free(file);
    return at ? { path: at, header } : undefined;
  }
  if (tool === 'flyway') {
    // V3__x.sql → V3_1__x_validate.sql: Flyway compares versions part by part (V3 < V3_1 < V4)
    const m = /^V([0-9._]+)__(.*)\.sql$/.exec(name);
    const at = m && free(`V${m[1]}_1__${m[2]}_validate.sql`);
    return at ? { path: at, header: '' } : undefined;
  }
  return undefined;
}
