/** Parses `500ms`, `10s`, `3m`, `1h` or a bare number of milliseconds; undefined when malformed. */
export declare function parseDuration(text: string | number): number | undefined;
/** `1.2 s`, `850 ms`: short human form for output lines. */
export declare function formatDuration(ms: number): string;
