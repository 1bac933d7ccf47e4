import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { findMigrations, type Layout, type MigrationFile } from '../sql/discover.js';
import { dbmateSections } from '../sql/sections.js';

export interface LoadedMigration extends MigrationFile {
  text: string;
  /** sha256 (hex) of the file's bytes. */
  checksum: string;
}

export interface LoadedMigrations {
  layout: Layout;
  migrations: LoadedMigration[];
  /** Discovery problems that do not stop a run (e.g. a file the layout ignores). */
  warnings: string[];
}

/** A migration directory the runner cannot use as it is (missing, duplicate names). */
export class MigrationSetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationSetError';
  }
}

export function checksumOf(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads a directory's migrations in their tool's order, with checksums. */
export async function loadMigrations(dir: string): Promise<LoadedMigrations> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw new MigrationSetError(`migration directory ${dir} does not exist (use --dir or the config's migrationsDir)`);
  if (!info.isDirectory()) throw new MigrationSetError(`${dir} is not a directory (use --dir or the config's migrationsDir)`);
  const set = await findMigrations(dir);
  const duplicates = set.problems.filter((p) => p.startsWith('duplicate'));
  if (duplicates.length > 0) throw new MigrationSetError(duplicates[0]);
  const migrations = await Promise.all(
    set.migrations.map(async (m) => {
      const bytes = await readFile(m.path);
      const text = bytes.toString('utf8');
      const sections = text.includes('migrate:') ? dbmateSections(text) : undefined;
      // a dbmate file is its own down file
      const downPath = m.downPath ?? (sections?.down ? m.path : undefined);
      return { ...m, downPath, text: sections?.up.text ?? text, checksum: checksumOf(bytes) };
    }),
  );
  return { layout: set.layout, migrations, warnings: set.problems };
}

/** The SQL that reverts a migration: its down file, or the down section of a dbmate file. */
export async function readDownText(file: LoadedMigration): Promise<string> {
  const text = await readFile(file.downPath!, 'utf8');
  if (file.downPath !== file.path) return text;
  return dbmateSections(text)?.down?.text ?? '';
}
