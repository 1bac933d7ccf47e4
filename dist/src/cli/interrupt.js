const SIGNALS = { SIGINT: 130, SIGTERM: 143 };
/**
 * Wraps `inner` so that an interruption can say which migration was running. The process exits at
 * once: closing the connections is what makes the server roll back the open transaction and drop the
 * run lock (the runner sets client_connection_check_interval so a running statement stops too).
 */
export function trackProgress(inner, changesDatabase) {
    let current;
    let finished = 0;
    let restoring;
    let backingUp = false;
    let started = false;
    const watch = (event, fields) => {
        const name = typeof fields?.migration === 'string' ? fields.migration : undefined;
        if ((event === 'migrating' || event === 'reverting') && name) {
            current = { name, verb: event === 'migrating' ? 'applying' : 'reverting' };
            started = true;
        }
        else if (event === 'migrated' || event === 'reverted') {
            current = undefined;
            finished++;
        }
        else if (event === 'migration_failed')
            current = undefined;
        else if (event === 'restore.start')
            restoring = name ?? 'the failed migration';
        else if (event === 'restore.done' || event === 'restore.failed' || event === 'restore.mismatch' || event === 'restore.unverified' || event === 'restore.impossible')
            restoring = undefined;
        else if (event === 'backup.start')
            backingUp = true;
        else if (event === 'backup.created' || event === 'backup.skipped')
            backingUp = false;
    };
    return {
        logger: {
            info: (event, fields) => (watch(event, fields), inner.info(event, fields)),
            warn: (event, fields) => (watch(event, fields), inner.warn(event, fields)),
            error: (event, fields) => (watch(event, fields), inner.error(event, fields)),
        },
        describe(signal) {
            const before = finished > 0 ? `; the ${finished} migration(s) finished before it stay as they are` : '';
            if (!changesDatabase)
                return `interrupted (${signal}): stopped; nothing was changed`;
            if (restoring) {
                return `interrupted (${signal}) while restoring the backup after ${restoring} failed: stopped; the database may be half-restored: run \`pgwarden migrate repair\` and \`pgwarden backups list\` / \`pgwarden backups restore <id>\``;
            }
            if (backingUp)
                return `interrupted (${signal}) while taking the backup, before any migration ran: stopped; nothing was changed (a partial dump may be left in the backup directory)`;
            if (!started)
                return `interrupted (${signal}) before any migration ran: stopped; nothing was changed`;
            if (!current) {
                return `interrupted (${signal})${finished > 0 ? ` after ${finished} migration(s) finished` : ''}: stopped between migrations; \`pgwarden migrate status\` shows where it stands`;
            }
            return (`interrupted (${signal}) while ${current.verb} ${current.name}: stopped; the server rolls back its transaction and releases the run lock as the connection closes${before} ` +
                `(if it ran outside a transaction, \`pgwarden migrate status\` marks it INTERRUPTED: run \`pgwarden migrate repair\`)`);
        },
    };
}
/**
 * While `work` runs, SIGINT (ctrl-c) and SIGTERM print one line on stderr and exit with 128 + the
 * signal's number, instead of Node's silent exit that leaves the user guessing what state the database is in.
 */
export async function onInterrupt(describe, work) {
    const handlers = Object.keys(SIGNALS).map((signal) => {
        const handler = () => {
            // a terminal may show a progress line ("applying 0002_x…" and the ^C echo): the message replaces it
            if (process.stdout.isTTY)
                process.stdout.write('\r\x1b[K');
            process.stderr.write(`pgwarden: ${describe(signal)}\n`);
            process.exit(SIGNALS[signal]);
        };
        process.once(signal, handler);
        return [signal, handler];
    });
    try {
        return await work();
    }
    finally {
        for (const [signal, handler] of handlers)
            process.off(signal, handler);
    }
}
