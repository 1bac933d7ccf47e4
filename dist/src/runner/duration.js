/** Parses `500ms`, `10s`, `3m`, `1h` or a bare number of milliseconds; undefined when malformed. */
export function parseDuration(text) {
    if (typeof text === 'number')
        return Number.isFinite(text) && text >= 0 ? text : undefined;
    const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?\s*$/i.exec(text);
    if (!m)
        return undefined;
    const value = Number(m[1]);
    const unit = (m[2] ?? 'ms').toLowerCase();
    const factor = unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'h' ? 3_600_000 : 60_000;
    return Math.round(value * factor);
}
/** `1.2 s`, `850 ms`: short human form for output lines. */
export function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)} s`;
    return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
