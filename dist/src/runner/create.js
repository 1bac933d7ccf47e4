import { mkdir, writeFile, appendFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { findMigrations } from '../sql/discover.js';
/**
 * Writes a new migration named `<UTC timestamp>_<name>` (and its down file) following the layout the
 * directory already uses; an empty or missing directory gets `.up.sql`/`.down.sql` pairs.
 */
export async function createMigration(dir, name, now = new Date()) {
    const slug = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
    if (!slug)
        throw new Error(`migration name '${name}' has no letters or digits`);
    const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const exists = await stat(dir).then((s) => s.isDirectory(), () => false);
    const set = exists ? await findMigrations(dir) : undefined;
    const layout = set && set.migrations.length > 0 ? set.layout : 'up-down';
    const up = `-- ${name}: forward migration\n`;
    const down = `-- ${name}: reverts ${stamp}_${slug}\n`;
    const files = [];
    const taken = async (path) => stat(path).then(() => true, () => false);
    switch (layout) {
        case 'flyway':
            files.push([join(dir, `V${stamp}__${slug}.sql`), up], [join(dir, `U${stamp}__${slug}.sql`), down]);
            break;
        case 'prisma':
            // Prisma has no down files: a revert is a new forward migration.
            files.push([join(dir, `${stamp}_${slug}`, 'migration.sql'), up]);
            break;
        case 'sqitch': {
            const change = `${stamp}_${slug}`;
            files.push([join(dir, 'deploy', `${change}.sql`), up], [join(dir, 'revert', `${change}.sql`), down]);
            const planPath = join(dir, 'sqitch.plan');
            await refuseExisting(files, taken);
            if (await taken(planPath)) {
                await appendFile(planPath, `${change} ${now.toISOString().replace(/\.\d{3}Z$/, 'Z')} pgwarden <pgwarden@localhost> # ${name}\n`);
            }
            break;
        }
        case 'plain':
            files.push([join(dir, `${stamp}_${slug}.sql`), up], [join(dir, `${stamp}_${slug}.down.sql`), down]);
            break;
        default:
            files.push([join(dir, `${stamp}_${slug}.up.sql`), up], [join(dir, `${stamp}_${slug}.down.sql`), down]);
    }
    await refuseExisting(files, taken);
    for (const [path, text] of files) {
        await mkdir(join(path, '..'), { recursive: true });
        await writeFile(path, text, { flag: 'wx' });
    }
    return { layout, files: files.map(([p]) => p) };
}
/** Checked before anything is written: a half-created pair (up without down) is worse than none. */
async function refuseExisting(files, taken) {
    for (const [path] of files) {
        if (await taken(path))
            throw new Error(`${path} already exists (a migration of that name was created this second): choose another name or run again in a second`);
    }
}
