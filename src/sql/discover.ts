import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Migration files under the given paths, in migration order. (Layouts: being extended.) */
export async function discoverMigrations(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const info = await stat(p);
    if (info.isFile()) out.push(p);
    else {
      const names = (await readdir(p)).filter((n) => n.endsWith('.sql'));
      names.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
      out.push(...names.map((n) => join(p, n)));
    }
  }
  return out;
}
