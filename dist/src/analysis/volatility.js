import { stringList, walk } from '../sql/ast.js';
/** Functions PostgreSQL (and common extensions) mark VOLATILE, as pg_proc.provolatile says. */
const VOLATILE = new Set([
    'gen_random_uuid', 'uuid_generate_v1', 'uuid_generate_v1mc', 'uuid_generate_v4', 'uuidv4', 'uuidv7',
    'random', 'random_normal', 'setseed', 'clock_timestamp', 'timeofday', 'nextval', 'currval', 'lastval',
    'setval', 'gen_random_bytes', 'gen_salt',
]);
/** Stable and immutable functions commonly used in defaults (evaluated once: no rewrite on PG 11+). */
const NOT_VOLATILE = new Set([
    'now', 'transaction_timestamp', 'statement_timestamp', 'current_setting', 'timezone', 'date_trunc',
    'to_timestamp', 'to_date', 'to_char', 'make_date', 'make_timestamp', 'make_timestamptz', 'make_interval',
    'lower', 'upper', 'trim', 'btrim', 'ltrim', 'rtrim', 'concat', 'concat_ws', 'length', 'md5', 'substr',
    'substring', 'replace', 'left', 'right', 'abs', 'round', 'floor', 'ceil', 'greatest', 'least',
    'jsonb_build_object', 'jsonb_build_array', 'json_build_object', 'json_build_array', 'to_jsonb', 'to_json',
    'array_fill', 'int4range', 'int8range', 'tstzrange', 'daterange', 'numrange', 'inet', 'point',
    'current_database', 'current_schema', 'current_user', 'session_user', 'uuid_nil', 'uuid_ns_url',
    'txid_current', 'pg_current_xact_id', 'age', 'extract', 'date_part', 'encode', 'decode', 'sha256', 'digest', 'interval',
]);
/** Least to most volatile; "unknown" sits below volatile so that a known volatile call decides. */
export const VOLATILITY_RANK = { immutable: 0, stable: 1, unknown: 2, volatile: 3 };
/**
 * Classifies a default (or any) expression; the most volatile part wins. `declared` holds functions the
 * migrations created (bare and qualified name → their declared volatility); they count before the lists.
 */
export function expressionVolatility(expr, declared) {
    if (!expr)
        return { volatility: 'immutable' };
    let verdict = { volatility: 'immutable' };
    const raise = (v, fn) => {
        if (VOLATILITY_RANK[v] > VOLATILITY_RANK[verdict.volatility])
            verdict = { volatility: v, function: fn };
    };
    walk(expr, (kind, payload) => {
        if (kind === 'FuncCall') {
            const names = stringList(payload.funcname);
            const name = names.filter((n) => n !== 'pg_catalog').join('.');
            const bare = names[names.length - 1] ?? '';
            const own = declared?.get(name) ?? declared?.get(bare);
            if (own)
                raise(own, name);
            else if (VOLATILE.has(bare))
                raise('volatile', name);
            else if (NOT_VOLATILE.has(bare) || NOT_VOLATILE.has(name))
                raise('stable', name);
            else
                raise('unknown', name);
        }
        else if (kind === 'SQLValueFunction') {
            // CURRENT_TIMESTAMP, CURRENT_DATE, CURRENT_USER, LOCALTIMESTAMP…: stable
            raise('stable');
        }
        else if (kind === 'SubLink') {
            raise('unknown', 'a subquery');
            return false;
        }
        return undefined;
    });
    return verdict;
}
/** Serial pseudo-types: the column gets `DEFAULT nextval(…)`, which is volatile. */
export function isSerialType(type) {
    return ['serial', 'serial4', 'bigserial', 'serial8', 'smallserial', 'serial2'].includes(type);
}
/** The type a serial pseudo-type stands for (`bigserial` → `int8`). */
export function serialBaseType(type) {
    if (type === 'bigserial' || type === 'serial8')
        return 'int8';
    if (type === 'smallserial' || type === 'serial2')
        return 'int2';
    if (type === 'serial' || type === 'serial4')
        return 'int4';
    return type;
}
