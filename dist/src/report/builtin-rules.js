/** Findings the engine itself produces (not from rules/), described for SARIF's rule list. */
export const builtinRuleMetas = [
    {
        id: 'syntax-error',
        category: 'syntax',
        defaultSeverity: 'error',
        summary: 'SQL that PostgreSQL would reject.',
        why: 'The migration fails when it runs; statements after the error are not checked.',
        safeAlternative: 'Fix the SQL so that PostgreSQL accepts it (psql meta-commands such as \\set are not SQL).',
        help: 'Fix the SQL; statements after a syntax error are not checked.',
    },
    {
        id: 'unknown-ignore-rule',
        category: 'robustness',
        defaultSeverity: 'warning',
        summary: 'An ignore directive names a rule that does not exist.',
        why: 'A misspelt rule id in `-- pgwarden-ignore` silences nothing, so the finding it was meant for is still reported, or the typo hides that the directive is stale.',
        safeAlternative: 'Use the rule id exactly as the finding shows it, e.g. `-- pgwarden-ignore ban-drop-table: reason`.',
        help: 'Run `pgwarden rules` for the list of rule ids.',
    },
    {
        id: 'file-too-large',
        category: 'robustness',
        defaultSeverity: 'error',
        summary: 'A file above the size limit (maxFileBytes, default 10 MiB) is not checked.',
        why: 'A file of this size is bulk data rather than schema changes; checking it statement by statement would take minutes and gigabytes, so none of its statements were checked.',
        safeAlternative: 'Split the migration, or load bulk data with COPY outside the migration; raise maxFileBytes to check it anyway.',
        help: 'Split the file, or load bulk data with COPY outside the migration; raise maxFileBytes to check it anyway.',
    },
    {
        id: 'internal-error',
        category: 'robustness',
        defaultSeverity: 'warning',
        summary: 'A rule failed on this statement (a bug in pgwarden).',
        why: 'The statement was not fully checked by the failing rule; other rules still ran.',
        safeAlternative: 'Report the statement to pgwarden; review it by hand meanwhile.',
        help: 'Please report this statement as a pgwarden bug.',
    },
];
/** The rules plus the engine's own finding kinds, without duplicates. */
export function ruleCatalog(rules) {
    const ids = new Set(rules.map((r) => r.id));
    return [...rules, ...builtinRuleMetas.filter((r) => !ids.has(r.id))];
}
