/** A table-size threshold: a row count (`10000`, `2M`) or a size in bytes (`64MB`, `1GB`). */
export type SizeThreshold = {
    rows: number;
} | {
    bytes: number;
};
export declare const DEFAULT_SMALL_TABLE: SizeThreshold;
export declare const DEFAULT_LARGE_TABLE: SizeThreshold;
/** Parses `10000`, `10k`, `2M` (rows) or `64kB`, `100MB`, `2GB` (bytes, powers of 1024); undefined when malformed. */
export declare function parseSizeThreshold(value: string | number): SizeThreshold | undefined;
export declare function describeThreshold(t: SizeThreshold): string;
export interface SizeFigures {
    rows: number;
    totalBytes: number;
}
export declare function below(t: SizeThreshold, f: SizeFigures): boolean;
export declare function above(t: SizeThreshold, f: SizeFigures): boolean;
export declare function formatBytes(n: number): string;
export declare function formatCount(n: number): string;
export declare function formatSeconds(s: number): string;
