import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
/** The file that undoes `path` in its tool's layout, or undefined when the layout has no such file. */
export function downFileFor(path) {
    const name = basename(path);
    const upDown = /^(.+)\.up\.sql$/i.exec(name);
    if (upDown)
        return join(dirname(path), `${upDown[1]}.down.sql`);
    // Flyway: V<version>__<description>.sql is undone by U<version>__<description>.sql
    const flyway = /^V([^_]+__.+\.sql)$/.exec(name);
    if (flyway)
        return join(dirname(path), `U${flyway[1]}`);
    return undefined;
}
export const requireDownMigration = {
    meta: {
        id: 'require-down-migration',
        category: 'robustness',
        defaultSeverity: 'off',
        summary: 'An up migration has no matching down (undo) migration.',
        why: 'When a deploy goes wrong, the fastest way back is to run the prepared down migration, not to write one under pressure. For layouts that pair files, a missing pair means there is no rollback plan: golang-migrate/dbmate style `<name>.up.sql` needs `<name>.down.sql`, Flyway `V<n>__<name>.sql` needs `U<n>__<name>.sql`. Layouts without down files (plain *.sql, Prisma) are not checked. Off by default.',
        safeAlternative: [
            'Write the down file next to the up file, undoing the change in reverse order:',
            '```sql',
            '-- 000042_add_orders_note.up.sql',
            'ALTER TABLE orders ADD COLUMN note text;',
            '```',
            '```sql',
            '-- 000042_add_orders_note.down.sql',
            'ALTER TABLE orders DROP COLUMN note;',
            '```',
        ].join('\n'),
        help: 'Add the matching down/undo migration file.',
        limits: 'Off by default. Checked for layouts that pair files (golang-migrate style up/down, Flyway V/U); dbmate and goose keep both directions in one file and are not checked, nor layouts without down files (plain, Prisma).',
    },
    checkFile({ file, allFiles, report }) {
        const down = downFileFor(file.path);
        if (!down)
            return;
        if (allFiles.includes(down) || existsSync(down))
            return;
        report({
            message: `${basename(file.path)} has no down migration: expected ${basename(down)} next to it.`,
            range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
        });
    },
};
