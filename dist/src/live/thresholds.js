export const DEFAULT_SMALL_TABLE = { rows: 10_000 };
export const DEFAULT_LARGE_TABLE = { rows: 1_000_000 };
const UNITS = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4 };
const COUNTS = { '': 1, k: 1e3, m: 1e6, g: 1e9 };
/** Parses `10000`, `10k`, `2M` (rows) or `64kB`, `100MB`, `2GB` (bytes, powers of 1024); undefined when malformed. */
export function parseSizeThreshold(value) {
    if (typeof value === 'number')
        return Number.isFinite(value) && value >= 0 ? { rows: value } : undefined;
    const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(value);
    if (!m)
        return undefined;
    const n = Number(m[1]);
    const unit = m[2].toLowerCase();
    if (unit in UNITS)
        return { bytes: n * UNITS[unit] };
    if (unit in COUNTS)
        return { rows: n * COUNTS[unit] };
    return undefined;
}
export function describeThreshold(t) {
    return 'rows' in t ? `${formatCount(t.rows)} rows` : formatBytes(t.bytes);
}
export function below(t, f) {
    return 'rows' in t ? f.rows < t.rows : f.totalBytes < t.bytes;
}
export function above(t, f) {
    return 'rows' in t ? f.rows > t.rows : f.totalBytes > t.bytes;
}
export function formatBytes(n) {
    if (n < 1024)
        return `${Math.round(n)} B`;
    const units = ['kB', 'MB', 'GB', 'TB'];
    let v = n / 1024;
    let i = 0;
    while (v >= 1024 && i < units.length - 1) {
        v /= 1024;
        i++;
    }
    return `${v >= 100 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}
export function formatCount(n) {
    if (n < 10_000)
        return String(Math.round(n));
    const short = (v, digits) => v.toFixed(digits).replace(/\.0$/, '');
    if (n < 1e6)
        return `${short(n / 1e3, n < 1e5 ? 1 : 0)}k`;
    if (n < 1e9)
        return `${short(n / 1e6, n < 1e8 ? 1 : 0)}M`;
    return `${short(n / 1e9, 1)}G`;
}
export function formatSeconds(s) {
    if (s < 1)
        return `${Math.max(0.01, s).toFixed(2)} s`;
    if (s < 60)
        return `${s.toFixed(1)} s`;
    if (s < 3600)
        return `${(s / 60).toFixed(1)} min`;
    return `${(s / 3600).toFixed(1)} h`;
}
