import { createHash } from 'node:crypto';
import { connect } from '../db/connect.js';
import { parseDatabaseUrl } from '../db/url.js';
import { ConnectionError } from '../db/errors.js';
import { FleetUsageError } from './errors.js';
/** Passwords to scrub from every line the fleet writes. */
export function secretsOf(config) {
    const urls = config.source.kind === 'list' ? config.source.targets.map((t) => t.url) : [config.source.url];
    return urls.flatMap((u) => tryParse(u)?.secrets ?? []);
}
/** The fleet's targets, sorted by name: listed ones as given, the others found by the pattern. */
export async function discoverTargets(config) {
    const source = config.source;
    let found;
    if (source.kind === 'list') {
        found = source.targets.map((t) => {
            const parsed = parse(t.url);
            return t.schema ? schemaTarget(t.name, t.schema, parsed, t.url.url, ['{schema}', 'public'], 'pgwarden_{schema}') : { name: t.name, url: t.url.url, display: parsed.display };
        });
    }
    else {
        const names = await namesOnServer(source, parse(source.url));
        const excluded = new Set(source.exclude);
        found = names.filter((n) => !excluded.has(n)).map((name) => (source.kind === 'schemas' ? schemaTarget(name, name, parse(source.url), source.url.url, source.searchPath, source.historySchema) : databaseTarget(name, source.url.url)));
    }
    return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
async function namesOnServer(source, target) {
    const client = await connect(target, { applicationName: 'pgwarden fleet' });
    try {
        const sql = source.kind === 'databases'
            ? `select datname as name from pg_database where datname like $1 and datallowconn and not datistemplate order by 1`
            : // pgwarden's own schemas (histories, snapshots) are never tenants, whatever the pattern says
                `select nspname as name from pg_namespace where nspname like $1 and nspname !~ '^pg_' and nspname <> 'information_schema'
              and nspname not like 'pgwarden%' order by 1`;
        const { rows } = await client.query(sql, [source.match]);
        return rows.map((r) => r.name);
    }
    finally {
        await client.end().catch(() => undefined);
    }
}
function databaseTarget(database, serverUrl) {
    const url = new URL(serverUrl);
    url.pathname = `/${encodeURIComponent(database)}`;
    return { name: database, url: url.toString(), display: parseDatabaseUrl(url.toString()).display };
}
function schemaTarget(name, schema, parsed, url, searchPath, historySchema) {
    const fill = (template) => template.replaceAll('{schema}', schema);
    return {
        name,
        url,
        display: `${parsed.display}#${schema}`,
        schema,
        searchPath: searchPath.map(fill),
        historySchema: historySchema === 'pgwarden_{schema}' ? tenantHistorySchema(schema) : fill(historySchema),
    };
}
/**
 * `pgwarden_<schema>`: a tenant's history beside its schema (never inside it: a restore of the tenant
 * must not rewind its history). Names past PostgreSQL's 63 bytes keep a hash to stay distinct.
 */
export function tenantHistorySchema(schema) {
    const name = `pgwarden_${schema}`;
    if (Buffer.byteLength(name) <= 63)
        return name;
    const hash = createHash('sha256').update(schema).digest('hex').slice(0, 8);
    let head = name;
    while (Buffer.byteLength(head) > 54)
        head = head.slice(0, -1);
    return `${head}_${hash}`;
}
function parse(ref) {
    try {
        return parseDatabaseUrl(ref.url);
    }
    catch (error) {
        if (error instanceof ConnectionError)
            throw new FleetUsageError(`${ref.key}${ref.variable ? ` ($${ref.variable})` : ''}: ${error.message}`);
        throw error;
    }
}
function tryParse(ref) {
    try {
        return parseDatabaseUrl(ref.url);
    }
    catch {
        return undefined;
    }
}
/** A directory named after the target (its backups), whatever characters the name holds. */
export function directoryName(name) {
    const safe = name.replace(/[/\\\0]/g, '_');
    return safe === '.' || safe === '..' ? `_${safe}` : safe;
}
