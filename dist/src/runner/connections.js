import { connect } from '../db/connect.js';
import { forgetHistorySchema, HISTORY_SCHEMA, useHistorySchema } from './history.js';
/**
 * Opens the connections of one command. Two sessions where possible: the run lock and the monitoring
 * queries must not share the migration's transaction. Their history lives in `historySchema`.
 */
export async function openSession(source, count, historySchema = HISTORY_SCHEMA) {
    const session = await open(source, count);
    for (const c of new Set([session.control, session.migration]))
        useHistorySchema(c, historySchema);
    return {
        ...session,
        close: async () => {
            for (const c of new Set([session.control, session.migration]))
                forgetHistorySchema(c);
            await session.close();
        },
    };
}
async function open(source, count) {
    if (source.kind === 'client') {
        return { control: source.client, migration: source.client, migrationPid: await pidOf(source.client), close: async () => undefined };
    }
    if (source.kind === 'pool') {
        const clients = [];
        try {
            for (let i = 0; i < count; i++)
                clients.push(await source.pool.connect());
        }
        catch (error) {
            for (const c of clients)
                c.release();
            throw error;
        }
        const migration = clients[count - 1];
        return {
            control: clients[0],
            migration,
            migrationPid: await pidOf(migration),
            close: async () => {
                // a session-level setting or lock must not leak back into the application's pool
                for (const c of clients)
                    c.release(true);
            },
        };
    }
    const control = await connect(source.target);
    let migration = control;
    if (count === 2) {
        try {
            migration = await connect(source.target);
        }
        catch (error) {
            await control.end().catch(() => undefined);
            throw error;
        }
    }
    return {
        control,
        migration,
        migrationPid: await pidOf(migration),
        close: async () => {
            await control.end().catch(() => undefined);
            if (migration !== control)
                await migration.end().catch(() => undefined);
        },
    };
}
async function pidOf(client) {
    const { rows } = await client.query('select pg_backend_pid() as pid');
    return rows[0].pid;
}
