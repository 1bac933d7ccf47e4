import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { readFile, stat } from 'node:fs/promises';
import { findMigrations, type Layout, type MigrationFile } from '../sql/discover.js';
import { backwardText, forwardText, hasDownSection } from '../sql/sections.js';
import { DEFAULT_MAX_FILE_BYTES } from '../lint/engine.js';
import { firstInvalidUtf8 } from './utf8.js';

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

export function checksumOf(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface LoadOptions {
  /** A larger file is refused before it is read (default: lint's maxFileBytes default, 10 MiB). */
  maxFileBytes?: number;
}

/** Reads a directory's migrations in their tool's order, with checksums. */
export async function loadMigrations(dir: string, options: LoadOptions = {}): Promise<LoadedMigrations> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw new MigrationSetError(`migration directory ${dir} does not exist (use --dir or the config's migrationsDir)`);
  if (!info.isDirectory()) throw new MigrationSetError(`${dir} is not a directory (use --dir or the config's migrationsDir)`);
  const set = await findMigrations(dir);
  const duplicates = set.problems.filter((p) => p.startsWith('duplicate'));
  if (duplicates.length > 0) throw new MigrationSetError(duplicates[0]);
  const limit = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  // sizes first: a bulk-data file is refused before anything is read into memory
  for (const m of set.migrations) {
    for (const path of new Set([m.path, m.downPath].filter((p): p is string => p !== undefined))) {
      const { size } = await stat(path);
      if (size > limit) throw new MigrationSetError(`${path} is ${megabytes(size)}, above the ${megabytes(limit)} limit for one migration file (--max-file-size, or maxFileBytes in the configuration); split it, or load bulk data with COPY outside the migrations`);
    }
  }
  const migrations = await Promise.all(
    set.migrations.map(async (m) => {
      const bytes = await readFile(m.path);
      const text = decodeUtf8(m.path, bytes);
      // a dbmate or goose file is its own down file; its up section is what runs forward
      const downPath = m.downPath ?? (hasDownSection(text) ? m.path : undefined);
      return { ...m, downPath, text: forwardText(text), checksum: checksumOf(bytes) };
    }),
  );
  return { layout: set.layout, migrations, warnings: set.problems };
}

/** The SQL that reverts a migration: its down file, or the down section of a dbmate or goose file. */
export async function readDownText(file: LoadedMigration): Promise<string> {
  const text = decodeUtf8(file.downPath!, await readFile(file.downPath!));
  if (file.downPath !== file.path) return text;
  return backwardText(text);
}

/** The file's text; a file that is not UTF-8 is refused with where it stops being UTF-8. */
export function decodeUtf8(path: string, bytes: Uint8Array): string {
  if (!isUtf8(bytes)) {
    const bad = firstInvalidUtf8(bytes);
    if (bad) {
      const hex = `0x${bad.byte.toString(16).padStart(2, '0')}`;
      throw new MigrationSetError(`${path} is not valid UTF-8: byte ${hex} at byte offset ${bad.offset} (line ${bad.line}); PostgreSQL would refuse it too — re-encode the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)`);
    }
  }
  // a view, not a copy; unlike TextDecoder it keeps a byte order mark, as the checksum does
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

function megabytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${n} bytes`;
}
