import { DEFAULT_PG_MAJOR } from '../../analysis/pg-features.js';
import { UserError } from '../errors.js';
/**
 * The PostgreSQL major lint checks for: --pg-version, else the server --database-url names (one
 * read-only query), else `pgVersion` of the configuration, else the default (and the caller says so).
 */
export async function targetVersion(flag, databaseUrl, configured) {
    if (flag !== undefined)
        return { major: parsePgVersion(flag), source: 'flag' };
    if (databaseUrl !== undefined)
        return { major: await serverMajorAt(databaseUrl), source: 'database' };
    if (configured !== undefined)
        return { major: configured, source: 'config' };
    return { major: DEFAULT_PG_MAJOR, source: 'default' };
}
export function assumedVersionNote(major) {
    return `pgwarden: linting for PostgreSQL ${major}, the default: set "pgVersion" in the configuration, or pass --pg-version or --database-url, to lint for your server's major\n`;
}
function parsePgVersion(value) {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 9 || n > 30)
        throw new UserError(`--pg-version expects a PostgreSQL major version such as 15, got '${value}'`);
    return n;
}
async function serverMajorAt(databaseUrl) {
    const { connect, parseDatabaseUrl, serverVersion, ConnectionError } = await import('../../db/index.js');
    try {
        const client = await connect(parseDatabaseUrl(databaseUrl), { applicationName: 'pgwarden lint', connectTimeoutMs: 10_000 });
        try {
            return (await serverVersion(client)).major;
        }
        finally {
            await client.end().catch(() => undefined);
        }
    }
    catch (error) {
        if (error instanceof ConnectionError)
            throw new UserError(error.message);
        throw error;
    }
}
