import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { findMigrations } from '../../sql/discover.js';

/** Directories never searched for migrations: dependencies, build output, tool caches. */
const SKIPPED = new Set(['node_modules', 'vendor', 'dist', 'build', 'target', 'coverage', 'tmp', 'log', 'logs']);
const MAX_DEPTH = 6;

/**
 * The directories below `root` that hold migrations of a known layout (prisma/migrations,
 * db/migrations, src/main/resources/db/migration…), nearest first: what `pgwarden lint` lints when it
 * is pointed at a repository root that has no migrations of its own. A directory with migrations is
 * not searched further (its subdirectories are its layout's, e.g. Prisma's one folder per migration).
 */
export async function nestedMigrationDirs(root: string): Promise<string[]> {
  const found: string[] = [];
  let level = [root];
  for (let depth = 1; depth <= MAX_DEPTH && level.length > 0; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        continue; // unreadable: not ours to report
      }
      for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (!entry.isDirectory() || entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue;
        const child = join(dir, entry.name);
        if ((await findMigrations(child).catch(() => undefined))?.migrations.length) found.push(child);
        else next.push(child);
      }
    }
    level = next;
  }
  return found;
}
