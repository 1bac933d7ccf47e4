import type { RunLogger } from './hooks.js';
export type LogFormat = 'text' | 'json';
/** Where the logger writes: process.stdout and process.stderr, or any stream with write(). */
export interface TextOutput {
    write(text: string): unknown;
    /** A terminal gets the progress line rewritten in place. */
    isTTY?: boolean;
}
export interface ConsoleLoggerOptions {
    format?: LogFormat;
    /** Where lines go (default process.stderr for warnings/errors and process.stdout for the rest). */
    out?: TextOutput;
    err?: TextOutput;
    /** Secrets scrubbed from every line (the connection's password). */
    secrets?: readonly string[];
    /** Show progress events as a line rewritten in place (default: whether `out` is a terminal). */
    tty?: boolean;
}
/**
 * The runner's logger for terminals and log pipelines. Every event carries a `message` for people;
 * `--log-format json` writes one object per event with the fields log pipelines index on.
 */
export declare function createConsoleLogger(options?: ConsoleLoggerOptions): RunLogger;
/** A logger that drops everything (library default). */
export declare const silentLogger: RunLogger;
/** Wraps a logger so that every field is scrubbed of the given secrets before it is passed on. */
export declare function redactingLogger(logger: RunLogger, secrets: readonly string[]): RunLogger;
