/**
 * Where a file stops being UTF-8. Decoding with replacement would run U+FFFD instead of the file's
 * bytes (psql refuses such a file), so the runner refuses it and says where to look.
 */
export interface InvalidUtf8 {
    /** 0-based offset of the first byte of the first invalid sequence (as PostgreSQL names it). */
    offset: number;
    /** That byte. */
    byte: number;
    /** 1-based line of that byte. */
    line: number;
}
/** The first invalid sequence of `bytes`, or undefined when it is all valid UTF-8 (RFC 3629: no surrogates, nothing above U+10FFFF, shortest form). */
export declare function firstInvalidUtf8(bytes: Uint8Array): InvalidUtf8 | undefined;
