import type { RunLogger } from './hooks.js';
import { redact } from '../db/redact.js';

export type LogFormat = 'text' | 'json';
type Level = 'info' | 'warn' | 'error';

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
export function createConsoleLogger(options: ConsoleLoggerOptions = {}): RunLogger {
  const format = options.format ?? 'text';
  const out = options.out ?? process.stdout;
  const err = options.err ?? process.stderr;
  const secrets = options.secrets ?? [];
  const tty = options.tty ?? Boolean(out.isTTY);
  let progressShown = false;
  const write = (level: Level, event: string, fields: Record<string, unknown> = {}): void => {
    if (format === 'json') {
      const { migration, duration_ms, attempt, error, progress: _p, quiet: _q, ...rest } = fields;
      const line = JSON.stringify({
        timestamp: new Date().toISOString(),
        level,
        event,
        migration: migration ?? null,
        duration_ms: duration_ms ?? null,
        attempt: attempt ?? null,
        error: error === undefined ? null : String(error),
        ...rest,
      });
      out.write(`${redact(line, secrets)}\n`);
      return;
    }
    // plain text shows outcomes; "started" events only as a progress line on a terminal
    if (fields.quiet || (fields.progress && !tty)) return;
    const message = typeof fields.message === 'string' ? fields.message : describe(event, fields);
    const prefix = level === 'error' ? 'error: ' : level === 'warn' ? 'warning: ' : '';
    if (progressShown) {
      out.write('\r\x1b[K');
      progressShown = false;
    }
    if (fields.progress) {
      out.write(redact(message, secrets));
      progressShown = true;
      return;
    }
    (level === 'info' ? out : err).write(`${redact(prefix + message, secrets)}\n`);
  };
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}

function describe(event: string, fields: Record<string, unknown>): string {
  const parts = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return [event, ...parts].join(' ');
}

/** A logger that drops everything (library default). */
export const silentLogger: RunLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Wraps a logger so that every field is scrubbed of the given secrets before it is passed on. */
export function redactingLogger(logger: RunLogger, secrets: readonly string[]): RunLogger {
  const scrub = (fields?: Record<string, unknown>): Record<string, unknown> | undefined => {
    if (!fields) return fields;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) out[k] = typeof v === 'string' ? redact(v, secrets) : v;
    return out;
  };
  return {
    info: (e, f) => logger.info(e, scrub(f)),
    warn: (e, f) => logger.warn(e, scrub(f)),
    error: (e, f) => logger.error(e, scrub(f)),
  };
}
