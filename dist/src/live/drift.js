import { formatBytes, formatCount } from './thresholds.js';
export const SCHEMA_DRIFT_RULE = 'schema-drift';
/** Tables migration tools keep for themselves: never part of a project's history. */
const TOOL_TABLES = new Set(['public.schema_migrations', 'public.flyway_schema_history', 'public._prisma_migrations', 'public.goose_db_version', 'public.ar_internal_metadata', 'public.knex_migrations', 'public.knex_migrations_lock', 'public.sqitch_changes']);
const TOOL_SCHEMAS = new Set(['pgwarden', 'sqitch']);
/**
 * Tables the database has that no linted migration creates: made by hand, or by a migration applied
 * from elsewhere. The model was seeded from the catalog (origin file -1) and then replayed the files, so
 * a table the model does not have, or still has with origin -1, is one the history never (re)created. One finding per table, at the top of
 * `file` (the first linted file): the drift is about the set, not one statement.
 */
export function driftFindings(schema, facts, file) {
    // a set that creates none of the database's tables (one new file, a history that starts later) does
    // not describe the database: every table would be "drift", which says nothing
    const createdByHistory = (key) => (schema.tables.get(key)?.origin.file ?? -1) >= 0;
    if (!Object.keys(facts.tables).some(createdByHistory))
        return [];
    const out = [];
    // every table of the database, not only those seeded into the model (the ones the migrations name)
    for (const key of Object.keys(facts.tables)) {
        if (createdByHistory(key))
            continue;
        if (TOOL_TABLES.has(key) || TOOL_SCHEMAS.has(key.slice(0, key.indexOf('.'))))
            continue;
        if (facts.tables[key].partition)
            continue;
        const f = facts.tables[key];
        const size = f ? ` (~${formatCount(f.rows)} rows, ${formatBytes(f.totalBytes)})` : '';
        out.push({
            rule: SCHEMA_DRIFT_RULE,
            severity: 'warning',
            file,
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 1,
            message: `Table ${key}${size} exists in database ${facts.database} but no migration creates it: it was made by hand or by a migration applied from elsewhere.`,
            help: 'Add a migration that creates it (for a baseline: CREATE TABLE IF NOT EXISTS), or drop it from the database; lint checks later migrations against the table the database has.',
        });
    }
    if (out.length <= MAX_DRIFT_FINDINGS)
        return out;
    // hundreds of tables outside the history is one fact (a history that starts after a baseline), not hundreds
    const names = out.slice(0, MAX_DRIFT_FINDINGS).map((f) => /^Table (\S+)/.exec(f.message)?.[1] ?? '');
    return [{
            ...out[0],
            message: `${out.length} tables exist in database ${facts.database} but no migration creates them (${names.join(', ')}, …): they were made by hand or by migrations applied from elsewhere.`,
            help: 'Start the history with a baseline migration of the existing schema (pg_dump --schema-only), or lint only what is new (--changed-since).',
        }];
}
/** Above this many tables, drift is one finding that counts them. */
export const MAX_DRIFT_FINDINGS = 20;
