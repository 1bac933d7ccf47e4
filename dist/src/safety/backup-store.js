import { mkdir, chmod, readdir, readFile, rm, stat, statfs, writeFile, access, constants } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { BackupError } from './errors.js';
import { zod4Messages } from '../zod-messages.js';
export const DEFAULT_BACKUP_DIR = '.pgwarden/backups';
const catalogObject = z.object({
    kind: z.enum(['schema', 'extension', 'table', 'view', 'materialized view', 'sequence', 'foreign table', 'index', 'constraint', 'trigger', 'column', 'type', 'function']),
    schema: z.string(),
    name: z.string(),
    table: z.string().optional(),
    detail: z.string().optional(),
});
export const manifestSchema = z.object({
    format: z.literal(1),
    id: z.string(),
    engine: z.enum(['pg_dump', 'snapshot']),
    mode: z.enum(['targeted', 'full', 'snapshot']),
    createdAt: z.string(),
    database: z.string(),
    serverVersion: z.string(),
    pgwardenVersion: z.string(),
    pgDumpVersion: z.string().optional(),
    migrations: z.array(z.string()),
    tables: z.array(z.object({
        name: z.string(),
        rows: z.number(),
        exact: z.boolean(),
        checksum: z.string().optional(),
        bytes: z.number(),
        snapshotTable: z.string().optional(),
    })),
    /** The schemas the backup covers (SafetyOptions.schemas); absent: the whole database. */
    schemas: z.array(z.string()).optional(),
    /** The history schema of the run that took it, when not `pgwarden` (a tenant's): `backups restore` rewinds that one. */
    historySchema: z.string().optional(),
    dumpFile: z.string().optional(),
    dumpBytes: z.number().optional(),
    sha256: z.string().optional(),
    catalog: z.object({ objects: z.array(catalogObject), sequences: z.record(z.string(), z.string().nullable()) }),
});
/** Sortable by creation time: `20261128-013059-3fa2`. */
export function newBackupId(now = new Date()) {
    // milliseconds: several backups in one second must still list (and prune) in the order taken
    const stamp = now.toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 18);
    return `${stamp}-${randomBytes(2).toString('hex')}`;
}
/**
 * Creates the directory (0700) and makes sure a backup of about `estimatedBytes` fits. Refusing
 * here, before anything is applied, beats a dump that fills the disk halfway through a run.
 */
export async function prepareBackupDir(dir, estimatedBytes) {
    try {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        await chmod(dir, 0o700);
        await access(dir, constants.W_OK);
        const probe = join(dir, `.probe-${randomBytes(4).toString('hex')}`);
        await writeFile(probe, '', { mode: 0o600 });
        await rm(probe);
    }
    catch (error) {
        const e = error;
        throw new BackupError(`backup directory ${dir} is not writable (${e.code ?? e.message}): choose another with --backup-dir`);
    }
    const fs = await statfs(dir);
    const free = fs.bavail * fs.bsize;
    if (free < estimatedBytes) {
        throw new BackupError(`not enough disk space for the backup in ${dir}: about ${formatBytes(estimatedBytes)} needed, ${formatBytes(free)} free; free some space or choose another --backup-dir`);
    }
}
export function manifestPath(dir, id) {
    return join(dir, `${id}.json`);
}
export function dumpPath(dir, id) {
    return join(dir, `${id}.dump`);
}
export async function writeManifest(dir, manifest) {
    const path = manifestPath(dir, manifest.id);
    await writeFile(path, JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
    await chmod(path, 0o600);
    return path;
}
export async function readManifest(dir, id) {
    let text;
    try {
        text = await readFile(manifestPath(dir, id), 'utf8');
    }
    catch {
        throw new BackupError(`no backup '${id}' in ${dir} (pgwarden backups list shows them)`);
    }
    const parsed = manifestSchema.safeParse(JSON.parse(text), { errorMap: zod4Messages });
    if (!parsed.success)
        throw new BackupError(`backup manifest ${manifestPath(dir, id)} is not valid: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
}
/** Every readable manifest in the directory, oldest first; unreadable files are skipped. */
export async function listBackups(dir) {
    const names = await namesIn(dir);
    const out = [];
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
        try {
            const parsed = manifestSchema.safeParse(JSON.parse(await readFile(join(dir, name), 'utf8')));
            if (parsed.success)
                out.push(parsed.data);
        }
        catch {
            // not one of ours
        }
    }
    return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}
export async function listIncompleteBackups(dir) {
    const names = await namesIn(dir);
    const manifests = new Set(names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length)));
    const out = [];
    for (const name of names.filter((n) => n.endsWith('.dump')).sort()) {
        const id = name.slice(0, -'.dump'.length);
        if (manifests.has(id))
            continue;
        const info = await stat(join(dir, name)).catch(() => undefined);
        if (info)
            out.push({ id, file: join(dir, name), bytes: info.size, modified: info.mtime });
    }
    return out;
}
/** The file names in the backup directory; none when it does not exist yet. */
async function namesIn(dir) {
    try {
        return await readdir(dir);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return [];
        throw error;
    }
}
/** Removes the files of a backup: its dump, its manifest and the restore lists written beside them. */
export async function removeBackupFiles(dir, manifest) {
    const own = (await readdir(dir)).filter((f) => f === manifest.dumpFile || f.startsWith(`${manifest.id}.`));
    for (const f of own)
        await rm(join(dir, f), { force: true });
}
export function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ['kB', 'MB', 'GB', 'TB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
