import { join } from 'node:path';
import { archiveContents, archiveSchemaDump, sha256File } from './archive.js';
import { readManifest } from './backup-store.js';
import { BackupError } from './errors.js';
import { tableFromKey } from './names.js';
import { choosePgTools, olderServer } from './pg-client.js';
import { pgTools, serverMajor } from './pg-tools.js';
import { restoreDatabase } from './restore.js';
/**
 * Restores a backup by id (`pgwarden backups restore`): the schema back to the manifest's catalog,
 * the rows of its tables back from the dump or snapshot, then checks counts and checksums against
 * the manifest. The archive's sha256 is checked first: a modified dump is never restored.
 */
export async function restoreBackup(request) {
    const manifest = await readManifest(request.backupDir, request.id);
    // the client of the dump's own major reads its archive and writes SQL that server accepts
    const tools = manifest.engine === 'pg_dump' ? await clientForDump(manifest, request.pgDumpPath) : pgTools(request.pgDumpPath);
    let source;
    let schemaDump;
    if (manifest.engine === 'pg_dump') {
        if (!manifest.dumpFile)
            throw new BackupError(`backup ${manifest.id} names no dump file`);
        const file = join(request.backupDir, manifest.dumpFile);
        const sha = await sha256File(file).catch(() => {
            throw new BackupError(`backup ${manifest.id}: cannot read ${file}`);
        });
        if (sha !== manifest.sha256)
            throw new BackupError(`backup ${manifest.id}: ${file} does not match its manifest's sha256; refusing to restore it`);
        await archiveContents(tools, file);
        schemaDump = await archiveSchemaDump(tools, file);
        source = { engine: 'pg_dump', tools, file };
    }
    else {
        source = {
            engine: 'snapshot',
            copies: new Map(manifest.tables.flatMap((t) => (t.snapshotTable ? [[t.name, tableFromKey(t.snapshotTable)]] : []))),
        };
    }
    const target = {
        catalog: manifest.catalog,
        tables: manifest.tables.map((t) => ({
            table: tableFromKey(t.name),
            exists: true,
            fingerprint: t.checksum !== undefined ? { rows: t.rows, checksum: t.checksum } : null,
        })),
        ...(schemaDump !== undefined ? { schemaDump } : {}),
    };
    request.log.warn('restore.start', { backup: manifest.id, message: `restoring backup ${manifest.id} (${manifest.createdAt})` });
    const report = await restoreDatabase({ databaseUrl: request.databaseUrl, source, target, log: request.log, schemas: manifest.schemas });
    return { manifest, report };
}
/** The client of the dump's major, going through psql where its pg_restore is newer than the server it restores into. */
async function clientForDump(manifest, pgDumpPath) {
    const chosen = await choosePgTools(versionOf(manifest.pgDumpVersion ?? manifest.serverVersion), pgDumpPath);
    const server = serverMajor(versionOf(manifest.serverVersion).num);
    return { pgDump: chosen.pgDump, pgRestore: chosen.pgRestore, ...olderServer(chosen.pgDump, Number.parseInt(chosen.version, 10), server) };
}
/** `17.6` (as manifests record versions) → the shape choosePgTools compares. */
function versionOf(text) {
    const [major, minor] = text.split('.').map((n) => Number.parseInt(n, 10));
    return { num: (major || 0) * 10000 + (minor || 0), text };
}
