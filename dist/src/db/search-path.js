import { quoteIdent } from './quote.js';
/**
 * `search_path` as a startup option of the connection (`options=-c search_path=…`), so that every
 * connection made from the target — the runner's, the safety net's, pg_dump's — resolves names alike and
 * `RESET search_path` returns to it. libpq and node-postgres both read `options` from the URL.
 */
export function withSearchPath(target, path) {
    const option = `-c search_path=${escapeOption(path.map(quoteIdent).join(','))}`;
    const url = target.config.connectionString;
    if (url === undefined) {
        // PG* variables: node-postgres reads PGOPTIONS itself unless options are given
        const existing = target.config.options ?? process.env.PGOPTIONS;
        return { ...target, config: { ...target.config, options: existing ? `${existing} ${option}` : option } };
    }
    const parsed = new URL(url);
    const existing = parsed.searchParams.get('options');
    parsed.searchParams.set('options', existing ? `${existing} ${option}` : option);
    // URLSearchParams writes a space as '+', which libpq (pg_dump) does not decode; it writes a real '+' as %2B
    parsed.search = parsed.search.replace(/\+/g, '%20');
    return { ...target, config: { ...target.config, connectionString: parsed.toString() } };
}
/** In startup options a space separates arguments; a backslash escapes a space or itself. */
function escapeOption(value) {
    return value.replace(/\\/g, '\\\\').replace(/ /g, '\\ ');
}
