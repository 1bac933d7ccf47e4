import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';

export type Layout = 'plain' | 'up-down' | 'flyway' | 'prisma' | 'sqitch';

export interface MigrationFile {
  /** Name stored in the runner's history: the file name without `.sql`/`.up.sql` (Prisma: the folder). */
  name: string;
  /** The forward migration. */
  path: string;
  /** The matching down/undo/revert file, when the layout has one and it exists. */
  downPath?: string;
}

export interface MigrationSet {
  layout: Layout;
  migrations: MigrationFile[];
  /** Problems found while discovering (duplicate names, a down file without its up file…). */
  problems: string[];
}

/**
 * The migrations of one directory in the order their tool runs them. (Being extended to every layout
 * of DESIGN.md; today: plain *.sql and *.up.sql/*.down.sql, numeric-aware order.)
 */
export async function findMigrations(dir: string): Promise<MigrationSet> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.sql'));
  names.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const upDown = names.some((n) => n.endsWith('.up.sql'));
  const migrations: MigrationFile[] = [];
  for (const n of names) {
    if (n.endsWith('.down.sql')) continue;
    const name = n.replace(/(\.up)?\.sql$/, '');
    const down = `${name}.down.sql`;
    migrations.push({ name, path: join(dir, n), downPath: names.includes(down) ? join(dir, down) : undefined });
  }
  return { layout: upDown ? 'up-down' : 'plain', migrations, problems: [] };
}

/** Files to lint for the given paths (files as given, directories through findMigrations), in order. */
export async function discoverMigrations(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const info = await stat(p);
    if (info.isFile()) out.push(p);
    else out.push(...(await findMigrations(p)).migrations.map((m) => m.path));
  }
  return out;
}

export function migrationNameOf(path: string): string {
  return basename(path).replace(/(\.up)?\.sql$/, '');
}
