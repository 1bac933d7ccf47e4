import { nodeAs, stringList, typeNameToString } from '../sql/ast.js';
/** Splits the model's type string (`varchar(255)`, `numeric(10,2)`, `text[]`). */
export function parseTypeString(type) {
    const m = /^(.*?)(?:\(([^)]*)\))?((?:\[\])*)$/.exec(type.trim());
    if (!m)
        return { base: type, mods: [], array: 0 };
    const mods = (m[2] ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== '')
        .map(Number);
    return { base: m[1], mods: mods.every((n) => Number.isFinite(n)) ? mods : [], array: (m[3] ?? '').length / 2 };
}
const VARCHAR_LIKE = new Set(['varchar', 'text']);
/** Types whose typmod is a fractional-seconds precision (timestamp_support, time_support). */
const TIMESTAMPS = new Set(['timestamp', 'timestamptz', 'time', 'timetz']);
/**
 * True when a USING clause leaves the decision to the type change alone: none, the bare column, or the
 * column cast to the new type (Django writes `TYPE varchar(200) USING "title"::varchar(200)`), which
 * PostgreSQL simplifies to the same coercion as no USING at all.
 */
export function usingKeepsColumn(using, column, newType) {
    if (!using)
        return true;
    const cast = nodeAs(using, 'TypeCast');
    if (cast && typeNameToString(cast.typeName) !== typeNameToString(newType))
        return false;
    const ref = nodeAs(cast ? cast.arg : using, 'ColumnRef');
    return stringList(ref?.fields).join('.') === column;
}
/**
 * True when changing a column from `oldType` to `newType` needs no table rewrite; false when it rewrites.
 * Both strings are in the model's normalised spelling (`varchar(20)`, `int4`, `numeric(12,2)`).
 */
export function isBinaryCoercibleChange(oldType, newType) {
    if (oldType === newType)
        return true;
    const from = parseTypeString(oldType);
    const to = parseTypeString(newType);
    if (from.array !== to.array)
        return false;
    if (from.array > 0)
        return false; // array element coercions run per element: PostgreSQL rewrites
    // varchar(n) → text, varchar(n) → varchar, text → varchar: same storage, no length to check
    if (VARCHAR_LIKE.has(from.base) && to.base === 'text')
        return true;
    if (VARCHAR_LIKE.has(from.base) && to.base === 'varchar') {
        if (to.mods.length === 0)
            return true;
        return from.base === 'varchar' && from.mods.length === 1 && to.mods[0] >= from.mods[0];
    }
    if (from.base === 'numeric' && to.base === 'numeric') {
        if (to.mods.length === 0)
            return true;
        if (from.mods.length === 0)
            return false;
        const [p1, s1 = 0] = from.mods;
        const [p2, s2 = 0] = to.mods;
        return s1 === s2 && p2 >= p1;
    }
    if (from.base === 'varbit' && to.base === 'varbit') {
        if (to.mods.length === 0)
            return true;
        return from.mods.length === 1 && to.mods[0] >= from.mods[0];
    }
    if (TIMESTAMPS.has(from.base) && from.base === to.base) {
        // precision increases keep every stored value (timestamp_support)
        if (to.mods.length === 0)
            return true;
        return from.mods.length === 1 && to.mods[0] >= from.mods[0];
    }
    if (from.base === 'interval' && to.base === 'interval') {
        // typmods are (fields mask[, precision]): dropping the restriction or raising the precision keeps values
        if (to.mods.length === 0)
            return true;
        return from.mods[0] === to.mods[0] && (to.mods[1] ?? 6) >= (from.mods[1] ?? 6) && from.mods.length <= to.mods.length;
    }
    if (from.base === 'cidr' && to.base === 'inet' && to.mods.length === 0)
        return true;
    if (from.base === 'xml' && (to.base === 'text' || (to.base === 'varchar' && to.mods.length === 0)))
        return true;
    return false;
}
