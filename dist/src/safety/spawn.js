// Starting the client binaries (pg_dump, pg_restore, psql), apart from pg-tools.ts: these signatures name
// Node's stream types, and pg-tools.ts is part of the published API, whose declarations need no @types/node.
import { spawn } from 'node:child_process';
import { splitPassword } from './redact.js';
/** Starts a client binary with an argument array (no shell), the password only in its environment. */
export function spawnTool(command, args, options = {}) {
    const { env, finalArgs } = toolInvocation(args, options);
    return spawn(command, finalArgs, { env, stdio: ['ignore', 'pipe', 'pipe'] });
}
/** The arguments and environment of a client binary: `--dbname` without the password, which goes to PGPASSWORD. */
export function toolInvocation(args, options) {
    const env = { ...process.env };
    const finalArgs = [...args];
    if (options.databaseUrl) {
        const { url, password } = splitPassword(options.databaseUrl);
        if (password !== undefined)
            env.PGPASSWORD = password;
        finalArgs.push(`--dbname=${url}`);
    }
    return { env, finalArgs };
}
