export interface DemoOptions {
    /** Where the transcript goes (default: standard output). */
    out?: NodeJS.WritableStream;
}
/**
 * `pgwarden demo`: lint, guarded migrate, refusal, rollback and restore on a throwaway embedded
 * PostgreSQL. Resolves to true when every step behaved as expected (the refusal and the failures are
 * expected). The server and its temporary directory are removed in every case, signals included.
 */
export declare function runDemo(options?: DemoOptions): Promise<boolean>;
/** The installed package's root (migrations-example/ and demo/ ship there), from src/ or dist/src/. */
export declare function packageRoot(): string;
